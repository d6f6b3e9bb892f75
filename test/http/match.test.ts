import { describe, it, expect } from 'vitest';
import { createTestApp, demoSeed } from '../helpers/app.js';

const t = createTestApp();

describe('POST /api/match', () => {
  it('returns the right park first for a product word, with reasons, flags and spaces', async () => {
    const { status, body } = await t.post('/api/match', { summary: '研发生产内窥镜，需要3000平方米厂房' });
    expect(status).toBe(200);
    expect(body.lead.floorAreaM2).toBe(3000);
    const top = body.results[0];
    expect(top.parkName).toBe('亚太路科创工业社区（微创产业园）');
    expect(top.excluded).toBe(false);
    expect(top.score).toBeGreaterThan(50);
    expect(top.factors.map((f: any) => f.key)).toEqual(['industry', 'chain', 'space', 'efficiency', 'policy', 'location']);
    expect(top.factors.reduce((s: number, f: any) => s + f.weight, 0)).toBeCloseTo(1, 2);
    expect(top.factors[0].reasons[0]).toContain('医疗器械');
    expect(top.spaces[0]).toMatchObject({ kind: 'factory' });
    expect(top.spaces[0].areaM2).toBeGreaterThanOrEqual(3000);
    expect(top.flags.some((f: any) => f.message.includes('投资额未知'))).toBe(true);
  });

  it('lists excluded parks after eligible ones only with includeExcluded=true', async () => {
    const lead = { summary: '五金件电镀加工', districts: ['南湖区', '秀洲区', '经开区'] };
    const hidden = await t.post('/api/match', lead);
    expect(hidden.body.results).toEqual([]);
    const shown = await t.post('/api/match?includeExcluded=true&limit=200', lead);
    // every 嘉兴 park: the 20 都市型工业 blocks and the 重大产业平台 (电镀 goes to an 电镀集中区 only)
    expect(shown.body.results).toHaveLength(demoSeed().parks.filter((p) => p.city === '嘉兴市').length);
    for (const r of shown.body.results) {
      expect(r.excluded).toBe(true);
      expect(r.score).toBe(0);
      // provenance: the rule is a document's (文件), so it excludes (docs/RULES.md)
      expect(r.exclusions[0]).toEqual({
        ruleId: expect.any(String),
        reason: expect.stringContaining('电镀'),
        source: expect.any(String),
        provenance: '文件',
      });
    }
  });

  it('honours limit', async () => {
    const { body } = await t.post('/api/match?limit=3', { summary: '软件开发' });
    expect(body.results).toHaveLength(3);
  });

  it.each([
    ['neither summary nor industries', {}, 'summary'],
    ['an empty summary', { summary: '   ' }, 'summary'],
    ['a negative area', { summary: '医疗器械', floorAreaM2: -5 }, 'floorAreaM2'],
    ['an absurd investment', { summary: '医疗器械', investmentWan: 1e15 }, 'investmentWan'],
    ['a string where a number belongs', { summary: '医疗器械', landMu: '50' }, 'landMu'],
    ['an unknown field', { summary: '医疗器械', colour: 'red' }, 'colour'],
    ['an unknown pollution field', { summary: '医疗器械', pollution: { noise: 'high' } }, 'pollution.noise'],
    ['a bad enum', { summary: '医疗器械', spaceType: 'castle' }, 'spaceType'],
    ['an over-long summary', { summary: '医'.repeat(2001) }, 'summary'],
    ['too many industries', { industries: Array.from({ length: 21 }, (_, i) => `行业${i}`) }, 'industries'],
    ['a mass-assignment key', { summary: '医疗器械', __proto__x: 1, score: 100 }, 'score'],
  ])('rejects %s with 400 naming the field', async (_name, body, field) => {
    const res = await t.post('/api/match', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.issues.map((i: any) => i.path)).toContain(field);
  });

  it('names every bad field at once', async () => {
    const res = await t.post('/api/match', { summary: '医疗器械', floorAreaM2: -1, landMu: 0, colour: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: any) => i.path)).toEqual(expect.arrayContaining(['floorAreaM2', 'landMu', 'colour']));
  });

  it('rejects malformed JSON and a bad query with 400, never 500', async () => {
    const bad = await t.post('/api/match', '{"summary": "医疗');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    const q = await t.post('/api/match?limit=0', { summary: '医疗器械' });
    expect(q.status).toBe(400);
    expect(q.body.error.issues[0].path).toBe('limit');
  });

  it('rejects a body over the limit with 413', async () => {
    const res = await t.post('/api/match', { summary: 'x', name: 'y'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('accepts industries alone, by name or GB/T code', async () => {
    const byName = await t.post('/api/match', { industries: ['智能传感'] });
    expect(byName.body.results[0].parkName).toBe('智能传感创新产业园');
    const byCode = await t.post('/api/match', { industries: ['3983'], districts: ['经开区'] });
    expect(byCode.status).toBe(200);
    expect(byCode.body.results[0].parkName).toBe('智能传感创新产业园');
  });

  it('names the GB/T classes it read, each with the word that pointed to it, and the processes the lead does not do itself', async () => {
    const { status, body } = await t.post('/api/match', { summary: '可吸收骨钉研发生产，表面阳极氧化外协' });
    expect(status).toBe(200);
    expect(body.understanding.codes).toContainEqual({ code: '3589', name: expect.stringContaining('医疗'), via: '骨钉' });
    expect(body.understanding.notOwnProcesses).toContainEqual({ word: '阳极氧化', actor: 'offSite' });
    expect(body.results.every((r: any) => !r.excluded)).toBe(true);
    expect(body.results[0].flags.some((f: any) => f.code === 'not-own-process' && f.message.includes('阳极氧化'))).toBe(true);
    const explicit = await t.post('/api/match', { industries: ['3983'] });
    expect(explicit.body.understanding.codes).toEqual([{ code: '3983', name: '敏感元件及传感器制造', via: '3983' }]);
  });

  it('places what the lead does on site in the 2021 EIA 名录 (understanding.eia) and cites it in the exclusion', async () => {
    const { status, body } = await t.post('/api/match?includeExcluded=true&limit=200', {
      summary: '十二烷基苯磺酸项目，SO3膜式磺化，3万吨/年',
      districts: ['南湖区'],
    });
    expect(status).toBe(200);
    expect(body.understanding.eia).toEqual([{ word: '磺化', items: [44, 47], title: '', category: '报告书', via: 'process' }]);
    expect(body.results.length).toBeGreaterThan(0);
    const clean = new Set(
      demoSeed()
        .parks.filter((p) => p.envClass === 'clean')
        .map((p) => p.id),
    );
    for (const r of body.results) {
      // 都市型工业 blocks refuse it; a development zone of 南湖 (一般工业园) keeps it only for a joint review citing the same items
      const cited = r.excluded ? r.exclusions : r.flags;
      expect(r.excluded).toBe(clean.has(r.parkId));
      expect(cited.some((e: any) => (e.reason ?? e.message).includes('第44、47项') && e.source.includes('名录'))).toBe(true);
    }
  });

  it('carries the honest answer: noFit with the closest parks and what blocks each, even without includeExcluded', async () => {
    const { status, body } = await t.post('/api/match', { summary: '电镀加工，镀锌镀铬' });
    expect(status).toBe(200);
    expect(body.results).toEqual([]);
    expect(body.verdict).toMatchObject({ kind: 'noFit', parkId: null });
    expect(body.nearMisses.length).toBeGreaterThan(0);
    expect(body.nearMisses[0].blockers[0]).toMatchObject({
      kind: 'rule',
      text: expect.stringContaining('电镀'),
      change: expect.any(String),
    });
    const fit = await t.post('/api/match', { summary: '研发生产医用内窥镜，需要厂房2000平方米' });
    expect(fit.body.verdict).toMatchObject({ kind: 'fit', parkId: fit.body.results[0].parkId });
  });
});
