/**
 * Questions about the park library, answered from it with filters and without inventing a need
 * (issue 16): which parks do an industry, which parks of a district have vacant space (of a kind),
 * where a process that rules ban could go. Pure: knowledge in, a reply and the parks it names out.
 */
import { processWords, type CompiledPark, type Knowledge } from '../domain/knowledge.js';
import { understandLead } from '../domain/lead.features.js';
import { leadRules, ruledOut, ruleExclusion } from '../domain/gates.js';
import { inSet } from '../domain/park-sets.js';
import { industryScore } from '../domain/factors/industry.factor.js';
import { renderReason } from '../domain/reasons.js';
import { VERDICT } from '../domain/scoring.constants.js';
import type { LibraryAsk } from '../nlu/intent.js';
import type { Places } from '../nlu/places.js';
import { extractSpaceType } from '../text/space-type.js';
import { SPACE_KIND_SHORT, type SpaceKind } from '../text/space-kinds.js';
import { m2ToMu } from '../text/units.js';

export interface LibraryPark {
  parkId: string;
  parkName: string;
  district: string;
  town: string;
  /** One line: why it is listed (its leading industries, its vacant space, …). */
  note: string;
}

export interface LibraryAnswer {
  reply: string;
  parks: LibraryPark[];
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const SHOWN = 8;

/** The vacant space of a park by kind, in words (sample data). */
function vacancy(cp: CompiledPark, kinds: readonly SpaceKind[] | null): { text: string; areaM2: number; count: number } {
  const byKind = new Map<SpaceKind, { count: number; area: number; max: number; mu: number }>();
  for (const s of cp.spaces) {
    if (kinds && !kinds.includes(s.kind)) continue;
    const g = byKind.get(s.kind) ?? { count: 0, area: 0, max: 0, mu: 0 };
    g.count++;
    g.area += s.areaM2;
    g.max = Math.max(g.max, s.areaM2);
    g.mu += s.kind === 'land' ? (s.landMu ?? m2ToMu(s.areaM2)) : 0;
    byKind.set(s.kind, g);
  }
  let area = 0;
  let count = 0;
  const parts = [...byKind].map(([kind, g]) => {
    area += g.area;
    count += g.count;
    return kind === 'land'
      ? `可出让用地${g.count}块共${Math.round(g.mu * 10) / 10}亩`
      : `${SPACE_KIND_SHORT[kind]}${g.count}处共${n(g.area)}㎡（最大${n(g.max)}㎡）`;
  });
  return { text: parts.join('；'), areaM2: area, count };
}

const entry = (cp: CompiledPark, note: string): LibraryPark => ({
  parkId: cp.park.id,
  parkName: cp.park.name,
  district: cp.park.district,
  town: cp.park.town,
  note,
});

const leadingOf = (cp: CompiledPark) => cp.park.leadingIndustries.join('、') || '主导产业未定';

/** The districts a question names (its places), within the districts the user may see (null: all). */
function districtsOf(places: Places, allowed: readonly string[] | null): string[] {
  const named = [...new Set(places.mentions.map((m) => m.hit.district))];
  return allowed ? named.filter((d) => allowed.includes(d)) : named;
}

function inScope(cp: CompiledPark, districts: readonly string[], allowed: readonly string[] | null): boolean {
  if (districts.length) return districts.includes(cp.park.district);
  return allowed === null || allowed.includes(cp.park.district);
}

/** 哪些园区做新材料？ — parks whose leading (or supporting) industries match, best first. */
function industryParks(k: Knowledge, text: string, places: Places, allowed: readonly string[] | null): LibraryAnswer {
  // named industries only: a text-search guess does not say which industry is asked about
  const f = understandLead({ summary: text }, k);
  const ind = f.industries[0];
  if (!ind) return { reply: '没看懂问的是哪个产业。可以这样问：“哪些园区做新材料？”“秀洲区有哪些园区做医疗器械？”', parks: [] };
  const districts = districtsOf(places, allowed);
  const where = districts.length ? districts.join('、') : '范围内';
  const scored = k.parks
    .filter((cp) => inScope(cp, districts, allowed) && cp.leading.length > 0)
    .map((cp) => ({ cp, s: industryScore({ ...f, industries: [ind] }, cp) ?? 0 }))
    .filter((x) => x.s > 0.4)
    .sort((a, b) => b.s - a.s || a.cp.order - b.cp.order);
  const leading = scored.filter((x) => x.s >= VERDICT.industryFit * ind.strength);
  const supporting = scored.filter((x) => x.s < VERDICT.industryFit * ind.strength);
  const lines = [
    `【园区库】${where}以「${ind.name}」（依据“${ind.via}”）为主导产业的园区共${leading.length}个${leading.length ? '：' : '。'}`,
  ];
  leading.slice(0, SHOWN).forEach((x, i) => {
    const v = vacancy(x.cp, null);
    lines.push(
      `${i + 1}. ${x.cp.park.name}（${x.cp.park.district}）：主导产业 ${leadingOf(x.cp)}；${v.count ? `空置 ${v.text}` : '暂无空置空间'}`,
    );
  });
  if (leading.length > SHOWN) lines.push(`……另有${leading.length - SHOWN}个，可在园区库按产业筛选查看。`);
  if (supporting.length)
    lines.push(
      `以其为配套产业或相关产业的园区：${supporting
        .slice(0, 5)
        .map((x) => x.cp.park.name)
        .join('、')}${supporting.length > 5 ? `等${supporting.length}个` : ''}。`,
    );
  lines.push('（空置数据为示例数据。要为具体项目打分，请描述项目：产品、面积或用地、投资、意向区域。）');
  return {
    reply: lines.join('\n'),
    parks: [
      ...leading.map((x) => entry(x.cp, `主导产业：${leadingOf(x.cp)}`)),
      ...supporting.map((x) => entry(x.cp, `配套或相关产业含「${ind.name}」；主导产业：${leadingOf(x.cp)}`)),
    ].slice(0, SHOWN),
  };
}

/** 秀洲区哪些园区有空置厂房？ — parks of the districts with vacant units (of the kind asked), most space first. */
function vacantParks(k: Knowledge, text: string, places: Places, allowed: readonly string[] | null): LibraryAnswer {
  const districts = districtsOf(places, allowed);
  const kind = extractSpaceType(text);
  const kinds: SpaceKind[] | null = /空地|地块|用地|土地/.test(text) ? ['land'] : kind ? [kind] : null;
  const where = districts.length ? districts.join('、') : '范围内';
  const what = kinds ? (kinds[0] === 'land' ? '可出让用地' : `空置${SPACE_KIND_SHORT[kinds[0]!]}`) : '空置空间';
  const rows = k.parks
    .filter((cp) => inScope(cp, districts, allowed))
    .map((cp) => ({ cp, v: vacancy(cp, kinds) }))
    .filter((x) => x.v.count > 0)
    .sort((a, b) => b.v.areaM2 - a.v.areaM2 || a.cp.order - b.cp.order);
  const lines = [`【园区库】${where}有${what}的园区共${rows.length}个${rows.length ? '（按面积从大到小）：' : '。'}`];
  rows
    .slice(0, SHOWN)
    .forEach((x, i) =>
      lines.push(`${i + 1}. ${x.cp.park.name}（${x.cp.park.district}${x.cp.park.town ? ` ${x.cp.park.town}` : ''}）：${x.v.text}`),
    );
  if (rows.length > SHOWN) lines.push(`……另有${rows.length - SHOWN}个，可在园区库按区和空置面积筛选查看。`);
  lines.push('（空置数据为示例数据，请与园区核实。要匹配具体项目，请描述项目的产品和面积需求。）');
  return { reply: lines.join('\n'), parks: rows.slice(0, SHOWN).map((x) => entry(x.cp, x.v.text)) };
}

/** 电镀可以去哪里？ — the parks that rules ban the process from (with the rule), and those they do not. */
function processParks(k: Knowledge, text: string, places: Places, allowed: readonly string[] | null): LibraryAnswer {
  const f = understandLead({ summary: text }, k);
  const lr = leadRules(f, k);
  const word = processWords(f.fired, k)[0];
  if (!word) return { reply: '没看懂问的是哪道工序。可以这样问：“电镀可以去哪些园区？”“喷涂能落在哪里？”', parks: [] };
  const out = ruledOut(lr, k, new Set());
  const districts = districtsOf(places, allowed);
  const scope = k.parks.filter((cp) => inScope(cp, districts, allowed));
  const banned = scope.filter((cp) => inSet(out, cp.idx));
  const open = scope.filter((cp) => !inSet(out, cp.idx));
  const why = new Map<string, number>();
  for (const idx of lr.exclude) {
    const c = scope.filter((cp) => cp.applies[idx]).length;
    if (c) why.set(`${renderReason(ruleExclusion(f, k, idx).reason)}（${k.rules[idx]!.source}）`, c);
  }
  const where = districts.length ? districts.join('、') : '范围内';
  const lines = [
    `【园区库】涉及「${word}」的项目：${where}${scope.length}个园区中，${banned.length}个不予准入，${open.length}个未被准入规则排除。`,
  ];
  if (why.size)
    lines.push(
      `不予准入的依据：${[...why]
        .slice(0, 3)
        .map(([w, c]) => `${w}——${c}个园区`)
        .join('；')}。`,
    );
  if (open.length) {
    // parks that host manufacturing (a plot, an industrial park) first: a process needs a production site
    const ranked = [...open].sort(
      (a, b) => Number(b.park.landUse?.includes('工业') ?? false) - Number(a.park.landUse?.includes('工业') ?? false) || a.order - b.order,
    );
    lines.push(`可以考虑（未被规则排除，仍需环评和园区准入审查）：`);
    ranked.slice(0, SHOWN).forEach((cp, i) => lines.push(`${i + 1}. ${cp.park.name}（${cp.park.district}）：主导产业 ${leadingOf(cp)}`));
    if (open.length > SHOWN) lines.push(`……另有${open.length - SHOWN}个。`);
    lines.push('要为具体项目打分，请描述项目：产品、面积或用地、投资、意向区域。');
    return {
      reply: lines.join('\n'),
      parks: ranked.slice(0, SHOWN).map((cp) => entry(cp, `未被「${word}」相关规则排除；主导产业：${leadingOf(cp)}`)),
    };
  }
  lines.push('范围内没有可承接该工序的园区：可考虑外协该工序，或到辖区外的专业园区（如电镀集聚区）。');
  return { reply: lines.join('\n'), parks: [] };
}

export function answerLibrary(
  k: Knowledge,
  ask: LibraryAsk,
  text: string,
  places: Places,
  allowed: readonly string[] | null,
): LibraryAnswer {
  if (ask === 'processWhere') return processParks(k, text, places, allowed);
  if (ask === 'vacancy') return vacantParks(k, text, places, allowed);
  return industryParks(k, text, places, allowed);
}
