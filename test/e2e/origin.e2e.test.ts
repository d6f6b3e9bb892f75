/**
 * The origin check in a real browser (issue 15): signed in to Luodi, the user opens a page of another
 * origin (a second local server on another port — the same site for cookies, so SameSite=Strict alone
 * would send the session along). That page tries the multipart import of issue 15 (a unit from
 * 1,020 ㎡ 空置 to 2 ㎡ 预留) and JSON writes with the session cookie: all refused, nothing changed.
 * The same import from Luodi's own page goes through, so the refusal is the origin check's doing.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { startServer, type RunningServer } from './server.js';
import { launchChromium, signInPage } from './browser.js';

const SPACE = 'jx-weichuang-b1-f8';
const PARK = 'jx-weichuang';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let attacker: Server;
let attackerUrl: string;

/** The other origin's page: its script sends the writes to Luodi and writes what happened into the title. */
const attackPage = (target: string) => `<!doctype html><meta charset="utf-8"><title>attack</title><script>
(async () => {
  const out = [];
  const fd = new FormData();
  fd.append('file', new Blob(['空间编号,园区编号,面积(平方米),状态\\n${SPACE},${PARK},2,预留\\n'], { type: 'text/csv' }), 'spaces.csv');
  await fetch('${target}/api/import/spaces', { method: 'POST', mode: 'no-cors', credentials: 'include', body: fd })
    .then((r) => out.push('multipart:' + r.type), (e) => out.push('multipart:error'));
  await fetch('${target}/api/leads', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ summary: '跨站写入' }) })
    .then((r) => out.push('text:' + r.type), () => out.push('text:error'));
  await fetch('${target}/api/leads', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ summary: '跨站写入' }) })
    .then((r) => out.push('json:' + r.status), () => out.push('json:blocked'));
  document.title = 'done ' + out.join(' ');
})();
</script>`;

const api = async (path: string) => {
  const r = await fetch(`${server.url}${path}`, { headers: { cookie: server.cookie } });
  expect(r.status).toBe(200);
  return r.json() as Promise<any>;
};
const unit = async () => (await api(`/api/parks/${PARK}`)).spaces.find((s: { id: string }) => s.id === SPACE);
const state = async () => ({
  unit: await unit(),
  leads: (await api('/api/leads?limit=1')).total,
  imports: (await api('/api/audit?action=import.spaces')).total,
});

beforeAll(async () => {
  server = await startServer();
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(attackPage(server.url));
  });
  await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as { port: number }).port}/`;
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN' });
  page = await context.newPage();
  await signInPage(page, server.url, 'admin', server.adminPassword);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => attacker?.close(r));
  await server?.stop();
});

describe("a page of another origin, with the signed-in user's session", () => {
  it('cannot import spaces (multipart) nor write JSON: nothing changes', async () => {
    const before = await state();
    expect(before.unit).toMatchObject({ status: 'vacant' });
    expect(before.unit.areaM2).toBeGreaterThan(2);
    const evil = await context.newPage();
    await evil.goto(attackerUrl);
    await evil.waitForFunction(() => document.title.startsWith('done'), null, { timeout: 30_000 });
    // the writes were sent (opaque answers) or blocked by the browser; none reached the data
    expect(await evil.title()).toMatch(/multipart:(opaque|error)/);
    expect(await evil.title()).toMatch(/json:(blocked|403)/);
    expect(await state()).toEqual(before);
    await evil.close();
  });

  it("the same import from Luodi's own page goes through (the session was valid; the origin made the difference)", async () => {
    await page.goto(`${server.url}/upload.html`);
    const status = await page.evaluate(
      async ({ space, park }) => {
        const fd = new FormData();
        fd.append('file', new Blob([`空间编号,园区编号,面积(平方米),状态\n${space},${park},2,预留\n`], { type: 'text/csv' }), 'spaces.csv');
        return (await fetch('/api/import/spaces', { method: 'POST', body: fd })).status;
      },
      { space: SPACE, park: PARK },
    );
    expect(status).toBe(200);
    expect(await unit()).toMatchObject({ areaM2: 2, status: 'reserved' });
  });
});
