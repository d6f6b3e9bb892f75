import { describe, it, expect } from 'vitest';
import { createTestApp, demoSeed } from '../helpers/app.js';

const t = createTestApp();

describe('GET /api/health', () => {
  it('answers ok with the number of parks', async () => {
    const { status, body } = await t.json('/api/health');
    expect(status).toBe(200);
    // 20 都市型工业 blocks + 5 嘉兴 重大产业平台 + 20 萧山 4286 carriers + 2 萧山 platforms
    expect(body).toEqual({ ok: true, parks: 47 });
    expect(demoSeed().parks).toHaveLength(47);
  });
});

describe('GET /api/parks', () => {
  it('lists the 20 嘉兴 blocks with every fact of the table, the 嘉兴 platforms and the 萧山 carriers', async () => {
    const { status, body } = await t.json('/api/parks?limit=500');
    expect(status).toBe(200);
    expect(body.total).toBe(body.items.length);
    const jx = body.items.filter((p: any) => p.city === '嘉兴市');
    expect(jx.filter((p: any) => p.program === '都市型工业')).toHaveLength(20);
    expect(jx.filter((p: any) => p.program === '重大产业平台')).toHaveLength(5);
    const weichuang = jx.find((p: any) => p.name === '亚太路科创工业社区（微创产业园）');
    expect(weichuang).toMatchObject({
      district: '南湖区',
      batch: '第一批',
      town: '南湖高新区',
      landAreaMu: 140,
      landUse: 'M1',
      startTime: '已开工',
      positioning: '医疗器械',
      developer: '嘉兴微创医疗科技有限公司',
      leadingIndustries: ['医疗器械'],
    });
    expect(weichuang.vacantSpaces).toBeGreaterThan(0);
    expect(body.items.filter((p: any) => p.district === '萧山区').length).toBeGreaterThanOrEqual(15);
    for (const p of body.items)
      for (const k of [
        'id',
        'name',
        'city',
        'district',
        'town',
        'kind',
        'landAreaMu',
        'landUse',
        'leadingIndustries',
        'developer',
        'source',
      ])
        expect(p).toHaveProperty(k);
  });

  it('filters by district and pages with limit/offset', async () => {
    const all = (await t.json('/api/parks?district=经开区&limit=500')).body;
    expect(all.total).toBe(10); // 9 都市型工业 blocks + 嘉兴经济技术开发区
    expect(all.items.every((p: any) => p.district === '经开区')).toBe(true);
    const page = (await t.json('/api/parks?district=经开区&limit=4&offset=4')).body;
    expect(page.total).toBe(10);
    expect(page.items.map((p: any) => p.id)).toEqual(all.items.slice(4, 8).map((p: any) => p.id));
  });

  it('filters by industry, including by a product word', async () => {
    const byName = (await t.json('/api/parks?industry=医疗器械&limit=500')).body.items.map((p: any) => p.name);
    expect(byName).toContain('亚太路科创工业社区（微创产业园）');
    const byProduct = (await t.json(`/api/parks?industry=${encodeURIComponent('监护仪')}&limit=500`)).body.items.map((p: any) => p.name);
    expect(byProduct).toContain('亚太路科创工业社区（微创产业园）');
    expect(byProduct).not.toContain('艺+PARK时尚产业园');
  });

  it('finds nothing as an empty list, not an error', async () => {
    const { status, body } = await t.json(`/api/parks?q=${encodeURIComponent('量子隧穿显微镜zzz')}`);
    expect(status).toBe(200);
    expect(body.items.length).toBe(body.total);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=abc', 'limit'],
    ['offset=-1', 'offset'],
    ['colour=red', 'colour'],
  ])('rejects %s with 400 naming the field', async (qs, field) => {
    const { status, body } = await t.json(`/api/parks?${qs}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.issues.map((i: any) => i.path)).toContain(field);
  });
});

describe('GET /api/parks: filters and count for the library page', () => {
  it('a search for one park by name finds that park only, not every park sharing 产业/园', async () => {
    for (const name of ['微创产业园', '智能传感创新产业园', '杭州桥南高端智造基地']) {
      const { body } = await t.json(`/api/parks?limit=500&q=${encodeURIComponent(name)}`);
      expect(body.total, name).toBe(1);
      expect(body.items[0].name).toContain(name.replace('基地', ''));
    }
  });

  it('a search for an industry still finds several parks, the best first', async () => {
    const { body } = await t.json(`/api/parks?limit=500&q=${encodeURIComponent('监护仪')}`);
    expect(body.total).toBeGreaterThan(1);
    expect(body.total).toBeLessThan(40);
    expect(body.items[0].name).toContain('微创产业园');
  });

  it('minVacantM2 keeps the parks with one vacant unit at least that large, and combines with district and industry', async () => {
    const all = (await t.json('/api/parks?limit=500')).body.items;
    const big = (await t.json('/api/parks?limit=500&minVacantM2=8000')).body;
    expect(big.total).toBeGreaterThan(0);
    expect(big.total).toBeLessThan(all.length);
    for (const p of big.items) expect(p.largestVacantM2).toBeGreaterThanOrEqual(8000);
    const left = all.filter((p: any) => !big.items.some((b: any) => b.id === p.id));
    for (const p of left) expect(p.largestVacantM2).toBeLessThan(8000);
    const nanhu = (await t.json(`/api/parks?limit=500&minVacantM2=3000&district=${encodeURIComponent('南湖区')}`)).body;
    expect(nanhu.items.every((p: any) => p.district === '南湖区' && p.largestVacantM2 >= 3000)).toBe(true);
    const med = (
      await t.json(`/api/parks?limit=500&minVacantM2=1&industry=${encodeURIComponent('医疗器械')}&district=${encodeURIComponent('南湖区')}`)
    ).body;
    expect(med.items.map((p: any) => p.name)).toContain('亚太路科创工业社区（微创产业园）');
    expect((await t.json('/api/parks?minVacantM2=0')).status).toBe(400);
  });
});

describe('GET /api/parks/:id: the rules that matter most first', () => {
  it('orders excludes before reviews before review levels, the narrower scope first, each in Chinese', async () => {
    const { body } = await t.json('/api/parks/jx-weichuang');
    const effects = body.rules.map((r: any) => r.effect);
    const rank = (e: string) => ['exclude', 'review', 'require', 'reviewLevel'].indexOf(e);
    expect(effects.map(rank)).toEqual([...effects.map(rank)].sort((a, b) => a - b));
    const scopes = ['park', 'parkKind', 'envClass', 'program', 'district', 'city', 'national'];
    for (const effect of new Set<string>(effects)) {
      const levels = body.rules.filter((r: any) => r.effect === effect).map((r: any) => scopes.indexOf(r.scope.level));
      expect(levels).toEqual([...levels].sort((a: number, b: number) => a - b));
    }
    for (const r of body.rules) {
      expect(r.effectLabel).toMatch(/^(禁止|需审查|门槛|审批层级)$/);
      expect(r.scopeLabel).toMatch(/[\u4e00-\u9fff]/);
      expect(r.reasonText).not.toContain('{term}');
      expect(r.scopeLabel).not.toMatch(/[a-zA-Z]|null|undefined/);
    }
  });
});

describe('GET /api/parks/:id', () => {
  it('shows spaces, rules and chains', async () => {
    const list = (await t.json('/api/parks?limit=500')).body.items;
    const id = list.find((p: any) => p.name.includes('微创产业园')).id;
    const { status, body } = await t.json(`/api/parks/${id}`);
    expect(status).toBe(200);
    expect(body.spaces.length).toBeGreaterThan(0);
    expect(body.spaces[0].source).toContain('示例数据');
    expect(body.rules.length).toBeGreaterThan(0);
    expect(body.rules.every((r: any) => r.source)).toBe(true);
    expect(body.rules.map((r: any) => r.reason).join()).toContain('电镀');
    const med = body.chains.find((c: any) => c.leaders.some((l: any) => l.company === '嘉兴微创医疗科技有限公司'));
    expect(med).toBeDefined();
  });
  it('every park has a detail with spaces', async () => {
    const list = (await t.json('/api/parks?limit=500')).body.items;
    for (const p of list) {
      const { status, body } = await t.json(`/api/parks/${p.id}`);
      expect(status).toBe(200);
      expect(body.spaces.length).toBeGreaterThan(0);
    }
  });
  it('unknown id → 404 in the error shape', async () => {
    const { status, body } = await t.json('/api/parks/no-such-park');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('OpenAPI and docs', () => {
  it('serves a generated OpenAPI 3.1 document naming the routes', async () => {
    const { status, body } = await t.json('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    for (const p of ['/health', '/parks', '/parks/{id}', '/match']) expect(Object.keys(body.paths)).toContain(p);
    expect(JSON.stringify(body.paths['/match'].post.requestBody)).toContain('MatchRequest');
    expect(Object.keys(body.components.schemas.MatchRequest.properties)).toEqual(
      expect.arrayContaining(['summary', 'floorAreaM2', 'landMu', 'pollution', 'weights']),
    );
  });
  it('serves the reference page and its assets locally', async () => {
    const page = await t.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const js = await t.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(100_000);
  });
  it('sets a Content-Security-Policy on API responses', async () => {
    const res = await t.request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
  });
  it('unknown endpoints get 404 in the error shape', async () => {
    const { status, body } = await t.json('/api/nope');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});
