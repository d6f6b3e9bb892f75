/** Factor weights: data with defaults, overridable per request, always normalised to sum to 1. */
import { FACTOR_KEYS, type FactorKey, type WeightsInput } from './lead.schema.js';

export type Weights = Record<FactorKey, number>;

/** Defaults: industry fit matters most; space decides whether the project can move in at all. */
export const DEFAULT_WEIGHTS: Weights = {
  industry: 0.45,
  space: 0.2,
  chain: 0.1,
  efficiency: 0.1,
  policy: 0.1,
  location: 0.05,
};

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
