/**
 * What the pipeline pages show instead of ids and field keys: a unit as 1号厂房 8层 3,680㎡ 厂房, a
 * user by display name, a lead field by its Chinese column name, a value with its unit (never "null"),
 * and where a plan moves a lead, saying an unknown town once.
 */
import type { AppDeps } from '../deps.js';
import { listSpaces } from '../db/parks.repo.js';
import { findUser } from '../db/users.repo.js';
import type { Knowledge } from '../domain/knowledge.js';
import { LEAD_COLUMNS } from '../io/lead-columns.js';

export interface PipelineLabels {
  /** A unit as staff name it; null without an id. */
  space(id: string | null | undefined): string | null;
  /** A username as the person's display name. */
  person(username: string | null | undefined): string | null;
  k: Knowledge;
}

const KIND: Record<string, string> = { factory: '厂房', rnd: '研发楼', office: '办公', land: '用地' };
const num = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

export function spaceText(s: { building: string; floor: number; areaM2: number; landMu: number | null; kind: string }): string {
  return s.kind === 'land'
    ? `${s.building.includes('地块') ? s.building : `${s.building} 地块`} ${num(s.landMu ?? Math.round((s.areaM2 / 666.67) * 100) / 100)}亩`
    : `${s.building} ${s.floor}层 ${num(s.areaM2)}㎡ ${KIND[s.kind] ?? ''}`.trim();
}

export function pipelineLabels(deps: Pick<AppDeps, 'db' | 'kb'>): PipelineLabels {
  let spaces: Map<string, string> | null = null;
  const people = new Map<string, string>();
  return {
    k: deps.kb().k,
    space(id) {
      if (!id) return null;
      spaces ??= new Map(listSpaces(deps.db).map((s) => [s.id, spaceText(s)]));
      return spaces.get(id) ?? '空间（已不在库中）';
    },
    person(username) {
      if (!username) return null;
      if (username === 'system') return '系统';
      if (!people.has(username)) people.set(username, findUser(deps.db, username)?.displayName || username);
      return people.get(username)!;
    },
  };
}

/** Chinese names of every field a lead's history may record. */
const FIELD_LABEL: Record<string, string> = {
  ...Object.fromEntries(LEAD_COLUMNS.map((c) => [c.field, c.label])),
  stage: '阶段',
  owner: '负责人',
  reviewLevel: '审批层级',
  reason: '原因',
  parkId: '落位园区',
  spaceId: '落位空间',
  pollution: '排放情况',
  chain: '产业链位置',
  districts: '只考虑区域',
  excludedDistricts: '不考虑区域',
  preferredDistricts: '意向区域',
  industries: '所属行业',
  spaceType: '空间类型',
  groundFloorOnly: '仅限一楼',
};
const UNIT: Record<string, string> = {
  investmentWan: '万元',
  annualOutputWan: '万元',
  annualTaxWan: '万元',
  floorAreaM2: '㎡',
  landMu: '亩',
  minClearHeightM: 'm',
  minFloorLoadKnM2: 'kN/㎡',
  employees: '人',
  energyTce: '吨标煤',
};
const WORDS: Record<string, string> = {
  ...KIND,
  none: '无',
  domestic: '生活污水',
  industrial: '工业废水',
  low: '少量',
  high: '较多',
  upstream: '上游',
  midstream: '中游',
  downstream: '下游',
};
const POLLUTION: Record<string, string> = {
  wastewater: '废水',
  wasteGas: '废气',
  hazardousChemicals: '危化品',
  pilotScale: '小试/中试',
  majorHazard: '重大危险源',
};

/** A field's label: the Chinese name, or 其他信息 for a key this page does not know (never the key itself). */
export const fieldLabel = (key: string): string => FIELD_LABEL[key] ?? '其他信息';

/** A recorded value as staff read it: （空） for nothing, units on numbers, Chinese words for codes. */
export function valueText(key: string, v: unknown, labels: PipelineLabels): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '（空）';
  if (key === 'parkId' && typeof v === 'string') return labels.k.parkById.get(v)?.park.name ?? '园区（已不在库中）';
  if (key === 'spaceId' && typeof v === 'string') return labels.space(v) ?? '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return `${num(v)}${UNIT[key] ?? ''}`;
  if (typeof v === 'string') return WORDS[v] ?? v;
  if (Array.isArray(v)) return v.map((x) => valueText('', x, labels)).join('、');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (key === 'chain') return [o.name, WORDS[String(o.position)] ?? ''].filter(Boolean).join(' ');
    return Object.entries(o)
      .filter(([, x]) => x !== null && x !== undefined)
      .map(([k2, x]) => `${POLLUTION[k2] ?? '其他'}：${valueText(k2, x, labels)}`)
      .join('，');
  }
  return String(v);
}

export interface ChangeText {
  label: string;
  from: string;
  to: string;
}

/** A history entry's changes in Chinese; the first entry (everything from nothing) lists the values only. */
export function changeTexts(change: Record<string, { from: unknown; to: unknown }>, labels: PipelineLabels): ChangeText[] {
  return Object.entries(change).map(([key, c]) => ({
    label: fieldLabel(key),
    from: valueText(key, c.from, labels),
    to: valueText(key, c.to, labels),
  }));
}

/** The town part of a place, said once: 萧山区（镇街待核实） stays as it is. */
const townOf = (t: string | null | undefined) => (t && t.trim() ? t : null);

/**
 * What a plan row moves, in one Chinese phrase: 维持现状; 由 A 调整至 B; 跨镇流转 东栅街道 → 南湖高新区;
 * 本镇落位; never "X → X" (an unknown destination town is said once: 镇街待核实).
 */
export function moveText(a: {
  changed: boolean;
  current: { parkId: string } | null;
  parkName: string;
  district: string;
  sourceTown: string | null;
  toTown: string;
  crossTown: boolean;
  k: Knowledge;
}): string {
  if (!a.changed) return '维持现状';
  const parts: string[] = [];
  if (a.current) {
    const from = a.k.parkById.get(a.current.parkId)?.park.name ?? '原园区';
    parts.push(from === a.parkName ? '同园区内调整空间' : `由 ${from} 调整至 ${a.parkName}`);
  }
  const src = townOf(a.sourceTown);
  const to = townOf(a.toTown);
  const dest = !to || to.includes('待核实') ? `${a.district}（镇街待核实）` : to;
  if (!src) parts.push(`报送镇街未填，落位 ${dest}`);
  else if (a.crossTown && dest !== src) parts.push(`跨镇流转：${src} → ${dest}，首谈镇街保留业绩`);
  else parts.push(`本镇落位（${src}）`);
  return parts.join('；');
}
