import type { CompiledPark, Knowledge } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import type { FactorKey } from '../lead.schema.js';
import type { Reason } from '../reasons.js';
import type { SpaceSeed } from '../space.schema.js';

/**
 * A factor's verdict for one lead × park. `score` null means unknown (the lead gave nothing to judge
 * by): the factor then says so and carries no weight, instead of scoring 0.
 */
export interface FactorResult {
  key: FactorKey;
  score: number | null;
  reasons: Reason[];
}

/** One vacant unit of a park and how well it serves the lead's need, with the reasons. */
export interface SpaceFit {
  space: SpaceSeed;
  fit: number;
  reasons: Reason[];
}

/** What explaining one park has already worked out: its best units for the lead's need, best first. */
export interface Explaining {
  spaces: SpaceFit[];
}

/**
 * One scoring factor, defined once: the fast score the ranking and bulk scoring read, the bounds that
 * let the ranking pass over parks, and the explanation shown to people — all from the same numbers, so
 * they cannot drift. `P` is what the factor works out once per lead (`prepare`), e.g. the parks the
 * lead's chain evidence reaches. Park `p` is an index into `Knowledge.parks`.
 *
 * For every lead and park: at ≤ bound ≤ cap ≤ max (bound absent: at ≤ cap), and explain(...).score = at(...)
 * when known.
 * Adding a factor: a file like the others here, its key in FACTOR_KEYS, its weight in
 * DEFAULT_WEIGHTS (scoring.constants.ts), its entry in FACTORS (factors/index.ts).
 */
export interface Factor<P = unknown> {
  key: FactorKey;
  /** Whether the lead gives this factor anything to judge by (the same for every park); an unknown factor weighs 0. */
  known(f: LeadFeatures): boolean;
  /** Once per lead, for a known factor: what `at`, `bound` and `cap` read. */
  prepare(f: LeadFeatures, k: Knowledge): P;
  /** Park p's score, 0..1, from the prepared part and the knowledge's flat tables (no allocation). */
  at(part: P, f: LeadFeatures, k: Knowledge, p: number): number;
  /**
   * An upper bound of `at` that reads less, for a factor whose `at` is not cheap (space: its largest
   * unit per kind instead of every unit). Absent: `at` is cheap enough to be its own bound.
   */
  bound?(part: P, f: LeadFeatures, k: Knowledge, p: number): number;
  /**
   * An upper bound of `bound` from what the park has (its PARK_HAS bits) before any of its rows are
   * read. `byHas`: it depends on those bits only (a 16-entry table per lead is made from it);
   * otherwise it is read per park and must be as cheap as a bit test.
   */
  cap(part: P, f: LeadFeatures, has: number, p: number): number;
  byHas: boolean;
  /** The most `at` can give any park, and any park none of whose leading industries the lead's industries reach. */
  max: number;
  unrelatedMax: number;
  /** Park cp explained: the score `at` gives it (null when unknown) and the reasons. */
  explain(part: P | null, f: LeadFeatures, k: Knowledge, cp: CompiledPark, ex: Explaining): FactorResult;
}
