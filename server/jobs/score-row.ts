/**
 * Scoring one spreadsheet row: the same ranking as POST /api/match (understandLead + rankQuick, which
 * scores in full only the parks that could still be shown), packed into the results columns. Only the
 * best park is explained (its reasons fill 推荐理由); runners-up need their name and score only, and
 * the exclusions are summed per rule from the parks each rule covers, without explaining each park.
 * Pure: the worker threads and the tests use it the same way.
 */
import { compileKnowledge, type Knowledge, type KnowledgeInput } from '../domain/knowledge.js';
import { understandLead } from '../domain/lead.features.js';
import type { Lead } from '../domain/lead.schema.js';
import { explainPark, rankQuick, type QuickScore } from '../domain/match.js';
import { exclusionSummary } from '../domain/gates.js';
import { renderReason } from '../domain/reasons.js';
import { createIndustryGuesser, type IndustryGuesser } from '../search/taxonomy.index.js';
import { loadNgramClassifier } from '../db/ngram-file.js';
import { loadContextClassifier } from '../db/context-file.js';

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
}

export interface Scorer {
  score(lead: Lead): RowResult;
  k: Knowledge;
  /** The fallback reading it scores with (routing plans on a worker read leads the same way). */
  guessIndustries: IndustryGuesser;
}

const pick = (q: QuickScore): ParkPick => ({
  parkId: q.park.park.id,
  parkName: q.park.park.name,
  district: q.park.park.district,
  score: q.score,
});

export function createScorer(k: Knowledge, guessIndustries: IndustryGuesser, opts: ScorerOptions = {}): Scorer {
  const matchOpts = { limit: 1 + (opts.alternatives ?? 3), usdCnyRate: opts.usdCnyRate, guessIndustries };
  return {
    k,
    guessIndustries,
    score(lead: Lead): RowResult {
      const f = understandLead(lead, k, matchOpts);
      const r = rankQuick(f, k, matchOpts);
      const top = r.shown[0];
      const best = top ? explainPark(r.c, top) : null;
      const reasons = best
        ? [
            ...best.factors.filter((x) => x.known && x.weight > 0).flatMap((x) => x.reasons.map(renderReason)),
            ...best.flags.map((fl) => renderReason(fl.reason)),
          ]
        : [];
      return {
        best: top ? pick(top) : null,
        alternatives: r.shown.slice(1).map(pick),
        reasons: reasons.filter((x, i) => reasons.indexOf(x) === i), // a dozen short lines: cheaper than hashing them
        exclusions: exclusionSummary(f, r.c.lr, k, r.c.excludedDistricts, r.c.scope).map((e) => ({
          ruleId: e.ruleId,
          reason: renderReason(e.reason),
          source: e.source,
          parks: e.parks,
        })),
        eligible: r.eligibleCount,
        excluded: r.excludedCount,
      };
    },
  };
}

/** A scorer over plain knowledge records (what a worker thread receives). */
export function scorerFromInput(input: KnowledgeInput, opts: ScorerOptions = {}): Scorer {
  const k = compileKnowledge(input);
  // the same fallback as the API (the n-gram classifier, loaded when a row first needs it): the same answers
  return createScorer(
    k,
    createIndustryGuesser(
      k,
      () => loadNgramClassifier(),
      () => loadContextClassifier(),
    ),
    opts,
  );
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
