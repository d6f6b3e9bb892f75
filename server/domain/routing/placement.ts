/**
 * One placement chosen by hand (a commit that names the park and unit): is it admissible, what does
 * it score, and why. The same gates and the same explanation as a plan.
 */
import type { Knowledge } from '../knowledge.js';
import { evaluateGates, leadRules } from '../gates.js';
import { renderReason } from '../reasons.js';
import type { SpaceSeed } from '../space.schema.js';
import { fitSpace } from '../factors/space.factor.js';
import { scoreLead, tenthsOf } from './candidates.js';
import { describePlacement, type PlacementDescription } from './explain.js';
import type { PlanLead, PlanOptions } from './plan.types.js';

export type PlacementCheck = ({ admitted: true; score: number } & PlacementDescription) | { admitted: false; exclusions: string[] };

export function evaluatePlacement(
  pl: PlanLead,
  k: Knowledge,
  parkId: string,
  space: SpaceSeed | null,
  opts: PlanOptions = {},
): PlacementCheck {
  const cp = k.parkById.get(parkId);
  if (!cp) return { admitted: false, exclusions: [`未找到园区 ${parkId}`] };
  const s = scoreLead(pl, k, opts);
  const parkScore = s.score[cp.idx]!;
  if (Number.isNaN(parkScore)) {
    const gates = evaluateGates(s.f, leadRules(s.f, k), cp, k, new Set(pl.lead.excludedDistricts ?? []));
    const exclusions = gates.exclusions.map((e) => `${renderReason(e.reason)}【${e.source}】`);
    if (!exclusions.length) exclusions.push(`园区 ${cp.park.name} 不在项目或请求限定的区域内`);
    return { admitted: false, exclusions };
  }
  const fit = space ? fitSpace(space, s.f.need) : s.best[cp.idx]!;
  const score = tenthsOf(parkScore + 100 * s.spaceWeight * (fit - s.best[cp.idx]!)) / 10;
  return { admitted: true, score, ...describePlacement(pl, s.f, k, cp, space) };
}
