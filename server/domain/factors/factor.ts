import type { FactorKey } from '../lead.schema.js';
import type { Reason } from '../reasons.js';

/**
 * A factor's verdict for one lead × park. `score` null means unknown (the lead gave nothing to judge
 * by): the factor then says so and carries no weight, instead of scoring 0.
 */
export interface FactorResult {
  key: FactorKey;
  score: number | null;
  reasons: Reason[];
}
