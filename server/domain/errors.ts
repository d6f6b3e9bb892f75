/**
 * The one error catalog's codes. Use cases, repositories and file readers throw AppError with a code
 * and the parameters its message needs; the HTTP edge (server/http/errors.ts) turns each code into a
 * status and a Chinese/English sentence in one place. Pure: no I/O, no HTTP.
 */

/** Why a spreadsheet cannot be used at all (not a row problem). */
export const FILE_PROBLEM_CODES = [
  'empty',
  'not_spreadsheet',
  'too_large',
  'too_many_rows',
  'too_many_columns',
  'zip_bomb',
  'bad_csv',
  'bad_xlsx',
  'no_header',
  'duplicate_columns',
  'unsupported_encoding',
] as const;
export type FileProblemCode = (typeof FILE_PROBLEM_CODES)[number];

export type ErrorCode =
  /** The request is wrong field by field (issues name each field). */
  | 'invalid_request'
  /** One plan over more open leads than it may take. params: count, max. */
  | 'plan_too_large'
  /** params: leadId. */
  | 'lead_not_found'
  /** Some of the listed leads do not exist (issues name each one). params: ids. */
  | 'leads_not_found'
  /** params: parkId. */
  | 'park_not_found'
  /** params: ruleId. */
  | 'rule_not_found'
  /** A rule change its state does not allow (retired, already adopted, changed meanwhile). params: ruleId, state, message. */
  | 'rule_state'
  /** params: jobId. */
  | 'job_not_found'
  /** params: conversationId. */
  | 'conversation_not_found'
  /** A unit another lead holds (or that is gone): the commit is refused as a whole. params: spaceId, leadId, heldBy?, status?, path?. */
  | 'space_conflict'
  /** A decision the lead's routing state does not allow. params: leadId, decision, current?. */
  | 'routing_state'
  /** Results asked for before the job is done. params: jobId, status, processed, total, reason?. */
  | 'job_not_done'
  /** The policy refuses the action to the actor. params: action, actor, role?. */
  | 'forbidden'
  /** No live session (API.md v2: every /api route but a few needs a signed-in user). */
  | 'unauthenticated'
  /** Unknown user or wrong password: one answer for both. */
  | 'invalid_credentials'
  /** Too many failed sign-ins for the username or address. params: retryAfterS. */
  | 'too_many_attempts'
  /** A state-changing request a browser sent from another origin. params: origin?. */
  | 'forbidden_origin'
  /** params: username. */
  | 'username_taken'
  /** A stage change the pipeline's order does not allow. params: from, to, next?, need ('order' | 'admin' | 'reason'). */
  | 'stage_order'
  /** A file that cannot be read (params: detail, the reader's sentence naming the problem). */
  | FileProblemCode;

/** One problem with one field of a request: where (a dotted path) and what. */
export interface Issue {
  path: string;
  message: string;
}

export type ErrorParams = Readonly<Record<string, string | number>>;

export class AppError extends Error {
  /** Field-level problems, each with its path (invalid requests, ids not found in a list). */
  readonly issues: readonly Issue[];

  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    message?: string,
    issues: readonly Issue[] = [],
  ) {
    super(message ?? `${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = new.target.name;
    this.issues = issues;
  }
}

/** A request refused field by field: every problem named at once. */
export const invalidInput = (issues: readonly Issue[]): AppError =>
  new AppError('invalid_request', {}, `invalid request: ${issues.map((i) => i.path).join(', ')}`, issues);

/** Parameters without the values that are absent (params hold strings and numbers only). */
export function paramsOf(p: Record<string, string | number | null | undefined>): ErrorParams {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}
