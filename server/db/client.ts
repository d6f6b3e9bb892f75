/**
 * Opens the one SQLite file: WAL, synchronous set and checked on every open (better-sqlite3 reopens
 * a WAL database at NORMAL otherwise), busy_timeout, foreign_keys; then applies pending migrations.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.js';
import { chainUnhashedAudit, registerAuditHash } from './audit.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Synchronous = 'FULL' | 'NORMAL';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/**
 * The -wal file is truncated back to this size whenever a checkpoint resets it (without a limit it
 * kept its largest size, 67 MiB after a big job, until the last connection closed).
 */
export const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;
const SYNC_CODES: Record<Synchronous, number> = { NORMAL: 1, FULL: 2 };

export interface OpenOptions {
  synchronous?: Synchronous;
  readonly?: boolean;
}

export interface Pragmas {
  journalMode: string;
  synchronous: number;
  busyTimeout: number;
  foreignKeys: number;
  journalSizeLimit: number;
}

export function readPragmas(sqlite: Database.Database): Pragmas {
  return {
    journalMode: String(sqlite.pragma('journal_mode', { simple: true })),
    synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
    busyTimeout: Number(sqlite.pragma('busy_timeout', { simple: true })),
    foreignKeys: Number(sqlite.pragma('foreign_keys', { simple: true })),
    journalSizeLimit: Number(sqlite.pragma('journal_size_limit', { simple: true })),
  };
}

/** Opens (creating if needed) the database at `path` (":memory:" for tests) and migrates it. */
export function openDb(path: string, opts: OpenOptions = {}): Db {
  const synchronous = opts.synchronous ?? 'FULL';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, { readonly: opts.readonly ?? false });
  if (!opts.readonly && path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
  const p = readPragmas(sqlite);
  const wantJournal = path === ':memory:' ? 'memory' : 'wal';
  if (
    p.synchronous !== SYNC_CODES[synchronous] ||
    p.busyTimeout < 5000 ||
    p.foreignKeys !== 1 ||
    p.journalSizeLimit !== JOURNAL_SIZE_LIMIT ||
    (!opts.readonly && p.journalMode !== wantJournal)
  ) {
    sqlite.close();
    throw new Error(`SQLite pragmas not as configured: ${JSON.stringify(p)}`);
  }
  registerAuditHash(sqlite); // the audit trail's chain trigger calls it (server/db/audit.ts)
  const db = drizzle(sqlite, { schema }) as Db;
  if (!opts.readonly) {
    migrate(db, { migrationsFolder: MIGRATIONS });
    chainUnhashedAudit(sqlite);
  }
  return db;
}

/**
 * Copies the WAL back into the database file now, without waiting for anyone (PASSIVE: a reader such
 * as a running backup is never blocked, and this never waits on it); with journal_size_limit the -wal
 * file is truncated when the next writer resets it. Called after a job ends and after deletions.
 * Returns the WAL's frames and how many were copied (-1, -1 for a database without a WAL).
 */
export function checkpoint(db: Db): { log: number; checkpointed: number } {
  const r = db.$client.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return { log: r[0]?.log ?? -1, checkpointed: r[0]?.checkpointed ?? -1 };
}

/** Runs `fn` in a BEGIN IMMEDIATE transaction (never DEFERRED: read-then-write upgrades hit SQLITE_BUSY). */
export function writeTx<T>(db: Db, fn: (tx: Db) => T): T {
  return db.transaction((tx) => fn(tx as unknown as Db), { behavior: 'immediate' });
}
