import { describe, it, expect } from 'vitest';
import { createTestApp } from '../helpers/app.js';

const t = createTestApp();

describe('web UI', () => {
  it('serves the Chinese page at / with a strict Content-Security-Policy', async () => {
    const res = await t.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
      expect(csp).toContain(d);
    const html = await res.text();
    expect(html).toContain('这个项目该落在哪');
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/); // no inline scripts
    expect(html).not.toMatch(/https?:\/\//); // nothing from the network
  });
  it('serves the script and stylesheet', async () => {
    for (const p of ['/app.js', '/app.css']) expect((await t.request(p)).status).toBe(200);
  });
  it('never parses text as HTML in any page script', async () => {
    for (const p of ['/app.js', '/pipeline.js', '/upload.js', '/dom.js']) {
      const res = await t.request(p);
      expect(res.status).toBe(200);
      expect(await res.text()).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
  it('does not serve files outside web/', async () => {
    expect((await t.request('/..%2Fpackage.json')).status).toBe(404);
    expect((await t.request('/%2e%2e/package.json')).status).toBe(404);
  });
});
