/**
 * What a chat message asks for. Rules over cue words, checked in order; pure and deterministic.
 * - reset:        重新开始 / 换个项目 / 清空
 * - whyExcluded:  为什么不能去经开区？/ 为啥没有微创产业园？
 * - parkQuestion: 微创产业园还有多少空置厂房？/ 介绍一下闻川科创园
 * - refine:       面积改成… / 换成… / 再加一条… / 另外… (or a fragment that only adds details)
 * - newProject:   a project description
 */
import { normalizeText } from '../text/normalize.js';
import type { Places } from './places.js';

export type Intent = 'reset' | 'whyExcluded' | 'parkQuestion' | 'refine' | 'newProject';

export interface IntentContext {
  hasConversation: boolean;
  places: Places;
  /** The message names an industry, a product or a process. */
  hasIndustry: boolean;
  /** The message states a quantity or requirement (面积, 投资, 一楼 …). */
  hasDetails: boolean;
}

const RESET = /重新开始|重来|清空|换个项目|换一个项目|新的项目|另一个项目|开始新|重置/;
const WHY = /为什么|为何|为啥|怎么不|咋不|什么原因|原因是/;
const WHY_NEGATIVE = /不能|不行|不可以|没有|排除|不推荐|进不了|去不了|落不了|不符合|被排/;
const QUESTION = /多少|几个|几处|哪些|哪几|什么|吗|嘛|怎么样|如何|介绍|情况|有没有|是否|\?|？/;
const PARK_TOPIC = /空置|空间|厂房|面积|租金|楼|地块|主导产业|定位|产业|规则|准入|开发主体|在哪|位置|链主|介绍|情况/;
const REFINE = /改成|改为|改到|换成|换为|调整为|调整成|更正|修改|再加|加一条|加上|补充|另外|还要|还需要|也要|同时要|去掉|不限|不要了|变成/;
/** A second project in the same conversation ("有个客户…", "另一个项目"); "本项目" refers to the current one. */
const NEW_PROJECT = /有个|有一个|有家|一家|另一个|另外一个|新项目|又有|还有个|还有一个|再来个|另一家|换个客户/;

export function classifyIntent(text: string, ctx: IntentContext): Intent {
  const t = normalizeText(text);
  if (RESET.test(t)) return 'reset';
  const mentionsPlace = ctx.places.mentions.length > 0;
  if (WHY.test(t) && (WHY_NEGATIVE.test(t) || mentionsPlace)) return 'whyExcluded';
  const parkMentioned = ctx.places.mentions.some((m) => m.hit.t === 'park');
  if (parkMentioned && QUESTION.test(t) && PARK_TOPIC.test(t) && !ctx.hasIndustry) return 'parkQuestion';
  if (!ctx.hasConversation) return 'newProject';
  if (REFINE.test(t)) return 'refine';
  if (ctx.hasIndustry && NEW_PROJECT.test(t)) return 'newProject';
  return 'refine';
}
