/**
 * The quality eval: runs case tables through the matcher and reports per-group accuracy and every
 * miss. Shared by `npm run eval` (prints) and test/eval (asserts the bars). The bar: every case
 * passes except the known misses pinned by id in KNOWN_MISSES, and those still miss.
 */
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../server/search/knowledge-base.js';
import type { Lead } from '../server/domain/lead.schema.js';
import { LeadSchema } from '../server/domain/lead.schema.js';
import { matchLead, type MatchOutcome, type ParkResult } from '../server/domain/match.js';
import { renderReason } from '../server/domain/reasons.js';
import { DEFAULT_USD_CNY_RATE } from '../server/text/units.js';
import { extractQuantities } from '../server/text/quantities.js';

export interface Expect {
  top1?: string[];
  top3?: string[];
  /** Every listed park must be in the top 3 (public `top3`). */
  top3all?: string[];
  excludedAll?: { mention: string };
  /**
   * Every 环境友好型 (clean) park is excluded naming `mention`; a park of another class (a development
   * zone) may keep the lead only with an exclusion or a review flag that names it (联审), never silently.
   */
  excludedClean?: { mention: string };
  notExcluded?: string[];
  excluded?: { park: string; mention: string }[];
  flag?: { park: string; mention: string }[];
}
export interface EvalCase {
  id: string;
  group: string;
  lead: Lead;
  expect: Expect;
  note?: string;
}
export interface CaseResult {
  id: string;
  group: string;
  pass: boolean;
  misses: string[];
}

/**
 * The in-repo copy of the public acceptance examples (copied verbatim from shared/eval/public-cases.json;
 * see test/eval/README.md). EVAL_PUBLIC_CASES may point elsewhere.
 */
export const PUBLIC_CASES_FILE = fileURLToPath(new URL('../test/eval/public-cases.json', import.meta.url));
export const publicCasesPath = (): string => process.env.EVAL_PUBLIC_CASES || PUBLIC_CASES_FILE;

/**
 * Cases of the own table and the public examples that are known to miss today, by id, each with why.
 * Every other case must pass; a case listed here that passes is an error too (take it off the list),
 * so the list stays honest. Since issue 15 added the 嘉兴 重大产业平台 (light/general), three 嘉兴 heavy-
 * pollution cases find a development zone that keeps the lead without a rule naming the process.
 */
export const KNOWN_MISSES: Readonly<Record<string, string>> = {
  M086: '灰铁砂型铸造：环境类别 general 的秀洲国家高新区、秀洲光伏小镇没有铸造规则，无联审标记地保留（规则缺口，issue 15 第2项）',
  M089: '铅酸蓄电池：general 类没有铅蓄电池规则，秀洲两平台无标记地保留（规则缺口，issue 15 第2项）',
  M092: '多层线路板（沉铜）：clean 以外未读出名录第81项报告书，一般工业园与产业基地类平台无联审标记地保留',
};

/**
 * One case against a pinned list of known misses: null when it is as expected (passes, or is pinned
 * and still misses), else what is wrong.
 */
export function againstKnown(r: { id: string; pass: boolean; misses: string[] }, known: Readonly<Record<string, string>>): string | null {
  const why = known[r.id];
  if (why === undefined) return r.pass ? null : `${r.id} fails: ${r.misses.join(' | ')}`;
  return r.pass ? `${r.id} passes now: take it off the known misses («${why}»)` : null;
}

/** Pinned ids that name no case (a typo or a removed case would otherwise pin nothing). */
export const unknownPins = (ids: Iterable<string>, known: Readonly<Record<string, string>>): string[] => {
  const have = new Set(ids);
  return Object.keys(known).filter((id) => !have.has(id));
};

/** Park keys are ids, or (public cases) substrings of park names. */
function resolve(kb: KnowledgeBase, key: string): string[] {
  if (kb.k.parkById.has(key)) return [key];
  const ids = kb.k.parks.filter((p) => p.park.name.replace(/\s+/g, '').includes(key) || p.park.aliases.includes(key)).map((p) => p.park.id);
  return ids;
}

const names = (rs: ParkResult[]) => rs.map((r) => `${r.park.park.name}(${r.score})`).join('、');

export function checkCase(kb: KnowledgeBase, c: EvalCase, usdCnyRate = DEFAULT_USD_CNY_RATE): CaseResult {
  const misses: string[] = [];
  const lead = LeadSchema.safeParse(c.lead);
  if (!lead.success)
    return {
      id: c.id,
      group: c.group,
      pass: false,
      misses: [`invalid lead: ${lead.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`],
    };
  const o: MatchOutcome = matchLead(lead.data, kb.k, {
    limit: 1000,
    includeExcluded: true,
    usdCnyRate,
    guessIndustries: kb.guessIndustries,
  });
  const eligible = o.results.filter((r) => !r.excluded);
  const top = eligible.slice(0, 3).map((r) => r.park.park.id);
  const byId = new Map(o.results.map((r) => [r.park.park.id, r]));
  const e = c.expect;
  const want = (keys: string[]) => keys.flatMap((k) => resolve(kb, k));
  if (e.top1 && !want(e.top1).includes(eligible[0]?.park.park.id ?? ''))
    misses.push(`top1 expected ${e.top1.join('|')}, got ${names(eligible.slice(0, 3))}`);
  if (e.top3 && !want(e.top3).some((id) => top.includes(id)))
    misses.push(`top3 expected any of ${e.top3.join('|')}, got ${names(eligible.slice(0, 3))}`);
  if (e.top3all)
    for (const k of e.top3all)
      if (!want([k]).some((id) => top.includes(id))) misses.push(`top3 expected ${k}, got ${names(eligible.slice(0, 3))}`);
  if (e.excludedAll) {
    const m = e.excludedAll.mention;
    if (eligible.length) misses.push(`expected every park excluded for ${m}; eligible: ${names(eligible.slice(0, 5))}`);
    const silent = o.results.filter((r) => r.excluded && !r.exclusions.some((x) => renderReason(x.reason).includes(m)));
    if (silent.length) misses.push(`exclusions not mentioning ${m}: ${names(silent.slice(0, 3))}`);
  }
  if (e.excludedClean) {
    const m = e.excludedClean.mention;
    const clean = o.results.filter((r) => r.park.park.envClass === 'clean');
    if (clean.length === 0) misses.push(`no 环境友好型 park in scope for ${m}`);
    const open = clean.filter((r) => !r.excluded);
    if (open.length) misses.push(`环境友好型 parks not excluded for ${m}: ${names(open.slice(0, 5))}`);
    const silent = clean.filter((r) => r.excluded && !r.exclusions.some((x) => renderReason(x.reason).includes(m)));
    if (silent.length) misses.push(`exclusions not mentioning ${m}: ${names(silent.slice(0, 3))}`);
    const unflagged = o.results.filter(
      (r) =>
        r.park.park.envClass !== 'clean' &&
        !(r.excluded
          ? r.exclusions.some((x) => renderReason(x.reason).includes(m))
          : r.flags.some((f) => renderReason(f.reason).includes(m))),
    );
    if (unflagged.length) misses.push(`development-zone parks keeping the lead without naming ${m}: ${names(unflagged.slice(0, 5))}`);
  }
  for (const k of e.notExcluded ?? [])
    for (const id of want([k])) {
      const r = byId.get(id);
      if (!r) misses.push(`${k} not in results`);
      else if (r.excluded) misses.push(`${k} excluded: ${r.exclusions.map((x) => renderReason(x.reason)).join('；')}`);
    }
  for (const x of e.excluded ?? [])
    for (const id of want([x.park])) {
      const r = byId.get(id);
      if (!r?.excluded) misses.push(`${x.park} should be excluded for ${x.mention}`);
      else if (!r.exclusions.some((y) => renderReason(y.reason).includes(x.mention)))
        misses.push(`${x.park} excluded but no reason mentions ${x.mention}`);
    }
  for (const x of e.flag ?? [])
    for (const id of want([x.park])) {
      const r = byId.get(id);
      if (!r || r.excluded) misses.push(`${x.park} should be eligible with a flag mentioning ${x.mention}`);
      else if (!r.flags.some((f) => renderReason(f.reason).includes(x.mention)))
        misses.push(`${x.park} has no flag mentioning ${x.mention}: ${r.flags.map((f) => renderReason(f.reason)).join('；')}`);
    }
  return { id: c.id, group: c.group, pass: misses.length === 0, misses };
}

export interface PublicCases {
  districts: string[];
  match: { id: string; summary: string; floorAreaM2?: number; top3?: string[]; top3any?: string[] }[];
  excludedEverywhere: { id: string; summary: string; mention: string }[];
  notExcluded: { id: string; summary: string; park: string }[];
  chat: { id: string; messages: string[]; expect: Record<string, number>; top3?: string[] }[];
  /** Newer case kinds (excludedEverywhere with mentionAny, keep, verdict, codes) not adopted yet. */
  v2?: Record<string, ({ id: string; summary: string } & Record<string, unknown>)[]>;
}

/** The public acceptance examples as eval cases (chat cases: the conversation's text, last statement winning). */
export function publicCases(p: PublicCases): { cases: EvalCase[]; chatExpect: Map<string, Record<string, number>> } {
  const districts = p.districts;
  const cases: EvalCase[] = [];
  for (const m of p.match) {
    const lead: Lead = { summary: m.summary, districts, ...(m.floorAreaM2 ? { floorAreaM2: m.floorAreaM2 } : {}) };
    cases.push({ id: m.id, group: 'public-match', lead, expect: m.top3any ? { top3: m.top3any } : { top3all: m.top3 } });
  }
  for (const x of p.excludedEverywhere)
    cases.push({
      id: x.id,
      group: 'public-banned',
      lead: { summary: x.summary, districts },
      expect: { excludedAll: { mention: x.mention } },
    });
  for (const x of p.notExcluded)
    cases.push({ id: x.id, group: 'public-not-banned', lead: { summary: x.summary, districts }, expect: { notExcluded: [x.park] } });
  const chatExpect = new Map<string, Record<string, number>>();
  for (const x of p.chat) {
    chatExpect.set(x.id, x.expect);
    cases.push({
      id: x.id,
      group: 'public-chat',
      lead: { summary: x.messages.join('。'), districts },
      expect: x.top3 ? { top3all: x.top3 } : {},
    });
  }
  return { cases, chatExpect };
}

/** A public case checked: the matcher's expectations, and for chat cases the quantities understood. */
export function checkPublicCase(kb: KnowledgeBase, c: EvalCase, chatExpect: Map<string, Record<string, number>>): CaseResult {
  const r = checkCase(kb, c);
  const want = chatExpect.get(c.id);
  if (!want) return r;
  const q = extractQuantities(c.lead.summary ?? '') as Record<string, unknown>;
  for (const [k, v] of Object.entries(want)) if (q[k] !== v) r.misses.push(`understood ${k}=${String(q[k])}, expected ${v}`);
  return { ...r, pass: r.misses.length === 0 };
}

/** What a v2 case asks of the product, in words. */
function v2Wants(kind: string, x: Record<string, unknown>): string {
  const list = (v: unknown) => (Array.isArray(v) ? v.join('|') : String(v));
  if (kind === 'excludedEverywhere') return `every park excludes it, a reason naming ${list(x.mentionAny)}`;
  if (kind === 'keep') return `no park excludes it (${String(x.why)})`;
  if (kind === 'verdict') return `verdict.kind = ${String(x.kind)}`;
  if (kind === 'codes') return `understanding.codes holds a ${String(x.codePrefix)}… class`;
  return JSON.stringify(x);
}

/** The v2 cases (kind = the key under "v2"), which the product is not checked against yet. */
export function publicV2(p: PublicCases): { id: string; kind: string; summary: string; wants: string }[] {
  return Object.entries(p.v2 ?? {}).flatMap(([kind, xs]) =>
    xs.map((x) => ({ id: x.id, kind, summary: x.summary, wants: v2Wants(kind, x) })),
  );
}

export interface GroupStat {
  group: string;
  total: number;
  passed: number;
}
export function groupStats(results: CaseResult[]): GroupStat[] {
  const by = new Map<string, GroupStat>();
  for (const r of results) {
    const g = by.get(r.group) ?? { group: r.group, total: 0, passed: 0 };
    g.total++;
    if (r.pass) g.passed++;
    by.set(r.group, g);
  }
  return [...by.values()].sort((a, b) => a.group.localeCompare(b.group));
}
