/**
 * `npm run bench` part: what committing a placement and giving a unit back cost the request thread
 * (in process, the demo data). Before vacancy was state, each of them rebuilt the whole knowledge base on
 * the request thread; the last line prints what such a rebuild costs, at the demo data and at 2,000 parks.
 */
import { readSeedSet } from '../server/db/seed-files.js';
import { openDb } from '../server/db/client.js';
import { loadSeedSet } from '../server/db/seed.js';
import { createApp } from '../server/app.js';
import { createDeps } from '../server/deps.js';
import { parseEnv } from '../server/env.js';
import { createSession, insertUser } from '../server/db/users.repo.js';
import { SESSION_COOKIE } from '../server/http/session.js';
import { buildKnowledgeBase } from '../server/search/knowledge-base.js';
import { loadKnowledgeInput } from '../server/db/parks.repo.js';
import { scaleParks } from './synthetic.js';

const base = readSeedSet('data/seed');
const db = openDb(':memory:');
loadSeedSet(db, base);
const deps = createDeps(parseEnv({ LOG_LEVEL: 'silent' }), { db });
const app = createApp(deps);
insertUser(db, { username: 'bench', displayName: 'bench', role: 'admin', jurisdictionId: null, town: null, passwordHash: 'none' }, 'bench');
const cookie = `${SESSION_COOKIE}=${createSession(db, 'bench', 3_600_000).token}`;
const post = async (path: string, body: unknown) => {
  const r = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const NEEDS = [
  '医疗器械生产，需要1500平方米厂房',
  '智能装备装配，需要2000平方米厂房',
  '软件研发，需要500平方米研发楼',
  '新材料中试，需要1200平方米厂房',
];

console.log('\n## A placement committed and given back (request thread, in process, demo data)');
const commit: number[] = [];
const giveBack: number[] = [];
for (let i = 0; i < 28; i++) {
  const lead = await post('/api/leads', { name: `基准项目${i}`, summary: NEEDS[i % NEEDS.length] });
  if (lead.status !== 201) throw new Error(`lead: ${lead.status} ${JSON.stringify(lead.body)}`);
  let s = performance.now();
  const c = await post('/api/routing/commit', { leadIds: [lead.body.id] });
  if (i >= 4) commit.push(performance.now() - s); // the first four warm up
  if (c.status !== 200) throw new Error(`commit: ${c.status} ${JSON.stringify(c.body)}`);
  s = performance.now();
  const w = await post(`/api/routing/${String(lead.body.id)}/withdraw`, { reason: '基准' });
  if (i >= 4) giveBack.push(performance.now() - s);
  if (w.status !== 200) throw new Error(`withdraw: ${w.status} ${JSON.stringify(w.body)}`);
}
const line = (name: string, xs: number[]) =>
  console.log(`${name.padEnd(10)} p50 ${quantile(xs, 0.5).toFixed(1)} ms · max ${Math.max(...xs).toFixed(1)} ms (${xs.length} requests)`);
line('commit', commit);
line('withdraw', giveBack);
const rebuild = (input: ReturnType<typeof loadKnowledgeInput>) => {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    buildKnowledgeBase(input);
    times.push(performance.now() - s);
  }
  return Math.min(...times);
};
console.log(
  `a full knowledge rebuild (what each of them cost before): demo ${rebuild(loadKnowledgeInput(db)).toFixed(0)} ms · 2,000 parks ${rebuild(scaleParks(base, 2000)).toFixed(0)} ms (best of 3)`,
);
await deps.close();
