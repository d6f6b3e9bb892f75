/**
 * The impact preview on two threads (server/jobs/impact-thread.ts): leads shared out by id, each
 * thread keeping its readings; the joined impact is exactly the one computed on this thread, in lead
 * order, cold and again (from the threads' memo), and for a different list of the same leads.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { demoKb, demoSeed } from '../helpers/app.js';
import { withRules } from '../../server/domain/knowledge.js';
import { computeImpact, type ImpactLead } from '../../server/domain/impact.js';
import { impactOffThread, lastImpactTimings, stopImpactThreads, type BeforeInput } from '../../server/jobs/impact-thread.js';
import { syntheticLeads } from '../../scripts/synthetic.js';

afterAll(() => stopImpactThreads());

const seed = demoSeed();
const kb = demoKb();
const { lexicon: _l, codePositionings: _c, chemicals: _h, processes: _p, eiaItems: _e, ...before } = seed as typeof seed & BeforeInput;
const leads: ImpactLead[] = syntheticLeads(seed, 6400, 9).map((lead, i) => ({
  id: `T${i}`,
  name: lead.name ?? null,
  lead: { ...lead, districts: ['南湖区', '秀洲区', '经开区'] },
  parkId: null,
  spaceId: null,
  key: `T${i}@v1`,
}));
const rules = seed.rules
  .filter((r) => r.id !== 'nat-electroplating-zone')
  .concat({
    ...seed.rules.find((r) => r.effect === 'exclude' && r.match.terms.length > 0)!,
    id: 'test-spraying',
    match: { industryCodes: [], terms: ['喷涂'], unlessTerms: [], pollution: null },
  });
const change = { scoring: false, sameReading: false };
const opts = { guessIndustries: kb.guessIndustries };

describe('impactOffThread on two threads', () => {
  it('joins the threads’ impacts into exactly the impact computed here, in lead order — cold, again, and for part of the leads', async () => {
    const here = computeImpact(kb.k, withRules(kb.k, seed, rules), leads, change, opts);
    expect(here.newlyExcluded.length).toBeGreaterThan(10);
    expect(here.noLongerExcluded.length).toBeGreaterThan(10);
    const task = { token: 1, loadBefore: () => before, patch: { rules }, leads, change };
    expect(await impactOffThread(task, 2)).toEqual(here);
    expect(lastImpactTimings!.threads).toHaveLength(2);
    expect(await impactOffThread(task, 2)).toEqual(here);
    expect(lastImpactTimings!.started).toBe(0);
    // another list of the same leads (every other one, reversed): each lead still goes to the thread that read it
    const part = leads.filter((_, i) => i % 2 === 0).reverse();
    const partHere = computeImpact(kb.k, withRules(kb.k, seed, rules), part, change, opts);
    expect(await impactOffThread({ ...task, leads: part }, 2)).toEqual(partHere);
  });
});
