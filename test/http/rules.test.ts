/**
 * Rules as managed data (issue 18 items 1–2) and rule provenance (issue 15 item 2): who sees which
 * rules, 示例规则/参照 rules flagging until adopted, per-jurisdiction review levels, versions kept
 * (never edited in place), and the impact of a change on the open leads — each kind of impact, a
 * preview that writes nothing, an apply that records the impact and tells the leads' towns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Requester, type TestApp, dbFingerprint } from '../helpers/app.js';
import { SYSTEM_ACTOR } from '../../server/pipeline/authorise.js';
import { addLead } from '../../server/pipeline/leads.js';
import { commitPlacements } from '../../server/pipeline/placements.js';
import type { Lead } from '../../server/domain/lead.schema.js';

let t: TestApp;
let jx: Requester; // admin of 嘉兴
let xs: Requester; // admin of 萧山
let jxTown: Requester;
let viewer: Requester;
const JX_TOWN = '东栅街道';
const XS_TOWN = '宁围街道';

const newLead = (lead: Lead) =>
  addLead(t.deps, { actor: SYSTEM_ACTOR, lead: { name: `规则测试${Math.random().toString(36).slice(2, 7)}`, ...lead } }).lead;

const fingerprint = () => dbFingerprint(t.db);

const put = (who: Requester, id: string, body: unknown) =>
  who.json(`/api/rules/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A 嘉兴 exclude-rule of its own (a document's: it gates), on a word the demo rules do not use. */
const jxRule = (id: string, term: string, scope: { level: string; value: string | null } = { level: 'city', value: '嘉兴市' }) => ({
  id,
  name: `禁止${term}（测试）`,
  scope,
  effect: 'exclude',
  match: { industryCodes: [], terms: [term], unlessTerms: [], pollution: null },
  reason: `项目涉及{term}，本辖区不予准入（测试）`,
  source: '嘉兴市测试文件 第1条',
});

beforeAll(() => {
  t = createTestApp();
  jx = t.as(t.userCookie({ username: 'r-admin-jx', role: 'admin', jurisdictionId: 'jiaxing' }));
  xs = t.as(t.userCookie({ username: 'r-admin-xs', role: 'admin', jurisdictionId: 'xiaoshan' }));
  jxTown = t.as(t.userCookie({ username: 'r-town-jx', role: 'town', town: JX_TOWN }));
  viewer = t.as(t.userCookie({ username: 'r-viewer', role: 'viewer' }));
});
afterAll(async () => {
  await t.jobs.stop();
});

describe('GET /api/rules: the rules of the jurisdiction and above, with their provenance', () => {
  it('嘉兴 and 萧山 admins each see their own rules and the national ones, never the other’s', async () => {
    const a = (await jx.json('/api/rules')).body.items as { id: string; jurisdictionId: string | null }[];
    const b = (await xs.json('/api/rules')).body.items as { id: string; jurisdictionId: string | null }[];
    expect(a.some((r) => r.jurisdictionId === 'jiaxing')).toBe(true);
    expect(b.some((r) => r.jurisdictionId === 'xiaoshan')).toBe(true);
    expect(a.every((r) => r.jurisdictionId === null || r.jurisdictionId === 'jiaxing')).toBe(true);
    expect(b.every((r) => r.jurisdictionId === null || r.jurisdictionId === 'xiaoshan')).toBe(true);
    expect(a.map((r) => r.id)).toContain('nat-electroplating-zone');
    expect(b.map((r) => r.id)).toContain('nat-electroplating-zone');
    expect(b.map((r) => r.id)).not.toContain('nh-hazchem-pilot-flexible');
    expect((await xs.json('/api/rules/nh-hazchem-pilot-flexible')).status).toBe(404);
  });

  it('town staff and viewers read the rules; the 嘉定 review levels are 参照 with their real origin, the invented figures 示例规则', async () => {
    const town = await jxTown.json('/api/rules');
    expect(town.status).toBe(200);
    expect((await viewer.json('/api/rules')).status).toBe(200);
    const rl = town.body.items.find((r: { id: string }) => r.id === 'rl-lease-large-district');
    expect(rl).toMatchObject({ reference: true, provenance: '参照', gates: false, jurisdictionId: 'jiaxing' });
    expect(rl.origin).toContain('上海市嘉定区');
    const xsRule = (await xs.json('/api/rules')).body.items.find((r: { id: string }) => r.id === 'xs-standard-land-investment-intensity');
    expect(xsRule).toMatchObject({ sample: true, provenance: '示例规则', gates: false });
  });

  it('the park detail says which of its rules are 示例规则, 参照 or from a document', async () => {
    const park = (await t.json('/api/parks/jx-weichuang')).body;
    const byId = new Map(park.rules.map((r: { id: string }) => [r.id, r]));
    expect(byId.get('rl-lease-large-district')).toMatchObject({ provenance: '参照', gates: false });
    expect(byId.get('nat-electroplating-zone')).toMatchObject({ provenance: '文件', gates: true });
    expect(park.rules.some((r: { jurisdictionId: string | null }) => r.jurisdictionId === 'xiaoshan')).toBe(false);
    // and the other way round: a 萧山 park lists no 嘉兴 rule (the review levels are its own 参照 copies)
    const xsPark = (await t.json('/api/parks/xs-turing-town')).body;
    expect(xsPark.rules.some((r: { jurisdictionId: string | null }) => r.jurisdictionId === 'jiaxing')).toBe(false);
    expect(xsPark.rules.map((r: { id: string }) => r.id)).toContain('xs-rl-lease-large-district');
  });
});

describe('示例规则 flag, never gate, until the jurisdiction’s admin adopts them', () => {
  // 萧山's 标准地 investment intensity ≥ 300 万元/亩 is a 示例规则 (4286 方案 四(四)3, figure invented)
  const lowIntensity: Lead = { summary: '新能源汽车零部件生产', investmentWan: 2000, landMu: 20, districts: ['萧山区'] };

  it('a lead below the invented threshold is not excluded; the flag says 示例规则 and what adopting would do', async () => {
    const r = await xs.post('/api/match?limit=50&includeExcluded=true', lowIntensity);
    expect(r.status).toBe(200);
    const results = r.body.results as {
      excluded: boolean;
      exclusions: { ruleId: string }[];
      flags: { code: string; message: string; provenance?: string }[];
    }[];
    expect(results.some((x) => x.exclusions.some((e) => e.ruleId === 'xs-standard-land-investment-intensity'))).toBe(false);
    const flag = results.flatMap((x) => x.flags).find((f) => f.code === 'advisory:xs-standard-land-investment-intensity');
    expect(flag?.message).toContain('示例规则，未采纳');
    expect(flag?.message).toContain('采纳后将不予准入');
    expect(flag?.provenance).toBe('示例规则');
  });

  it('嘉兴’s admin cannot adopt 萧山’s rule; 萧山’s admin adopts it (versioned, audited) and from then on it excludes, marked 已采纳', async () => {
    const before = fingerprint();
    const refused = await jx.post('/api/rules/xs-standard-land-investment-intensity/adopt', { changeReason: '越权采纳' });
    expect(refused.status).toBe(404);
    expect(fingerprint()).toEqual(before);
    const xsTown = t.as(t.userCookie({ username: 'r-town-xs', role: 'town', town: XS_TOWN }));
    const town = await xsTown.post('/api/rules/xs-standard-land-investment-intensity/adopt', { changeReason: '无权' });
    expect(town.status).toBe(403);
    const adopted = await xs.post('/api/rules/xs-standard-land-investment-intensity/adopt', {
      changeReason: '经区招商中心研究，采纳 300 万元/亩 门槛',
    });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ action: 'adopt', version: 2 });
    const r = await xs.post('/api/match?limit=50&includeExcluded=true', lowIntensity);
    const ex = (r.body.results as { exclusions: { ruleId: string; reason: string; provenance?: string }[] }[])
      .flatMap((x) => x.exclusions)
      .find((e) => e.ruleId === 'xs-standard-land-investment-intensity');
    expect(ex?.reason).toContain('〔已采纳〕');
    expect(ex?.provenance).toBe('已采纳');
    const audit = t.db.$client.prepare(`SELECT actor, action FROM audit WHERE object = 'xs-standard-land-investment-intensity'`).all();
    expect(audit).toContainEqual({ actor: 'r-admin-xs', action: 'rule.adopt' });
    expect((await xs.post('/api/rules/xs-standard-land-investment-intensity/adopt', { changeReason: '再次采纳' })).status).toBe(409);
  });
});

describe('review levels (镇审/区审) per jurisdiction', () => {
  it('嘉兴 sets its own leased-area threshold; 萧山 keeps the 参照 one; each lead is judged by its own jurisdiction’s', async () => {
    const current = (await jx.json('/api/rules/rl-lease-large-district')).body.rule;
    const { provenance: _p, gates: _g, adoption: _a, status: _s, version: _v, ...stored } = current;
    const res = await put(jx, 'rl-lease-large-district', {
      ...stored,
      threshold: { field: 'leasedAreaM2', min: 2000, max: null },
      reference: false,
      sample: false,
      origin: null,
      source: '嘉兴市招商中心 审批层级规定（测试） 第2条',
      changeReason: '本辖区租赁 2000㎡ 以上即由区审',
    });
    expect(res.status).toBe(200);
    const jxLead = (await t.post('/api/leads', { summary: '医疗器械研发生产', floorAreaM2: 3000, sourceTown: JX_TOWN })).body;
    const xsLead = (await t.post('/api/leads', { summary: '医疗器械研发生产', floorAreaM2: 3000, sourceTown: XS_TOWN })).body;
    expect(jxLead.reviewLevel).toBe('区审');
    expect(jxLead.reviewBasis).toMatchObject({ ruleId: 'rl-lease-large-district', provenance: '文件' });
    expect(xsLead.reviewLevel).toBe('镇审');
    expect(xsLead.reviewBasis).toMatchObject({ ruleId: 'xs-rl-lease-small-town', provenance: '参照' });
    expect(xsLead.reviewBasis.origin).toContain('上海市嘉定区');
  });
});

describe('versions: never edited in place', () => {
  it('a change appends a version with who, when, why, before and after; the database refuses to change or delete one', async () => {
    const created = await put(jx, 'jx-test-versioned', { ...jxRule('jx-test-versioned', '测试甲工艺'), changeReason: '新建测试规则' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ action: 'create', version: 1 });
    const changed = await put(jx, 'jx-test-versioned', {
      ...jxRule('jx-test-versioned', '测试乙工艺'),
      changeReason: '改为乙工艺',
    });
    expect(changed.body).toMatchObject({ action: 'change', version: 2 });
    const retired = await jx.json('/api/rules/jx-test-versioned', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ changeReason: '测试结束停用' }),
    });
    expect(retired.status).toBe(200);
    const { rule, versions } = (await jx.json('/api/rules/jx-test-versioned')).body;
    expect(rule).toMatchObject({ status: 'retired', version: 3 });
    expect(versions.map((v: { version: number; action: string }) => [v.version, v.action])).toEqual([
      [1, 'create'],
      [2, 'change'],
      [3, 'retire'],
    ]);
    expect(versions[1]).toMatchObject({ actor: 'r-admin-jx', reason: '改为乙工艺' });
    expect(versions[1].before.match.terms).toEqual(['测试甲工艺']);
    expect(versions[1].after.match.terms).toEqual(['测试乙工艺']);
    expect(versions[2].after.status).toBe('retired');
    expect(() => t.db.$client.prepare(`UPDATE knowledge_versions SET reason = 'x'`).run()).toThrow(/append-only/);
    expect(() => t.db.$client.prepare(`DELETE FROM knowledge_versions`).run()).toThrow(/append-only/);
    // retired: kept, listed as such, not scored
    expect(t.kb().k.rules.some((r) => r.id === 'jx-test-versioned')).toBe(false);
    expect((await put(jx, 'jx-test-versioned', { ...jxRule('jx-test-versioned', '测试丙工艺'), changeReason: '复用' })).status).toBe(409);
  });

  it('a change without a reason, or by someone who may not, writes nothing', async () => {
    const before = fingerprint();
    expect((await put(jx, 'jx-test-noreason', jxRule('jx-test-noreason', '测试丁工艺'))).status).toBe(400);
    expect((await put(viewer, 'jx-test-viewer', { ...jxRule('jx-test-viewer', '测试戊工艺'), changeReason: '查看者' })).status).toBe(403);
    expect(
      (await put(xs, 'jx-test-xs', { ...jxRule('jx-test-xs', '测试己工艺'), jurisdictionId: 'jiaxing', changeReason: '越权' })).status,
    ).toBe(403);
    expect(fingerprint()).toEqual(before);
  });
});

describe('impact of a change on the open leads', () => {
  it('newly excluded (with rule and clause); the preview writes nothing; applying records the impact and the lead’s town sees it', async () => {
    const lead = newLead({ summary: '零部件生产，车间采用测试庚工艺，需要厂房2000平方米', sourceTown: JX_TOWN, floorAreaM2: 2000 });
    const other = newLead({ summary: '零部件生产，车间采用测试庚工艺', sourceTown: XS_TOWN });
    const body = { ...jxRule('jx-test-geng', '测试庚工艺'), changeReason: '新增禁入' };
    const before = fingerprint();
    const preview = await jx.post('/api/rules/preview', body);
    expect(preview.status).toBe(200);
    expect(fingerprint()).toEqual(before);
    const hit = preview.body.impact.newlyExcluded.find((x: { id: string }) => x.id === lead.id);
    expect(hit).toMatchObject({ name: lead.lead.name, everywhere: true });
    expect(hit.rules[0]).toMatchObject({ ruleId: 'jx-test-geng', source: '嘉兴市测试文件 第1条' });
    // a 萧山 lead is not the 嘉兴 rule's business
    expect(preview.body.impact.newlyExcluded.some((x: { id: string }) => x.id === other.id)).toBe(false);
    const applied = await put(jx, 'jx-test-geng', body);
    expect(applied.status).toBe(200);
    expect(applied.body.impact.newlyExcluded.map((x: { id: string }) => x.id)).toContain(lead.id);
    const version = t.db.$client.prepare(`SELECT impact FROM knowledge_versions WHERE subject_id = 'jx-test-geng'`).pluck().get() as string;
    expect(JSON.parse(version).newlyExcluded.map((x: { id: string }) => x.id)).toContain(lead.id);
    const seen = (await jxTown.json(`/api/leads/${lead.id}`)).body;
    const entry = seen.history.find((h: { change: Record<string, unknown> }) => 'ruleChange' in h.change);
    expect(String(entry.change.ruleChange.to)).toContain('禁止测试庚工艺（测试）');
    expect(String(entry.change.ruleChange.to)).toContain('新增禁入');
    // the knowledge was rebuilt: the match now excludes
    const m = await t.post('/api/match?limit=3', { summary: '零部件生产，车间采用测试庚工艺', districts: ['南湖区'] });
    expect(m.body.results.length).toBe(0);
  });

  it('no longer excluded: retiring the rule gives the lead its parks back', async () => {
    const lead = newLead({ summary: '零部件生产，车间采用测试辛工艺', sourceTown: JX_TOWN });
    expect((await put(jx, 'jx-test-xin', { ...jxRule('jx-test-xin', '测试辛工艺'), changeReason: '新增' })).status).toBe(200);
    const preview = await jx.post('/api/rules/preview', { id: 'jx-test-xin', action: 'retire' });
    const hit = preview.body.impact.noLongerExcluded.find((x: { id: string }) => x.id === lead.id);
    expect(hit?.rules[0]).toMatchObject({ ruleId: 'jx-test-xin' });
    expect(hit.parks).toBeGreaterThan(0);
  });

  it('best park changed: a park’s new positioning moves a lead’s recommendation (from → to)', async () => {
    const lead = newLead({ summary: '研发生产内窥镜、监护仪等医疗器械', sourceTown: JX_TOWN, districts: ['南湖区'] });
    const m = await t.post('/api/match?limit=1', { summary: '研发生产内窥镜、监护仪等医疗器械', districts: ['南湖区'] });
    const best = m.body.results[0].parkId as string;
    const res = await jx.post(`/api/parks/${best}/positioning/preview`, { leadingIndustries: ['纺织服装'], supportingIndustries: [] });
    expect(res.status).toBe(200);
    const moved = res.body.impact.bestParkChanged.find((x: { lead: { id: string } }) => x.lead.id === lead.id);
    expect(moved.from.parkId).toBe(best);
    expect(moved.to.parkId).not.toBe(best);
    const bad = await jx.post(`/api/parks/${best}/positioning/preview`, { leadingIndustries: ['不存在的产业'] });
    expect(bad.status).toBe(400);
    expect((await xs.post(`/api/parks/${best}/positioning/preview`, { leadingIndustries: ['纺织服装'] })).status).toBe(404);
  });

  it('placement at risk: a lead holding a unit in a park the change would exclude it from', async () => {
    const lead = newLead({ summary: '零部件生产，车间采用测试壬工艺', sourceTown: JX_TOWN });
    const c = commitPlacements(t.deps, { actor: SYSTEM_ACTOR, assignments: [{ leadId: lead.id, parkId: 'jx-weichuang', spaceId: null }] });
    expect(c.committed).toHaveLength(1);
    const preview = await jx.post('/api/rules/preview', jxRule('jx-test-ren', '测试壬工艺', { level: 'park', value: 'jx-weichuang' }));
    const risk = preview.body.impact.placementsAtRisk.find((x: { id: string }) => x.id === lead.id);
    expect(risk).toMatchObject({ parkId: 'jx-weichuang' });
    expect(risk.rules[0]).toMatchObject({ ruleId: 'jx-test-ren' });
  });
});
