/**
 * One chat message → what it says (intent, quantities, places, chain cue, whether it describes the
 * project) → the conversation's lead after it. A later statement replaces an earlier one; what the
 * message does not mention is kept. Pure.
 */
import type { Lead } from '../domain/lead.schema.js';
import { normalizeText } from '../text/normalize.js';
import { extractQuantities, QUANTITY_FIELDS, type Quantities } from '../text/quantities.js';
import { extractPlaces, type PlaceIndex, type Places } from './places.js';
import { extractChainCue, type ChainCue } from './chain-cues.js';
import { classifyIntent, libraryAsk, type Intent, type LibraryAsk } from './intent.js';
import { extractNeeds, mainNeed, type AreaNeed } from '../text/space-needs.js';
import { extractSpaceType } from '../text/space-type.js';
import { normalizeChars, parseChineseNumber } from '../text/numbers.js';
import type { SpaceKind } from '../domain/space.schema.js';

export interface TurnContext {
  hasConversation: boolean;
  places: PlaceIndex;
  /** Whether the text names an industry, product or process (from the knowledge dictionaries). */
  describesProject: (text: string) => boolean;
  /** Pollution attributes the text states (废水/废气/危化品/小试, with negation). */
  pollutionOf: (text: string) => NonNullable<Lead['pollution']>;
  /** Whether the text names a process a rule is about (电镀, 喷涂): for 电镀可以去哪里？ */
  namesProcess?: (text: string) => boolean;
  usdCnyRate?: number;
}

export interface Turn {
  intent: Intent;
  /** For intent 'library': what the question asks. */
  ask: LibraryAsk | null;
  text: string;
  /** Several space needs in one sentence (2000平研发楼和4000平厂房), else empty. */
  needs: AreaNeed[];
  quantities: Quantities;
  spaceType?: SpaceKind;
  pollution: NonNullable<Lead['pollution']>;
  places: Places;
  chain: ChainCue | null;
  describes: boolean;
  /** How the message changes the project description. */
  summary: 'replace' | 'append' | 'keep';
  /** Fields the message lifts (不限面积, 哪里都行). */
  removes: (keyof Lead)[];
}

const REPLACE_CUE = /换成|换为|改成|改为|变成|其实是|更正为|应该是/;
/** A refinement that adds a requirement in words ("再加一条：要有污水管网") keeps it in the description. */
const ADD_CUE = /再加|加一条|补充|另外|还要|还需要|也要|同时要|要求/;
const LEADING_CUE = /^(?:那|那就|项目|客户|行业|产业)?(?:换成|换为|改成|改为|变成|其实是|更正为|应该是)[：:，,]?/;
const stripCue = (s: string) => s.replace(LEADING_CUE, '').trim() || s;
const AREA_NO_UNIT =
  /(?:面积|建筑面积|厂房)(?:改成|改为|调整为|调到|是|为|要|需要)?([0-9.]+|[零〇一二两三四五六七八九十百千万]+)(?![0-9.零〇一二两三四五六七八九十百千万]|平|㎡|m|亩|方|公顷)/;
const QUANTITY_KEYS = QUANTITY_FIELDS;

const REMOVALS: { re: RegExp; fields: (keyof Lead)[] }[] = [
  { re: /(不限|不要求|去掉|取消)(面积|厂房面积)|面积(不限|无所谓|都行)/, fields: ['floorAreaM2'] },
  { re: /(不限|不要求|去掉|取消)(用地|土地)|用地(不限|无所谓)/, fields: ['landMu'] },
  {
    re: /(不限|去掉|取消)(区域|地区|位置)|(区域|地区|位置|哪里|哪儿)(不限|都行|都可以|无所谓)|哪里都行|哪儿都行/,
    fields: ['districts', 'preferredDistricts', 'excludedDistricts'],
  },
  { re: /(不限|不要求|去掉)(层高|净高)/, fields: ['minClearHeightM'] },
  { re: /(不限|不要求|去掉)(荷载|承重)/, fields: ['minFloorLoadKnM2'] },
];

/**
 * The normalised text with every place mention replaced by '，', in one pass over the mentions (in
 * text order, not overlapping: the dictionary's maximal matches), so a long message costs its length,
 * not its length × its mentions (a `replace` per mention was quadratic: 8 s for 100,000 characters).
 */
export function withoutPlaces(t: string, mentions: readonly { start: number; end: number }[]): string {
  if (mentions.length === 0) return t;
  const parts: string[] = [];
  let at = 0;
  for (const m of mentions) {
    if (m.start < at) continue; // never overlapping today; a defensive skip keeps the output well formed
    parts.push(t.slice(at, m.start), '，');
    at = m.end;
  }
  parts.push(t.slice(at));
  return parts.join('');
}

export function readTurn(message: string, ctx: TurnContext): Turn {
  const text = message.trim();
  const t = normalizeText(text);
  const quantities = extractQuantities(text, { usdCnyRate: ctx.usdCnyRate });
  // "面积改成五千": an area stated without a unit is m²
  if (quantities.floorAreaM2 === undefined) {
    const bare = AREA_NO_UNIT.exec(normalizeChars(text));
    const v = bare ? parseChineseNumber(bare[1]!) : null;
    if (v !== null && v > 0) quantities.floorAreaM2 = v;
  }
  const places = extractPlaces(text, ctx.places);
  const chain = extractChainCue(text);
  // a park's own name (微创产业园) says where, not what the project is
  const describes = ctx.describesProject(withoutPlaces(t, places.mentions));
  const hasQuantities = QUANTITY_KEYS.some((k) => quantities[k] !== undefined);
  const hasDetails = hasQuantities || places.mentions.length > 0 || chain !== null;
  const removes = REMOVALS.filter((r) => r.re.test(t)).flatMap((r) => r.fields);
  const spaceType = extractSpaceType(text);
  const pollution = ctx.pollutionOf(text);
  const intentCtx = {
    hasConversation: ctx.hasConversation,
    places,
    hasIndustry: describes,
    hasDetails,
    hasQuantities,
    hasProcess: ctx.namesProcess?.(withoutPlaces(t, places.mentions)) ?? false,
    readsSomething: spaceType !== undefined || Object.keys(pollution).length > 0 || removes.length > 0,
  };
  const intent = classifyIntent(text, intentCtx);
  const summary: Turn['summary'] =
    intent === 'newProject'
      ? 'replace'
      : intent !== 'refine'
        ? 'keep'
        : describes && REPLACE_CUE.test(t)
          ? 'replace'
          : describes || ADD_CUE.test(t)
            ? 'append'
            : 'keep';
  return {
    intent,
    ask: intent === 'library' ? libraryAsk(text, intentCtx) : null,
    text: summary === 'replace' && intent === 'refine' ? stripCue(text) : text,
    needs: extractNeeds(text),
    quantities,
    ...(spaceType ? { spaceType } : {}),
    pollution,
    places,
    chain,
    describes,
    summary,
    removes,
  };
}

const addUnique = (xs: string[] | undefined, ys: string[]) => [...new Set([...(xs ?? []), ...ys])];

/** The lead after this turn. `prev` is null at the start of a conversation. */
export function applyTurn(prev: Lead | null, turn: Turn): Lead {
  const lead: Lead = turn.intent === 'newProject' || !prev ? {} : structuredClone(prev);
  if (turn.summary === 'replace' || !lead.summary) lead.summary = turn.text;
  else if (turn.summary === 'append') lead.summary = `${lead.summary}；${turn.text}`.slice(0, 2000);
  for (const f of turn.removes) delete lead[f];
  const q = turn.quantities;
  for (const k of QUANTITY_KEYS) if (q[k] !== undefined) (lead as Record<string, unknown>)[k] = q[k];
  // area and land are alternatives: stating one replaces the other
  if (q.floorAreaM2 !== undefined && q.landMu === undefined && prev?.landMu !== undefined && turn.intent === 'refine') delete lead.landMu;
  if (q.landMu !== undefined && q.floorAreaM2 === undefined && prev?.floorAreaM2 !== undefined && turn.intent === 'refine')
    delete lead.floorAreaM2;
  const p = turn.places;
  if (p.include.length) {
    lead.districts = p.include;
    // "只考虑秀洲" makes an earlier "最好在南湖" moot
    if (lead.preferredDistricts) lead.preferredDistricts = lead.preferredDistricts.filter((d) => p.include.includes(d));
  }
  if (p.prefer.length) lead.preferredDistricts = p.prefer;
  if (p.exclude.length) {
    lead.excludedDistricts = addUnique(lead.excludedDistricts, p.exclude);
    if (lead.preferredDistricts) lead.preferredDistricts = lead.preferredDistricts.filter((d) => !p.exclude.includes(d));
    if (lead.districts) lead.districts = lead.districts.filter((d) => !p.exclude.includes(d));
  }
  for (const d of [...p.include, ...p.prefer])
    if (lead.excludedDistricts) lead.excludedDistricts = lead.excludedDistricts.filter((x) => x !== d);
  for (const k of ['districts', 'preferredDistricts', 'excludedDistricts'] as const) if (lead[k]?.length === 0) delete lead[k];
  if (turn.chain) lead.chain = { ...(lead.chain ?? {}), ...turn.chain };
  if (turn.spaceType) lead.spaceType = turn.spaceType;
  // several needs in one sentence: all kept, the largest is the area and kind scored
  if (turn.needs.length) {
    const main = mainNeed(turn.needs);
    lead.needs = turn.needs;
    lead.floorAreaM2 = main.areaM2;
    lead.spaceType = main.kind;
  } else if (q.floorAreaM2 !== undefined || q.landMu !== undefined || turn.removes.includes('floorAreaM2')) delete lead.needs;
  if (Object.keys(turn.pollution).length) lead.pollution = { ...(lead.pollution ?? {}), ...turn.pollution };
  if (turn.places.sourceTown) lead.sourceTown = turn.places.sourceTown;
  return lead;
}
