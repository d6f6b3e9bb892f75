/** Test fixtures: an app over an in-memory database with the demo data set, built once per file. */
import { openDb, type Db } from '../../server/db/client.js';
import { loadSeedSet } from '../../server/db/seed.js';
import { readSeedSet, type SeedSet } from '../../server/db/seed-files.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../../server/search/knowledge-base.js';
import { createApp } from '../../server/app.js';
import { createDeps } from '../../server/deps.js';
import { parseEnv } from '../../server/env.js';
import type { JobRunner } from '../../server/jobs/runner.js';

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

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  kb: () => KnowledgeBase;
  /** The bulk job runner (worker threads start on the first job; stop it in afterAll). */
  jobs: JobRunner;
  request: (path: string, init?: RequestInit) => Promise<Response>;
  json: <T = any>(path: string, init?: RequestInit) => Promise<{ status: number; body: T }>;
  post: <T = any>(path: string, body: unknown) => Promise<{ status: number; body: T }>;
}

export function createTestApp(envOverrides: Record<string, string> = {}): TestApp {
  const env = parseEnv({ LOG_LEVEL: 'silent', ...envOverrides });
  const db = openDb(':memory:');
  loadSeedSet(db, demoSeed(), 'test');
  const deps = createDeps(env, { db });
  const app = createApp(deps);
  const { jobs, kb } = deps;
  const request = (path: string, init?: RequestInit) => Promise.resolve(app.request(path, init));
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
  return { app, db, kb, jobs, request, json, post };
}
