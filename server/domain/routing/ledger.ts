/**
 * The 流转 ledger's rules (pure). A routing is recorded as rows that are never overwritten:
 * committing a plan appends `proposed` (the unit is reserved); the receiving side accepts
 * (`accepted`) or rejects (`rejected`, the unit is released); the district or the reporting town may
 * withdraw a proposed or accepted routing (`withdrawn`, released). The latest row is the state.
 */
import type { RoutingStatus } from '../pipeline.schema.js';

export type Decision = 'accept' | 'reject' | 'withdraw';

const NEXT: Record<Decision, { from: readonly RoutingStatus[]; to: RoutingStatus; releases: boolean }> = {
  accept: { from: ['proposed'], to: 'accepted', releases: false },
  reject: { from: ['proposed'], to: 'rejected', releases: true },
  withdraw: { from: ['proposed', 'accepted'], to: 'withdrawn', releases: true },
};

/** The row a decision appends, or null when the current state does not allow it. */
export function decide(current: RoutingStatus | null, d: Decision): { status: RoutingStatus; releases: boolean } | null {
  const rule = NEXT[d];
  return current && rule.from.includes(current) ? { status: rule.to, releases: rule.releases } : null;
}

/** States in which the lead holds its destination (and its unit). */
export const isPlaced = (s: RoutingStatus | null | undefined) => s === 'proposed' || s === 'accepted';

export const STATUS_LABEL: Record<RoutingStatus, string> = {
  proposed: '待接收',
  accepted: '已接收',
  rejected: '已退回',
  withdrawn: '已撤回',
};
export const DECISION_LABEL: Record<Decision, string> = { accept: '接收', reject: '退回', withdraw: '撤回' };
