/**
 * Accounts (API.md v2): POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me; POST and GET
 * /api/users (admins); GET /api/audit (admins).
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { LoginSchema, ROLES, UserCreateSchema } from '../domain/account.schema.js';
import { addUser, findUsers, signIn, signOut } from '../pipeline/accounts.js';
import { readAudit } from '../pipeline/audit.js';
import { visibleJurisdictions } from '../pipeline/jurisdictions.js';
import { problem } from './errors.js';
import { addressOf, callerOf, clearSessionCookie, sessionToken, setSessionCookie, userOf } from './session.js';
import { queryInt, validationHook } from './validation.js';

const UserSchema = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    jurisdictionId: z.string().nullable(),
    town: z.string().nullable(),
  })
  .meta({ id: 'User' });

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: '登录 / sign in (sets an HttpOnly SameSite=Strict session cookie)',
  request: { body: { required: true, content: json(LoginSchema) } },
  responses: {
    200: { description: 'signed in', content: json(z.object({ user: UserSchema })) },
    400: problem('invalid request'),
    401: problem('unknown user or wrong password (one answer for both)'),
    429: problem('too many failed attempts for the username or address'),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: '退出登录 / sign out',
  responses: { 204: { description: 'signed out' }, 401: problem('not signed in') },
});

const meRoute = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['auth'],
  summary: '当前用户 / the signed-in user',
  responses: { 200: { description: 'the user', content: json(UserSchema) }, 401: problem('not signed in') },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/users',
  tags: ['auth'],
  summary: '新建账号（管理员）/ create a user (admins)',
  request: { body: { required: true, content: json(UserCreateSchema) } },
  responses: {
    201: { description: 'created', content: json(UserSchema) },
    400: problem('invalid user'),
    403: problem('not an admin'),
    409: problem('username taken'),
  },
});

const listUsersRoute = createRoute({
  method: 'get',
  path: '/users',
  tags: ['auth'],
  summary: '账号列表（管理员）/ users (admins)',
  responses: { 200: { description: 'users', content: json(z.object({ items: z.array(UserSchema) })) }, 403: problem('not an admin') },
});

const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, '时间格式应为 2026-12-01 或 2026-12-01T08:00:00Z / an ISO date or time');

const auditRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['auth'],
  summary: '审计记录（管理员），新的在前 / the audit trail, newest first (admins)',
  request: {
    query: z.strictObject({
      actor: z.string().trim().min(1).max(40).optional().meta({ description: '操作人（用户名）' }),
      action: z.string().trim().min(1).max(60).optional().meta({ description: '操作，如 lead.update；以 . 结尾为前缀，如 routing.' }),
      target: z.string().trim().min(1).max(100).optional().meta({ description: '对象 id' }),
      from: isoTime.optional().meta({ description: '起始时间（含）' }),
      to: isoTime.optional().meta({ description: '截止时间（含）' }),
      limit: queryInt(1, 500).optional(),
      offset: queryInt(0, 10_000_000).optional(),
    }),
  },
  responses: {
    200: {
      description: 'audit rows',
      content: json(
        z.object({
          items: z.array(
            z.object({
              id: z.number(),
              at: z.string(),
              actor: z.string(),
              action: z.string(),
              target: z.string().nullable(),
              detail: z.record(z.string(), z.unknown()).nullable(),
            }),
          ),
          total: z.number().int(),
        }),
      ),
    },
    400: problem('invalid filter'),
    403: problem('not an admin'),
  },
});

const jurisdictionsRoute = createRoute({
  method: 'get',
  path: '/jurisdictions',
  tags: ['auth'],
  summary: '辖区（当前用户可见的）/ the jurisdictions the user sees',
  responses: {
    200: {
      description: 'jurisdictions',
      content: json(
        z.array(
          z.object({ id: z.string(), name: z.string(), districts: z.array(z.string()), source: z.string() }).meta({ id: 'Jurisdiction' }),
        ),
      ),
    },
  },
});

export function authRoutes(deps: AppDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.openapi(loginRoute, async (c) => {
    const { username, password } = c.req.valid('json');
    const s = await signIn(deps, { username, password, address: addressOf(c) });
    setSessionCookie(c, s.token, s.expiresAt);
    return c.json({ user: s.user }, 200);
  });
  app.openapi(logoutRoute, (c) => {
    const token = sessionToken(c);
    if (token) signOut(deps, token);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  app.openapi(meRoute, (c) => c.json(userOf(c), 200));
  app.openapi(jurisdictionsRoute, (c) => c.json(visibleJurisdictions(deps, callerOf(c)), 200));
  app.openapi(createUserRoute, async (c) => c.json(await addUser(deps, callerOf(c), c.req.valid('json')), 201));
  app.openapi(listUsersRoute, (c) => c.json({ items: findUsers(deps, callerOf(c)) }, 200));
  app.openapi(auditRoute, (c) => {
    const q = c.req.valid('query');
    return c.json(readAudit(deps, callerOf(c), { ...q, limit: q.limit ?? 50, offset: q.offset ?? 0 }), 200);
  });
  return app;
}
