/**
 * Stage rules (issue 15 part 7): the pipeline stages move forward one at a time, 流失 from any stage,
 * and back (or out of 流失) only by an admin with a reason; each change is recorded with who and why,
 * and a refused change writes nothing and says in Chinese what is allowed.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { createTestApp, type Requester, type TestApp } from '../helpers/app.js';

let t: TestApp;
let town: Requester;
beforeAll(() => {
  t = createTestApp();
  town = t.as(t.userCookie({ username: 'dongzha', role: 'town', town: '东栅街道' }));
});

const create = async (stage = '线索') => {
  const r = await t.post('/api/leads', { summary: '研发生产内窥镜，需要3000平方米厂房', sourceTown: '东栅街道', stage });
  expect(r.status).toBe(201);
  return r.body.id as string;
};
const patch = (who: Requester, id: string, body: unknown) =>
  who.json(`/api/leads/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const historyOf = async (id: string) =>
  (await t.json(`/api/leads/${id}`)).body.history as { actor: string; change: Record<string, unknown> }[];

describe('forward, one stage at a time', () => {
  it('线索 → 在谈 → 签约 → 准入 → 审批 → 在建 → 投产, each recorded', async () => {
    const id = await create();
    for (const stage of ['在谈', '签约', '准入', '审批', '在建', '投产']) {
      const r = await patch(town, id, { stage });
      expect(r.status, stage).toBe(200);
      expect(r.body.stage).toBe(stage);
    }
    const h = await historyOf(id);
    expect(h.slice(1).map((x) => (x.change.stage as { to: string }).to)).toEqual(['在谈', '签约', '准入', '审批', '在建', '投产']);
    expect(h.slice(1).every((x) => x.actor === 'dongzha')).toBe(true);
  });

  it('refuses skipping a stage with 409, naming the field and the next stage, and writes nothing', async () => {
    const id = await create();
    const before = await historyOf(id);
    const r = await patch(t, id, { stage: '签约' });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('逐级前进');
    expect(r.body.error.issues).toEqual([{ path: 'stage', message: expect.stringContaining('只能前进到「在谈」') }]);
    expect(await historyOf(id)).toEqual(before);
    expect((await t.json(`/api/leads/${id}`)).body.stage).toBe('线索');
  });
});

describe('流失 from any stage', () => {
  it.each(['线索', '签约', '审批'])('from %s', async (stage) => {
    const id = await create(stage);
    const r = await patch(town, id, { stage: '流失' });
    expect(r.status).toBe(200);
    expect(r.body.stage).toBe('流失');
  });
});

describe('back only by an admin with a reason', () => {
  it('refuses town staff moving their own lead back (403, nothing written)', async () => {
    const id = await create('签约');
    const before = await historyOf(id);
    const r = await patch(town, id, { stage: '在谈', reason: '客户犹豫' });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('阶段回退');
    expect(await historyOf(id)).toEqual(before);
  });

  it('refuses an admin without a reason (400 naming reason), then takes it with one, recording why', async () => {
    const id = await create('签约');
    const none = await patch(t, id, { stage: '在谈' });
    expect(none.status).toBe(400);
    expect(none.body.error.issues[0].path).toBe('reason');
    const r = await patch(t, id, { stage: '在谈', reason: '客户重新比选' });
    expect(r.status).toBe(200);
    expect(r.body.history.at(-1)).toMatchObject({
      actor: 'admin',
      change: { stage: { from: '签约', to: '在谈' }, reason: { from: null, to: '客户重新比选' } },
    });
    const audit = (await t.json(`/api/audit?action=lead.update&target=${id}`)).body.items;
    expect(audit[0]).toMatchObject({
      actor: 'admin',
      target: id,
      detail: { stage: { from: '签约', to: '在谈' }, reason: { to: '客户重新比选' } },
    });
  });

  it("投产 → 流失 → 线索 → 投产 (the issue 15 example) is refused but for the admin's reopening", async () => {
    const id = await create('投产');
    expect((await patch(t, id, { stage: '流失' })).status).toBe(200);
    expect((await patch(town, id, { stage: '线索', reason: '重新接洽' })).status).toBe(403);
    expect((await patch(t, id, { stage: '线索', reason: '重新接洽' })).status).toBe(200);
    expect((await patch(t, id, { stage: '投产' })).status).toBe(409);
  });
});
