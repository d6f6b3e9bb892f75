/**
 * Getting the impact-preview threads ready (issue 18 item 2, cold start): once a fresh server is quiet
 * and holds many open leads, and when an admin opens the rules; a preview after that starts no thread
 * and builds no knowledge, and answers exactly what a cold preview answers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { SYSTEM_ACTOR } from '../../server/pipeline/authorise.js';
import { addLead } from '../../server/pipeline/leads.js';
import { previewChange, warmPreviewWhenQuiet, type RuleChangeRequest } from '../../server/pipeline/rules.js';
import { lastImpactTimings, stopImpactThreads } from '../../server/jobs/impact-thread.js';

const t = createTestApp();
afterAll(async () => {
  await stopImpactThreads();
  await t.jobs.stop();
});

const SUMMARIES = ['新能源汽车零部件生产，有喷涂', '研发生产内窥镜，需要3000平方米厂房', '五金件加工，少量喷涂工序', '软件开发'];
for (let i = 0; i < 12; i++)
  addLead(t.deps, {
    actor: SYSTEM_ACTOR,
    lead: { name: `预热测试${i}`, summary: SUMMARIES[i % SUMMARIES.length]!, sourceTown: '东栅街道' },
  });

const spraying: RuleChangeRequest = {
  kind: 'rule',
  action: 'change',
  rule: {
    id: 'jx-warm-spraying',
    name: '禁止喷涂（测试）',
    scope: { level: 'city', value: '嘉兴市' },
    effect: 'exclude',
    match: { industryCodes: [], terms: ['喷涂'], unlessTerms: [], pollution: null },
    threshold: null,
    reviewLevel: null,
    envClasses: [],
    reason: '项目涉及{term}，不予准入（测试）',
    source: '测试文件 第1条',
    jurisdictionId: 'jiaxing',
    reference: false,
    origin: null,
    sample: false,
  },
};
const positioning: RuleChangeRequest = {
  kind: 'positioning',
  parkId: 'jx-weichuang',
  leadingIndustries: ['智能物联'],
  supportingIndustries: [],
};

describe('preview threads made ready in the background', () => {
  it('with few open leads a quiet server does not start them', async () => {
    await stopImpactThreads();
    const w = warmPreviewWhenQuiet(t.deps, { quietMs: 100, checkMs: 50 }); // the default: at least 1,000 open leads
    expect(await w.done).toBe(false);
  });

  it('once quiet, they get ready; the next preview starts no thread, and answers what a cold one answers', async () => {
    await stopImpactThreads();
    const cold = [
      (await previewChange(t.deps, { actor: SYSTEM_ACTOR, request: spraying })).impact,
      (await previewChange(t.deps, { actor: SYSTEM_ACTOR, request: positioning })).impact,
    ];
    expect(cold[0]!.newlyExcluded.length).toBeGreaterThan(0);
    expect(cold[1]!.bestParkChanged.length).toBeGreaterThan(0);
    await stopImpactThreads();
    const w = warmPreviewWhenQuiet(t.deps, { quietMs: 100, checkMs: 50, minLeads: 1 });
    expect(await w.done).toBe(true);
    const warm = (await previewChange(t.deps, { actor: SYSTEM_ACTOR, request: spraying })).impact;
    expect(lastImpactTimings).toMatchObject({ started: 0, loadMs: 0 });
    expect(lastImpactTimings!.threads.every((x) => x.knowledge === 0 && x.ngram === 0)).toBe(true);
    expect(warm).toEqual(cold[0]);
    expect((await previewChange(t.deps, { actor: SYSTEM_ACTOR, request: positioning })).impact).toEqual(cold[1]);
  });

  it('an admin opening the rules gets them ready too', async () => {
    await stopImpactThreads();
    await t.deps.reloadKnowledge(); // a knowledge version no thread holds
    expect((await t.json('/api/rules')).status).toBe(200);
    // the warm-up runs on the preview threads; a preview queued behind it finds them ready
    await previewChange(t.deps, { actor: SYSTEM_ACTOR, request: spraying });
    expect(lastImpactTimings!.started).toBe(0);
  });
});
