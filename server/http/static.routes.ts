/** Serves web/ (the Chinese UI) with a strict Content-Security-Policy. */
import { Hono } from 'hono';
import { readFileSync, existsSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export function staticRoutes(webDir: string) {
  const app = new Hono();
  const root = resolve(webDir) + sep;
  app.get('/*', (c) => {
    let rel: string;
    try {
      rel = c.req.path === '/' ? 'index.html' : decodeURIComponent(c.req.path.slice(1));
    } catch {
      return c.notFound();
    }
    const full = resolve(root, rel);
    if (!full.startsWith(root) || !TYPES[extname(full)] || !existsSync(full)) return c.notFound();
    c.header('Content-Security-Policy', APP_CSP);
    return c.body(readFileSync(full), 200, { 'Content-Type': TYPES[extname(full)]! });
  });
  return app;
}
