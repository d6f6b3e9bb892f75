import { describe, it, expect } from 'vitest';
import { createTestApp } from '../helpers/app.js';

const t = createTestApp();

async function conversation(...messages: string[]) {
  let id: string | undefined;
  const replies: any[] = [];
  for (const message of messages) {
    const r = await t.post('/api/chat', { message, ...(id ? { conversationId: id } : {}) });
    expect(r.status).toBe(200);
    id = r.body.conversationId;
    replies.push(r.body);
  }
  return replies;
}

describe('POST /api/chat', () => {
  it('starts a conversation and answers with what it understood and the right parks', async () => {
    const [r] = await conversation('有个做监护仪的客户，投资六千万，要三千五平米厂房，最好在秀洲，只要一楼');
    expect(r.intent).toBe('newProject');
    expect(r.understood).toMatchObject({ investmentWan: 6000, floorAreaM2: 3500, groundFloorOnly: true, preferredDistricts: ['秀洲区'] });
    expect(r.reply).toContain('【已理解】');
    expect(r.reply).toContain('医疗器械');
    expect(r.results[0].parkName).toBe('亚太路科创工业社区（微创产业园）');
    expect(r.results[0].factors).toHaveLength(6);
  });

  it('names an exclusion the whole text casts doubt on under 【需注意】 and asks about the process, instead of ruling the lead out', async () => {
    const [r] = await conversation('这家老板原来做印染的，这次过来只是设个面料设计工作室，几台数码喷墨打样机做小样，不上染缸，要500平');
    expect(r.reply).toMatch(/【需注意】[^\n]*读到“印染”[^\n]*需环保核实/);
    expect(r.reply).toMatch(/【建议向客户确认】[^\n]*厂内是否有印染工序/);
    expect(r.reply).not.toMatch(/【已排除】[^\n]*印染/);
  });

  it('carries the honest answer: a project without a product is asked what it makes, with no park recommended', async () => {
    const [r] = await conversation('有个客户下周想来考察一下，投资大概一个亿，要三千平厂房');
    expect(r.verdict).toMatchObject({ kind: 'unknownIndustry', parkId: null });
    expect(r.reply).toContain('【结论】');
    expect(r.reply).not.toContain('推荐园区');
    expect(r.reply).toContain('主要产品或服务');
    const [fit] = await conversation('研发生产医用内窥镜，需要厂房2000平方米');
    expect(fit.verdict.kind).toBe('fit');
    expect(fit.reply).toContain('【推荐园区】');
    expect(fit.nearMisses).toEqual([]);
  });

  it('a refinement replaces the earlier value and keeps the rest', async () => {
    const [, r] = await conversation('智能家居项目，需要4000平米，投资8000万', '面积改成6000平米');
    expect(r.intent).toBe('refine');
    expect(r.understood).toMatchObject({ floorAreaM2: 6000, investmentWan: 8000 });
    expect(r.results.slice(0, 3).map((x: any) => x.parkName)).toContain('闻川科创园');
  });

  it('换成 replaces the project, keeping the stated quantities', async () => {
    const [, r] = await conversation('智能家居项目，需要4000平米', '换成做服装设计的');
    expect(r.understood.summary).not.toContain('智能家居');
    expect(r.understood.floorAreaM2).toBe(4000);
    expect(r.results[0].parkName).toContain('艺+PARK');
  });

  it('places: exclude, then prefer', async () => {
    const [, r] = await conversation('医疗器械生产，需要2000平米', '不要南湖区，最好在萧山');
    expect(r.understood.excludedDistricts).toEqual(['南湖区']);
    expect(r.understood.preferredDistricts).toEqual(['萧山区']);
    expect(r.results.every((x: any) => x.district !== '南湖区')).toBe(true);
  });

  it('answers why a park was excluded from its exclusions, citing the clause', async () => {
    const [, r] = await conversation('五金件电镀加工，需要2000平米', '为什么不能去微创产业园？');
    expect(r.intent).toBe('whyExcluded');
    expect(r.reply).toContain('电镀');
    expect(r.reply).toMatch(/依据：[^）]*(名录|嘉政发|指导意见)/);
  });

  it('answers a question about a park without changing the project', async () => {
    const [first, r] = await conversation('医疗器械生产，需要2000平米', '微创产业园还有多少空置厂房？');
    expect(r.intent).toBe('parkQuestion');
    expect(r.reply).toMatch(/空置厂房\d+处/);
    expect(r.reply).toContain('示例数据');
    expect(r.understood).toEqual(first.understood);
  });

  it('starts over', async () => {
    const [, r] = await conversation('医疗器械生产', '重新开始');
    expect(r.intent).toBe('reset');
    expect(r.understood).toBeNull();
    expect(r.results).toEqual([]);
  });

  it('edits the understood lead directly (chips) and re-scores', async () => {
    const [first] = await conversation('智能家居项目，需要4000平米');
    const r = await t.post('/api/chat', {
      message: '',
      conversationId: first.conversationId,
      edit: { floorAreaM2: 1000, investmentWan: 5000 },
    });
    expect(r.status).toBe(200);
    expect(r.body.intent).toBe('edit');
    expect(r.body.understood).toMatchObject({ floorAreaM2: 1000, investmentWan: 5000 });
    const removed = await t.post('/api/chat', { message: '', conversationId: first.conversationId, edit: { floorAreaM2: null } });
    expect(removed.body.understood.floorAreaM2).toBeUndefined();
    const bad = await t.post('/api/chat', { message: '', conversationId: first.conversationId, edit: { floorAreaM2: -3 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('edit.floorAreaM2');
  });

  it('persists the conversation', async () => {
    const [, second] = await conversation('智能家居项目，需要4000平米', '面积改成6000平米');
    const { status, body } = await t.json(`/api/chat/${second.conversationId}`);
    expect(status).toBe(200);
    expect(body.messages.map((m: any) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(body.understood.floorAreaM2).toBe(6000);
  });

  it.each([
    [{ message: '' }, 'message'],
    [{ message: 'x'.repeat(2001) }, 'message'],
    [{ message: '你好', extra: 1 }, 'extra'],
    [{}, 'message'],
  ])('rejects %j with 400 naming the field', async (body, field) => {
    const r = await t.post('/api/chat', body);
    expect(r.status).toBe(400);
    expect(r.body.error.issues.map((i: any) => i.path)).toContain(field);
  });

  it('an unknown conversation is 404', async () => {
    const r = await t.post('/api/chat', { message: '你好', conversationId: 'nope' });
    expect(r.status).toBe(404);
    expect((await t.json('/api/chat/nope')).status).toBe(404);
  });
});
