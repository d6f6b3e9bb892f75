/** The one error shape of API.md and the one error handler. Nothing internal (stack, SQL, paths) leaks. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

export interface ApiIssue {
  path: string;
  message: string;
}
export interface ApiError {
  error: { code: string; message: string; issues?: ApiIssue[] };
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** An error response in a route's OpenAPI declaration: the one error shape under its own description. */
export const problem = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

export class ApiProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: ApiIssue[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiProblem(404, 'not_found', `未找到 ${what} / not found: ${what}`);

/** zod issues → API issues, one per field; unknown keys are named one by one. */
export function zodIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.flatMap((i) => {
    const base = i.path.map(String).join('.');
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: `未知字段 / unknown field "${key}"` }));
    }
    return [{ path: base || '(body)', message: i.message }];
  });
}

export function invalidRequest(issues: ApiIssue[]): ApiProblem {
  const fields = [...new Set(issues.map((i) => i.path))].join(', ');
  return new ApiProblem(400, 'invalid_request', `请求参数有误 / invalid request: ${fields}`, issues);
}

export function errorBody(p: ApiProblem): ApiError {
  return { error: { code: p.code, message: p.message, ...(p.issues ? { issues: p.issues } : {}) } };
}

export function onError(err: Error, c: Context, log: (msg: string, detail?: unknown) => void): Response {
  if (err instanceof ApiProblem) return c.json(errorBody(err), err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'payload_too_large' : status === 400 ? 'invalid_request' : 'http_error';
    const message = status === 413 ? '请求体过大 / request body too large' : err.message || 'HTTP error';
    return c.json(errorBody(new ApiProblem(status as ContentfulStatusCode, code, message)), status as ContentfulStatusCode);
  }
  log('unhandled error', { name: err.name, message: err.message, stack: err.stack });
  return c.json(errorBody(new ApiProblem(500, 'internal_error', '服务器内部错误，请稍后重试 / internal error')), 500);
}
