/**
 * Scoring a lead against the parks. The lead is understood once; what follows from it alone — the
 * rules it fires, the parks those rules rule out (one bitset), the factor weights — is worked out
 * once (`leadContext`), together with the parks its chain evidence reaches and the parks where it
 * wants to be (bitsets). Parks get a fast numeric score read from those sets and the knowledge's flat
 * tables, and only the parks that will be shown are explained in full (reasons, flags, best spaces)
 * by the per-park factor functions; the table readings equal the per-park ones (property-tested in
 * test/domain/park-tables.test.ts), so the numbers agree.
 * Ranking does not score every park: it walks the parks related to the lead's industries best
 * affinity first and stops when no park left could still be shown (`topEligible`); the result is
 * exactly what scoring every park would give (property-tested).
 * Excluded parks score 0 and rank after every eligible park. Deterministic: ties break on the
 * industry factor, then on park id.
 */
import type { CompiledPark, Knowledge } from './knowledge.js';
import { understandLead, type LeadFeatures, type NotOwn, type UnderstandOptions } from './lead.features.js';
import { FACTOR_KEYS, type FactorKey, type Lead, type WeightsInput } from './lead.schema.js';
import { evaluateGates, leadRules, ruledOut, type Exclusion, type Flag, type LeadRules } from './gates.js';
import { addAll, countBoth, emptySet, forEachOutside, inSet, type ParkSet } from './park-sets.js';
import { resolveWeights, type Weights } from './weights.js';
import { reason, type Reason } from './reasons.js';
import type { Factor } from './factors/factor.js';
import { FACTORS } from './factors/index.js';
import { industryScore, UNDETERMINED } from './factors/industry.factor.js';
import { rankSpaces, space, type SpaceFit } from './factors/space.factor.js';
import { RANKING, SPACE, UNDETERMINED_PARK } from './scoring.constants.js';

export interface MatchOptions extends UnderstandOptions {
  weights?: WeightsInput;
  /** How many results to return (eligible first). */
  limit?: number;
  includeExcluded?: boolean;
  spacesPerPark?: number;
}

export interface ScoredFactor {
  key: FactorKey;
  /** 0..1; 0 when unknown. */
  score: number;
  /** Effective weight: 0 for an unknown factor; the known ones sum to 1. */
  weight: number;
  known: boolean;
  reasons: Reason[];
}

export interface ParkResult {
  park: CompiledPark;
  /** 0..100, one decimal. */
  score: number;
  excluded: boolean;
  exclusions: Exclusion[];
  flags: Flag[];
  factors: ScoredFactor[];
  spaces: SpaceFit[];
}

export interface MatchOutcome {
  features: LeadFeatures;
  weights: Weights;
  results: ParkResult[];
  eligibleCount: number;
  excludedCount: number;
  /** Lead-level flags (unknown data, negations read, currency conversion), also attached to each result. */
  leadFlags: Flag[];
}

/** A park's numeric verdict, computed for every park before any explaining. */
export interface QuickScore {
  park: CompiledPark;
  excluded: boolean;
  score: number;
  industry: number;
}

/** Why a process word is not the lead's own, as the flag says it. */
const NOT_OWN_LABEL: Record<NotOwn, string> = {
  offSite: '外协/外购',
  input: '外购已加工的原料',
  modifier: '产品或服务所针对的工序',
  customer: '客户所从事',
  name: '企业或作品名称中的字样',
};

function leadFlags(f: LeadFeatures): Flag[] {
  const flags: Flag[] = [];
  const sys = '系统提示';
  if (f.industries.length === 0) flags.push({ code: 'industry-unknown', reason: reason('flag.industryUnknown'), source: sys });
  if (f.lead.investmentWan === undefined) flags.push({ code: 'investment-unknown', reason: reason('flag.investmentUnknown'), source: sys });
  if (f.lead.floorAreaM2 === undefined && f.lead.landMu === undefined)
    flags.push({ code: 'area-unknown', reason: reason('flag.areaUnknown'), source: sys });
  if (f.negatedWords.length)
    flags.push({ code: 'negation', reason: reason('flag.negated', { words: f.negatedWords.join('、') }), source: sys });
  const unmeasured = f.chemicals.filter((c) => c.amountT === null);
  if (unmeasured.length && f.pollution.hazardousChemicals !== true)
    flags.push({
      code: 'env-check',
      reason: reason('flag.envCheck', { words: unmeasured.map((c) => c.name).join('、') }),
      source: 'GB 18218-2018 表1',
    });
  const notOwn = f.notOwnWords.filter((x) => x.actor !== 'name');
  if (notOwn.length)
    flags.push({
      code: 'not-own-process',
      reason: reason('flag.notOwn', { words: notOwn.map((x) => `${x.word}（${NOT_OWN_LABEL[x.actor]}）`).join('、') }),
      source: sys,
    });
  // an exclusion the whole text casts doubt on: not a gate, but checked before the lead goes to a 环境友好型 park
  if (f.doubtedExclusions)
    flags.push({
      code: 'env-doubt',
      reason: reason('flag.envDoubt', {
        words: f.doubtedExclusions.words.join('、'),
        evidence: f.doubtedExclusions.evidence.join('、') || '全文',
      }),
      source: '系统提示（上下文模型，docs/CONTEXT.md）',
    });
  if (f.suspectedOnSite)
    flags.push({
      code: 'env-suspect',
      reason: reason('flag.envSuspect', { evidence: f.suspectedOnSite.evidence.join('、') || '全文' }),
      source: '系统提示（上下文模型，docs/CONTEXT.md）',
    });
  // a process word only in the firm's name (宁波某电镀有限公司拟搬迁入园): not read as the lead's, but checked
  const named = f.notOwnWords.filter((x) => x.actor === 'name');
  if (named.length)
    flags.push({ code: 'name-process', reason: reason('flag.nameProcess', { words: named.map((x) => x.word).join('、') }), source: sys });
  if (f.usd)
    flags.push({
      code: 'currency-usd',
      reason: reason('flag.usd', { amount: f.usd.amount, rate: f.usd.rate, wan: f.usd.wan }),
      source: '配置 USD_CNY_RATE',
    });
  return flags;
}

/** Which factors the lead gives data for: the same for every park. */
function knownFactors(f: LeadFeatures): Record<FactorKey, boolean> {
  const known = {} as Record<FactorKey, boolean>;
  for (const x of FACTORS) known[x.key] = x.known(f);
  return known;
}

/** Effective weights: unknown factors get 0, the known ones are renormalised to sum to 1. */
function effectiveWeights(w: Weights, known: Record<FactorKey, boolean>): Weights {
  const total = FACTOR_KEYS.reduce((s, k) => s + (known[k] ? w[k] : 0), 0);
  if (total === 0) return w;
  // the keys in FACTOR_KEYS order, so every lead's weights share one object shape
  const ew = {} as Weights;
  for (const k of FACTOR_KEYS) ew[k] = known[k] ? w[k] / total : 0;
  return ew;
}

/** Everything about a lead that does not depend on the park, worked out once per lead. */
export interface LeadContext {
  f: LeadFeatures;
  k: Knowledge;
  /** Requested weights (normalised) and effective weights (unknown factors 0). */
  weights: Weights;
  ew: Weights;
  lr: LeadRules;
  excludedDistricts: ReadonlySet<string>;
  /** The parks the request limits itself to (its districts); null: every park. */
  scope: ParkSet | null;
  /** The parks the lead is ruled out of. */
  out: ParkSet;
  /** Per factor (FACTORS order), what it prepared for this lead (null for an unknown factor). */
  parts: unknown[];
  /**
   * The factors ranking adds to the industry fit (see SLOTS): per slot of EXACT, LOOSE and PER_PARK,
   * the factor's effective weight (0: not in play) and what it prepared for this lead. The caps of
   * the `byHas` factors come from `capByHas` (per PARK_HAS bits, ×100).
   */
  xw: Float64Array;
  xp: unknown[];
  lw: Float64Array;
  lp: unknown[];
  pw: Float64Array;
  pp: unknown[];
  capByHas: number[];
  /** The most the factors other than industry can add (×100), to any park and to a park unrelated to the lead's industries. */
  restMax: number;
  restUnrelatedMax: number;
  /** The lead states a space need that weighs: the park's score is capped by its best unit's fit (SPACE.scoreCap*). */
  spaceCap: boolean;
  /** The lead's industry is known: a park of undecided industry is capped (UNDETERMINED_PARK). */
  undeterminedCap: boolean;
  /** How many parks are in scope, and how many of them the lead is not ruled out of. */
  inScope: number;
  eligible: number;
}

/**
 * The factors other than industry by role, fixed when the module loads (FACTORS order): EXACT, whose
 * score is cheap enough to be its own bound; LOOSE, bounded by `bound` before `at` is read (space);
 * PER_PARK, whose cap is read per park (a bit test). Ranking calls each slot from a call site of its
 * own (E0…E4, L0…L1, P0…P3 below), so that every site sees one factor and V8 inlines its `at`: one
 * loop calling four factors' `at` from one site made bulk scoring at 2,000 parks about 20 % slower
 * (measured). A sixth exact factor needs one more slot here.
 */
const REST = FACTORS.filter((x) => x.key !== 'industry');
const EXACT = REST.filter((x) => !x.bound);
const LOOSE = REST.filter((x) => x.bound);
const PER_PARK = REST.filter((x) => !x.byHas);
if (EXACT.length > 5 || LOOSE.length > 2 || PER_PARK.length > 4)
  throw new Error('match.ts: add a ranking slot for the new factor (see SLOTS)');
const [E0, E1, E2, E3, E4] = EXACT as (Factor<unknown> | undefined)[];
const [L0, L1] = LOOSE as (Factor<unknown> | undefined)[];
const [P0, P1, P2, P3] = PER_PARK as (Factor<unknown> | undefined)[];
/** Where each slot's factor sits in FACTORS (and so in LeadContext.parts). */
const EXACT_AT = EXACT.map((x) => FACTORS.indexOf(x));
const LOOSE_AT = LOOSE.map((x) => FACTORS.indexOf(x));
const PER_PARK_AT = PER_PARK.map((x) => FACTORS.indexOf(x));
const BY_HAS_AT = REST.filter((x) => x.byHas).map((x) => FACTORS.indexOf(x));

/** Per slot: the effective weight (0 when not in play) and what the factor prepared. */
function slots(at: readonly number[], size: number, ew: Weights, parts: readonly unknown[]): [Float64Array, unknown[]] {
  const w = new Float64Array(size);
  const p: unknown[] = [null, null, null, null, null];
  for (let i = 0; i < at.length; i++) {
    const j = at[i]!;
    w[i] = ew[FACTORS[j]!.key];
    p[i] = parts[j];
  }
  return [w, p];
}

/** Per PARK_HAS bits, the most the `byHas` factors can give a park (×100). */
function capsByHas(f: LeadFeatures, ew: Weights, parts: readonly unknown[]): number[] {
  // a plain array of doubles: a Float64Array of 16 (128 bytes) is allocated off the heap, per lead
  const caps: number[] = [];
  for (let has = 0; has < 16; has++) {
    let sum = 0;
    for (const j of BY_HAS_AT) {
      const def = FACTORS[j]!;
      const w = ew[def.key];
      if (w > 0) sum += w * def.cap(parts[j], f, has, -1);
    }
    caps.push(100 * sum);
  }
  return caps;
}

export function leadContext(f: LeadFeatures, k: Knowledge, opts: Pick<MatchOptions, 'weights'> = {}): LeadContext {
  const weights = resolveWeights(opts.weights);
  const lr = leadRules(f, k);
  const excludedDistricts = new Set(f.lead.excludedDistricts ?? []);
  let scope: ParkSet | null = null;
  if (f.lead.districts?.length) {
    scope = emptySet(k.parks.length);
    for (const d of f.lead.districts) {
      const parks = k.districtParks.get(d);
      if (parks) addAll(scope, parks);
    }
  }
  const out = ruledOut(lr, k, excludedDistricts);
  const inScope = scope ? countBoth(scope, null) : k.parks.length;
  const known = knownFactors(f);
  const ew = effectiveWeights(weights, known);
  // a factor is prepared when it is known, or weighs anything at all (no factor known: every weight stays)
  const parts = FACTORS.map((def) => (known[def.key] || ew[def.key] > 0 ? def.prepare(f, k) : null));
  const [xw, xp] = slots(EXACT_AT, 5, ew, parts);
  const [lw, lp] = slots(LOOSE_AT, 2, ew, parts);
  const [pw, pp] = slots(PER_PARK_AT, 4, ew, parts);
  let restMax = 0;
  let restUnrelatedMax = 0;
  for (const def of REST) {
    restMax += ew[def.key] * def.max;
    restUnrelatedMax += ew[def.key] * def.unrelatedMax;
  }
  return {
    f,
    k,
    weights,
    ew,
    lr,
    excludedDistricts,
    scope,
    out,
    parts,
    xw,
    xp,
    lw,
    lp,
    pw,
    pp,
    capByHas: capsByHas(f, ew, parts),
    spaceCap: f.need.known && ew.space > 0,
    undeterminedCap: f.industries.length > 0 && ew.industry > 0,
    restMax: 100 * restMax,
    restUnrelatedMax: 100 * restUnrelatedMax,
    inScope,
    eligible: inScope - countBoth(out, scope),
  };
}

const isInScope = (c: LeadContext, p: number) => c.scope === null || inSet(c.scope, p);

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Park p's score before rounding, but for its loose factors (space): industry at `industry`, and the
 * exact factors read from the lead's parts and the knowledge's flat tables. Scores and bounds add
 * the loose factors to this same sum (scores their `at`, bounds their `bound`), so they agree to the last bit.
 */
function exactSum(c: LeadContext, p: number, industry: number): number {
  const { f, k, xw, xp } = c;
  let s = c.ew.industry * industry;
  if (xw[0]) s += xw[0] * E0!.at(xp[0], f, k, p);
  if (xw[1]) s += xw[1] * E1!.at(xp[1], f, k, p);
  if (xw[2]) s += xw[2] * E2!.at(xp[2], f, k, p);
  if (xw[3]) s += xw[3] * E3!.at(xp[3], f, k, p);
  if (xw[4]) s += xw[4] * E4!.at(xp[4], f, k, p);
  return s;
}

const { scoreCapBase: CAP_BASE, scoreCapSlope: CAP_SLOPE } = SPACE;
const UNDETERMINED_CAP = UNDETERMINED_PARK.cap / 100;

/**
 * The caps on park p's score (fractions of 100; both rise with what they read, so a bound of the space
 * fit gives a bound of the capped score): a park of undecided industry when the lead's industry is
 * known (UNDETERMINED_PARK), and a park whose best unit cannot hold the stated need (SPACE.scoreCap*).
 */
function capped(c: LeadContext, p: number, s: number, spaceFit: number): number {
  if (c.spaceCap) {
    const cap = CAP_BASE + CAP_SLOPE * spaceFit;
    if (s > cap) s = cap;
  }
  // the park's leading industry undecided: a bit test (reading the park's object here was a quarter of the ranking's time)
  if (c.undeterminedCap && s > UNDETERMINED_CAP && inSet(c.k.lists.undeterminedSet, p)) s = UNDETERMINED_CAP;
  return s;
}

/** The loose factors' part of park p's score; `spaceFit`: space's score when the caller already has it. */
function looseSum(c: LeadContext, p: number, rest: number, spaceFit?: number): number {
  const { f, k, lw, lp } = c;
  let s = rest;
  let sp = 1;
  if (lw[0]) {
    const x = spaceFit !== undefined && L0 === space ? spaceFit : L0!.at(lp[0], f, k, p);
    s += lw[0] * x;
    if (L0 === space) sp = x;
  }
  if (lw[1]) {
    const x = spaceFit !== undefined && L1 === space ? spaceFit : L1!.at(lp[1], f, k, p);
    s += lw[1] * x;
    if (L1 === space) sp = x;
  }
  return capped(c, p, s, sp);
}

/** The loose factors' bound of park p's score. */
function looseBound(c: LeadContext, p: number, rest: number): number {
  const { f, k, lw, lp } = c;
  let s = rest;
  let sp = 1;
  if (lw[0]) {
    const x = L0!.bound!(lp[0], f, k, p);
    s += lw[0] * x;
    if (L0 === space) sp = x;
  }
  if (lw[1]) {
    const x = L1!.bound!(lp[1], f, k, p);
    s += lw[1] * x;
    if (L1 === space) sp = x;
  }
  return 100 * capped(c, p, s, sp);
}

/** What the per-park caps add to park p visited with these PARK_HAS bits (before ×100). */
function perParkCaps(c: LeadContext, has: number, p: number): number {
  const { f, pw, pp } = c;
  let s = 0;
  if (pw[0]) s += pw[0] * P0!.cap(pp[0], f, has, p);
  if (pw[1]) s += pw[1] * P1!.cap(pp[1], f, has, p);
  if (pw[2]) s += pw[2] * P2!.cap(pp[2], f, has, p);
  if (pw[3]) s += pw[3] * P3!.cap(pp[3], f, has, p);
  return s;
}

/** A score, 0..100 with one decimal, from a park's full sum. */
const scoreOf = (sum: number) => round1(Math.min(100, Math.max(0, sum * 100)));

/** Park p's numeric verdict. `spaceFit` may be passed when the caller already has it (scoreParts needs the best unit fit). */
function quickScore(c: LeadContext, p: number, spaceFit?: number): QuickScore {
  const cp = c.k.parks[p]!;
  const industry = industryScore(c.f, cp) ?? 0;
  if (inSet(c.out, p)) return { park: cp, excluded: true, score: 0, industry };
  return { park: cp, excluded: false, score: scoreOf(looseSum(c, p, exactSum(c, p, industry), spaceFit)), industry };
}

/** Park p's numeric verdict for the lead when it is in scope and eligible (else undefined): one park re-scored (impact previews). */
export function scoreOnePark(c: LeadContext, p: number): QuickScore | undefined {
  if (!isInScope(c, p) || inSet(c.out, p)) return undefined;
  return quickScore(c, p);
}

export function compareQuick(a: QuickScore, b: QuickScore): number {
  if (a.excluded !== b.excluded) return a.excluded ? 1 : -1;
  return b.score - a.score || b.industry - a.industry || a.park.order - b.park.order;
}

/** Would an eligible park with this score, industry score and order rank before q (compareQuick < 0)? Asked before a park's QuickScore is made. */
const ranksBefore = (score: number, industry: number, order: number, q: QuickScore) =>
  q.excluded || score > q.score || (score === q.score && (industry > q.industry || (industry === q.industry && order < q.park.order)));

/** Inserts x into `top` (sorted by compareQuick, at most n long) if it makes it. */
function offerTop(top: QuickScore[], x: QuickScore, n: number): void {
  if (top.length === n && compareQuick(x, top[n - 1]!) >= 0) return;
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareQuick(top[mid]!, x) <= 0) lo = mid + 1;
    else hi = mid;
  }
  top.splice(lo, 0, x);
  if (top.length > n) top.pop();
}

/** The first `n` of `xs` in compareQuick order, without sorting everything when n is small. */
export function firstN(xs: QuickScore[], n: number): QuickScore[] {
  if (n * 8 >= xs.length) return [...xs].sort(compareQuick).slice(0, n);
  const top: QuickScore[] = [];
  for (const x of xs) offerTop(top, x, n);
  return top;
}

const NO_PARKS = new Int32Array(0);

/**
 * The parks a ranking walk has seen: one array per thread reused by every walk, a park seen when its
 * entry holds this walk's mark (a fresh zeroed array per lead, 2,000 bytes off the heap, was about
 * 6 % of bulk scoring's time at 2,000 parks). Walks never overlap (they are synchronous).
 */
let seenArray = new Uint32Array(0);
let seenMark = 0;
function seenMarks(parks: number): Uint32Array {
  if (seenArray.length < parks || seenMark === 0xffffffff) {
    seenArray = new Uint32Array(Math.max(parks, seenArray.length));
    seenMark = 0;
  }
  seenMark++;
  return seenArray;
}

/** consider(p, fit) for each park of a list. */
function considerEach(parks: Int32Array, fit: number, consider: (p: number, fit: number) => void): void {
  for (let i = 0; i < parks.length; i++) consider(parks[i]!, fit);
}

/** Half a rounding step (scores have one decimal) plus room for floating-point noise. */
const BOUND_SLACK = RANKING.boundSlack;

/**
 * The best `limit` eligible parks in scope, exactly as scoring every park would rank them, scoring in
 * full only the parks that could still be shown. A park's score is at most its bound: every factor
 * at its score but the loose ones (space), each at its `bound` (space: the fit of its largest unit of
 * each kind) — read from the lead's parts and the knowledge's flat tables; and at most its cap, read
 * from the park's PARK_HAS bits before its rows are (factors' `cap`). With the lead's
 * industries known, parks are visited best industry fit first (the per-positioning lists merged), so
 * once even a perfect rest cannot lift the next fit to the last shown score the walk stops; parks of
 * undecided industry (fixed fit) and parks unrelated to the lead (fit 0) are visited only if they
 * still could be shown. Without industries, parks are scored best bound first.
 */
export function topEligible(c: LeadContext, limit: number): QuickScore[] {
  const { f, k, ew } = c;
  const top: QuickScore[] = [];
  if (limit <= 0 || c.eligible === 0) return top;
  // read in the loops below: plain locals, not the context's fields
  const { capByHas, restMax, restUnrelatedMax } = c;
  const undetermined = k.lists.undetermined;
  const { scope, out } = c;
  const order = k.lists.order;
  /** The last shown score once `limit` parks are shown: a park must reach it (less the slack) to be scored. */
  let kth = -Infinity;
  /** Park p at this industry fit, sum without space and space fit: into the top if it makes it (its QuickScore is made only then). */
  const offer = (p: number, fit: number, rest: number) => {
    const score = scoreOf(looseSum(c, p, rest));
    if (top.length === limit && !ranksBefore(score, fit, order[p]!, top[limit - 1]!)) return;
    offerTop(top, { park: k.parks[p]!, excluded: false, score, industry: fit }, limit);
    if (top.length === limit) kth = top[limit - 1]!.score - BOUND_SLACK;
  };
  /** Can a park with this industry fit still be shown, the other factors at their most (for a park the lead's industries do not reach: `unrelated`)? */
  const reachable = (fit: number, unrelated = false) => 100 * ew.industry * fit + (unrelated ? restUnrelatedMax : restMax) >= kth;
  // a park's bound and score read the lead's parts and the knowledge's flat tables, not the park's objects
  const consider = (p: number, fit: number) => {
    if ((scope !== null && !inSet(scope, p)) || inSet(out, p)) return;
    const rest = exactSum(c, p, fit);
    if (looseBound(c, p, rest) >= kth) offer(p, fit, rest);
  };

  if (f.industries.length === 0 || ew.industry === 0) {
    const cand: { p: number; fit: number; rest: number; b: number }[] = [];
    forEachOutside(out, scope, k.parks.length, (p) => {
      const fit = industryScore(f, k.parks[p]!) ?? 0;
      const rest = exactSum(c, p, fit);
      cand.push({ p, fit, rest, b: looseBound(c, p, rest) });
    });
    cand.sort((a, b) => b.b - a.b || k.parks[a.p]!.order - k.parks[b.p]!.order);
    for (const { p, fit, rest, b } of cand) {
      if (b < kth) break;
      offer(p, fit, rest);
    }
    return top;
  }

  // merge the lead's industry lists, best fit first; a park is seen first at its best fit
  const seen = seenMarks(k.parks.length);
  const mark = seenMark;
  const n = f.industries.length;
  const parks: Int32Array[] = [];
  const affs: Float32Array[] = [];
  const hass: Uint8Array[] = [];
  const strength: number[] = [];
  const at: number[] = [];
  for (const li of f.industries) {
    parks.push(k.lists.parks[li.idx]!);
    affs.push(k.lists.aff[li.idx]!);
    hass.push(k.lists.has[li.idx]!);
    strength.push(li.strength);
    at.push(0);
  }
  for (;;) {
    let from = -1;
    let fit = 0;
    for (let i = 0; i < n; i++) {
      if (at[i]! === parks[i]!.length) continue;
      const x = strength[i]! * affs[i]![at[i]!]!;
      if (x > fit) {
        fit = x;
        from = i;
      }
    }
    if (from < 0 || !reachable(fit)) break;
    const idx = parks[from]![at[from]!]!;
    const has = hass[from]![at[from]!++]!;
    if (seen[idx] === mark) continue;
    seen[idx] = mark;
    // what the park lacks caps it before its rows are read (the per-park caps are bit tests)
    if (100 * (ew.industry * fit + perParkCaps(c, has, idx)) + capByHas[has]! >= kth) consider(idx, fit);
  }
  // parks of undecided or unrelated industry: none of the lead's industries leads there (each factor at most its unrelatedMax)
  // called on every walk (an empty list when unreachable): a call met only on rare walks has no type
  // feedback in the optimised ranking and throws it away each time (measured: ~285 times in 20,000 leads)
  considerEach(reachable(UNDETERMINED, true) ? undetermined : NO_PARKS, UNDETERMINED, consider);
  if (reachable(0, true)) {
    forEachOutside(out, scope, k.parks.length, (p) => {
      const cp = k.parks[p]!;
      if (seen[p] !== mark && cp.leading.length > 0) consider(p, industryScore(f, cp) ?? 0);
    });
  }
  return top;
}

function explain(c: LeadContext, q: QuickScore, spacesPerPark: number, lf: Flag[]): ParkResult {
  const { f, k, ew } = c;
  const cp = q.park;
  const gates = evaluateGates(f, c.lr, cp, k, c.excludedDistricts);
  const spaces = rankSpaces(cp, f.need, spacesPerPark);
  const factors = FACTORS.map((def, i) => def.explain(c.parts[i], f, k, cp, { spaces }));
  const flags = [...gates.flags, ...lf];
  const sp = factors.find((x) => x.key === 'space')?.score ?? 1;
  if (!q.excluded && c.spaceCap && CAP_BASE + CAP_SLOPE * sp < 1)
    flags.push({
      code: 'space-cap',
      reason: reason('flag.spaceCap', { fit: sp, cap: round1(100 * (CAP_BASE + CAP_SLOPE * sp)) }),
      source: '评分规则（docs/SCORING.md）',
    });
  if (!q.excluded && c.undeterminedCap && cp.leading.length === 0)
    flags.push({
      code: 'undetermined-cap',
      reason: reason('flag.undeterminedCap', { cap: UNDETERMINED_PARK.cap }),
      source: '评分规则（docs/SCORING.md）',
    });
  if (spaces.some((s) => s.space.source.includes('示例数据')))
    flags.push({ code: 'sample-spaces', reason: reason('flag.sampleSpaces'), source: '示例数据' });
  return {
    park: cp,
    score: q.score,
    excluded: q.excluded,
    exclusions: gates.exclusions,
    flags,
    factors: factors.map((x) => ({ key: x.key, score: x.score ?? 0, weight: ew[x.key], known: x.score !== null, reasons: x.reasons })),
    spaces,
  };
}

/** A park's score split so that a solver can price each of its spaces (routing). */
export interface ParkScoreParts {
  park: CompiledPark;
  excluded: boolean;
  /** The park's score with its best-fitting space, 0..100. */
  score: number;
  /** Effective weight of the space factor (0 when the lead states no space need). */
  spaceWeight: number;
  /** Fit of the best vacant unit (0..1). */
  bestSpaceFit: number;
}

/**
 * Every park in scope, unranked, with the parts a solver needs: the score of the lead in park p with
 * unit s is `score + 100 × spaceWeight × (fitSpace(s, features.need) − bestSpaceFit)`.
 */
export function scoreParts(f: LeadFeatures, k: Knowledge, opts: MatchOptions = {}): ParkScoreParts[] {
  // no space cap: the plan prices each unit itself and only places a lead in a unit that serves it
  // (ROUTING.minSpaceFit ≥ the fit from which the cap stops), and a unit the lead already holds is not vacant
  const c: LeadContext = { ...leadContext(f, k, opts), spaceCap: false };
  const out: ParkScoreParts[] = [];
  for (let p = 0; p < k.parks.length; p++) {
    if (!isInScope(c, p)) continue;
    const bestSpaceFit = c.ew.space ? space.at(null, c.f, k, p) : 0;
    const q = quickScore(c, p, bestSpaceFit);
    out.push({ park: q.park, excluded: q.excluded, score: q.score, spaceWeight: c.ew.space, bestSpaceFit });
  }
  return out;
}

/** Scores a lead against every park in scope and ranks them. */
export function matchLead(lead: Lead, k: Knowledge, opts: MatchOptions = {}): MatchOutcome {
  return rankFeatures(understandLead(lead, k, opts), k, opts);
}

/** The ranking without explanations: the shown parks' scores and the counts (bulk scoring explains only the best). */
export interface QuickRanking {
  c: LeadContext;
  shown: QuickScore[];
  eligibleCount: number;
  excludedCount: number;
}

export function rankQuick(f: LeadFeatures, k: Knowledge, opts: MatchOptions = {}): QuickRanking {
  const c = leadContext(f, k, opts);
  const limit = opts.limit ?? RANKING.limit;
  const shown = opts.includeExcluded
    ? firstN(
        k.parks.filter((cp) => isInScope(c, cp.idx)).map((cp) => quickScore(c, cp.idx)),
        limit,
      )
    : topEligible(c, limit);
  return { c, shown, eligibleCount: c.eligible, excludedCount: c.inScope - c.eligible };
}

/** One shown park explained: factors with reasons, flags, exclusions, best spaces. */
export function explainPark(c: LeadContext, q: QuickScore, spacesPerPark: number = RANKING.spacesPerPark): ParkResult {
  return explain(c, q, spacesPerPark, leadFlags(c.f));
}

/** Ranking from already-understood features. */
export function rankFeatures(f: LeadFeatures, k: Knowledge, opts: MatchOptions = {}): MatchOutcome {
  return rankWithContext(f, k, opts).outcome;
}

/** The ranking and the lead's context it was made from (to explain more parks without understanding or ranking again). */
export function rankWithContext(f: LeadFeatures, k: Knowledge, opts: MatchOptions = {}): { outcome: MatchOutcome; c: LeadContext } {
  const r = rankQuick(f, k, opts);
  const lf = leadFlags(f);
  const spacesPerPark = opts.spacesPerPark ?? RANKING.spacesPerPark;
  return {
    c: r.c,
    outcome: {
      features: f,
      weights: r.c.weights,
      results: r.shown.map((q) => explain(r.c, q, spacesPerPark, lf)),
      eligibleCount: r.eligibleCount,
      excludedCount: r.excludedCount,
      leadFlags: lf,
    },
  };
}

/**
 * The first `n` excluded parks in scope, in ranking order (excluded parks rank by industry fit, then
 * by order), explained: read from the parks the lead's rules and districts rule out (`c.out`, the
 * per-rule park sets), without ranking or explaining the eligible parks again. The same parks and
 * explanations as a full ranking with `includeExcluded` would show after the eligible ones.
 */
export function excludedParks(c: LeadContext, n: number, spacesPerPark: number = RANKING.spacesPerPark): ParkResult[] {
  if (n <= 0 || c.eligible === c.inScope) return [];
  const xs: QuickScore[] = [];
  for (const cp of c.k.parks)
    if (inSet(c.out, cp.idx) && isInScope(c, cp.idx))
      xs.push({ park: cp, excluded: true, score: 0, industry: industryScore(c.f, cp) ?? 0 });
  const lf = leadFlags(c.f);
  return firstN(xs, n).map((q) => explain(c, q, spacesPerPark, lf));
}

/**
 * The best eligible park in the lead's preferred districts (within the districts it limits itself to),
 * explained, or null when the lead prefers none or none there is eligible: shown even when it is not
 * among the overall top (issue 16: a preference is answered, never only "暂无排名靠前的").
 */
export function bestInPreferred(
  f: LeadFeatures,
  k: Knowledge,
  opts: MatchOptions = {},
): { districts: string[]; result: ParkResult | null } | null {
  const wanted = f.lead.preferredDistricts ?? [];
  if (!wanted.length) return null;
  const limit = f.lead.districts?.length ? wanted.filter((d) => f.lead.districts!.includes(d)) : wanted;
  if (!limit.length) return { districts: wanted, result: null };
  const g: LeadFeatures = { ...f, lead: { ...f.lead, districts: limit } };
  const { outcome } = rankWithContext(g, k, { ...opts, limit: 1, includeExcluded: false });
  return { districts: limit, result: outcome.results[0] ?? null };
}
