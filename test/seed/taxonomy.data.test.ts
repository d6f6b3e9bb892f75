import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PositioningSeedSchema, type PositioningSeed } from '../../server/domain/industry.schema.js';
import { parseGbtTsv, parseRecords } from '../../server/db/seed-files.js';

const DIR = 'data/seed';

function readJson(file: string): unknown[] {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as unknown[];
}

const positionings: PositioningSeed[] = parseRecords('positionings.json', readJson('positionings.json'), PositioningSeedSchema);
const gbtCodes = new Set(parseGbtTsv(readFileSync(join(DIR, 'gbt4754-2017.tsv'), 'utf8')).map((r) => r.code));
const byName = new Map(positionings.map((p) => [p.name, p]));

/** Names the parks reference (brief) plus the 333 future industries. */
const REQUIRED = [
  '智能物联',
  '医疗器械',
  '智慧医疗',
  '大健康',
  '生物医药',
  '数字经济',
  '软件信息',
  '人工智能',
  '智能家居',
  '电子信息制造',
  '智能传感',
  '集成电路',
  '智能视听',
  '高端装备',
  '智能制造',
  '精密制造',
  '机器人',
  '智能零部件',
  '新能源汽车',
  '时尚服装',
  '创意设计',
  '文化创意',
  '科创金融',
  '生产性服务',
  '总部经济',
  '科技研发',
  '新材料',
  '新能源',
  '航空航天',
  '现代物流',
  '检验检测',
  '生命科学',
  '柔性电子',
];

/** Two-letter Latin terms allowed because staff use them as words. */
const KNOWN_ABBREVIATIONS = new Set(['AI', 'CT', 'VR', 'IC']);

/** Which positionings list a term (exact match). */
function positioningsWithTerm(term: string): string[] {
  return positionings.filter((p) => p.terms.includes(term)).map((p) => p.name);
}

describe('positionings.json (industry taxonomy)', () => {
  it('has every positioning the parks and the 333 system name', () => {
    const missing = REQUIRED.filter((n) => !byName.has(n));
    expect(missing).toEqual([]);
  });

  it('has unique ids and names', () => {
    expect(new Set(positionings.map((p) => p.id)).size).toBe(positionings.length);
    expect(new Set(positionings.map((p) => p.name)).size).toBe(positionings.length);
  });

  it('gives every positioning at least 15 distinct terms', () => {
    const thin = positionings.filter((p) => new Set(p.terms).size < 15).map((p) => `${p.name}:${p.terms.length}`);
    expect(thin).toEqual([]);
  });

  it('uses only GB/T 4754-2017 codes that exist in the tsv', () => {
    const bad = positionings.flatMap((p) => p.codes.filter((c) => !gbtCodes.has(c)).map((c) => `${p.name}:${c}`));
    expect(bad).toEqual([]);
  });

  it('has no one-character terms and only well-known two-letter abbreviations', () => {
    const bad = positionings.flatMap((p) =>
      p.terms
        .filter((t) => t.trim() !== t || t.length < 2 || (/^[A-Za-z]{2}$/.test(t) && !KNOWN_ABBREVIATIONS.has(t)))
        .map((t) => `${p.name}:${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('never lists a term that contains the positioning’s own name (terms are what a lead says instead)', () => {
    const bad = positionings.flatMap((p) => p.terms.filter((t) => t.includes(p.name)).map((t) => `${p.name}:${t}`));
    expect(bad).toEqual([]);
  });

  it('puts a term in at most two positionings (duplicates are reported)', () => {
    const counts = new Map<string, string[]>();
    for (const p of positionings) for (const t of new Set(p.terms)) counts.set(t, [...(counts.get(t) ?? []), p.name]);
    const shared = [...counts].filter(([, names]) => names.length > 1);
    if (shared.length > 0) console.info(`terms shared by two positionings: ${shared.map(([t, n]) => `${t}(${n.join('/')})`).join(', ')}`);
    expect(shared.filter(([, names]) => names.length > 2)).toEqual([]);
  });

  it('does not reuse another positioning’s name or alias as a term', () => {
    const owner = new Map<string, string>();
    for (const p of positionings) for (const n of [p.name, ...p.aliases]) owner.set(n, p.name);
    const bad = positionings.flatMap((p) =>
      p.terms.filter((t) => owner.has(t) && owner.get(t) !== p.name).map((t) => `${p.name}:${t}→${owner.get(t)}`),
    );
    expect(bad).toEqual([]);
  });

  it('points parents and related at existing positionings, never at itself', () => {
    const bad = positionings.flatMap((p) =>
      [...p.parents, ...p.related].filter((n) => !byName.has(n) || n === p.name).map((n) => `${p.name}→${n}`),
    );
    expect(bad).toEqual([]);
  });

  it('has an acyclic parent graph', () => {
    const cyclic: string[] = [];
    for (const start of positionings) {
      const seen = new Set<string>();
      const stack = [...start.parents];
      while (stack.length > 0) {
        const n = stack.pop()!;
        if (n === start.name) {
          cyclic.push(start.name);
          break;
        }
        if (seen.has(n)) continue;
        seen.add(n);
        stack.push(...(byName.get(n)?.parents ?? []));
      }
    }
    expect(cyclic).toEqual([]);
  });

  it('keeps the hierarchy the brief asks for', () => {
    expect(byName.get('医疗器械')?.parents).toContain('智慧医疗');
    expect(byName.get('智慧医疗')?.parents).toContain('大健康');
    expect(byName.get('智能传感')?.parents).toContain('智能物联');
    expect(byName.get('集成电路')?.parents).toContain('电子信息制造');
    expect(byName.get('机器人')?.parents).toEqual(expect.arrayContaining(['智能制造', '高端装备']));
  });

  it.each([
    ['内窥镜', '医疗器械'],
    ['骨科植入物', '医疗器械'],
    ['体外诊断', '医疗器械'],
    ['包装机械', '高端装备'],
    ['数控机床', '高端装备'],
    ['传感器', '智能传感'],
    ['MEMS', '智能传感'],
    ['服装设计', '时尚服装'],
    ['品牌运营', '时尚服装'],
    ['视觉算法', '人工智能'],
    ['大模型', '人工智能'],
    ['基金', '科创金融'],
    ['创投', '科创金融'],
    ['智能门锁', '智能家居'],
    ['软件开发', '软件信息'],
    ['信息技术服务', '软件信息'],
    ['光模块', '电子信息制造'],
    ['PCB', '电子信息制造'],
    ['晶圆', '集成电路'],
    ['动力电池', '新能源汽车'],
    ['工业设计', '创意设计'],
  ])('a lead that says %s finds the %s positioning by its terms', (term, name) => {
    expect(positioningsWithTerm(term)).toContain(name);
  });

  it('names the synonyms staff use as aliases', () => {
    expect(byName.get('电子信息制造')?.aliases).toEqual(expect.arrayContaining(['计算机、通信和其他电子设备制造', '电子信息']));
    expect(byName.get('时尚服装')?.aliases).toEqual(expect.arrayContaining(['服装', '时尚产业']));
    expect(byName.get('科创金融')?.aliases).toEqual(expect.arrayContaining(['金融服务', '产业金融']));
    expect(byName.get('生产性服务')?.aliases).toContain('高端生产性服务');
  });

  it('covers every positioning that parks.json names', () => {
    const parks = readJson('parks.json') as { leadingIndustries?: string[]; supportingIndustries?: string[] }[];
    const used = new Set(parks.flatMap((p) => [...(p.leadingIndustries ?? []), ...(p.supportingIndustries ?? [])]));
    expect([...used].filter((n) => !byName.has(n))).toEqual([]);
  });
});
