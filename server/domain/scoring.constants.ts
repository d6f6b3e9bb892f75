/**
 * Every constant scoring uses, in one place, each with its range and what it means. A factor's
 * score is 0..1; the park's score is 100 × Σ weight × factor score over the factors the lead gives
 * data for (docs/SCORING.md). Changing a value here changes rankings: the eval (`npm run eval`) and
 * the property tests say whether the ranking stays sound.
 */
import type { FactorKey } from './lead.schema.js';

/**
 * Default factor weights, each 0..1, normalised to sum to 1 (a request may override them).
 * Industry fit matters most; space decides whether the project can move in at all.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<FactorKey, number>> = {
  industry: 0.45,
  space: 0.2,
  chain: 0.1,
  efficiency: 0.1,
  policy: 0.1,
  location: 0.05,
};

/**
 * How sure the reading of the lead is that it belongs to a positioning, 0..1: multiplies the park's
 * affinity. `explicit`: the request's `industries`; `name`/`alias`: the positioning named; `term`: a
 * product word of it; `lexicon`: a product word of the lexicon (data/lexicon), read through its GB/T
 * class; `gbt`: a GB/T class name; `weak`: a word that only suggests it; `node`: a chain link's word;
 * `guess`: the text-search fallback (no dictionary word found).
 */
export const INDUSTRY_STRENGTH = {
  explicit: 1,
  name: 0.95,
  alias: 0.95,
  term: 0.9,
  lexicon: 0.85,
  gbt: 0.8,
  weak: 0.7,
  node: 0.7,
  ngram: 0.75,
  guess: 0.6,
} as const;

/**
 * The n-gram classifier (docs/NGRAM.md) decides a class only at a calibrated p ≥ `decide` (0.8: on held-out
 * lexicon forms 84 % right at 4 digits, 91 % at 2; the highest p among 255 generic lead words was 0.76);
 * below it the reading stays a guess, which never recommends.
 */
export const NGRAM = {
  decide: 0.8,
} as const;

/**
 * An industry named only after the lead's first strong product word counts at most `later` × the first
 * one's strength (0..1): what the lead makes, named first, decides over its parts, uses and customers
 * named later; weaker later words keep their own strength.
 */
export const SALIENCE = {
  later: 0.95,
  /** At most this many characters between a product word and the service head it qualifies (汽车热管理系统研发中心: 2). */
  headGap: 6,
} as const;

/**
 * The honest answer (domain/verdict.ts, API.md v2): `fit` needs the best eligible park at ≥ fitScore with
 * no blocker (industry factor ≥ industryFit: the park's leading industry or a parent/child of it; space
 * factor ≥ spaceFit when the lead states a need); below minScore nothing fits (the best park is then
 * mostly a park that merely has space: typical fits score 70–90 on the own case table, unrelated parks
 * under 45). nearMisses: how many closest parks a weak or no-fit answer lists.
 */
export const VERDICT = {
  fitScore: 60,
  minScore: 45,
  industryFit: 0.7,
  spaceFit: 0.5,
  nearMisses: 3,
} as const;

/**
 * How a park's positionings relate to a lead's positioning, 0..1 (the park's affinity table):
 * `same` the park's leading industry; `narrower` the lead's is a child of it (医疗器械 in a 大健康 park);
 * `broader` the lead's is its parent; `related` declared related (supplier/service relation);
 * `supportingSame`/`supportingNear` the park's supporting industry, itself or a parent/child of it.
 * `undetermined`: a park whose leading industry is not decided yet (未定): open to most, no bonus.
 */
export const AFFINITY = {
  same: 1,
  narrower: 0.9,
  broader: 0.7,
  related: 0.35,
  supportingSame: 0.6,
  supportingNear: 0.45,
  undetermined: 0.15,
} as const;

/**
 * A park whose leading industry is not decided (未定) is open to most projects but matches none: when the
 * lead's industry is known, its score is capped at `cap` (0..100, below VERDICT.minScore), so it never
 * becomes the recommendation and never outranks a park that matches the lead's industry well enough to
 * be recommended.
 */
export const UNDETERMINED_PARK = { cap: 44 } as const;

/**
 * Chain evidence, 0..1: the 链主 of the lead's chain is in the park (`leaderHere`), the lead fills a
 * link the park lacks (补链, `fillsMissing`), it supplies a 链主 in the park from upstream
 * (`suppliesLeader`), or it only joins a chain the park holds (`sameChain`).
 */
export const CHAIN = { leaderHere: 1, fillsMissing: 1, suppliesLeader: 0.9, sameChain: 0.6 } as const;

/**
 * Space fit of one unit, 0..1 (the product of the checks that apply).
 * `kindFit[need][unit]` in SPACE_KINDS order (factory, rnd, office, land): how well a unit kind
 * serves a need kind. A unit of another kind is an alternative, never a fit: land for a factory need is
 * 可自建 (build it yourself), a factory or office for an R&D need 可改造 (convert it); every such entry is
 * at most `alternativeMax` (below VERDICT.spaceFit), so an alternative never reads as a fit.
 * Area, as the ratio r = unit ÷ need: below 1 the fit is r² × `tooSmallScale`;
 * up to `comfortRatio` it is 1; above, 1 − (r − comfortRatio) × `oversizeSlope`, never below
 * `oversizeFloor` (3.5 × the need: 0.5; 4.5 × and more: 0.25). Land asked but the unit is not land:
 * × `landAskedNotLand`. A clear height or floor load below the need: × `heightShort` / × `loadShort`;
 * ground floor required but not: × `notGround` (each a hard requirement: the fit stays below 0.5).
 * Explaining: a unit larger than needed whose area fit is below `tooLargeBelow` is called too large.
 *
 * The park's score is capped by its best unit's fit when the lead states a space need (`scoreCapBase`
 * + `scoreCapSlope` × fit, as a fraction of 100; no cap from fit `scoreCapBase`→1 on, i.e. 0.5): a park
 * whose every unit is far too small (139 亩 asked of a 25 亩 park: fit 0.03, capped at 34) cannot score
 * high on industry alone. Space weighs 20 % of the score, the cap says it decides whether the project
 * can move in at all.
 */
export const SPACE = {
  kindFit: [
    [1, 0.4, 0.1, 0.45],
    [0.45, 1, 0.45, 0.2],
    [0.15, 0.45, 1, 0.05],
    [0.3, 0.1, 0, 1],
  ],
  alternativeMax: 0.45,
  tooSmallScale: 0.8,
  comfortRatio: 1.5,
  oversizeSlope: 0.25,
  oversizeFloor: 0.25,
  scoreCapBase: 0.3,
  scoreCapSlope: 1.4,
  landAskedNotLand: 0.3,
  heightShort: 0.3,
  loadShort: 0.3,
  notGround: 0.2,
  tooLargeBelow: 0.8,
} as const;

/**
 * Efficiency (投资强度, 亩均产出, 亩均税收 against the park's 标准地 standard), 0..1: a figure that
 * meets the standard scores 1, one below it (ratio r) r²; the mean over the figures the park sets.
 * `noStandard`: the park sets none — neither a reason to prefer nor to avoid it.
 */
export const EFFICIENCY = { noStandard: 0.5 } as const;

/**
 * Policy (the park's leading-industry share target, e.g. ≥ 70 %), 0..1: the lead raises the share
 * (`raises`: one of its industries has affinity ≥ `leadingAffinity` with the park) or lowers it
 * (`lowers`); `noTarget`: the park states no target.
 */
export const POLICY = { raises: 1, lowers: 0.1, noTarget: 0.5, leadingAffinity: 0.9 } as const;

/**
 * Location, 0..1: the park lies where the lead wants it (its reporting town or a preferred district):
 * `wanted`; elsewhere while districts are preferred: `elsewherePreferred`; elsewhere when only a
 * reporting town is known: `elsewhereTown`.
 */
export const LOCATION = { wanted: 1, elsewherePreferred: 0, elsewhereTown: 0.5 } as const;

/**
 * Ranking: scores have one decimal, so a park is scored in full only if its bound reaches the last
 * shown score less `boundSlack` (half a rounding step plus room for floating-point noise).
 * `limit`: results returned by default; `spacesPerPark`: best units shown per park.
 */
export const RANKING = { boundSlack: 0.05 + 1e-6, limit: 10, spacesPerPark: 3 } as const;

/**
 * Routing (招商一盘棋), defaults a request may override: a unit serves a lead only from `minSpaceFit`
 * (0..1) up; a placement needs at least `minScore` (0..100); each lead keeps its best
 * `candidatesPerLead` park-unit pairs in the solver's graph (≥ 1).
 */
export const ROUTING = { minSpaceFit: 0.5, minScore: 0, candidatesPerLead: 32 } as const;
