/** Chain fit: serves a 链主 in the park, fills a missing link (补链), or joins a chain the park has. */
import type { ChainNodeRef, CompiledPark, Knowledge } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { addAll, emptySet, inSet, type ParkSet } from '../park-sets.js';
import { reason, type Reason } from '../reasons.js';
import { CHAIN as S } from '../scoring.constants.js';
import type { Factor, FactorResult } from './factor.js';

const TIER = { upstream: '上游', midstream: '中游', downstream: '下游' } as const;

/** The strongest chain evidence for a park. */
interface Evidence {
  score: number;
  kind: keyof typeof S | null;
  company: string;
  node: ChainNodeRef | null;
}

/**
 * Walks the lead's chain evidence against the park: the best score and, in `ev`, which evidence gave
 * it (explaining one park). Ranking reads the same score from park sets (`chainAt`).
 */
function walk(f: LeadFeatures, cp: CompiledPark, k: Knowledge, ev?: Evidence): number {
  let best = 0;
  let kind: Evidence['kind'] = null;
  let company = '';
  let at: ChainNodeRef | null = null;
  for (const ref of f.leaderRefs) {
    if (ref.parkIdx === cp.idx && S.leaderHere > best) [best, kind, company, at] = [S.leaderHere, 'leaderHere', ref.company, null];
  }
  for (const { nodeId } of f.chainNodes) {
    const node = k.nodes.get(nodeId);
    if (!node) continue;
    if (S.fillsMissing > best && cp.missing.has(nodeId)) [best, kind, at] = [S.fillsMissing, 'fillsMissing', node];
    for (const l of cp.leaders) {
      if (S.suppliesLeader <= best) break;
      if (l.chainId === node.chainId && node.order <= l.order && nodeId !== l.nodeId)
        [best, kind, company, at] = [S.suppliesLeader, 'suppliesLeader', l.company, node];
    }
    if (S.sameChain > best && cp.holdsChains.has(node.chainId)) [best, kind, at] = [S.sameChain, 'sameChain', node];
  }
  if (ev) Object.assign(ev, { score: best, kind, company, node: at });
  return best;
}

const hasChainInfo = (f: LeadFeatures) => f.chainNodes.length > 0 || f.leaderRefs.length > 0;

/** The parks a lead's chain evidence reaches, by score: worked out once per lead from the knowledge's chain park sets. */
export interface LeadChainParks {
  /** 链主 here, or fills a missing link: 1. */
  full: ParkSet;
  /** Supplies the park's 链主: 0.9. */
  supplies: ParkSet;
  /** Joins a chain the park holds: 0.6. */
  same: ParkSet;
}

/** null when the lead gives no chain information. */
export function leadChainParks(f: LeadFeatures, k: Knowledge): LeadChainParks | null {
  if (!hasChainInfo(f)) return null;
  const n = k.parks.length;
  const out: LeadChainParks = { full: emptySet(n), supplies: emptySet(n), same: emptySet(n) };
  for (const ref of f.leaderRefs) out.full[ref.parkIdx >>> 5]! |= 1 << (ref.parkIdx & 31);
  for (const { nodeId } of f.chainNodes) {
    const node = k.nodes.get(nodeId);
    if (!node) continue;
    addAll(out.full, k.chainParks.missing.get(nodeId)!);
    addAll(out.supplies, k.chainParks.supplies.get(nodeId)!);
    const holds = k.chainParks.holds.get(node.chainId);
    if (holds) addAll(out.same, holds);
  }
  return out;
}

/** The chain score of park p from the lead's chain park sets: the same number `walk` finds (property-tested; 链主 here and 补链 both score 1). */
export const chainAt = (lc: LeadChainParks, p: number): number =>
  inSet(lc.full, p) ? S.fillsMissing : inSet(lc.supplies, p) ? S.suppliesLeader : inSet(lc.same, p) ? S.sameChain : 0;

function explainEvidence(ev: Evidence): Reason {
  const n = ev.node;
  switch (ev.kind) {
    case 'leaderHere':
      return reason('chain.leaderHere', { company: ev.company });
    case 'fillsMissing':
      return reason('chain.fillsMissing', { chain: n!.chainName, node: n!.name });
    case 'suppliesLeader':
      return reason('chain.suppliesLeader', { chain: n!.chainName, tier: TIER[n!.tier], node: n!.name, company: ev.company });
    case 'sameChain':
      return reason('chain.sameChain', { chain: n!.chainName });
    default:
      return reason('chain.none');
  }
}

/** The chain walk's verdict for one park (explaining; tests compare its score to `chainAt`). */
export function walkChain(f: LeadFeatures, cp: CompiledPark, k: Knowledge): FactorResult {
  if (!hasChainInfo(f)) return { key: 'chain', score: null, reasons: [reason('chain.unknown')] };
  const ev: Evidence = { score: 0, kind: null, company: '', node: null };
  const score = walk(f, cp, k, ev);
  return { key: 'chain', score, reasons: [explainEvidence(ev)] };
}

/** Scores from the lead's chain park sets (bit tests: the cap is the score); reasons from the walk's evidence. */
export const chain: Factor<LeadChainParks | null> = {
  key: 'chain',
  known: hasChainInfo,
  prepare: leadChainParks,
  at: (lc, _f, _k, p) => (lc ? chainAt(lc, p) : 0),
  cap: (lc, _f, _has, p) => (lc ? chainAt(lc, p) : 0),
  byHas: false,
  max: Math.max(S.leaderHere, S.fillsMissing, S.suppliesLeader, S.sameChain),
  unrelatedMax: Math.max(S.leaderHere, S.fillsMissing, S.suppliesLeader, S.sameChain),
  explain: (lc, f, k, cp) => {
    const r = walkChain(f, cp, k);
    return r.score === null ? r : { ...r, score: lc ? chainAt(lc, cp.idx) : 0 };
  },
};
