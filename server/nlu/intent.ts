/**
 * What a chat message asks for. Rules over cue words, checked in order; pure and deterministic.
 * - reset:        重新开始 / 换个项目 / 清空
 * - whyExcluded:  为什么不能去经开区？/ 为啥没有微创产业园？
 * - parkQuestion: 微创产业园还有多少空置厂房？/ 介绍一下闻川科创园
 * - refine:       面积改成… / 换成… / 再加一条… / 另外… (or a fragment that only adds details)
 * - greeting:     你好 / 您好 / 在吗 / 谢谢 (alone): a greeting and an example back, no parks
 * - library:      a question about the park library, answered from it without inventing a need:
 *                 哪些园区做新材料？/ 秀洲有哪些园区有空置厂房？/ 电镀可以去哪里？
 * - unclear:      a first message in which nothing is read (no product, figure, place or process)
 * - newProject:   a project description
 */
import { normalizeText } from '../text/normalize.js';
import type { Places } from './places.js';

export type Intent = 'reset' | 'whyExcluded' | 'parkQuestion' | 'library' | 'greeting' | 'unclear' | 'refine' | 'newProject';

/** What a library question asks: the parks of an industry, the vacant space of a district, where a process may go. */
export type LibraryAsk = 'industryParks' | 'vacancy' | 'processWhere';

export interface IntentContext {
  hasConversation: boolean;
  places: Places;
  /** The message names an industry, a product or a process. */
  hasIndustry: boolean;
  /** The message states a quantity or requirement (面积, 投资, 一楼 …). */
  hasDetails: boolean;
  /** The message states a figure (面积, 投资, 层高 …), not only a place. */
  hasQuantities?: boolean;
  /** The message names a process a rule is about (电镀, 喷涂 …). */
  hasProcess?: boolean;
  /** The message reads anything at all for the lead (space type, pollution, a removal …) besides the above. */
  readsSomething?: boolean;
}

const GREETING =
  /^(?:你好|您好|hi|hello|hey|哈喽|嗨|在吗|在不在|早上好|上午好|中午好|下午好|晚上好|早|谢谢|多谢|感谢|谢谢你|谢谢您|辛苦了|好的谢谢)[啊呀呢哈吗！!。.,，~～\s]*$/i;
/** Asks which parks (not: describes a project): 哪些园区, 园区有哪些, 哪里可以, 去哪. */
const WHICH_PARKS =
  /哪些园区|哪几个园区|哪个园区|什么园区|园区有哪些|哪些载体|哪些地方|有哪些|哪里可以|哪儿可以|哪里能|哪儿能|可以去哪|能去哪|去哪里|去哪儿|放哪|落哪|落在哪/;
const VACANCY = /空置|空余|空闲|闲置|空着|空厂房|空地|可用空间|可用厂房|可出让|还有.{0,4}(?:厂房|空间|地块|用地|写字楼|办公)|剩/;
/** A project is being described, not the library asked about: 有个客户…, 本项目…. */
const PROJECT_CUE = /有个|有一个|有家|一家|客户|本项目|我们|企业想|公司想|项目[，,]|计划/;
/** Words that say a first message is about a project even when no product is read (the answer then asks what it makes). */
const PROJECT_WORDS = /项目|客户|企业|公司|工厂|厂|生产|制造|研发|投资|落地|签约|考察|产品/;

/** The library question a message asks, or null. */
export function libraryAsk(text: string, ctx: IntentContext): LibraryAsk | null {
  const t = normalizeText(text);
  if (ctx.hasQuantities || PROJECT_CUE.test(t) || !QUESTION.test(t)) return null;
  const districtOnly = ctx.places.mentions.length > 0 && ctx.places.mentions.every((m) => m.hit.t !== 'park');
  if (ctx.hasProcess && WHICH_PARKS.test(t)) return 'processWhere';
  if (districtOnly && VACANCY.test(t) && !ctx.hasIndustry) return 'vacancy';
  if (ctx.hasIndustry && WHICH_PARKS.test(t)) return 'industryParks';
  if (!ctx.hasIndustry && ctx.places.mentions.length === 0 && VACANCY.test(t) && /哪些|哪个|哪几|哪里|哪儿|有没有/.test(t))
    return 'vacancy';
  return null;
}

const RESET = /重新开始|重来|清空|换个项目|换一个项目|新的项目|另一个项目|开始新|重置/;
const WHY = /为什么|为何|为啥|怎么不|咋不|什么原因|原因是/;
const WHY_NEGATIVE = /不能|不行|不可以|没有|排除|不推荐|进不了|去不了|落不了|不符合|被排/;
const QUESTION = /多少|几个|几处|哪些|哪几|什么|吗|嘛|怎么样|如何|介绍|情况|有没有|是否|\?|？/;
const PARK_TOPIC = /空置|空间|厂房|面积|租金|楼|地块|主导产业|定位|产业|规则|准入|开发主体|在哪|位置|链主|介绍|情况|剩|还有/;
const REFINE = /改成|改为|改到|换成|换为|调整为|调整成|更正|修改|再加|加一条|加上|补充|另外|还要|还需要|也要|同时要|去掉|不限|不要了|变成/;
/** A second project in the same conversation ("有个客户…", "另一个项目"); "本项目" refers to the current one. */
const NEW_PROJECT = /有个|有一个|有家|一家|另一个|另外一个|新项目|又有|还有个|还有一个|再来个|另一家|换个客户/;

export function classifyIntent(text: string, ctx: IntentContext): Intent {
  const t = normalizeText(text);
  if (RESET.test(t)) return 'reset';
  if (GREETING.test(t.trim())) return 'greeting';
  const mentionsPlace = ctx.places.mentions.length > 0;
  if (WHY.test(t) && (WHY_NEGATIVE.test(t) || mentionsPlace)) return 'whyExcluded';
  const parkMentioned = ctx.places.mentions.some((m) => m.hit.t === 'park');
  if (parkMentioned && QUESTION.test(t) && PARK_TOPIC.test(t) && !ctx.hasIndustry) return 'parkQuestion';
  if (libraryAsk(text, ctx)) return 'library';
  if (!ctx.hasConversation)
    return ctx.hasIndustry || ctx.hasDetails || ctx.hasProcess || ctx.readsSomething || PROJECT_WORDS.test(t) ? 'newProject' : 'unclear';
  if (REFINE.test(t)) return 'refine';
  if (ctx.hasIndustry && NEW_PROJECT.test(t)) return 'newProject';
  return 'refine';
}
