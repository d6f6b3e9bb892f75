/** The chat of issue 16: chips are the lead, questions answered as questions, greetings, units, preferred district. */
import { describe, it, expect } from 'vitest';
import { createTestApp } from '../helpers/app.js';

const t = createTestApp();

async function conversation(...messages: string[]) {
  let id: string | undefined;
  const replies: any[] = [];
  for (const message of messages) {
    const r = await t.post('/api/chat', { message, ...(id ? { conversationId: id } : {}) });
    expect(r.status, message).toBe(200);
    id = r.body.conversationId;
    replies.push(r.body);
  }
  return replies;
}
const edit = async (conversationId: string, e: Record<string, unknown>) => {
  const r = await t.post('/api/chat', { message: '', conversationId, edit: e });
  expect(r.status).toBe(200);
  return r.body;
};
const everything = (b: any) =>
  JSON.stringify(b.results.map((r: any) => [r.factors.map((f: any) => f.reasons), r.flags.map((f: any) => f.message)]));

describe('chips are the lead', () => {
  it('a removed area stays removed: not re-read from the first sentence, no area rule applied, the same on reload', async () => {
    const [first] = await conversation('智能家居项目，需要4000平米厂房，投资5000万');
    expect(everything(first)).toContain('4,000㎡');
    expect(JSON.stringify(first.results.map((r: any) => r.flags.map((f: any) => f.message)))).toContain('租赁面积5000');
    const removed = await edit(first.conversationId, { floorAreaM2: null });
    expect(removed.understood.floorAreaM2).toBeUndefined();
    expect(everything(removed)).not.toContain('4,000㎡');
    expect(everything(removed)).not.toContain('租赁面积5000');
    // the space factor does not invent a need equal to a unit's size
    expect(everything(removed)).not.toMatch(/需求 [\d,]+㎡/);
    expect(removed.reply).toContain('已按您的修改重新匹配');
    // a later turn that says nothing about the area does not bring it back
    const again = await t.post('/api/chat', { message: '投资改成6000万', conversationId: first.conversationId });
    expect(again.body.understood.floorAreaM2).toBeUndefined();
    expect(everything(again.body)).not.toContain('4,000㎡');
    const reload = await t.json(`/api/chat/${first.conversationId}`);
    expect(reload.body.understood.floorAreaM2).toBeUndefined();
    expect(JSON.stringify(reload.body.answer.results)).not.toContain('4,000㎡');
  });

  it('edits are recorded in the conversation in Chinese, never as field keys', async () => {
    const [first] = await conversation('智能家居项目，需要4000平米厂房');
    await edit(first.conversationId, { floorAreaM2: 8000 });
    await edit(first.conversationId, { investmentWan: null });
    await edit(first.conversationId, { preferredDistricts: ['秀洲区'] });
    const { body } = await t.json(`/api/chat/${first.conversationId}`);
    const said = body.messages.filter((m: any) => m.role === 'user').map((m: any) => m.text);
    expect(said).toContain('（修改：面积 8,000㎡）');
    expect(said).toContain('（去掉：投资）');
    expect(said).toContain('（修改：意向区域 秀洲区）');
    expect(said.join('')).not.toMatch(/[a-z]{4,}/i);
  });

  it('industry chips can be removed and corrected; the summary does not bring them back', async () => {
    const [first] = await conversation('智能家居项目，需要4000平米厂房');
    expect(first.understanding.industries.map((i: any) => i.name)).toContain('智能家居');
    const none = await edit(first.conversationId, { industries: null });
    expect(none.understanding.industries).toEqual([]);
    expect(none.verdict.kind).toBe('unknownIndustry');
    const fixed = await edit(first.conversationId, { industries: ['新材料'] });
    expect(fixed.understanding.industries.map((i: any) => i.name)).toEqual(['新材料']);
    expect(fixed.results[0].factors.find((f: any) => f.key === 'industry').reasons[0]).toContain('新材料');
    // a later turn naming another product adds it to the chips
    const more = await t.post('/api/chat', { message: '另外还做传感器', conversationId: first.conversationId });
    expect(more.body.understood.industries).toContain('新材料');
    expect(more.body.understood.industries.length).toBeGreaterThan(1);
    const { body } = await t.json(`/api/chat/${first.conversationId}`);
    expect(body.messages.map((m: any) => m.text)).toContain('（去掉：产业）');
    expect(body.messages.map((m: any) => m.text)).toContain('（产业改为：新材料）');
  });
});

describe('questions are answered as questions', () => {
  it('which parks do an industry: from the library, no need invented, no lead made', async () => {
    const [r] = await conversation('哪些园区做新材料？');
    expect(r.intent).toBe('library');
    expect(r.understood).toBeNull();
    expect(r.results).toEqual([]);
    expect(r.reply).toContain('「新材料」');
    expect(r.reply).not.toContain('已按您的补充重新匹配');
    expect(r.library.length).toBeGreaterThan(0);
    const parks = (await t.json('/api/parks?limit=500')).body.items;
    for (const p of r.library)
      expect(parks.find((x: any) => x.id === p.parkId).leadingIndustries.join('、') + p.note).toMatch(/新材料|材料/);
  });

  it('which parks of a district have vacant factories: only that district, no need invented', async () => {
    const [first] = await conversation('医疗器械生产，需要2000平米');
    const r = await t.post('/api/chat', { message: '秀洲区哪些园区有空置厂房？', conversationId: first.conversationId });
    expect(r.body.intent).toBe('library');
    expect(r.body.understood).toEqual(first.understood);
    expect(r.body.reply).not.toMatch(/需求 [\d,]+㎡/);
    expect(r.body.library.length).toBeGreaterThan(0);
    for (const p of r.body.library) {
      expect(p.district).toBe('秀洲区');
      expect(p.note).toContain('厂房');
    }
  });

  it('where a banned process could go: the rule that bans it and the parks it does not', async () => {
    const [r] = await conversation('电镀可以去哪些园区？');
    expect(r.intent).toBe('library');
    expect(r.reply).toContain('不予准入');
    expect(r.reply).toMatch(/依据/);
    expect(r.reply).not.toContain('已按您的补充重新匹配');
    expect(r.results).toEqual([]);
  });

  it('what is left in a park is a park question', async () => {
    const [r] = await conversation('微创产业园还剩什么空间？');
    expect(r.intent).toBe('parkQuestion');
    expect(r.reply).toContain('微创产业园');
  });

  it('a greeting gets a greeting and an example, no parks', async () => {
    for (const m of ['你好', '您好！', 'hello']) {
      const [r] = await conversation(m);
      expect(r.intent, m).toBe('greeting');
      expect(r.reply).toContain('您好');
      expect(r.reply).toContain('例如');
      expect(r.results).toEqual([]);
      expect(r.reply).not.toContain('推荐');
    }
  });

  it('a message not understood gets 没看懂 and an example, never 已按您的补充重新匹配', async () => {
    const [r] = await conversation('asdf qwer');
    expect(r.intent).toBe('unclear');
    expect(r.reply).toContain('没看懂');
    expect(r.reply).toContain('例如');
    expect(r.results).toEqual([]);
    const [first, second] = await conversation('智能家居项目，需要4000平米厂房', '嗯嗯好的');
    expect(second.reply).toContain('没看懂');
    expect(second.reply).not.toContain('已按您的补充重新匹配');
    expect(second.understood).toEqual(first.understood);
  });
});

describe('units and several needs', () => {
  it.each([
    ['智能家居项目，投资5000w，需要4000平米厂房', 5000],
    ['智能家居项目，投资5千万，需要4000平米厂房', 5000],
    ['智能家居项目，投资0.5亿，需要4000平米厂房', 5000],
    ['智能家居项目，投资5000万元，需要4000sqm厂房', 5000],
  ])('%s → 投资 %d 万元', async (m, wan) => {
    const [r] = await conversation(m);
    expect(r.understood.investmentWan).toBe(wan);
    expect(r.understood.floorAreaM2).toBe(4000);
  });

  it('2000平研发楼和4000平厂房 keeps both needs: the larger scored, the other reported', async () => {
    const [r] = await conversation('智能家居，需要2000平研发楼和4000平厂房');
    expect(r.understood.needs).toEqual([
      { kind: 'rnd', areaM2: 2000 },
      { kind: 'factory', areaM2: 4000 },
    ]);
    expect(r.understood.floorAreaM2).toBe(4000);
    expect(r.understood.spaceType).toBe('factory');
    expect(r.results[0].factors.find((f: any) => f.key === 'space').reasons.join()).toContain('另需研发楼 2,000㎡');
    const m = await t.post('/api/match', { summary: '智能家居，需要2000平研发楼和4000平厂房' });
    expect(m.body.lead.needs).toHaveLength(2);
  });

  it('Latin tokens match on word boundaries only', async () => {
    const m = await t.post('/api/match', { summary: 'Email marketing agency and maintenance services' });
    expect(m.body.understanding.industries.map((i: any) => i.via)).not.toContain('AI');
  });
});

describe('the preferred district', () => {
  it('always shows its best option, in the match response and the chat reply', async () => {
    const lead = { summary: '新材料项目，用地50亩，投资3亿元', preferredDistricts: ['秀洲区'] };
    const m = await t.post('/api/match?limit=3', lead);
    expect(m.status).toBe(200);
    expect(m.body.preferred.districts).toEqual(['秀洲区']);
    expect(m.body.preferred.result.district).toBe('秀洲区');
    const [r] = await conversation('新材料项目，用地50亩，投资3亿元，最好在秀洲');
    expect(r.preferred.result.district).toBe('秀洲区');
    if (!r.results.slice(0, 3).some((x: any) => x.district === '秀洲区')) {
      expect(r.reply).toContain(`【意向区域】秀洲区内最合适的是${r.preferred.result.parkName}`);
      expect(r.reply).not.toContain('暂无排名靠前');
    }
  });
});

describe('涉及 lists processes, not what triggered a review level', () => {
  it('new land (用地 → 区审) is a review level on the cards, never "涉及：用地"; a real process still shows', async () => {
    const [land] = await conversation('新材料项目，用地50亩，投资3亿元');
    expect(land.understanding.processes).not.toContain('用地');
    expect(land.reply).not.toContain('涉及：用地');
    expect(JSON.stringify(land.results[0].flags.map((f: any) => f.message))).toContain('区审');
    const [plating] = await conversation('五金件电镀加工，需要2000平方米厂房');
    expect(plating.understanding.processes.some((p: string) => p.startsWith('电镀'))).toBe(true);
    expect(plating.reply).toContain('涉及：电镀');
  });
});
