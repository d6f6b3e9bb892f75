/** Test fixtures: an app over an in-memory database with the demo data set, built once per file. */
import { openDb, type Db } from '../../server/db/client.js';
import { loadSeedSet } from '../../server/db/seed.js';
import { readSeedSet, type SeedSet } from '../../server/db/seed-files.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../../server/search/knowledge-base.js';
import { createApp } from '../../server/app.js';
import { createDeps } from '../../server/deps.js';
import { parseEnv } from '../../server/env.js';
import type { JobRunner } from '../../server/jobs/runner.js';
import { createSession, insertUser } from '../../server/db/users.repo.js';
import type { User } from '../../server/domain/account.schema.js';
import { SESSION_COOKIE } from '../../server/http/session.js';

let cachedSeed: SeedSet | null = null;
export function demoSeed(): SeedSet {
  cachedSeed ??= readSeedSet('data/seed');
  return cachedSeed;
}

let cachedKb: KnowledgeBase | null = null;
/** The knowledge base compiled straight from data/seed (no database). */
export function demoKb(): KnowledgeBase {
  cachedKb ??= buildKnowledgeBase(demoSeed());
  return cachedKb;
}

const adoptedKbs = new Map<string, KnowledgeBase>();
/**
 * The demo knowledge with some 示例规则/参照 rules adopted (as a jurisdiction's admin would): for tests of
 * what those rules do once they gate (docs/RULES.md; not adopted they only raise flags).
 */
export function adoptedKb(...ruleIds: string[]): KnowledgeBase {
  const key = ruleIds.join(',');
  let kb = adoptedKbs.get(key);
  if (!kb) {
    const seed = demoSeed();
    const adoption = { by: 'test', at: '2026-12-01T00:00:00.000Z', reason: '测试：按采纳后的规则评分' };
    for (const id of ruleIds) if (!seed.rules.some((r) => r.id === id)) throw new Error(`adoptedKb: no rule ${id}`);
    kb = buildKnowledgeBase({ ...seed, rules: seed.rules.map((r) => (ruleIds.includes(r.id) ? { ...r, adoption } : r)) });
    adoptedKbs.set(key, kb);
  }
  return kb;
}

/** Requests as one signed-in user (or anonymously). */
export interface Requester {
  /** The `Cookie` header sent (null: anonymous). */
  cookie: string | null;
  request: (path: string, init?: RequestInit) => Promise<Response>;
  json: <T = any>(path: string, init?: RequestInit) => Promise<{ status: number; body: T }>;
  post: <T = any>(path: string, body: unknown) => Promise<{ status: number; body: T }>;
}

export interface TestApp extends Requester {
  app: ReturnType<typeof createApp>;
  db: Db;
  kb: () => KnowledgeBase;
  /** The bulk job runner (worker threads start on the first job; stop it in afterAll). */
  jobs: JobRunner;
  deps: ReturnType<typeof createDeps>;
  /** The default requests are the system administrator's (`admin`); `as` sends them as someone else. */
  as: (cookie: string | null) => Requester;
  /** Creates a user (no password: signed in directly) and returns the session cookie. */
  userCookie: (u: Pick<User, 'username' | 'role'> & Partial<User>) => string;
}

/** A user with a live session, written straight to the database (tests only: no password, no sign-in). */
/** Every table's row count and the connection's total_changes(): what any write would change (equal before and after: nothing was written). */
export function dbFingerprint(db: Db): { changes: unknown; counts: Record<string, unknown> } {
  const sqlite = db.$client;
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  return {
    changes: sqlite.prepare('SELECT total_changes()').pluck().get(),
    counts: Object.fromEntries(tables.map((n) => [n, sqlite.prepare(`SELECT count(*) FROM "${n}"`).pluck().get()])),
  };
}

export function sessionCookieFor(db: Db, u: Pick<User, 'username' | 'role'> & Partial<User>): string {
  insertUser(
    db,
    {
      username: u.username,
      role: u.role,
      displayName: u.displayName ?? u.username,
      jurisdictionId: u.jurisdictionId ?? null,
      town: u.town ?? null,
      passwordHash: 'test-user-without-password',
    },
    'test',
  );
  return `${SESSION_COOKIE}=${createSession(db, u.username, 3_600_000).token}`;
}

function requester(app: ReturnType<typeof createApp>, cookie: string | null): Requester {
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
    return Promise.resolve(app.request(path, { ...init, headers }));
  };
  const json = async (path: string, init?: RequestInit) => {
    const res = await request(path, init);
    return { status: res.status, body: await res.json() };
  };
  const post = (path: string, body: unknown) =>
    json(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { cookie, request, json, post };
}

export function createTestApp(envOverrides: Record<string, string> = {}, opts: Parameters<typeof createDeps>[1] = {}): TestApp {
  const env = parseEnv({ LOG_LEVEL: 'silent', ...envOverrides });
  const db = openDb(':memory:');
  loadSeedSet(db, demoSeed(), 'test');
  const deps = createDeps(env, { ...opts, db });
  const app = createApp(deps);
  const { jobs, kb } = deps;
  const admin = sessionCookieFor(db, { username: 'admin', role: 'admin', displayName: '系统管理员' });
  return {
    app,
    db,
    kb,
    jobs,
    deps,
    ...requester(app, admin),
    as: (cookie) => requester(app, cookie),
    userCookie: (u) => sessionCookieFor(db, u),
  };
}
