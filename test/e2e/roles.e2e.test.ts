/**
 * The pages per role in a real browser at 390 px: a visitor without a session lands on the Chinese
 * sign-in page (a wrong password says so, in Chinese); each role then sees its name in the header and
 * only what it may do — the viewer no reporting form, no commit button and no upload; town staff
 * report for their own town (the field fixed) and cannot commit; the admin sees everything; 退出
 * signs out.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { startServer, type RunningServer } from './server.js';
import { ARTIFACTS, launchChromium, signInPage } from './browser.js';

let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

async function addUser(body: Record<string, unknown>): Promise<void> {
  const r = await fetch(`${server.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: server.cookie },
    body: JSON.stringify(body),
  });
  expect(r.status).toBe(201);
}

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => problems.push(e.message));
  return page;
}

const visible = (page: Page, sel: string) => page.locator(sel).isVisible();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  await addUser({ username: 'lingdao', password: 'viewer-pass-1', displayName: '李领导', role: 'viewer' });
  await addUser({ username: 'dongzha', password: 'town-pass-1', displayName: '王五', role: 'town', town: '东栅街道' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('signing in', () => {
  it('sends a visitor without a session to the sign-in page, says a wrong password in Chinese, then returns to the page asked for', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/pipeline.html`);
    expect(new URL(page.url()).pathname).toBe('/login.html');
    expect(await page.locator('h2').textContent()).toBe('登录');
    await page.fill('#username', 'dongzha');
    await page.fill('#password', 'not-the-password');
    await page.click('#login-submit');
    await page.waitForFunction(() => document.querySelector('#login-status')?.textContent === '用户名或密码不正确');
    await page.screenshot({ path: `${ARTIFACTS}/roles-1-login.png` });
    await page.fill('#password', 'town-pass-1');
    await Promise.all([page.waitForURL((u) => u.pathname === '/pipeline.html'), page.click('#login-submit')]);
    await page.locator('#user-name').waitFor();
    expect(await page.locator('#user-name').textContent()).toContain('王五（镇街招商·嘉兴市·东栅街道）');
    await page.close();
  });
});

describe('each role sees what it may do', () => {
  it('viewer: no reporting form, no commit button, no upload', async () => {
    const page = await newPage();
    await signInPage(page, server.url, 'lingdao', 'viewer-pass-1', '/pipeline.html');
    await page.locator('#user-name').waitFor();
    expect(await page.locator('#user-name').textContent()).toContain('只读查看');
    expect(await visible(page, '#new-lead')).toBe(false);
    expect(await visible(page, '#commit-plan')).toBe(false);
    expect(await visible(page, '#run-plan')).toBe(true);
    expect(await visible(page, 'nav a[href="/upload.html"]')).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}/roles-2-viewer.png`, fullPage: true });
    await page.goto(`${server.url}/upload.html`);
    await page.locator('#user-name').waitFor();
    expect(await visible(page, '#viewer-note')).toBe(true);
    expect(await visible(page, '#upload')).toBe(false);
    expect(await visible(page, '#parks-import')).toBe(false);
    await page.close();
  });

  it('town staff: report for their own town only, no commit, no park import; a lead reported shows on the board', async () => {
    const page = await newPage();
    await signInPage(page, server.url, 'dongzha', 'town-pass-1', '/pipeline.html');
    await page.locator('#user-name').waitFor();
    expect(await visible(page, '#new-lead')).toBe(true);
    expect(await visible(page, '#commit-plan')).toBe(false);
    const town = page.locator('#lead-form input[name=sourceTown]');
    expect(await town.inputValue()).toBe('东栅街道');
    expect(await town.getAttribute('readonly')).not.toBeNull();
    await page.fill('#lead-form input[name=name]', '镇街报送的内窥镜项目');
    await page.fill('#lead-summary', '研发生产内窥镜，需要3000平方米厂房');
    await page.click('#lead-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#lead-status')?.textContent?.startsWith('已报送'));
    await page.locator('#leads tbody tr').first().waitFor();
    expect(await page.locator('#leads tbody').textContent()).toContain('镇街报送的内窥镜项目');
    expect(await page.locator('#lead-form input[name=sourceTown]').inputValue()).toBe('东栅街道'); // still after the form reset
    await page.goto(`${server.url}/upload.html`);
    await page.locator('#user-name').waitFor();
    expect(await visible(page, '#upload')).toBe(true);
    expect(await visible(page, '#parks-import')).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}/roles-3-town.png`, fullPage: true });
    await page.close();
  });

  it('admin: everything; 退出 signs out and the pages ask to sign in again', async () => {
    const page = await newPage();
    await signInPage(page, server.url, 'admin', server.adminPassword, '/pipeline.html');
    await page.locator('#user-name').waitFor();
    expect(await visible(page, '#new-lead')).toBe(true);
    expect(await visible(page, '#commit-plan')).toBe(true);
    await page.goto(`${server.url}/upload.html`);
    await page.locator('#user-name').waitFor();
    expect(await visible(page, '#parks-import')).toBe(true);
    await Promise.all([page.waitForURL((u) => u.pathname === '/login.html'), page.click('#logout')]);
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/login.html');
    await page.close();
  });

  it('raised no page errors', () => {
    expect(problems).toEqual([]);
  });
});
