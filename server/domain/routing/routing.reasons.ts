/**
 * Reason codes of the routing plan and the 流转 ledger, rendered to Chinese at the edge (like
 * ../reasons.ts, whose space-fit reasons a plan reuses).
 */
import { renderReason, type Reason, type ReasonParams } from '../reasons.js';

const fmt = (n: string | number | undefined): string => {
  if (typeof n !== 'number') return String(n ?? '');
  return Number.isInteger(n) ? n.toLocaleString('en-US') : (Math.round(n * 10) / 10).toLocaleString('en-US');
};

const TEMPLATES = {
  // assignments
  'plan.firstChoice': (p: ReasonParams) => `可准入园区中匹配度最高（${fmt(p.score)}分）`,
  'plan.displaced': (p: ReasonParams) =>
    `首选「${p.firstPark}」（${fmt(p.firstScore)}分）的合适空间已安排给${p.byLeads}，全区统筹后安排在此（${fmt(p.score)}分）`,
  'plan.space': (p: ReasonParams) => `空间：${p.building} ${p.floorLabel} ${fmt(p.areaM2)}㎡ ${p.kind}（匹配度 ${p.fit}）`,
  'plan.noSpaceNeed': () => '未提供面积或用地需求：只推荐园区，不预留具体空间（请补充需求后再统筹）',
  'plan.keepsHeld': () => '保留该项目已预留的空间',
  'plan.moves': (p: ReasonParams) => `由当前落位「${p.fromPark}」调整至此`,
  'plan.sameTown': (p: ReasonParams) => `落在报送镇街 ${p.town}，不跨镇流转`,
  'plan.crossTown': (p: ReasonParams) => `由 ${p.from} 流转至 ${p.to}；首谈地 ${p.credit} 保留招商业绩`,
  'plan.reviewLevel': (p: ReasonParams) => `审批层级：${p.level}（${p.rule}）`,
  'plan.reviewLevelUnknown': () => '审批层级待定：租赁面积、投资额未知',
  // unassigned
  'unassigned.notOpen': (p: ReasonParams) => `项目处于「${p.stage}」阶段，不参与统筹（只统筹在建前、未流失的项目）`,
  'unassigned.outOfScope': (p: ReasonParams) => `所限区域（${p.districts}）内没有园区`,
  'unassigned.banned': (p: ReasonParams) => `所有园区均不予准入：${p.rules}`,
  'unassigned.noEligible': (p: ReasonParams) => `没有可准入的园区：${p.rules}`,
  'unassigned.noFittingSpace': (p: ReasonParams) => `可准入的 ${p.parks} 个园区中没有满足需求（${p.need}）的空置单元`,
  'unassigned.belowMinScore': (p: ReasonParams) => `没有得分达到 ${fmt(p.minScore)} 分的去向`,
  'unassigned.outcompeted': (p: ReasonParams) =>
    `合适的空置单元（${p.spaces}）已安排给匹配度更高的项目（${p.leads}），暂无其他合适去向；可补充空间或放宽需求后再统筹`,
  // ledger
  // the plan and unit ids stay in the row's own fields: the sentence is for people
  'ledger.committed': (p: ReasonParams) => `按统筹方案流转，${p.spaceId ? '预留所列空间' : '未指定空间'}`,
  'ledger.manual': () => '按人工指定的园区与空间流转',
  'ledger.accepted': () => '接收方确认接收',
  'ledger.rejected': () => '接收方退回，释放预留空间',
  'ledger.withdrawn': () => '撤回流转，释放预留空间',
  'ledger.lost': () => '项目流失，撤回流转并释放预留空间',
  'ledger.note': (p: ReasonParams) => `备注：${p.text}`,
} satisfies Record<string, (p: ReasonParams) => string>;

export type RoutingReasonCode = keyof typeof TEMPLATES;
export interface RoutingReason {
  code: RoutingReasonCode;
  params: ReasonParams;
}
/** A plan explains itself with its own codes and with the scorer's (space fit, exclusions). */
export type AnyReason = RoutingReason | Reason;

export const routingReason = (code: RoutingReasonCode, params: ReasonParams = {}): RoutingReason => ({ code, params });

export function renderRoutingReason(r: AnyReason): string {
  const t = (TEMPLATES as Record<string, (p: ReasonParams) => string>)[r.code];
  return t ? t(r.params) : renderReason(r as Reason);
}
