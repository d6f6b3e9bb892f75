/**
 * The honest answer to a lead (API.md v2 "Honest answers"): does a park fit, only weakly, none at all,
 * or is the industry not known well enough to say? A guess from loose text search never recommends.
 * For weak and no fit, the closest parks and what stands in their way, with what would have to change.
 */
import type { Knowledge } from './knowledge.js';
import type { MatchOutcome, ParkResult } from './match.js';
import { renderReason, type Reason } from './reasons.js';
import { largestUnit } from './factors/space.factor.js';
import { INDUSTRY_STRENGTH, VERDICT } from './scoring.constants.js';

export type VerdictKind = 'fit' | 'weak' | 'noFit' | 'unknownIndustry';

export interface Verdict {
  kind: VerdictKind;
  parkId: string | null;
  text: string;
}

export interface Blocker {
  kind: 'rule' | 'space' | 'industry' | 'district' | 'threshold';
  text: string;
  change: string;
}

export interface NearMiss {
  parkId: string;
  parkName: string;
  blockers: Blocker[];
}

/** Does anything in the lead name its industry with confidence (a word of the lexicon or the request, not a text-search guess)? */
export function industryKnown(o: MatchOutcome): boolean {
  return o.features.industries.some((i) => i.strength > INDUSTRY_STRENGTH.guess);
}

const factor = (r: ParkResult, key: string) => r.factors.find((f) => f.key === key);
const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** What keeps a park from fitting the lead, each with what would have to change. */
export function blockersOf(r: ParkResult, _o: MatchOutcome): Blocker[] {
  const out: Blocker[] = [];
  for (const e of r.exclusions) {
    const text = `${renderReason(e.reason)}（${e.source}）`;
    if (e.ruleId === 'request-excluded-district') out.push({ kind: 'district', text, change: '放宽区域要求' });
    else if (e.reason.code === 'exclude.requireBelow' || e.reason.code === 'exclude.requireAbove')
      out.push({ kind: 'threshold', text, change: '提高亩均指标至门槛以上，或改租赁厂房' });
    else out.push({ kind: 'rule', text, change: '取消或外协该工序，或改投可承接的园区（如相应的专业园区）' });
  }
  if (r.excluded) return out;
  const ind = factor(r, 'industry');
  if (ind?.known && ind.score < VERDICT.industryFit)
    out.push({
      kind: 'industry',
      text: ind.reasons[0] ? renderReason(ind.reasons[0]) : '主导产业与项目不符',
      change: '选择主导产业相符的园区',
    });
  const sp = factor(r, 'space');
  // a need larger than any unit of the park is said, even when the largest unit comes close enough to score
  if (sp?.known && (sp.score < VERDICT.spaceFit || sp.reasons.some((x) => EXCEEDS.has(x.code)))) out.push(spaceBlocker(r, sp.reasons));
  return out;
}

/** The unit a fit proposes ("；建议空间：1号厂房 5层 3,640㎡"), when the lead stated a need. */
function spaceNote(r: ParkResult, o: MatchOutcome): string {
  // without an area or land need there is no unit to propose (the kind alone does not size one)
  if (!factor(r, 'space')?.known || (o.features.need.areaM2 === null && o.features.need.landMu === null)) return '';
  const s = r.spaces[0]?.space;
  if (!s) return '，有满足需求的空间';
  const where = s.kind === 'land' ? `${s.building} ${s.landMu ?? n(s.areaM2 / 666.67)}亩` : `${s.building} ${s.floor}层 ${n(s.areaM2)}㎡`;
  return `；建议空间：${where}`;
}

/** The review level the park's rules give the lead (区审/镇审), marked when it only follows another place's practice (参照, not adopted). */
function reviewNote(r: ParkResult): string {
  const f = r.flags.find((x) => x.code === 'review-level');
  if (!f) return '';
  return `；审批层级：${String(f.reason.params.level)}${f.provenance === '参照' ? '（参照外地做法，未采纳）' : ''}`;
}

const EXCEEDS = new Set(['space.landExceedsPark', 'space.needExceedsPark']);

/** The park's best space when it is only of another kind than asked for (可自建 on land, 可改造): said in the verdict, not only in the card. */
function alternativeNote(r: ParkResult): string {
  const reasons = factor(r, 'space')?.reasons ?? [];
  const alt = reasons.find((x) => x.code === 'space.kindMismatch');
  if (!alt) return '';
  const unit = reasons.find((x) => x.code === 'space.altArea' || x.code === 'space.landFits' || x.code === 'space.landTooSmall');
  const where = unit?.params.building ? `${String(unit.params.building)}，` : '';
  return `；现有空间仅能作备选：${where}${String(alt.params.kind)}（${String(alt.params.alt)}），需要的是${String(alt.params.needKind)}`;
}

/** What stands in the way in the park's space, with the figure, and what would have to change. */
function spaceBlocker(r: ParkResult, reasons: readonly Reason[]): Blocker {
  const pick = (codes: string[]) => reasons.find((x) => codes.includes(x.code));
  const why =
    pick(['space.landExceedsPark', 'space.needExceedsPark', 'space.noLand', 'space.noneAvailable']) ??
    pick(['space.heightShort', 'space.loadShort', 'space.notGround']) ??
    pick(['space.kindMismatch', 'space.tooSmall', 'space.landTooSmall', 'space.tooLarge']) ??
    reasons[0];
  const text = why ? renderReason(why) : '可用空间不满足需求';
  let change = '调整对层高、荷载或楼层的要求';
  switch (why?.code) {
    case 'space.landExceedsPark':
    case 'space.landTooSmall':
      change = `用地降至 ${n(largestUnit(r.park, 'land'))} 亩以内（园区最大地块），或分期供地、改为租赁厂房`;
      break;
    case 'space.needExceedsPark':
    case 'space.tooSmall':
      change = `面积降至 ${n(largestUnit(r.park, 'building'))}㎡ 以内（园区最大单元），或分期/分楼层入驻`;
      break;
    case 'space.noLand':
      change = '改为租赁厂房，或选择有可出让地块的园区';
      break;
    case 'space.noneAvailable':
      change = '等待园区腾退空间，或选择有空置空间的园区';
      break;
    case 'space.kindMismatch':
      change = `接受${String(why.params.alt)}的${String(why.params.kind)}，或选择有${String(why.params.needKind)}的园区`;
      break;
    case 'space.tooLarge':
      change = '接受较大的单元（可分割出租时），或选择有更小单元的园区';
      break;
    case 'space.heightShort':
      change = `层高要求降至 ${String(why.params.clearHeightM)}m，或选择层高更高的厂房`;
      break;
    case 'space.loadShort':
      change = `荷载要求降至 ${String(why.params.floorLoadKnM2)}kN/㎡，或选择荷载更高的厂房`;
      break;
    case 'space.notGround':
      change = '接受楼上楼层，或选择有首层空置单元的园区';
      break;
  }
  return { kind: 'space', text, change };
}

/**
 * The verdict on an outcome whose results are ranked eligible first. `excluded` are excluded parks to
 * draw near misses from when no park is eligible (the caller's includeExcluded run; may be empty).
 */
export function verdictOf(
  o: MatchOutcome,
  k: Knowledge,
  excluded: readonly ParkResult[] = [],
): { verdict: Verdict; nearMisses: NearMiss[] } {
  const miss = (rs: readonly ParkResult[]): NearMiss[] =>
    rs.slice(0, VERDICT.nearMisses).map((r) => ({ parkId: r.park.park.id, parkName: r.park.park.name, blockers: blockersOf(r, o) }));
  if (o.features.severalProjects && !industryKnown(o)) {
    // a report of several projects at once: no one lead to place
    return {
      verdict: {
        kind: 'unknownIndustry',
        parkId: null,
        text: `这段文字报道的是多个项目（「${o.features.severalProjects}」），看不出要落的是哪一个，无法判断该落在哪个园区。请逐个项目告诉我：生产什么、提供什么服务、需要多大空间。`,
      },
      nearMisses: [],
    };
  }
  const eligible = o.results.filter((r) => !r.excluded);
  const top = eligible[0];
  // every park rules the lead out: that decides, whether or not its industry is known (电镀加工 is a guess at an
  // industry, but no park of the scope takes it, and the rule says why)
  if (!top) {
    const first = excluded[0]?.exclusions[0] ?? o.results[0]?.exclusions[0];
    return {
      verdict: {
        kind: 'noFit',
        parkId: null,
        text:
          o.excludedCount > 0
            ? `范围内${o.excludedCount}个园区都不能承接该项目${first ? `：${renderReason(first.reason)}（${first.source}）` : '。'}`
            : '范围内没有园区，请放宽区域条件。',
      },
      nearMisses: miss(excluded.length ? excluded : o.results),
    };
  }
  if (!industryKnown(o) && o.features.codes.length > 0 && !o.features.industriesFromChips) {
    // what it makes is known (a GB/T class), but no park of the jurisdiction is positioned for it
    const code = o.features.codes[0]!;
    const name = k.taxonomy.gbt.get(code)?.name ?? code;
    return {
      verdict: {
        kind: 'noFit',
        parkId: null,
        text: `项目属「${name}」（${o.features.codeVia.get(code) ?? code}，GB/T 4754-2017 ${code}），范围内没有以该行业为主导或配套产业的园区。`,
      },
      nearMisses: miss(o.results.filter((r) => !r.excluded)).map((m) => ({
        ...m,
        blockers: [
          ...m.blockers,
          {
            kind: 'industry' as const,
            text: `园区主导产业不含「${name}」`,
            change: '在辖区外寻找该行业的专业园区，或确认项目是否另有可对应的产品',
          },
        ],
      })),
    };
  }
  if (!industryKnown(o)) {
    const guessed = o.features.industries[0];
    return {
      verdict: {
        kind: 'unknownIndustry',
        parkId: null,
        text: `还看不出这个项目具体做什么${guessed ? `（仅从字面推测可能与${guessed.name}有关，不作为推荐依据）` : ''}，无法判断该落在哪个园区。请告诉我主要产品或服务：生产什么、提供什么服务、年产多少。`,
      },
      nearMisses: [],
    };
  }
  if (top.score < VERDICT.minScore) {
    return {
      verdict: {
        kind: 'noFit',
        parkId: null,
        text: `没有园区达到最低匹配度（${VERDICT.minScore}分）：最接近的是${top.park.park.name}（${top.score}分）。`,
      },
      nearMisses: miss(eligible),
    };
  }
  const blockers = blockersOf(top, o);
  if (top.score < VERDICT.fitScore || blockers.length) {
    return {
      verdict: {
        kind: 'weak',
        parkId: top.park.park.id,
        text: `可以考虑${top.park.park.name}（${top.score}分），但不够理想${blockers[0] ? `：${blockers[0].text}` : `：匹配度低于${VERDICT.fitScore}分`}${blockers[0]?.text.includes('仅作备选') ? '' : alternativeNote(top)}。`,
      },
      nearMisses: miss(eligible),
    };
  }
  const industry = o.features.industries[0]!;
  return {
    verdict: {
      kind: 'fit',
      parkId: top.park.park.id,
      text: `推荐${top.park.park.name}（${top.score}分）：项目属${industry.name}（${industry.via}），与园区主导产业相符${spaceNote(top, o)}${reviewNote(top)}。`,
    },
    nearMisses: [],
  };
}
