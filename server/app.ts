/**
 * createApp(deps): mounts every route under /api and the web UI at /. No I/O at import; everything
 * the app touches comes in through deps, so tests build it over an in-memory database.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { fileURLToPath } from 'node:url';
import type { AppDeps } from './deps.js';
import { ApiProblem, errorBody, onError } from './http/errors.js';
import { healthRoutes } from './http/health.routes.js';
import { parksRoutes } from './http/parks.routes.js';
import { matchRoutes } from './http/match.routes.js';
import { chatRoutes } from './http/chat.routes.js';
import { leadsRoutes } from './http/leads.routes.js';
import { routingRoutes } from './http/routing.routes.js';
import { rulesRoutes } from './http/rules.routes.js';
import { docsRoutes } from './http/docs.routes.js';
import { staticRoutes, APP_CSP } from './http/static.routes.js';
import { jobsRoutes } from './http/jobs.routes.js';
import { parkImportRoutes } from './http/park-import.routes.js';
import { isUploadPath } from './http/upload.js';
import { authRoutes } from './http/auth.routes.js';
import { sessionMiddleware } from './http/session.js';
import { dashboardRoutes, vendorRoutes } from './http/dashboard.routes.js';

const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: undefined,
      crossOriginResourcePolicy: 'same-origin',
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', APP_CSP);
  });
  const jsonLimit = bodyLimit({
    maxSize: deps.env.BODY_LIMIT_BYTES,
    onError: (c) =>
      c.json(errorBody(new ApiProblem(413, 'payload_too_large', `请求体超过 ${deps.env.BODY_LIMIT_BYTES} 字节 / body too large`)), 413),
  });
  // the origin check, the session → the signed-in user, 401 without one (server/http/session.ts)
  app.use('*', sessionMiddleware(deps));
  // file uploads have their own limit (UPLOAD_MAX_BYTES, server/http/upload.ts)
  app.use('/api/*', (c, next) => (isUploadPath(c.req.path) ? next() : jsonLimit(c, next)));

  const api = new OpenAPIHono();
  api.route('/', healthRoutes(deps));
  api.route('/', authRoutes(deps));
  api.route('/', parksRoutes(deps));
  api.route('/', matchRoutes(deps));
  api.route('/', jobsRoutes(deps));
  api.route('/', parkImportRoutes(deps));
  api.route('/', chatRoutes(deps));
  api.route('/', leadsRoutes(deps));
  api.route('/', routingRoutes(deps));
  api.route('/', dashboardRoutes(deps));
  api.route('/', rulesRoutes(deps));
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '落地 Luodi API',
      version: '2',
      description: '招商项目落地园区匹配：园区知识库、项目-园区匹配、招商一盘棋、批量评分、对话。',
    },
  });
  api.route('/', docsRoutes());
  api.notFound((c) =>
    c.json(errorBody(new ApiProblem(404, 'not_found', `未找到接口 / no such endpoint: ${c.req.method} ${c.req.path}`)), 404),
  );
  app.route('/api', api);
  app.route('/vendor', vendorRoutes());
  app.route('/', staticRoutes(WEB_DIR));
  app.notFound((c) => c.json(errorBody(new ApiProblem(404, 'not_found', `未找到 / not found: ${c.req.path}`)), 404));
  app.onError((err, c) => onError(err, c, deps.log.error));
  return app;
}
