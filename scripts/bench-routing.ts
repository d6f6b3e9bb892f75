/**
 * `npm run bench` (second part): the routing plan (招商一盘棋) at 50, 200 and 1,000 synthetic leads,
 * against the demo vacancy (40 parks, 236 units) and a synthetic 2,000-park set. For each: the
 * optimal total (exact min-cost flow with pricing) vs the greedy first-come total on the same leads
 * and vacancy, how many leads each places, cross-town moves, and the time to score the leads against
 * every park vs the time to solve. Prints figures only; tests never assert time.
 */
import { readSeedSet } from '../server/db/seed-files.js';
import { buildKnowledgeBase } from '../server/search/knowledge-base.js';
import { prepareLeads, solvePlan } from '../server/domain/routing/plan.js';
import type { PlanLead } from '../server/domain/routing/plan.types.js';
import type { Knowledge } from '../server/domain/knowledge.js';
import { rng, scaleParks, syntheticLeads } from './synthetic.js';

const base = readSeedSet('data/seed');
const guess = buildKnowledgeBase(base).guessIndustries;
const towns = [...new Set(base.parks.map((p) => p.town))];

/** Synthetic leads, each reported by some town (so cross-town moves happen), in reporting order. */
function planLeads(n: number): PlanLead[] {
  const r = rng(23);
  return syntheticLeads(base, n).map((lead, i) => ({
    id: `S${String(i).padStart(5, '0')}`,
    lead: { ...lead, sourceTown: towns[Math.floor(r() * towns.length)] },
    stage: '线索',
    reportedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
  }));
}

const ms = (x: number) => `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ms`;
const pct = (a: number, b: number) => (b ? `${(((a - b) / b) * 100).toFixed(1)} %` : '—');

console.log(`# Luodi routing bench — node ${process.version}\n`);
console.log(
  'vacancy | leads | competing | units | optimal total | greedy total | gain | placed opt/greedy | cross-town opt/greedy | edges | pricing rounds | scoring | solve',
);
console.log('---|---|---|---|---|---|---|---|---|---|---|---|---');
const sets: [string, () => Knowledge][] = [
  ['demo (40 parks)', () => buildKnowledgeBase(base).k],
  ['synthetic 2,000 parks', () => buildKnowledgeBase(scaleParks(base, 2000)).k],
];
let allOk = true;
for (const [label, make] of sets) {
  const k = make();
  const units = k.parks.reduce((s, p) => s + p.spaces.length, 0);
  for (const n of [50, 200, 1000]) {
    const leads = planLeads(n);
    const opts = { guessIndustries: guess };
    const t0 = performance.now();
    const prep = prepareLeads(leads, k, opts);
    const t1 = performance.now();
    const plan = solvePlan(prep, k, opts);
    const t2 = performance.now();
    if (plan.totalScore < plan.baseline.totalScore) allOk = false;
    console.log(
      [
        label,
        n,
        plan.stats.competing,
        units.toLocaleString('en-US'),
        plan.totalScore.toFixed(1),
        plan.baseline.totalScore.toFixed(1),
        pct(plan.totalScore, plan.baseline.totalScore),
        `${plan.assignments.length} / ${plan.baseline.assigned}`,
        `${plan.stats.crossTown} / ${plan.baseline.crossTown}`,
        plan.stats.candidateEdges.toLocaleString('en-US'),
        plan.stats.pricingRounds,
        ms(t1 - t0),
        ms(t2 - t1),
      ].join(' | '),
    );
  }
}
console.log(`\noptimal ≥ greedy in every row: ${allOk ? 'yes' : 'NO'}`);
console.log(
  'scoring = understanding each lead and scoring it against every park; solve = candidate graph, exact solve with pricing, greedy baseline and explanations.',
);
if (!allOk) process.exit(1);
