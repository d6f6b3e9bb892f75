/** Domain results → the API.md response shapes, with reasons rendered to Chinese here, at the edge. */
import { processWords, type Knowledge } from '../domain/knowledge.js';
import type { verdictOf } from '../domain/verdict.js';
import type { MatchOutcome, ParkResult } from '../domain/match.js';
import { renderReason } from '../domain/reasons.js';
import type { Flag } from '../domain/gates.js';
import type { z } from 'zod';
import type { FlagSchema, MatchResponseSchema, ParkResultSchema } from './schemas.js';

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function presentFlag(f: Flag): z.infer<typeof FlagSchema> {
  return { code: f.code, message: renderReason(f.reason), source: f.source, ...(f.provenance ? { provenance: f.provenance } : {}) };
}

export function presentResult(r: ParkResult): z.infer<typeof ParkResultSchema> {
  const p = r.park.park;
  return {
    parkId: p.id,
    parkName: p.name,
    district: p.district,
    town: p.town,
    score: r.score,
    excluded: r.excluded,
    exclusions: r.exclusions.map((e) => ({
      ruleId: e.ruleId,
      reason: renderReason(e.reason),
      source: e.source,
      ...(e.provenance ? { provenance: e.provenance } : {}),
    })),
    flags: r.flags.map(presentFlag),
    factors: r.factors.map((f) => ({
      key: f.key,
      score: f.score,
      weight: r3(f.weight),
      known: f.known,
      reasons: f.reasons.map(renderReason),
    })),
    spaces: r.spaces.map((s) => ({
      spaceId: s.space.id,
      building: s.space.building,
      floor: s.space.floor,
      areaM2: s.space.areaM2,
      landMu: s.space.landMu,
      clearHeightM: s.space.clearHeightM,
      floorLoadKnM2: s.space.floorLoadKnM2,
      kind: s.space.kind,
      fit: r3(s.fit),
      source: s.space.source,
    })),
  };
}

export function presentUnderstanding(o: MatchOutcome, k: Knowledge): z.infer<typeof MatchResponseSchema>['understanding'] {
  const f = o.features;
  return {
    industries: f.industries.map((i) => ({ name: i.name, via: i.via, strength: i.strength })),
    codes: f.codes.map((code) => ({ code, name: k.taxonomy.gbt.get(code)?.name ?? code, via: f.codeVia.get(code) ?? code })),
    notOwnProcesses: f.notOwnWords.map((x) => ({ word: x.word, actor: x.actor })),
    eia: f.eia.map((e) => ({
      word: e.word,
      items: e.items,
      title: e.title,
      category: e.how === 'book' ? '报告书' : '按规模报告书',
      via: e.via,
    })),
    processes: processWords(f.fired, k),
    negated: f.negatedWords,
    pollution: { ...f.pollution },
    filledFromSummary: f.filledFromText,
  };
}

export function presentOutcome(o: MatchOutcome, k: Knowledge, judged: ReturnType<typeof verdictOf>): z.infer<typeof MatchResponseSchema> {
  return {
    lead: o.features.lead,
    understanding: presentUnderstanding(o, k),
    verdict: judged.verdict,
    nearMisses: judged.nearMisses,
    weights: o.weights,
    eligible: o.eligibleCount,
    excluded: o.excludedCount,
    results: o.results.map(presentResult),
  };
}

export function presentPreferred(p: { districts: string[]; result: ParkResult | null } | null): {
  districts: string[];
  result: z.infer<typeof ParkResultSchema> | null;
} | null {
  return p ? { districts: p.districts, result: p.result ? presentResult(p.result) : null } : null;
}
