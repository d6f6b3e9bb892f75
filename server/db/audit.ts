/**
 * The audit trail (API.md v2): append-only and hash-chained. The database refuses UPDATE and DELETE
 * (triggers of migration 0002); each row's `hash` = sha256 of the row before's hash and this row's
 * columns, set by an AFTER INSERT trigger that calls `luodi_audit_hash`, which `registerAuditHash`
 * defines on every connection (server/db/client.ts). `verifyAudit` recomputes the chain.
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import * as t from './schema.js';

type Cell = string | number | bigint | null;

/** The chain's hash of one row: sha256 over the previous hash and the row's stored columns. */
export function auditHash(prev: Cell, id: Cell, at: Cell, actor: Cell, action: Cell, object: Cell, detail: Cell): string {
  const parts = [prev, id, at, actor, action, object, detail].map((v) => (v === null ? null : String(v)));
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Defines luodi_audit_hash for the triggers, then chains rows written before migration 0002 (hash still null). */
export function registerAuditHash(sqlite: Database.Database): void {
  sqlite.function('luodi_audit_hash', { deterministic: true }, (prev, id, at, actor, action, object, detail) =>
    auditHash(prev as Cell, id as Cell, at as Cell, actor as Cell, action as Cell, object as Cell, detail as Cell),
  );
}

/** Gives the rows written before the chain existed their hashes, in id order (the one UPDATE the triggers allow). */
export function chainUnhashedAudit(sqlite: Database.Database): number {
  const hasColumn = (sqlite.prepare(`SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'hash'`).pluck().get() as number) > 0;
  if (!hasColumn) return 0;
  const rows = sqlite
    .prepare('SELECT id, at, actor, action, object, detail FROM audit WHERE hash IS NULL ORDER BY id')
    .all() as AuditRowRaw[];
  if (!rows.length) return 0;
  const prevOf = sqlite.prepare('SELECT hash FROM audit WHERE id < ? ORDER BY id DESC LIMIT 1').pluck();
  const set = sqlite.prepare('UPDATE audit SET hash = ? WHERE id = ?');
  sqlite
    .transaction(() => {
      for (const r of rows)
        set.run(auditHash((prevOf.get(r.id) as string | undefined) ?? null, r.id, r.at, r.actor, r.action, r.object, r.detail), r.id);
    })
    .immediate();
  return rows.length;
}

interface AuditRowRaw {
  id: number;
  at: string;
  actor: string;
  action: string;
  object: string | null;
  detail: string | null;
  hash?: string | null;
}

export interface AuditProblem {
  id: number;
  problem: string;
}

/** Recomputes the chain over every row: the first row whose hash does not follow is where the trail was changed. */
export function verifyAudit(sqlite: Database.Database): { rows: number; problems: AuditProblem[] } {
  const problems: AuditProblem[] = [];
  let prev: string | null = null;
  let lastId = 0;
  let rows = 0;
  for (const r of sqlite
    .prepare('SELECT id, at, actor, action, object, detail, hash FROM audit ORDER BY id')
    .iterate() as IterableIterator<AuditRowRaw>) {
    rows++;
    if (r.id !== lastId + 1 && lastId !== 0)
      problems.push({ id: r.id, problem: `行 ${lastId + 1}–${r.id - 1} 缺失 / rows missing before ${r.id}` });
    const want = auditHash(prev, r.id, r.at, r.actor, r.action, r.object, r.detail);
    if (r.hash !== want)
      problems.push({ id: r.id, problem: r.hash ? '内容与哈希不符 / content does not match its hash' : '没有哈希 / no hash' });
    prev = r.hash ?? null;
    lastId = r.id;
  }
  return { rows, problems };
}

export interface AuditEntry {
  actor: string;
  action: string;
  object?: string | null;
  detail?: Record<string, unknown> | null;
  at?: string;
}

/** Appends one row (inside the caller's transaction when given one). */
export function appendAudit(db: Db, e: AuditEntry): void {
  db.insert(t.audit)
    .values({ at: e.at ?? new Date().toISOString(), actor: e.actor, action: e.action, object: e.object ?? null, detail: e.detail ?? null })
    .run();
}

export interface AuditFilter {
  actor?: string;
  /** An action, or its prefix ending in '.' (e.g. `routing.`). */
  action?: string;
  target?: string;
  from?: string;
  to?: string;
  /** Only rows whose actor is a user of this jurisdiction. */
  jurisdictionId?: string;
  limit: number;
  offset: number;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
}

/** Newest first, filtered; with the total. */
export function listAudit(db: Db, f: AuditFilter): { items: AuditRow[]; total: number } {
  const where: SQL[] = [];
  if (f.actor) where.push(eq(t.audit.actor, f.actor));
  if (f.action)
    where.push(f.action.endsWith('.') ? sql`substr(${t.audit.action}, 1, ${f.action.length}) = ${f.action}` : eq(t.audit.action, f.action));
  if (f.target) where.push(eq(t.audit.object, f.target));
  if (f.from) where.push(gte(t.audit.at, f.from));
  if (f.to) where.push(lte(t.audit.at, f.to));
  if (f.jurisdictionId !== undefined)
    where.push(sql`${t.audit.actor} IN (SELECT ${t.users.username} FROM ${t.users} WHERE ${t.users.jurisdictionId} = ${f.jurisdictionId})`);
  const cond = where.length ? and(...where) : undefined;
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(t.audit)
      .where(cond)
      .get()?.n ?? 0;
  const items = db
    .select()
    .from(t.audit)
    .where(cond)
    .orderBy(desc(t.audit.id))
    .limit(f.limit)
    .offset(f.offset)
    .all()
    .map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, target: r.object, detail: r.detail ?? null }));
  return { items, total };
}
