/** Chain fit: serves a 链主 in the park, fills a missing link (补链), or joins a chain the park has. */
import type { ChainNodeRef, CompiledPark, Knowledge } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason, type Reason } from '../reasons.js';
import type { FactorResult } from './factor.js';

const TIER = { upstream: '上游', midstream: '中游', downstream: '下游' } as const;
const S = { leaderHere: 1, fillsMissing: 1, suppliesLeader: 0.9, sameChain: 0.6 } as const;

/** The strongest chain evidence for a park. */
interface Evidence {
  score: number;
  kind: keyof typeof S | null;
  company: string;
  node: ChainNodeRef | null;
}

/**
 * Walks the lead's chain evidence against the park and returns the best score — the one
 * implementation, read for many parks per lead; pass `ev` to learn which evidence gave the score.
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
      if (l.chainId === node.chainId && node.order <= l.order && nodeId !== l.nodeId) [best, kind, company, at] = [S.suppliesLeader, 'suppliesLeader', l.company, node];
    }
    if (S.sameChain > best && cp.holdsChains.has(node.chainId)) [best, kind, at] = [S.sameChain, 'sameChain', node];
  }
  if (ev) Object.assign(ev, { score: best, kind, company, node: at });
  return best;
}

const hasChainInfo = (f: LeadFeatures) => f.chainNodes.length > 0 || f.leaderRefs.length > 0;

/** 0..1, or null when the lead gives no chain information. */
export function chainScore(f: LeadFeatures, cp: CompiledPark, k: Knowledge): number | null {
  return hasChainInfo(f) ? walk(f, cp, k) : null;
}

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

export function chainFactor(f: LeadFeatures, cp: CompiledPark, k: Knowledge): FactorResult {
  if (!hasChainInfo(f)) return { key: 'chain', score: null, reasons: [reason('chain.unknown')] };
  const ev: Evidence = { score: 0, kind: null, company: '', node: null };
  const score = walk(f, cp, k, ev);
  return { key: 'chain', score, reasons: [explainEvidence(ev)] };
}
