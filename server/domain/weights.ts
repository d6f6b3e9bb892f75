/** Factor weights: data with defaults, overridable per request, always normalised to sum to 1. */
import { FACTOR_KEYS, type FactorKey, type WeightsInput } from './lead.schema.js';
import { DEFAULT_WEIGHTS } from './scoring.constants.js';

export type Weights = Record<FactorKey, number>;

/** Defaults (scoring.constants.ts): industry fit matters most; space decides whether the project can move in at all. */
export { DEFAULT_WEIGHTS };

const NORMALISED_DEFAULTS = Object.freeze(normalizeWeights(DEFAULT_WEIGHTS));

/** Merges an override into the defaults and normalises so the weights sum to 1. */
export function resolveWeights(override?: WeightsInput): Weights {
  if (!override) return NORMALISED_DEFAULTS;
  const merged = { ...DEFAULT_WEIGHTS };
  if (override) for (const k of FACTOR_KEYS) if (override[k] !== undefined) merged[k] = override[k]!;
  return normalizeWeights(merged);
}

export function normalizeWeights(w: Weights): Weights {
  const total = FACTOR_KEYS.reduce((s, k) => s + w[k], 0);
  if (!(total > 0)) throw new Error('weights must have a positive sum');
  return Object.fromEntries(FACTOR_KEYS.map((k) => [k, w[k] / total])) as Weights;
}
