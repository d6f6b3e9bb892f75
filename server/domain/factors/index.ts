/**
 * The scoring factors, each defined once in its own file (see Factor in factor.ts), in FACTOR_KEYS
 * order. The ranking (match.ts) reads them through this list only.
 */
import type { CompiledPark, Knowledge } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { FACTOR_KEYS, type FactorKey } from '../lead.schema.js';
import { RANKING } from '../scoring.constants.js';
import { chain } from './chain.factor.js';
import { efficiency } from './efficiency.factor.js';
import type { Factor, FactorResult } from './factor.js';
import { industry } from './industry.factor.js';
import { location } from './location.factor.js';
import { policy } from './policy.factor.js';
import { rankSpaces, space } from './space.factor.js';

export const FACTORS: readonly Factor<unknown>[] = [industry, chain, space, efficiency, policy, location] as Factor<unknown>[];

if (FACTORS.map((x) => x.key).join() !== FACTOR_KEYS.join()) throw new Error('FACTORS must list every factor in FACTOR_KEYS order');

export const factorOf = (key: FactorKey): Factor<unknown> => FACTORS[FACTOR_KEYS.indexOf(key)]!;

/** One factor of one park explained on its own (tests, tools): prepares the lead's part and ranks the park's units. */
export function explainFactor(
  key: FactorKey,
  f: LeadFeatures,
  k: Knowledge,
  cp: CompiledPark,
  spacesPerPark = RANKING.spacesPerPark,
): FactorResult {
  const def = factorOf(key);
  const part = def.known(f) ? def.prepare(f, k) : null;
  return def.explain(part, f, k, cp, { spaces: rankSpaces(cp, f.need, spacesPerPark) });
}
