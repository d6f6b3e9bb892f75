import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, demoSeed } from '../helpers/app.js';
import { addLead } from '../../server/pipeline/leads.js';
import { planPlacements, planPlacementsHere, ROUTING_INLINE_LEADS } from '../../server/pipeline/placements.js';
import { planTargets } from '../../server/pipeline/plan-targets.js';
import { SYSTEM_ACTOR } from '../../server/pipeline/authorise.js';
import { syntheticLeads } from '../../scripts/synthetic.js';

const t = createTestApp();
afterAll(() => t.jobs.stop());
const towns = [...new Set(demoSeed().parks.map((p) => p.town))];
const ids = syntheticLeads(demoSeed(), ROUTING_INLINE_LEADS + 30, 5).map(
  (lead, i) => addLead(t.deps, { actor: SYSTEM_ACTOR, lead: { ...lead, name: `项目${i}`, sourceTown: towns[i % towns.length] } }).lead.id,
);

describe('a routing plan of many leads is solved on a scoring worker', () => {
  it('gives exactly the plan the request thread gives, and uses the worker only above the inline size', async () => {
    let offThread = 0;
    const deps = {
      ...t.deps,
      planOffThread: (task: Parameters<typeof t.deps.planOffThread>[0]) => (offThread++, t.deps.planOffThread(task)),
    };
    const big = await planPlacements(deps, { leadIds: ids }, 'leadIds', { actor: SYSTEM_ACTOR });
    expect(offThread).toBe(1);
    const here = planPlacementsHere(t.deps, { leadIds: ids }, 'leadIds', { actor: SYSTEM_ACTOR });
    expect(big).toEqual(here);
    // how the plan moves the targets is computed on this thread from the plan: the same rows either way
    const moved = planTargets(t.deps, { actor: SYSTEM_ACTOR }, big.plan);
    expect(moved).toEqual(planTargets(t.deps, { actor: SYSTEM_ACTOR }, here.plan));
    expect(moved.some((r) => r.moved)).toBe(true);
    expect(big.plan.assignments.length).toBeGreaterThan(10);
    const small = await planPlacements(deps, { leadIds: ids.slice(0, ROUTING_INLINE_LEADS) }, 'leadIds', { actor: SYSTEM_ACTOR });
    expect(offThread).toBe(1);
    expect(small.plan.assignments.length).toBeGreaterThan(0);
  });

  it('answers from this thread when the worker cannot (same plan)', async () => {
    const deps = { ...t.deps, planOffThread: () => Promise.reject(new Error('评分线程无法启动')) };
    const r = await planPlacements(deps, { leadIds: ids }, 'leadIds', { actor: SYSTEM_ACTOR });
    expect(r.planId).toBe(planPlacementsHere(t.deps, { leadIds: ids }, 'leadIds', { actor: SYSTEM_ACTOR }).planId);
  });
});
