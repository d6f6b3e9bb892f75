/**
 * The origin check (API.md v2): a state-changing request a browser sends from another origin is
 * refused with 403 forbidden_origin — JSON and multipart alike, with a valid session cookie — and
 * nothing is written. Same-origin requests and requests without browser headers pass; reads pass;
 * no CORS headers are ever sent.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});

/** Every table's row count and the units' content: what a write would change. */
function snapshot() {
  const sqlite = t.db.$client;
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  return {
    counts: Object.fromEntries(tables.map((n) => [n, sqlite.prepare(`SELECT count(*) FROM "${n}"`).pluck().get()])),
    spaces: sqlite.prepare('SELECT * FROM spaces ORDER BY id').all(),
    changes: sqlite.prepare('SELECT total_changes()').pluck().get(),
  };
}

const SPACE_ID = 'jx-weichuang-b1-f8';
function spacesCsv(): Blob {
  // the attack of issue 15: a unit from 1,020 ㎡ 空置 to 2 ㎡ 预留
  const row = t.db.$client.prepare('SELECT id, park_id FROM spaces WHERE id = ?').get(SPACE_ID) as { id: string; park_id: string };
  expect(row).toBeTruthy();
  return new Blob([`空间编号,园区编号,面积(平方米),状态\n${row.id},${row.park_id},2,预留\n`], { type: 'text/csv' });
}

const FOREIGN: [string, Record<string, string>][] = [
  ['Origin of another site', { origin: 'https://evil.example' }],
  ['Origin of another port on the same host', { origin: 'http://localhost:4000' }],
  ['an opaque (null) Origin', { origin: 'null' }],
  ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
  ['Sec-Fetch-Site same-site (another port)', { 'sec-fetch-site': 'same-site', origin: 'http://localhost:4000' }],
];

describe('state-changing requests from another origin', () => {
  it.each(FOREIGN)('refuses a multipart import with %s (valid session): 403, nothing changed', async (_n, headers) => {
    const before = snapshot();
    const fd = new FormData();
    fd.append('file', spacesCsv(), 'spaces.csv');
    const r = await t.request('http://localhost:3000/api/import/spaces', { method: 'POST', body: fd, headers });
    expect(r.status).toBe(403);
    expect((await r.json()).error.code).toBe('forbidden_origin');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    expect(snapshot()).toEqual(before);
  });

  it.each(FOREIGN)('refuses a JSON write with %s (valid session): 403, nothing changed', async (_n, headers) => {
    const before = snapshot();
    const r = await t.request('http://localhost:3000/api/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ summary: '研发生产内窥镜' }),
    });
    expect(r.status).toBe(403);
    expect((await r.json()).error.code).toBe('forbidden_origin');
    expect(snapshot()).toEqual(before);
  });

  it('refuses a cross-origin sign-in and sign-out too (no login CSRF)', async () => {
    const r = await t.as(null).request('http://localhost:3000/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ username: 'admin', password: 'whatever-1' }),
    });
    expect(r.status).toBe(403);
    expect(r.headers.get('set-cookie')).toBeNull();
    const out = await t.request('http://localhost:3000/api/auth/logout', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(out.status).toBe(403);
    expect((await t.json('/api/auth/me')).status).toBe(200); // still signed in
  });
});

describe('what passes', () => {
  it('a same-origin browser write (Origin matches Host, Sec-Fetch-Site same-origin)', async () => {
    const r = await t.request('http://localhost:3000/api/leads', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost:3000',
        host: 'localhost:3000',
        'sec-fetch-site': 'same-origin',
      },
      body: JSON.stringify({ summary: '研发生产内窥镜' }),
    });
    expect(r.status).toBe(201);
  });

  it("the same multipart import from this origin changes the unit (so the refusals above are the check's doing)", async () => {
    const fd = new FormData();
    fd.append('file', spacesCsv(), 'spaces.csv');
    const r = await t.request('http://localhost:3000/api/import/spaces', {
      method: 'POST',
      body: fd,
      headers: { origin: 'http://localhost:3000', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' },
    });
    expect(r.status).toBe(200);
    expect(t.db.$client.prepare('SELECT area_m2, status FROM spaces WHERE id = ?').get(SPACE_ID)).toEqual({
      area_m2: 2,
      status: 'reserved',
    });
  });

  it('a script without browser origin headers, judged by its session alone', async () => {
    expect((await t.post('/api/leads', { summary: '研发生产内窥镜' })).status).toBe(201);
    expect((await t.as(null).post('/api/leads', { summary: '研发生产内窥镜' })).status).toBe(401);
  });

  it('a cross-origin read: GET is not state-changing (and gets no CORS header to read the answer)', async () => {
    const r = await t.request('http://localhost:3000/api/parks?limit=1', {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});
