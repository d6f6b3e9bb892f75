/**
 * Rules and park positionings as managed data (issue 18 items 1–2, issue 15 item 2; docs/RULES.md):
 * reading the rules of the caller's jurisdiction and those above it; creating, changing, retiring and
 * adopting a rule, and changing a park's positioning — each previewed (the open leads of the
 * jurisdiction re-scored against the changed knowledge on worker threads, nothing written) and
 * applied (the same impact recomputed and recorded with a new version, a history entry on every lead
 * it touches, an audit row; the knowledge rebuilt). Versions are appended, never edited in place.
 */
import { performance as perfHooks } from 'node:perf_hooks';
import { writeTx, type Db } from '../db/client.js';
import { countOpenLeads, getLead, listOpenLeads } from '../db/leads.repo.js';
import { getPark, loadKnowledgeInput } from '../db/parks.repo.js';
import {
  appendVersion,
  getRule,
  listRules,
  listVersions,
  nextVersion,
  putRuleRow,
  type KnowledgeVersion,
  type VersionAction,
} from '../db/rules.repo.js';
import * as t from '../db/schema.js';
import { eq } from 'drizzle-orm';
import { listJurisdictions } from '../db/jurisdictions.repo.js';
import { AppError, invalidInput, type Issue } from '../domain/errors.js';
import type { Impact, ImpactChange, ImpactLead } from '../domain/impact.js';
import { jurisdictionOfDistrict, narrowDistricts, type Jurisdiction } from '../domain/jurisdiction.schema.js';
import type { ParkSeed } from '../domain/park.schema.js';
import { provenanceOf, ruleGates, type Provenance, type RuleSeed } from '../domain/rule.schema.js';
import { impactOffThread, type ImpactMessage } from '../jobs/impact-thread.js';
import { authoriseCaller, type Caller } from './authorise.js';
import type { PipelineDeps } from './context.js';
import { parkInScope, scopeOf } from './jurisdictions.js';

/** How many preview threads share the open leads (each builds the knowledge twice). */
export const IMPACT_THREADS = 2;

/** A rule as GET /api/rules shows it: as stored, with its provenance and whether it gates. */
export interface RuleView extends RuleSeed {
  provenance: Provenance;
  gates: boolean;
}

export const viewOf = (r: RuleSeed): RuleView => ({ ...r, provenance: provenanceOf(r), gates: ruleGates(r) });

/** Whether the caller sees the rule: its jurisdiction's and those above every jurisdiction (the system administrator: all). */
const visible = (scope: Jurisdiction | null, r: Pick<RuleSeed, 'jurisdictionId'>) =>
  !scope || r.jurisdictionId === null || r.jurisdictionId === scope.id;

/** The rules of the caller's jurisdiction and above it (retired ones too: the list says so), in id order. */
export function readRules(deps: Pick<PipelineDeps, 'db' | 'kb'>, caller: Caller): RuleView[] {
  const scope = scopeOf(deps, caller);
  return listRules(deps.db)
    .filter((r) => visible(scope, r))
    .map(viewOf);
}

/** A rule with its versions (oldest first); another jurisdiction's rule is as unknown as a missing one. */
export function readRule(
  deps: Pick<PipelineDeps, 'db' | 'kb'>,
  caller: Caller,
  id: string,
): { rule: RuleView; versions: KnowledgeVersion[] } {
  const r = getRule(deps.db, id);
  if (!r || !visible(scopeOf(deps, caller), r)) throw new AppError('rule_not_found', { ruleId: id });
  return { rule: viewOf(r), versions: listVersions(deps.db, 'rule', id) };
}

/** A rule as an admin sends it (the stored record but for what only the server sets: adoption, status, version). */
export type RuleInput = Omit<RuleSeed, 'adoption' | 'status' | 'version' | 'jurisdictionId'> & { jurisdictionId?: string | null };

export type RuleChangeRequest =
  | { kind: 'rule'; action: 'change'; rule: RuleInput }
  | { kind: 'rule'; action: 'retire' | 'adopt'; id: string }
  | { kind: 'positioning'; parkId: string; leadingIndustries: string[]; supportingIndustries: string[]; positioning?: string | null };

/** A change worked out and authorised, ready to preview or apply. */
interface Planned {
  kind: 'rule' | 'positioning';
  subjectId: string;
  action: VersionAction;
  /** The jurisdiction whose open leads it touches (null: every jurisdiction's). */
  jurisdictionId: string | null;
  before: RuleSeed | ParkSeed | null;
  after: RuleSeed | ParkSeed;
  /** The stored version the change starts from (0: a new rule), checked again when applying. */
  fromVersion: number;
  patch: ImpactMessage['patch'];
  change: ImpactChange;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function jurisdictionOfPark(db: Db, park: ParkSeed): string | null {
  return jurisdictionOfDistrict(listJurisdictions(db), park.district)?.id ?? null;
}

/** Checks what a rule points at: the scope's park or district exists, the jurisdiction exists. */
function checkRule(db: Db, r: RuleSeed): void {
  const issues: Issue[] = [];
  if (r.scope.level !== 'national' && !r.scope.value) issues.push({ path: 'scope.value', message: '除全国范围外须填写适用范围的值' });
  if (r.scope.level === 'park' && r.scope.value && !getPark(db, r.scope.value))
    issues.push({ path: 'scope.value', message: `未找到园区 ${r.scope.value}` });
  if (r.jurisdictionId && !listJurisdictions(db).some((j) => j.id === r.jurisdictionId))
    issues.push({ path: 'jurisdictionId', message: `未找到辖区 ${r.jurisdictionId}` });
  if ((r.effect === 'require' || r.effect === 'reviewLevel') && r.threshold && r.threshold.min === null && r.threshold.max === null)
    issues.push({ path: 'threshold', message: '门槛须填写下限（min）或上限（max）' });
  if (r.effect === 'reviewLevel' && !r.reviewLevel) issues.push({ path: 'reviewLevel', message: '审批层级规则须填写 镇审 或 区审' });
  if (r.effect === 'require' && !r.threshold) issues.push({ path: 'threshold', message: '门槛规则须填写门槛（threshold）' });
  if (issues.length) throw invalidInput(issues);
}

const ACTION_LABEL: Record<VersionAction, string> = { create: '新建', change: '修改', retire: '停用', adopt: '采纳' };

function planRule(deps: PipelineDeps, caller: Caller, req: Extract<RuleChangeRequest, { kind: 'rule' }>, reason: string): Planned {
  const scope = scopeOf(deps, caller);
  const id = req.action === 'change' ? req.rule.id : req.id;
  const current = getRule(deps.db, id);
  if (current && !visible(scope, current)) throw new AppError('rule_not_found', { ruleId: id });
  if (!current && req.action !== 'change') throw new AppError('rule_not_found', { ruleId: id });
  const at = new Date().toISOString();
  let after: RuleSeed;
  let action: VersionAction;
  if (req.action === 'change') {
    const jurisdictionId = req.rule.jurisdictionId !== undefined ? req.rule.jurisdictionId : (current?.jurisdictionId ?? scope?.id ?? null);
    after = { ...req.rule, jurisdictionId, adoption: current?.adoption ?? null, status: 'active', version: current?.version ?? 1 };
    action = current ? 'change' : 'create';
    if (current?.status === 'retired') throw new AppError('rule_state', { ruleId: id, state: 'retired', message: '规则已停用，不能修改' });
  } else if (req.action === 'retire') {
    if (current!.status === 'retired') throw new AppError('rule_state', { ruleId: id, state: 'retired', message: '规则已停用' });
    after = { ...current!, status: 'retired' };
    action = 'retire';
  } else {
    if (current!.status === 'retired') throw new AppError('rule_state', { ruleId: id, state: 'retired', message: '规则已停用，不能采纳' });
    if (current!.adoption) throw new AppError('rule_state', { ruleId: id, state: 'adopted', message: '规则已采纳' });
    if (ruleGates(current!))
      throw new AppError('rule_state', { ruleId: id, state: 'document', message: '规则来自本辖区或上级文件，无需采纳' });
    after = { ...current!, adoption: { by: caller.actor.name, at, reason } };
    action = 'adopt';
  }
  // the admins of the rule's jurisdiction, before and after (the system administrator for rules above every jurisdiction)
  authoriseCaller(caller, 'rules.write', { jurisdictions: [current?.jurisdictionId ?? after.jurisdictionId, after.jurisdictionId] });
  checkRule(deps.db, after);
  const active = listRules(deps.db).filter((r) => r.status === 'active' && r.id !== id);
  const rules = after.status === 'active' ? [...active, after].sort((a, b) => (a.id < b.id ? -1 : 1)) : active;
  // reading a lead depends on the rules' words and their order: read once when neither changes
  const sameReading =
    !!current &&
    current.status === 'active' &&
    after.status === 'active' &&
    same(current.match, after.match) &&
    same(current.scope, after.scope);
  return {
    kind: 'rule',
    subjectId: id,
    action,
    jurisdictionId: after.jurisdictionId ?? current?.jurisdictionId ?? null,
    before: current,
    after,
    fromVersion: current?.version ?? 0,
    patch: { rules },
    change: { scoring: false, sameReading },
  };
}

function planPositioning(deps: PipelineDeps, caller: Caller, req: Extract<RuleChangeRequest, { kind: 'positioning' }>): Planned {
  const park = getPark(deps.db, req.parkId);
  if (!park || !parkInScope(scopeOf(deps, caller), park.district)) throw new AppError('park_not_found', { parkId: req.parkId });
  const jurisdictionId = jurisdictionOfPark(deps.db, park);
  authoriseCaller(caller, 'rules.write', { parkIds: [park.id], jurisdictions: [jurisdictionId] });
  const known = deps.kb().k.taxonomy.byName;
  const issues: Issue[] = [];
  req.leadingIndustries.forEach((n, i) => {
    if (!known.has(n)) issues.push({ path: `leadingIndustries.${i}`, message: `「${n}」不是产业定位名称（见产业分类）` });
  });
  req.supportingIndustries.forEach((n, i) => {
    if (!known.has(n)) issues.push({ path: `supportingIndustries.${i}`, message: `「${n}」不是产业定位名称（见产业分类）` });
  });
  if (issues.length) throw invalidInput(issues);
  const after: ParkSeed = {
    ...park,
    leadingIndustries: req.leadingIndustries,
    supportingIndustries: req.supportingIndustries,
    positioning: req.positioning !== undefined ? req.positioning : park.positioning,
  };
  const versions = listVersions(deps.db, 'positioning', park.id);
  return {
    kind: 'positioning',
    subjectId: park.id,
    action: 'change',
    jurisdictionId,
    before: park,
    after,
    fromVersion: versions.at(-1)?.version ?? 0,
    patch: { park: after },
    change: { scoring: true, parkId: park.id, sameReading: true },
  };
}

function plan(deps: PipelineDeps, caller: Caller, req: RuleChangeRequest, reason: string): Planned {
  return req.kind === 'rule' ? planRule(deps, caller, req, reason) : planPositioning(deps, caller, req);
}

/** The open leads the change may touch, each narrowed to its own jurisdiction's districts. */
function openLeadsOf(db: Db, jurisdictionId: string | null): ImpactLead[] {
  const list = listJurisdictions(db);
  return listOpenLeads(db, jurisdictionId ?? undefined).map((l) => {
    const j = list.find((x) => x.id === l.jurisdictionId);
    return {
      id: l.id,
      name: l.lead.name ?? null,
      lead: j ? { ...l.lead, districts: narrowDistricts(j, l.lead.districts) } : l.lead,
      parkId: l.parkId,
      spaceId: l.spaceId,
      key: `${l.id}@${l.updatedAt}@${j ? j.id : ''}`,
    };
  });
}

/** One token per knowledge base: a preview thread holding it holds that knowledge. */
const tokens = new WeakMap<object, number>();
let lastToken = 0;

function tokenOf(deps: PipelineDeps): number {
  const kb = deps.kb();
  let token = tokens.get(kb);
  if (token === undefined) tokens.set(kb, (token = ++lastToken));
  return token;
}

function runImpact(
  deps: PipelineDeps,
  token: number,
  patch: ImpactMessage['patch'],
  jurisdictionId: string | null,
  change: ImpactChange,
  prime = false,
): Promise<Impact> {
  return impactOffThread(
    {
      token,
      loadBefore: () => {
        const {
          lexicon: _l,
          codePositionings: _c,
          chemicals: _h,
          processes: _p,
          eiaItems: _e,
          processSignatures: _s,
          ...before
        } = loadKnowledgeInput(deps.db);
        return before;
      },
      patch,
      leads: openLeadsOf(deps.db, jurisdictionId),
      change,
      usdCnyRate: deps.env.USD_CNY_RATE,
      prime,
    },
    IMPACT_THREADS,
  );
}

const impactOf = (deps: PipelineDeps, p: Planned): Promise<Impact> => runImpact(deps, tokenOf(deps), p.patch, p.jurisdictionId, p.change);

let warmed: { token: number; jurisdictionId: string | null; done: Promise<void> } | null = null;

/**
 * Gets the preview threads ready before the admin's first preview (an admin opening the rules): they
 * build the current knowledge, read the jurisdiction's open leads and rank each one's best park once
 * with no change, and keep those readings (per lead version) for the previews that follow, which then
 * read and rank only what their change touches. Nothing is written. Once per knowledge version and
 * jurisdiction; errors are the preview's to report.
 */
export function warmPreview(deps: PipelineDeps, jurisdictionId: string | null): Promise<void> {
  const token = tokenOf(deps);
  if (warmed?.token === token && warmed.jurisdictionId === jurisdictionId) return warmed.done;
  const done = runImpact(deps, token, {}, jurisdictionId, { scoring: false, sameReading: true }, true).then(
    () => undefined,
    () => undefined,
  );
  warmed = { token, jurisdictionId, done };
  return done;
}

/** Below this many open leads a cold preview takes about a second: no need to get threads ready at start. */
export const WARM_AT_START_MIN_LEADS = 1000;

/**
 * After start-up: once the server has been quiet (its event loop under 5 % busy for `quietMs`), and
 * only when there are at least WARM_AT_START_MIN_LEADS open leads, gets the preview threads ready for
 * every jurisdiction's open leads (warmPreview) — so the first preview of a fresh server does not pay
 * for starting threads, building the knowledge and reading every lead. A server answering requests
 * is never quiet, so this never competes with them; it gives up after `giveUpMs`. Returns a stop function.
 */
export function warmPreviewWhenQuiet(
  deps: PipelineDeps,
  { quietMs = 2000, checkMs = 250, giveUpMs = 10 * 60_000, minLeads = WARM_AT_START_MIN_LEADS } = {},
): { stop: () => void; done: Promise<boolean> } {
  let timer: NodeJS.Timeout | null = null;
  let settle: (warmed: boolean) => void = () => undefined;
  const done = new Promise<boolean>((resolve) => (settle = resolve));
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    settle(false);
  };
  let last = perfHooks.eventLoopUtilization();
  let quiet = 0;
  const started = performance.now();
  timer = setInterval(() => {
    const now = perfHooks.eventLoopUtilization();
    quiet = perfHooks.eventLoopUtilization(now, last).utilization < 0.05 ? quiet + checkMs : 0;
    last = now;
    if (performance.now() - started > giveUpMs) return stop();
    if (quiet < quietMs) return;
    if (timer) clearInterval(timer);
    timer = null;
    if (countOpenLeads(deps.db) < minLeads) return settle(false);
    void warmPreview(deps, null).then(() => settle(true));
  }, checkMs);
  timer.unref();
  return { stop, done };
}

export interface RuleChangeInput extends Caller {
  request: RuleChangeRequest;
  /** Why (required to apply). */
  reason?: string;
}

export interface Preview {
  kind: 'rule' | 'positioning';
  subjectId: string;
  action: VersionAction;
  before: RuleSeed | ParkSeed | null;
  after: RuleSeed | ParkSeed;
  impact: Impact;
}

/** What the change would do to the open leads of its jurisdiction; nothing is written. */
export async function previewChange(deps: PipelineDeps, input: RuleChangeInput): Promise<Preview> {
  const p = plan(deps, input, input.request, input.reason?.trim() || '预览');
  return { kind: p.kind, subjectId: p.subjectId, action: p.action, before: p.before, after: p.after, impact: await impactOf(deps, p) };
}

/** The subject as a lead's history names it. */
function subjectLabel(p: Planned): string {
  if (p.kind === 'rule') return `规则「${(p.after as RuleSeed).name}」`;
  return `园区「${(p.after as ParkSeed).name}」产业定位`;
}

/** Per touched lead, one Chinese sentence of what the change does to it. */
function effectsByLead(impact: Impact): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (id: string, line: string) => out.set(id, [...(out.get(id) ?? []), line]);
  const why = (rules: Impact['newlyExcluded'][number]['rules']) => rules.map((r) => `${r.rule}（${r.source}）`).join('；');
  for (const x of impact.newlyExcluded)
    add(x.id, `新增 ${x.parks} 个园区不予准入${x.everywhere ? '（辖区内已无可准入园区）' : ''}：${why(x.rules)}`);
  for (const x of impact.noLongerExcluded) add(x.id, `${x.parks} 个园区不再排除（原依据：${why(x.rules)}）`);
  for (const x of impact.bestParkChanged) add(x.lead.id, `推荐园区：${x.from?.parkName ?? '无'} → ${x.to?.parkName ?? '无'}`);
  for (const x of impact.placementsAtRisk) add(x.id, `已安排的「${x.parkName}」将不予准入（${why(x.rules)}），请复核安排`);
  return out;
}

export interface Applied extends Preview {
  version: number;
  at: string;
}

/**
 * Applies the change: the impact is computed again (off the request thread), then in one transaction
 * the new current record, its version (before, after, who, when, why, impact), one history entry per
 * touched lead and the audit rows are written; then the knowledge is rebuilt. A change that another
 * admin's change overtook meanwhile is refused (rule_state), nothing written.
 */
export async function applyChange(deps: PipelineDeps, input: RuleChangeInput): Promise<Applied> {
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 2) throw invalidInput([{ path: 'changeReason', message: '请填写变更原因（至少 2 个字）' }]);
  const p = plan(deps, input, input.request, reason);
  const impact = await impactOf(deps, p);
  const at = new Date().toISOString();
  const actor = input.actor.name;
  const version = writeTx(deps.db, (tx) => {
    const now =
      p.kind === 'rule' ? (getRule(tx, p.subjectId)?.version ?? 0) : (listVersions(tx, 'positioning', p.subjectId).at(-1)?.version ?? 0);
    if (now !== p.fromVersion)
      throw new AppError('rule_state', { ruleId: p.subjectId, state: 'stale', message: '已被他人修改，请刷新后重新预览' });
    const v = nextVersion(tx, p.kind, p.subjectId, p.kind === 'rule' ? p.fromVersion : 0);
    if (p.kind === 'rule') putRuleRow(tx, { ...(p.after as RuleSeed), version: v });
    else {
      const park = p.after as ParkSeed;
      tx.update(t.parks)
        .set({
          leadingIndustries: park.leadingIndustries,
          supportingIndustries: park.supportingIndustries,
          positioning: park.positioning,
          updatedAt: at,
        })
        .where(eq(t.parks.id, park.id))
        .run();
    }
    appendVersion(tx, {
      kind: p.kind,
      subjectId: p.subjectId,
      version: v,
      action: p.action,
      jurisdictionId: p.jurisdictionId,
      actor,
      at,
      reason,
      before: p.before as Record<string, unknown> | null,
      after: (p.kind === 'rule' ? { ...(p.after as RuleSeed), version: v } : p.after) as Record<string, unknown>,
      impact: impact as unknown as Record<string, unknown>,
    });
    const head = `${subjectLabel(p)}第 ${v} 版（${ACTION_LABEL[p.action]}，原因：${reason}）`;
    for (const [leadId, lines] of effectsByLead(impact)) {
      if (!getLead(tx, leadId)) continue;
      tx.insert(t.leadHistory)
        .values({ leadId, at, actor, change: { ruleChange: { from: null, to: `${head}：${lines.join('；')}` } } })
        .run();
    }
    return v;
  });
  await deps.reloadKnowledge(); // answered once the new knowledge is in use
  return { kind: p.kind, subjectId: p.subjectId, action: p.action, before: p.before, after: p.after, impact, version, at };
}
