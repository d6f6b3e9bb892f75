/**
 * Scoring one spreadsheet row: the same ranking as POST /api/match (understandLead + rankFeatures,
 * explained only for the best park and a few runners-up), packed into the results columns.
 *
 * Bulk speed without changing a single result: a park's score is at most its industry part plus
 * the weights of the factors not yet computed. Per industry the parks related to it are kept in a
 * list, best affinity first (built once per knowledge base). The scorer scores the dozen parks with
 * the best industry fit, takes the last shown score as the score to beat, walks the lists only as
 * far as a park could still reach it, scores those best bound first until no bound can, and
 * explains just the parks shown: exactly the ranking a full pass gives (a test compares them).
 * Without an industry, or when a park with no industry fit could still be shown, it ranks every park.
 * Pure: the worker threads and the tests use it the same way.
 */
import { compileKnowledge, type CompiledPark, type Knowledge, type KnowledgeInput } from '../domain/knowledge.js';
import { understandLead, type LeadFeatures } from '../domain/lead.features.js';
import type { Lead } from '../domain/lead.schema.js';
import { firstN, rankFeatures, scoreParts, type ParkResult, type QuickScore } from '../domain/match.js';
import { evaluateGates, isExcluded, leadRules, type LeadRules } from '../domain/gates.js';
import { renderReason } from '../domain/reasons.js';
import { industryScore } from '../domain/factors/industry.factor.js';
import { policyScore } from '../domain/factors/policy.factor.js';
import { locationScore } from '../domain/factors/location.factor.js';
import { efficiencyScore } from '../domain/factors/efficiency.factor.js';
import { createIndustryGuesser, type IndustryGuesser } from '../search/taxonomy.index.js';

export interface ParkPick {
  parkId: string;
  parkName: string;
  district: string;
  score: number;
}

export interface RowResult {
  best: ParkPick | null;
  alternatives: ParkPick[];
  /** Why parks were ruled out: one entry per rule, with how many parks it ruled out. */
  exclusions: { ruleId: string; reason: string; source: string; parks: number }[];
  /** The best park's reasons: its known factors, then its flags. */
  reasons: string[];
  eligible: number;
  excluded: number;
}

export interface ScorerOptions {
  usdCnyRate?: number;
  /** Runners-up shown besides the best park. */
  alternatives?: number;
  /** From how many parks on the shortlist beats a full pass (measured: scripts/bench-bulk.ts). */
  shortlistFrom?: number;
}

export interface Scorer {
  score(lead: Lead): RowResult;
  k: Knowledge;
}

const pick = (r: ParkResult): ParkPick => ({ parkId: r.park.park.id, parkName: r.park.park.name, district: r.park.park.district, score: r.score });

/** How many of the parks with the best industry fit are scored first to find the score to beat. */
const PROBE = 12;
/** Below this many parks a full pass is cheaper than the shortlist (see shortlistFrom). */
const SHORTLIST_FROM = 300;
/** Rounding slack: scores are rounded to one decimal. */
const SLACK = 0.2;
/** Parks scored together once the probe has set the score to beat. */
const BATCH = 16;

/** What decides, per lead, whether a park can be shown at all. */
interface Gate {
  lr: LeadRules;
  only: ReadonlySet<string> | null;
  excludedDistricts: ReadonlySet<string>;
}

/** Per positioning: the parks related to it (affinity > 0), highest affinity first. */
interface AffinityList {
  parks: CompiledPark[];
  aff: Float32Array;
}

function affinityLists(k: Knowledge): { lists: AffinityList[]; undetermined: CompiledPark[] } {
  const lists = k.taxonomy.positionings.map((_, i) => {
    const parks = k.parks.filter((cp) => cp.leading.length > 0 && cp.affValue[i]! > 0).sort((a, b) => b.affValue[i]! - a.affValue[i]! || a.order - b.order);
    return { parks, aff: Float32Array.from(parks, (cp) => cp.affValue[i]!) };
  });
  return { lists, undetermined: k.parks.filter((cp) => cp.leading.length === 0) };
}

export function createScorer(k: Knowledge, guessIndustries: IndustryGuesser, opts: ScorerOptions = {}): Scorer {
  const limit = 1 + (opts.alternatives ?? 3);
  const shortlistFrom = opts.shortlistFrom ?? SHORTLIST_FROM;
  const matchOpts = { limit, usdCnyRate: opts.usdCnyRate, guessIndustries };
  const { lists, undetermined } = affinityLists(k);
  const seen = new Uint32Array(k.parks.length);
  let stamp = 0;
  const sub = (parks: CompiledPark[]): Knowledge => ({ ...k, parks });

  /**
   * Parks that can be shown (in scope, not excluded) among the lead's industries' lists and the parks
   * without a leading industry, whose industry fit reaches `min`; at most `perList` from each list.
   */
  function related(f: LeadFeatures, g: Gate, min: number, perList = Infinity): CompiledPark[] {
    stamp++;
    const out: CompiledPark[] = [];
    const take = (cp: CompiledPark) => {
      if (seen[cp.idx] === stamp) return false;
      seen[cp.idx] = stamp;
      if ((g.only && !g.only.has(cp.park.district)) || isExcluded(g.lr, cp, g.excludedDistricts)) return false;
      out.push(cp);
      return true;
    };
    for (const li of f.industries) {
      const l = lists[li.idx];
      if (!l) continue;
      let n = 0;
      for (let j = 0; j < l.parks.length && n < perList && li.strength * l.aff[j]! >= min; j++) if (take(l.parks[j]!)) n++;
    }
    for (const cp of undetermined) if ((industryScore(f, cp) ?? 0) >= min) take(cp);
    return out;
  }

  /** The parks that can be shown, found without scoring every park in full; null when a full pass is needed. */
  function shortlist(f: LeadFeatures, g: Gate): CompiledPark[] | null {
    if (f.industries.length === 0 || k.parks.length < shortlistFrom) return null;
    // 1. probe: the parks with the best industry fit (the head of each industry's list)
    const probe = related(f, g, 0, PROBE)
      .map((cp) => ({ cp, x: industryScore(f, cp) ?? 0 }))
      .sort((a, b) => b.x - a.x || a.cp.order - b.cp.order)
      .slice(0, PROBE)
      .map((p) => p.cp);
    if (probe.length === 0) return null;
    // 2. the lead's factor weights (the same for every park) and the score to beat among the probe
    const w = new Map(rankFeatures(f, sub([probe[0]!]), { ...matchOpts, limit: 1, includeExcluded: true }).results[0]!.factors.map((x) => [x.key, x.weight]));
    const wi = w.get('industry') ?? 0;
    if (wi <= 0) return null;
    const quick = (parks: CompiledPark[]): QuickScore[] =>
      scoreParts(f, sub(parks), matchOpts)
        .filter((p) => !p.excluded)
        .map((p) => ({ park: p.park, excluded: false, score: p.score, industry: industryScore(f, p.park) ?? 0 }));
    const probed = firstN(quick(probe), limit);
    if (probed.length < limit) return null;
    const toBeat = probed[limit - 1]!.score - SLACK;
    // 3. a park can be shown only if its bound reaches the score to beat: with every other factor at 1
    //    its industry fit must reach minInd (parks outside the lists have fit 0 and cannot); then with
    //    policy, location and efficiency at their (cheap) actual values
    const minInd = (toBeat - 100 * (1 - wi)) / (100 * wi);
    if (minInd <= 0) return null;
    const open = 100 * ((w.get('space') ?? 0) + (w.get('chain') ?? 0));
    const [wp, wl, we] = [100 * (w.get('policy') ?? 0), 100 * (w.get('location') ?? 0), 100 * (w.get('efficiency') ?? 0)];
    const inProbe = new Set(probe);
    const cand: { cp: CompiledPark; bound: number }[] = [];
    for (const cp of related(f, g, minInd)) {
      if (inProbe.has(cp)) continue;
      const bound =
        100 * wi * (industryScore(f, cp) ?? 0) + open + (wp && wp * (policyScore(f, cp) ?? 0)) + (wl && wl * (locationScore(f, cp) ?? 0)) + (we && we * (efficiencyScore(f, cp) ?? 0));
      if (bound >= toBeat) cand.push({ cp, bound });
    }
    // 4. score the rest best bound first, in small batches, until no bound can reach the shown parks
    cand.sort((a, b) => b.bound - a.bound);
    let top = probed;
    for (let i = 0; i < cand.length; i += BATCH) {
      if (cand[i]!.bound < top[limit - 1]!.score - SLACK) break;
      top = firstN([...top, ...quick(cand.slice(i, i + BATCH).map((c) => c.cp))], limit);
    }
    return top.map((q) => q.park);
  }

  function exclusionsOf(f: LeadFeatures, { lr, only, excludedDistricts }: Gate): Pick<RowResult, 'exclusions' | 'excluded' | 'eligible'> {
    let inScope = k.parks.length;
    if (only) inScope = k.parks.filter((cp) => only.has(cp.park.district)).length;
    if (lr.exclude.length === 0 && lr.requireFail.length === 0 && excludedDistricts.size === 0) return { exclusions: [], excluded: 0, eligible: inScope };
    const byRule = new Map<string, { ruleId: string; reason: string; source: string; parks: number }>();
    const keyOf = (ruleId: string, cp: CompiledPark) => (ruleId === 'request-excluded-district' ? `${ruleId}:${cp.park.district}` : ruleId);
    let excluded = 0;
    const keys: string[] = [];
    for (const cp of k.parks) {
      if (only && !only.has(cp.park.district)) continue;
      if (!isExcluded(lr, cp, excludedDistricts)) continue;
      excluded++;
      keys.length = 0;
      if (excludedDistricts.has(cp.park.district)) keys.push(keyOf('request-excluded-district', cp));
      for (const i of lr.exclude) if (cp.applies[i]) keys.push(k.rules[i]!.id);
      for (const x of lr.requireFail) if (cp.applies[x.idx]) keys.push(k.rules[x.idx]!.id);
      // explain a park only when it brings a rule not seen yet: the reason text is the same for every park
      if (keys.some((key) => !byRule.has(key))) {
        for (const e of evaluateGates(f, lr, cp, k, excludedDistricts).exclusions) {
          const key = keyOf(e.ruleId, cp);
          if (!byRule.has(key)) byRule.set(key, { ruleId: e.ruleId, reason: renderReason(e.reason), source: e.source, parks: 0 });
        }
      }
      for (const key of keys) {
        const seen = byRule.get(key);
        if (seen) seen.parks++;
      }
    }
    return { exclusions: [...byRule.values()], excluded, eligible: inScope - excluded };
  }

  return {
    k,
    score(lead: Lead): RowResult {
      const f = understandLead(lead, k, matchOpts);
      const g: Gate = { lr: leadRules(f, k), only: f.lead.districts?.length ? new Set(f.lead.districts) : null, excludedDistricts: new Set(f.lead.excludedDistricts ?? []) };
      const top = shortlist(f, g);
      const o = rankFeatures(f, top ? sub(top) : k, matchOpts);
      const best = o.results[0];
      const reasons = best
        ? [...best.factors.filter((x) => x.known && x.weight > 0).flatMap((x) => x.reasons.map(renderReason)), ...best.flags.map((fl) => renderReason(fl.reason))]
        : [];
      return { best: best ? pick(best) : null, alternatives: o.results.slice(1).map(pick), reasons: [...new Set(reasons)], ...exclusionsOf(f, g) };
    },
  };
}

/** A scorer over plain knowledge records (what a worker thread receives). */
export function scorerFromInput(input: KnowledgeInput, opts: ScorerOptions = {}): Scorer {
  const k = compileKnowledge(input);
  return createScorer(k, createIndustryGuesser(k), opts);
}

/** The results columns, after the input columns. */
export const RESULT_HEADERS = ['推荐园区', '得分', '备选园区', '排除原因', '推荐理由'] as const;

/** A stored result → the five result cells. */
export function resultCells(r: RowResult | null): (string | number | null)[] {
  if (!r) return [null, null, null, null, null];
  return [
    r.best?.parkName ?? '无符合准入条件的园区',
    r.best?.score ?? null,
    r.alternatives.map((a) => `${a.parkName}（${a.score}）`).join('；') || null,
    r.exclusions.map((e) => `${e.reason}（${e.parks}个园区；${e.source}）`).join('；') || null,
    r.reasons.join('；') || null,
  ];
}
