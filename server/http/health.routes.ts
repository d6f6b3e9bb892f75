import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { validationHook } from './validation.js';

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: '就绪检查 / readiness',
  responses: {
    200: { description: 'ready', content: { 'application/json': { schema: z.object({ ok: z.literal(true), parks: z.number().int() }) } } },
  },
});

export function healthRoutes(deps: AppDeps) {
  return new OpenAPIHono({ defaultHook: validationHook }).openapi(route, (c) =>
    c.json({ ok: true as const, parks: deps.kb().k.parks.length }, 200),
  );
}
