/**
 * Accounts and sessions (API.md v2): sign-in with a scrypt-hashed password, the session cookie's
 * flags, logout, the same 401 for an unknown user and a wrong password, throttling per username and
 * per address, users created by admins only, the first administrator, pages sending visitors without
 * a session to the sign-in page.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { createHash } from 'node:crypto';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { openDb } from '../../server/db/client.js';
import { ensureFirstAdmin } from '../../server/pipeline/accounts.js';
import { findUser } from '../../server/db/users.repo.js';
import { hashPasswordSync, verifyPassword } from '../../server/auth/password.js';

let t: TestApp;
beforeAll(async () => {
  t = createTestApp({}, { throttle: { maxPerUser: 3, maxPerAddress: 6, windowMs: 60_000, lockMs: 60_000 } });
  const r = await t.post('/api/users', {
    username: 'wang',
    password: 'secret-pass-1',
    displayName: '王五',
    role: 'town',
    town: '东栅街道',
  });
  expect(r.status).toBe(201);
});

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.as(null).request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });

describe('POST /api/auth/login', () => {
  it('signs in with the right password: the user, and an HttpOnly SameSite=Strict session cookie on /', async () => {
    const r = await login('wang', 'secret-pass-1');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      user: { username: 'wang', displayName: '王五', role: 'town', jurisdictionId: 'jiaxing', town: '东栅街道' }, // the town's jurisdiction
    });
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^luodi_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure'); // plain HTTP here
    const me = await t.as(cookie.split(';')[0]!).json('/api/auth/me');
    expect(me).toEqual({ status: 200, body: expect.objectContaining({ username: 'wang', role: 'town', town: '东栅街道' }) });
  });

  it('marks the cookie Secure when served over HTTPS', async () => {
    const r = await login('wang', 'secret-pass-1', { 'x-forwarded-proto': 'https' });
    expect(r.headers.get('set-cookie')).toContain('Secure');
  });

  it('answers an unknown user and a wrong password with the same 401, and sets no cookie', async () => {
    const a = await login('nobody-here', 'secret-pass-1');
    const b = await login('wang', 'wrong-pass-1');
    expect([a.status, b.status]).toEqual([401, 401]);
    const [ja, jb] = [await a.json(), await b.json()];
    expect(ja).toEqual(jb);
    expect(ja.error.code).toBe('unauthenticated');
    expect(a.headers.get('set-cookie')).toBeNull();
    expect(b.headers.get('set-cookie')).toBeNull();
  });

  it('names the missing field', async () => {
    const r = await login('', '');
    expect(r.status).toBe(400);
    expect((await r.json()).error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['password', 'username']);
  });

  it('locks a username after repeated failures, even with the right password, and other users still sign in', async () => {
    await t.post('/api/users', { username: 'li', password: 'secret-pass-2', role: 'viewer' });
    for (let i = 0; i < 3; i++) expect((await login('li', `wrong-${i}-pass`)).status).toBe(401);
    const locked = await login('li', 'secret-pass-2');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await locked.json()).error.message).toContain('分钟后再试');
  });

  it('locks an address after repeated failures across usernames', async () => {
    const t2 = createTestApp({}, { throttle: { maxPerUser: 100, maxPerAddress: 4, windowMs: 60_000, lockMs: 60_000 } });
    await t2.post('/api/users', { username: 'zhao', password: 'secret-pass-3', role: 'viewer' });
    const try2 = (u: string, p: string) =>
      t2.as(null).request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: u, password: p }),
      });
    for (let i = 0; i < 4; i++) expect((await try2(`guess${i}`, 'whatever-1')).status).toBe(401);
    expect((await try2('zhao', 'secret-pass-3')).status).toBe(429);
  });

  it('records sign-ins and failures in the audit, never the password', async () => {
    const rows = (await t.json('/api/audit?action=auth.')).body.items as { action: string; detail: unknown }[];
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.failed']));
    expect(JSON.stringify(rows)).not.toContain('secret-pass');
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session: the same cookie is then refused', async () => {
    const cookie = (await login('wang', 'secret-pass-1')).headers.get('set-cookie')!.split(';')[0]!;
    const as = t.as(cookie);
    expect((await as.json('/api/auth/me')).status).toBe(200);
    const out = await as.request('/api/auth/logout', { method: 'POST' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/luodi_session=;.*Max-Age=0/);
    expect((await as.json('/api/auth/me')).status).toBe(401);
  });
});

describe('sessions', () => {
  it('refuses an unknown or expired session token with 401', async () => {
    expect((await t.as('luodi_session=not-a-token').json('/api/leads')).status).toBe(401);
    t.db.$client
      .prepare(`INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('old', 'old', 'admin', 'x', 'x')`)
      .run();
    t.db.$client
      .prepare(`INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES (?, 'old', '2020-01-01', '2020-01-02')`)
      .run(createHash('sha256').update('expired-token').digest('hex'));
    expect((await t.as('luodi_session=expired-token').json('/api/auth/me')).status).toBe(401);
  });

  it('stores only the sha256 of the cookie token', async () => {
    const cookie = (await login('wang', 'secret-pass-1')).headers.get('set-cookie')!.split(';')[0]!;
    const token = cookie.split('=')[1]!;
    const stored = t.db.$client.prepare('SELECT token_hash FROM sessions').pluck().all() as string[];
    expect(stored).not.toContain(token);
    expect(stored.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });
});

describe('users', () => {
  it('stores a scrypt hash, never the password', async () => {
    const u = findUser(t.db, 'wang')!;
    expect(u.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(u.passwordHash).not.toContain('secret-pass-1');
    expect(await verifyPassword('secret-pass-1', u.passwordHash)).toBe(true);
    expect(await verifyPassword('secret-pass-2', u.passwordHash)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', hashPasswordSync('x', { N: 1024, r: 8, p: 1 }))).toBe(true);
  });

  it('lets an admin create and list users, naming every bad field; a taken name is 409', async () => {
    const bad = await t.post('/api/users', { username: '王', password: 'short', role: 'town' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['password', 'town', 'username']);
    const taken = await t.post('/api/users', { username: 'wang', password: 'secret-pass-9', role: 'viewer' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.issues[0].path).toBe('username');
    const list = await t.json('/api/users');
    expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['admin', 'wang']));
    expect(JSON.stringify(list.body)).not.toContain('scrypt');
  });

  it('refuses user creation to town staff and viewers (403, nothing written)', async () => {
    const town = t.as(t.userCookie({ username: 'town-x', role: 'town', town: '新丰镇' }));
    const before = t.db.$client.prepare('SELECT count(*) FROM users').pluck().get();
    const r = await town.post('/api/users', { username: 'mine', password: 'secret-pass-1', role: 'admin' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    expect(t.db.$client.prepare('SELECT count(*) FROM users').pluck().get()).toBe(before);
  });
});

describe('the first administrator', () => {
  it('is created once from the given password, or a random one returned to print', async () => {
    const db = openDb(':memory:');
    const first = ensureFirstAdmin(db, 'given-password-1');
    expect(first).toEqual({ username: 'admin', password: 'given-password-1', generated: false });
    expect(ensureFirstAdmin(db, 'another-password')).toBeNull();
    expect(await verifyPassword('given-password-1', findUser(db, 'admin')!.passwordHash)).toBe(true);
    const db2 = openDb(':memory:');
    const random = ensureFirstAdmin(db2, undefined)!;
    expect(random.generated).toBe(true);
    expect(random.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await verifyPassword(random.password, findUser(db2, 'admin')!.passwordHash)).toBe(true);
    expect(findUser(db2, 'admin')).toMatchObject({ role: 'admin', jurisdictionId: null, town: null });
  });
});

describe('pages without a session', () => {
  it.each(['/', '/index.html', '/pipeline.html', '/upload.html'])('%s redirects to the sign-in page', async (path) => {
    const r = await t.as(null).request(path);
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe(`/login.html?next=${encodeURIComponent(path)}`);
  });

  it('serves the sign-in page, its script and the style sheet to anyone', async () => {
    const page = await t.as(null).request('/login.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('登录');
    expect((await t.as(null).request('/login.js')).status).toBe(200);
    expect((await t.as(null).request('/app.css')).status).toBe(200);
  });

  it('serves the pages to a signed-in user', async () => {
    expect((await t.request('/pipeline.html')).status).toBe(200);
  });
});
