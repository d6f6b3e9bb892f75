/**
 * Reading a lead against the demo knowledge with every park returned, and asking what the 环境友好型 (clean) parks make of
 * it: shared by the reading tests that judge exclusions as the held-out sets do (scripts/heldout.ts).
 */
import { adoptedKb } from './app.js';
import { matchLead } from '../../server/domain/match.js';
import { renderReason } from '../../server/domain/reasons.js';

export function cleanParkReader(...adopted: string[]) {
  const kb = adoptedKb(...adopted);
  const clean = new Set(kb.k.parks.filter((p) => p.park.envClass === 'clean').map((p) => p.park.id));
  const run = (summary: string) =>
    matchLead({ summary }, kb.k, { limit: kb.k.parks.length, includeExcluded: true, guessIndustries: kb.guessIndustries });
  const cleanResults = (o: ReturnType<typeof run>) => o.results.filter((r) => clean.has(r.park.park.id));
  return {
    kb,
    run,
    cleanResults,
    excludedEverywhere: (summary: string) => cleanResults(run(summary)).every((r) => r.excluded),
    excludedNowhere: (summary: string) => cleanResults(run(summary)).every((r) => !r.excluded),
    reasons: (summary: string) => cleanResults(run(summary)).flatMap((r) => r.exclusions.map((e) => renderReason(e.reason))),
  };
}
