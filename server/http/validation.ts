/** Validation hook for every OpenAPI route: a failed zod parse becomes the API's 400 error shape. */
import type { Hook } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorBody, invalidRequest, zodIssues } from './errors.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const validationHook: Hook<any, any, any, any> = (result, c) => {
  if (!result.success) return c.json(errorBody(invalidRequest(zodIssues(result.error))), 400);
};

/** A query-string integer within bounds (never z.coerce: "" must not become 0). */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, '必须是整数 / must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `最小为 ${min}`).max(max, `最大为 ${max}`));
export const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');
