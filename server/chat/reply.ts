/**
 * The chat's Chinese replies, built deterministically from templates over the understood lead and
 * the match outcome: nothing in a reply is invented; every rule cited carries its source.
 */
import type { Lead } from '../domain/lead.schema.js';
import type { MatchOutcome, ParkResult } from '../domain/match.js';
import type { Verdict } from '../domain/verdict.js';
import { processWords, type CompiledPark, type Knowledge } from '../domain/knowledge.js';
import { renderReason } from '../domain/reasons.js';
import { m2ToMu } from '../text/units.js';
import { SPACE_KIND_SHORT } from '../text/space-kinds.js';

const n = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-US') : (Math.round(x * 100) / 100).toLocaleString('en-US'));
const KIND = SPACE_KIND_SHORT;
const POSITION = { upstream: '上游', midstream: '中游', downstream: '下游' } as const;

/** 已理解: what was read, so staff can spot and correct a misreading. */
export function describeLead(lead: Lead, o: MatchOutcome | null, k?: Pick<Knowledge, 'rules'>): string {
  const parts: string[] = [];
  const f = o?.features;
  const shown = f ? f.industries.filter((i, j, all) => all.findIndex((x) => x.via === i.via) === j).slice(0, 3) : [];
  if (shown.length)
    parts.push(`产业：${shown.map((i) => (i.via.startsWith('文本检索') ? `${i.name}（推测）` : `${i.name}（${i.via}）`)).join('、')}`);
  else parts.push('产业：未识别');
  if (lead.floorAreaM2 !== undefined) parts.push(`面积：${n(lead.floorAreaM2)}㎡`);
  if (lead.landMu !== undefined) parts.push(`用地：${n(lead.landMu)}亩`);
  if (lead.investmentWan !== undefined)
    parts.push(`投资：${n(lead.investmentWan)}万元${f?.usd ? `（${n(f.usd.amount)}万美元按${f.usd.rate}折算）` : ''}`);
  if (lead.annualOutputWan !== undefined) parts.push(`年产值：${n(lead.annualOutputWan)}万元`);
  if (lead.annualTaxWan !== undefined) parts.push(`年税收：${n(lead.annualTaxWan)}万元`);
  if (lead.minClearHeightM !== undefined) parts.push(`层高≥${n(lead.minClearHeightM)}m`);
  if (lead.minFloorLoadKnM2 !== undefined) parts.push(`荷载≥${n(lead.minFloorLoadKnM2)}kN/㎡`);
  if (lead.groundFloorOnly) parts.push('只要一楼');
  if (lead.districts?.length) parts.push(`只考虑：${lead.districts.join('、')}`);
  if (lead.preferredDistricts?.length) parts.push(`意向区域：${lead.preferredDistricts.join('、')}`);
  if (lead.excludedDistricts?.length) parts.push(`不考虑：${lead.excludedDistricts.join('、')}`);
  if (lead.chain?.name || lead.chain?.position)
    parts.push(`产业链：${[lead.chain.name, lead.chain.position ? POSITION[lead.chain.position] : ''].filter(Boolean).join(' ')}`);
  const processes = f ? (k ? processWords(f.fired, k) : [...new Set(f.fired.values())]) : [];
  if (processes.length) parts.push(`涉及：${processes.join('、')}`);
  if (f?.negatedWords.length) parts.push(`不涉及：${f.negatedWords.join('、')}`);
  return `【已理解】${parts.join('｜')}`;
}

function whyLine(r: ParkResult): string {
  const industry = r.factors.find((x) => x.key === 'industry');
  const space = r.factors.find((x) => x.key === 'space');
  const bits = [industry?.reasons[0] ? renderReason(industry.reasons[0]) : ''];
  if (space?.known && space.reasons[0]) bits.push(renderReason(space.reasons[0]));
  else if (r.spaces[0])
    bits.push(
      `可用空间如 ${r.spaces[0].space.building} ${r.spaces[0].space.kind === 'land' ? '地块' : `${r.spaces[0].space.floor}层`} ${n(r.spaces[0].space.areaM2)}㎡`,
    );
  return bits.filter(Boolean).join('；');
}

/** Flags the reply names under 【需注意】: review rules and levels, and the doubts about what the lead does on site. */
const IMPORTANT_FLAG = /^(review|review-level|env-doubt|env-check|env-suspect)/;

/** The answer to a project: top parks, what matters, what was excluded, what to ask the client. */
export function replyForMatch(
  lead: Lead,
  o: MatchOutcome,
  excluded: ParkResult[],
  opts: {
    refined: boolean | 'edit';
    verdict: Verdict;
    preferred?: { districts: string[]; result: ParkResult | null } | null;
    k?: Pick<Knowledge, 'rules'>;
  },
): string {
  const lines = [
    opts.refined === 'edit' ? '已按您的修改重新匹配。' : opts.refined ? '已按您的补充重新匹配。' : '',
    describeLead(lead, o, opts.k),
    `【结论】${opts.verdict.text}`,
  ].filter(Boolean);
  const kind = opts.verdict.kind;
  if (kind === 'unknownIndustry') {
    // a guess is not a recommendation: no parks until the client says what the project makes
    const ask = ['主要产品或服务（生产什么、提供什么服务）'];
    if (o.features.need.areaM2 === null && o.features.need.landMu === null) ask.push('需要的厂房面积或用地亩数');
    lines.push(`【建议向客户确认】${ask.join('、')}`);
    return lines.join('\n');
  }
  if (o.results.length === 0) {
    lines.push(
      o.excludedCount > 0
        ? `【结果】在范围内的 ${o.excludedCount} 个园区都不能承接该项目。`
        : '【结果】没有在范围内的园区，请放宽区域条件。',
    );
  } else {
    lines.push(
      kind === 'fit' ? '【推荐园区】' : kind === 'weak' ? '【可考虑的园区（不够理想）】' : '【最接近的园区（均未达到最低匹配度）】',
    );
    o.results
      .slice(0, 3)
      .forEach((r, i) => lines.push(`${i + 1}. ${r.park.park.name}（${r.park.park.district}，${r.score}分）：${whyLine(r)}`));
  }
  const wanted = lead.preferredDistricts ?? [];
  const pref = opts.preferred;
  if (wanted.length && pref && !o.results.slice(0, 3).some((r) => wanted.includes(r.park.park.district))) {
    const best = pref.result;
    lines.push(
      best
        ? `【意向区域】${pref.districts.join('、')}内最合适的是${best.park.park.name}（${best.score}分${o.results[0] ? `；总排名第一为${o.results[0].score}分` : ''}）：${whyLine(best)}`
        : `【意向区域】${wanted.join('、')}内没有可承接该项目的园区（均被准入规则排除，或不在您只考虑的范围内）。`,
    );
  }
  const flags = new Map<string, string>();
  for (const r of o.results.slice(0, 3))
    for (const fl of r.flags) if (IMPORTANT_FLAG.test(fl.code)) flags.set(renderReason(fl.reason), fl.source);
  if (flags.size)
    lines.push(
      `【需注意】${[...flags]
        .slice(0, 3)
        .map(([m, s]) => `${m}（${s}）`)
        .join('；')}`,
    );
  if (excluded.length) {
    const byReason = new Map<string, { parks: string[]; source: string }>();
    for (const r of excluded) {
      const e = r.exclusions[0];
      if (!e) continue;
      const key = renderReason(e.reason);
      const g = byReason.get(key) ?? { parks: [], source: e.source };
      g.parks.push(r.park.park.name);
      byReason.set(key, g);
    }
    const groups = [...byReason]
      .slice(0, 2)
      .map(
        ([why, g]) =>
          `${g.parks.length > 2 ? `${g.parks.slice(0, 2).join('、')}等${g.parks.length}个园区` : g.parks.join('、')}：${why}（${g.source}）`,
      );
    lines.push(`【已排除】共${o.excludedCount}个。${groups.join('；')}`);
  }
  const ask: string[] = [];
  const codes = new Set(o.leadFlags.map((x) => x.code));
  if (codes.has('industry-unknown')) ask.push('主要产品或所属行业');
  if (codes.has('area-unknown')) ask.push('需要的厂房面积或用地亩数');
  if (codes.has('investment-unknown')) ask.push('总投资额');
  if (o.features.doubtedExclusions) ask.push(`厂内是否有${o.features.doubtedExclusions.words.join('、')}工序`);
  if (o.features.suspectedOnSite) ask.push('厂内工序及用到的化学品');
  if (lead.landMu !== undefined && lead.annualOutputWan === undefined) ask.push('预计年产值（亩均效益）');
  const makes = o.features.need.kind === 'factory' || o.features.need.kind === 'land';
  if (makes && !o.features.pollution.wastewater && !o.features.pollution.wasteGas) ask.push('是否有生产废水、废气');
  if (ask.length) lines.push(`【建议向客户确认】${ask.join('、')}`);
  return lines.join('\n');
}

/** How a chip edit is recorded in the conversation: in Chinese, with the label and unit the chip shows. */
const FIELD_LABEL: Partial<Record<keyof Lead, [string, string]>> = {
  floorAreaM2: ['面积', '㎡'],
  landMu: ['用地', '亩'],
  investmentWan: ['投资', '万元'],
  annualOutputWan: ['年产值', '万元'],
  annualTaxWan: ['年税收', '万元'],
  minClearHeightM: ['层高', 'm'],
  minFloorLoadKnM2: ['荷载', 'kN/㎡'],
  employees: ['用工', '人'],
  energyTce: ['能耗', '吨标煤'],
  groundFloorOnly: ['只要一楼', ''],
  districts: ['只考虑', ''],
  preferredDistricts: ['意向区域', ''],
  excludedDistricts: ['不考虑', ''],
  industries: ['产业', ''],
  spaceType: ['空间类型', ''],
  needs: ['多项空间需求', ''],
  sourceTown: ['报送镇街', ''],
  chain: ['产业链', ''],
  pollution: ['污染情况', ''],
};
const SPACE_TYPE_LABEL: Record<string, string> = { factory: '厂房', rnd: '研发楼', office: '办公', land: '用地' };

function editValue(field: keyof Lead, v: unknown, unit: string): string {
  if (typeof v === 'number') return `${n(v)}${unit}`;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (field === 'spaceType' && typeof v === 'string') return SPACE_TYPE_LABEL[v] ?? v;
  if (Array.isArray(v)) return v.length ? v.map(String).join('、') : '（无）';
  return typeof v === 'string' ? v : '已修改';
}

/** （修改：面积 8,000㎡）/（去掉：面积）/（修改：产业 → 新材料）: an edit said as staff would say it, never a field key. */
export function describeEdit(edit: Partial<Record<keyof Lead, unknown>>, prev: Lead): string {
  const parts = Object.entries(edit).map(([k, v]) => {
    const field = k as keyof Lead;
    const [label, unit] = FIELD_LABEL[field] ?? ['项目信息', ''];
    if (v === null || (field === 'industries' && Array.isArray(v) && v.length === 0)) return `去掉：${label}`;
    if (field === 'industries' && Array.isArray(v)) {
      const before = new Set(prev.industries ?? []);
      const added = v.map(String).filter((x) => !before.has(x));
      return added.length ? `产业改为：${v.map(String).join('、')}` : `产业保留：${v.map(String).join('、')}`;
    }
    return `修改：${label} ${editValue(field, v, unit)}`;
  });
  return `（${parts.join('；')}）`;
}

export function replyForGreeting(hasProject: boolean): string {
  return `您好！我是落地招商助手，帮您判断一个项目该落在哪个园区。${
    hasProject ? '可以继续补充当前项目，或说“换个项目”重新开始。' : ''
  }请直接说客户的原话，例如：“有个做监护仪的客户，投资六千万，要三千五平米厂房，最好在秀洲，只要一楼”。也可以问园区库，例如：“哪些园区做新材料？”“秀洲区哪些园区有空置厂房？”`;
}

export function replyForUnclear(): string {
  return '没看懂这句话。请描述项目：做什么产品、需要多大厂房或多少亩地、投资多少、想去哪个区，例如：“智能家居项目，需要4000平米厂房，投资5000万”。也可以问园区库，例如：“哪些园区做新材料？”';
}

export function replyForUnchanged(): string {
  return '没看懂这句话要补充或修改什么，项目条件没有变化，结果同上。可以这样说：“面积改成6000平米”“投资改成8000万”“不要经开区”“只要一楼”，或直接说明产品。';
}

export function replyForReset(): string {
  return '好的，已清空。请描述新的项目，例如：“有个做监护仪的客户，投资六千万，要三千五平米厂房，最好在秀洲，只要一楼”。';
}

export function replyNeedProject(): string {
  return '还没有项目信息。请先描述项目：做什么产品、需要多大厂房或多少亩地、投资多少、想去哪个区。';
}

/** About one park: what it hosts, what is vacant (sample data), its rules. */
export function replyForPark(cp: CompiledPark, k: Knowledge, question: string): string {
  const p = cp.park;
  const lines = [
    `【${p.name}】${p.city}${p.district}${p.town}，${p.kind}${p.landAreaMu ? `，工业用地${n(p.landAreaMu)}亩（${p.landUse}）` : ''}。`,
  ];
  lines.push(
    `主要产业定位：${p.positioning ?? (p.leadingIndustries.join('、') || '未定')}${p.developer ? `；开发主体：${p.developer}` : ''}。（${p.source}）`,
  );
  const byKind = new Map<string, { count: number; area: number; max: number }>();
  for (const s of cp.spaces) {
    const g = byKind.get(s.kind) ?? { count: 0, area: 0, max: 0 };
    g.count++;
    g.area += s.areaM2;
    g.max = Math.max(g.max, s.areaM2);
    byKind.set(s.kind, g);
  }
  if (byKind.size === 0) lines.push('目前没有空置空间。');
  else {
    const parts = [...byKind].map(([kind, g]) =>
      kind === 'land'
        ? `可出让用地${g.count}块共${n(Math.round(m2ToMu(g.area) * 10) / 10)}亩`
        : `空置${KIND[kind as keyof typeof KIND] ?? kind}${g.count}处共${n(Math.round(g.area))}㎡（最大单元${n(g.max)}㎡）`,
    );
    lines.push(`${parts.join('；')}。（空置数据为示例数据，请与园区核实）`);
  }
  if (/规则|准入|禁止|负面|能不能|可以.*吗/.test(question)) {
    const ex = cp.rules.map((i) => k.rules[i]!).filter((r) => r.effect === 'exclude');
    lines.push(
      `准入：适用禁止类规则${ex.length}条，如 ${ex
        .slice(0, 3)
        .map((r) => `${r.name}（${r.source}）`)
        .join('；')}。`,
    );
  }
  return lines.join('\n');
}

/** Why parks (named, or in a named district) are not recommended — from their exclusions. */
export function replyForWhy(targets: CompiledPark[], label: string, all: ParkResult[], lead: Lead): string {
  if (targets.length === 0) return `没有找到“${label}”对应的园区。`;
  const byId = new Map(all.map((r) => [r.park.park.id, r]));
  const lines: string[] = [];
  const outOfScope = targets.filter((t) => !byId.has(t.park.id));
  const excluded = targets.map((t) => byId.get(t.park.id)).filter((r): r is ParkResult => !!r && r.excluded);
  const eligible = targets.map((t) => byId.get(t.park.id)).filter((r): r is ParkResult => !!r && !r.excluded);
  if (excluded.length) {
    const reasons = new Map<string, { source: string; parks: string[] }>();
    for (const r of excluded)
      for (const e of r.exclusions) {
        const key = renderReason(e.reason);
        const g = reasons.get(key) ?? { source: e.source, parks: [] };
        g.parks.push(r.park.park.name);
        reasons.set(key, g);
      }
    lines.push(`${label}${excluded.length > 1 ? `的${excluded.length}个园区` : ''}不能承接该项目：`);
    for (const [why, g] of [...reasons].slice(0, 4))
      lines.push(
        `· ${why}（依据：${g.source}）${excluded.length > 1 && g.parks.length < excluded.length ? `——涉及${g.parks.join('、')}` : ''}`,
      );
  }
  if (eligible.length) {
    const ranked = all.filter((r) => !r.excluded);
    const best = [...eligible].sort((a, b) => ranked.indexOf(a) - ranked.indexOf(b));
    if (eligible.length > 1) lines.push(`${label}有${eligible.length}个园区没有被排除，只是匹配度不如推荐园区。其中：`);
    for (const r of best.slice(0, 2))
      lines.push(
        `${eligible.length > 1 ? '· ' : ''}${r.park.park.name}${eligible.length > 1 ? '' : '并未被排除'}：得分${r.score}，排第${ranked.indexOf(r) + 1}位；${whyLine(r)}。`,
      );
  }
  if (outOfScope.length)
    lines.push(
      `${outOfScope
        .map((t) => t.park.name)
        .slice(0, 3)
        .join(
          '、',
        )}${outOfScope.length > 3 ? '等' : ''}不在本次匹配范围${lead.districts?.length ? `（您只考虑了${lead.districts.join('、')}）` : ''}。`,
    );
  return lines.join('\n');
}
