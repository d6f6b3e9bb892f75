/** Accounts and server-side sessions (API.md v2). The session table holds only the sha256 of each cookie token. */
import type Database from 'better-sqlite3';
import { asc, eq, lte } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { writeTx, type Db } from './client.js';
import * as t from './schema.js';
import { ROLES, type Role, type User } from '../domain/account.schema.js';
import { appendAudit } from './audit.js';

type UserRow = typeof t.users.$inferSelect;

const asRole = (r: string): Role => ((ROLES as readonly string[]).includes(r) ? (r as Role) : 'viewer');

export const toUser = (r: UserRow): User => ({
  username: r.username,
  displayName: r.displayName,
  role: asRole(r.role),
  jurisdictionId: r.jurisdictionId,
  town: r.town,
});

export interface StoredUser extends User {
  passwordHash: string;
}

export function findUser(db: Db, username: string): StoredUser | null {
  const r = db.select().from(t.users).where(eq(t.users.username, username)).get();
  return r ? { ...toUser(r), passwordHash: r.passwordHash } : null;
}

export function listUsers(db: Db): User[] {
  return db.select().from(t.users).orderBy(asc(t.users.username)).all().map(toUser);
}

export function userCount(db: Db): number {
  return db.$client.prepare('SELECT count(*) FROM users').pluck().get() as number;
}

export interface NewUser extends User {
  passwordHash: string;
}

/** Inserts a user and its audit row; false when the username is taken (nothing written). */
export function insertUser(db: Db, u: NewUser, actor: string): boolean {
  return writeTx(db, (tx) => {
    if (tx.select({ u: t.users.username }).from(t.users).where(eq(t.users.username, u.username)).get()) return false;
    tx.insert(t.users)
      .values({ ...u, createdAt: new Date().toISOString(), createdBy: actor })
      .run();
    appendAudit(tx, {
      actor,
      action: 'user.create',
      object: u.username,
      detail: { role: u.role, jurisdictionId: u.jurisdictionId, town: u.town, displayName: u.displayName },
    });
    return true;
  });
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session for `username` until `expiresAt`; returns the cookie token (never stored). Drops expired sessions. */
export function createSession(db: Db, username: string, ttlMs: number, nowMs = Date.now()): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(nowMs + ttlMs).toISOString();
  writeTx(db, (tx) => {
    tx.delete(t.sessions)
      .where(lte(t.sessions.expiresAt, new Date(nowMs).toISOString()))
      .run();
    tx.insert(t.sessions)
      .values({ tokenHash: tokenHash(token), username, createdAt: new Date(nowMs).toISOString(), expiresAt })
      .run();
  });
  return { token, expiresAt };
}

type SessionStatement = Database.Statement<[string, string]>;
const sessionLookups = new WeakMap<Db['$client'], SessionStatement>();

/** The user of a live session (null: unknown or expired token). One prepared statement per connection: every request asks it. */
export function sessionUser(db: Db, token: string, nowMs = Date.now()): User | null {
  let st = sessionLookups.get(db.$client);
  if (!st) {
    st = db.$client.prepare<[string, string]>(
      `SELECT u.username, u.display_name AS displayName, u.role, u.jurisdiction_id AS jurisdictionId, u.town
       FROM sessions s JOIN users u ON u.username = s.username WHERE s.token_hash = ? AND s.expires_at > ?`,
    );
    sessionLookups.set(db.$client, st);
  }
  const r = st.get(tokenHash(token), new Date(nowMs).toISOString()) as (Omit<User, 'role'> & { role: string }) | undefined;
  return r ? { ...r, role: asRole(r.role) } : null;
}

export function deleteSession(db: Db, token: string): void {
  db.delete(t.sessions)
    .where(eq(t.sessions.tokenHash, tokenHash(token)))
    .run();
}
