/**
 * Who is asking, at the HTTP edge: the origin check for state-changing requests, the session cookie
 * turned into the signed-in user, 401 for /api/* without one (but the public few), and the pages
 * sending a visitor without a session to the sign-in page. What the user may do is decided in the use
 * cases (server/pipeline/authorise.ts), never here.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppDeps } from '../deps.js';
import { crossOriginReason } from '../auth/origin.js';
import type { User } from '../domain/account.schema.js';
import { AppError } from '../domain/errors.js';
import { actorOf, type Caller } from '../pipeline/authorise.js';
import { userOfSession } from '../pipeline/accounts.js';

export const SESSION_COOKIE = 'luodi_session';

/** /api routes answered without a session (API.md v2). */
const PUBLIC_API = (method: string, path: string) =>
  (method === 'GET' && (path === '/api/health' || path === '/api/openapi.json' || path === '/api/docs' || path.startsWith('/api/docs/'))) ||
  (method === 'POST' && path === '/api/auth/login');

/** Pages that need a session: the HTML of web/ but the sign-in page. */
const isPage = (path: string) => path === '/' || (path.endsWith('.html') && path !== '/login.html');

/** The signed-in user, a variable of every request's context (typed for c.set / c.get everywhere). */
declare module 'hono' {
  interface ContextVariableMap {
    user: User | null;
  }
}

export function sessionMiddleware(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    const refused = crossOriginReason(c.req.method, c.req.url, {
      origin: c.req.header('origin'),
      secFetchSite: c.req.header('sec-fetch-site'),
      host: c.req.header('host'),
    });
    if (refused) {
      deps.log.warn('cross-origin request refused', { method: c.req.method, path: c.req.path, why: refused });
      throw new AppError('forbidden_origin', { origin: c.req.header('origin') ?? '' });
    }
    const token = getCookie(c, SESSION_COOKIE);
    const user = token ? userOfSession(deps, token) : null;
    c.set('user', user);
    const path = c.req.path;
    if (!user) {
      if (path.startsWith('/api/') && !PUBLIC_API(c.req.method, path)) throw new AppError('unauthenticated');
      if ((c.req.method === 'GET' || c.req.method === 'HEAD') && isPage(path))
        return c.redirect(`/login.html?next=${encodeURIComponent(path)}`, 302);
    }
    await next();
  };
}

/** The signed-in user of the request (the middleware has refused requests without one). */
export function userOf(c: Context): User {
  const u = c.get('user');
  if (!u) throw new AppError('unauthenticated');
  return u;
}

/** The caller of a use case: the signed-in user, never a name from the body. */
export const callerOf = (c: Context): Caller => ({ actor: actorOf(userOf(c)) });

/** The client's address, for sign-in throttling ('unknown' when there is no socket, as in tests). */
export function addressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

export function setSessionCookie(c: Context, token: string, expiresAt: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c),
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
}

export const sessionToken = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);
