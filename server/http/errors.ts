/**
 * The one error shape of API.md, the one error catalog and the one error handler. Every AppError
 * (server/domain/errors.ts) is turned into a status, a wire code and a Chinese/English sentence here,
 * from its code and parameters; nothing internal (stack, SQL, paths) leaks.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AppError, invalidInput, type ErrorCode, type ErrorParams, type Issue } from '../domain/errors.js';
import { ROUTING_STATUSES } from '../domain/pipeline.schema.js';
import { ROLE_LABEL, type Role } from '../domain/account.schema.js';
import { DECISION_LABEL, STATUS_LABEL, type Decision } from '../domain/routing/ledger.js';

export type ApiIssue = Issue;
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

/**
 * An answer in the one error shape, ready to send: the catalog's rendering of an AppError, or one of
 * the few answers the app gives itself (no such route, body too large). Not thrown: errors are AppErrors.
 */
export class ApiProblem {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly message: string,
    readonly issues?: ApiIssue[],
  ) {}
}

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

const text = (p: ErrorParams, key: string): string => String(p[key] ?? '');
const notFoundMessage = (what: string) => `未找到 ${what} / not found: ${what}`;
const fieldsOf = (issues: readonly Issue[]) => [...new Set(issues.map((i) => i.path))].join(', ');
const invalid = (issues: readonly Issue[]): ApiProblem =>
  new ApiProblem(400, 'invalid_request', `请求参数有误 / invalid request: ${fieldsOf(issues)}`, [...issues]);
/** A file that cannot be used: the reader's sentence, on the field `file`. */
const fileProblem = (e: AppError): ApiProblem =>
  new ApiProblem(400, 'invalid_request', text(e.params, 'detail'), [{ path: 'file', message: text(e.params, 'detail') }]);

function spaceConflict(p: ErrorParams): ApiProblem {
  const [spaceId, status] = [text(p, 'spaceId'), text(p, 'status')];
  const who = text(p, 'heldBy')
    ? `已被项目 ${text(p, 'heldBy')} ${status === 'occupied' ? '使用' : '预留'}`
    : status
      ? `状态为 ${status}`
      : '不存在';
  return new ApiProblem(
    409,
    'conflict',
    `空间 ${spaceId} ${who}，本次流转未提交 / space ${spaceId} is no longer vacant; nothing was committed`,
    [{ path: text(p, 'path') || 'leadIds', message: `空间 ${spaceId} ${who}（项目 ${text(p, 'leadId')}）` }],
  );
}

/** Chinese names of the actions in a 403 message. */
const ACTION_LABEL: Record<string, string> = {
  'lead.create': '新建项目',
  'lead.update': '修改项目',
  'lead.stage.back': '阶段回退',
  'lead.read.full': '查看项目全部信息',
  'routing.commit': '确认流转',
  'routing.accept': '接收流转',
  'routing.reject': '退回流转',
  'routing.withdraw': '撤回流转',
  'job.create': '上传批量评分',
  'job.read': '查看批量任务',
  'job.export': '下载批量结果',
  'parks.import': '导入园区',
  'spaces.import': '导入空间',
  'parks.export': '导出园区',
  'spaces.export': '导出空间',
  'dashboard.export': '导出看板',
  'users.create': '新建账号',
  'users.list': '查看账号',
  'audit.read': '查看审计记录',
  'rules.write': '修改规则或园区定位',
};

function stageOrder(p: ErrorParams): ApiProblem {
  const [from, to, next] = [text(p, 'from'), text(p, 'to'), text(p, 'next')];
  if (p.need === 'reason')
    return new ApiProblem(
      400,
      'invalid_request',
      `阶段从「${from}」退回「${to}」须填写原因（reason）/ moving a stage back needs a reason`,
      [{ path: 'reason', message: `阶段退回须填写原因 / a reason is required to move the stage back` }],
    );
  const forward = next ? `只能前进到「${next}」或标记「流失」` : '只能标记「流失」';
  return new ApiProblem(
    409,
    'conflict',
    `项目阶段只能按顺序逐级前进：当前「${from}」，${forward}；退回须由管理员填写原因 / stages move forward one at a time (${from} → ${next || '流失'}); moving back is for admins with a reason`,
    [{ path: 'stage', message: `不能从「${from}」改为「${to}」：${forward}` }],
  );
}

const DECISIONS: readonly Decision[] = ['accept', 'reject', 'withdraw'];

function routingState(p: ErrorParams): ApiProblem {
  const current = ROUTING_STATUSES.find((s) => s === p.current);
  const d = DECISIONS.find((x) => x === p.decision);
  const state = current ? STATUS_LABEL[current] : '未流转';
  return new ApiProblem(
    409,
    'conflict',
    `项目 ${text(p, 'leadId')} 当前流转状态为「${state}」，不能${d ? DECISION_LABEL[d] : text(p, 'decision')} / cannot ${text(p, 'decision')} a routing in state ${current ?? 'none'}`,
  );
}

/** The catalog: every error code → its answer (status, wire code, sentence, issues). */
const CATALOG: Record<ErrorCode, (e: AppError) => ApiProblem> = {
  invalid_request: (e) => invalid(e.issues),
  plan_too_large: ({ params: p }) =>
    invalid([
      {
        path: 'leadIds',
        message: `在库项目 ${text(p, 'count')} 个，超过单次统筹上限 ${text(p, 'max')}：请用 leadIds 分批统筹 / too many open leads for one plan; pass leadIds in batches`,
      },
    ]),
  lead_not_found: ({ params: p }) => new ApiProblem(404, 'not_found', notFoundMessage(`项目 ${text(p, 'leadId')}`)),
  leads_not_found: (e) => new ApiProblem(404, 'not_found', `未找到项目 / unknown lead ids: ${text(e.params, 'ids')}`, [...e.issues]),
  park_not_found: ({ params: p }) => new ApiProblem(404, 'not_found', notFoundMessage(`园区 ${text(p, 'parkId')}`)),
  rule_not_found: ({ params: p }) => new ApiProblem(404, 'not_found', notFoundMessage(`规则 ${text(p, 'ruleId')}`)),
  rule_state: ({ params: p }) =>
    new ApiProblem(
      409,
      'conflict',
      `规则 ${text(p, 'ruleId')}：${text(p, 'message')} / rule ${text(p, 'ruleId')} cannot be changed this way (${text(p, 'state')})`,
    ),
  job_not_found: ({ params: p }) => new ApiProblem(404, 'not_found', notFoundMessage(`任务 ${text(p, 'jobId')}`)),
  conversation_not_found: ({ params: p }) => new ApiProblem(404, 'not_found', notFoundMessage(`会话 ${text(p, 'conversationId')}`)),
  space_conflict: ({ params }) => spaceConflict(params),
  routing_state: ({ params }) => routingState(params),
  job_not_done: ({ params: p }) =>
    new ApiProblem(
      409,
      'job_not_done',
      p.status === 'failed'
        ? `任务失败：${p.reason !== undefined ? text(p, 'reason') : '未知原因'}`
        : `任务尚未完成（已处理 ${text(p, 'processed')} / ${text(p, 'total')} 行），完成后再下载`,
    ),
  forbidden: ({ params: p }) =>
    new ApiProblem(
      403,
      'forbidden',
      `当前账号${p.role ? `（${ROLE_LABEL[p.role as Role] ?? text(p, 'role')}）` : ''}无权执行此操作（${ACTION_LABEL[text(p, 'action')] ?? text(p, 'action')}）/ ${text(p, 'actor') || 'this actor'} may not ${text(p, 'action')}`,
    ),
  unauthenticated: () => new ApiProblem(401, 'unauthenticated', '请先登录 / sign in first'),
  invalid_credentials: () =>
    new ApiProblem(401, 'unauthenticated', '用户名或密码不正确 / wrong username or password', [
      { path: 'password', message: '用户名或密码不正确' },
    ]),
  too_many_attempts: ({ params: p }) =>
    new ApiProblem(
      429,
      'too_many_attempts',
      `登录失败次数过多，请 ${Math.ceil(Number(p.retryAfterS ?? 60) / 60)} 分钟后再试 / too many failed sign-ins; try again in ${text(p, 'retryAfterS')} s`,
    ),
  forbidden_origin: () =>
    new ApiProblem(403, 'forbidden_origin', '拒绝来自其他网站的修改请求 / state-changing request from another origin refused'),
  username_taken: ({ params: p }) =>
    new ApiProblem(409, 'conflict', `用户名 ${text(p, 'username')} 已存在 / username taken`, [
      { path: 'username', message: `用户名 ${text(p, 'username')} 已存在` },
    ]),
  stage_order: ({ params: p }) => stageOrder(p),
  empty: fileProblem,
  not_spreadsheet: fileProblem,
  too_large: fileProblem,
  too_many_rows: fileProblem,
  too_many_columns: fileProblem,
  zip_bomb: fileProblem,
  bad_csv: fileProblem,
  bad_xlsx: fileProblem,
  no_header: fileProblem,
  duplicate_columns: fileProblem,
  unsupported_encoding: fileProblem,
};

/** An AppError → the answer the catalog gives for its code. */
export const problemOf = (e: AppError): ApiProblem => CATALOG[e.code](e);

/** A request that failed validation → the 400 answer naming every field. */
export const invalidRequest = (issues: readonly ApiIssue[]): ApiProblem => problemOf(invalidInput(issues));

export function errorBody(p: ApiProblem): ApiError {
  return { error: { code: p.code, message: p.message, ...(p.issues ? { issues: p.issues } : {}) } };
}

export function onError(err: Error, c: Context, log: (msg: string, detail?: unknown) => void): Response {
  if (err instanceof AppError) {
    // (a refusal that hides a library's own error — a corrupt XLSX — keeps it in the log for whoever looks into it)
    if (err.cause !== undefined) log('refused with a cause', { code: err.code, cause: String(err.cause) });
    const p = problemOf(err);
    if (err.code === 'too_many_attempts') c.header('Retry-After', String(err.params.retryAfterS ?? 60));
    return c.json(errorBody(p), p.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'payload_too_large' : status === 400 ? 'invalid_request' : 'http_error';
    const message = status === 413 ? '请求体过大 / request body too large' : err.message || 'HTTP error';
    return c.json(errorBody(new ApiProblem(status as ContentfulStatusCode, code, message)), status as ContentfulStatusCode);
  }
  log('unhandled error', { name: err.name, message: err.message, stack: err.stack });
  return c.json(errorBody(new ApiProblem(500, 'internal_error', '服务器内部错误，请稍后重试 / internal error')), 500);
}
