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

/** Walks the lead's chain evidence against the park — the one implementation, no closures on the hot path. */
function walk(f: LeadFeatures, cp: CompiledPark, k: Knowledge, ev: Evidence): void {
  for (const ref of f.leaderRefs) {
    if (ref.parkIdx === cp.idx && S.leaderHere > ev.score) Object.assign(ev, { score: S.leaderHere, kind: 'leaderHere', company: ref.company, node: null });
  }
  for (const { nodeId } of f.chainNodes) {
    const node = k.nodes.get(nodeId);
    if (!node) continue;
    if (cp.missing.has(nodeId) && S.fillsMissing > ev.score) Object.assign(ev, { score: S.fillsMissing, kind: 'fillsMissing', node });
    for (const l of cp.leaders) {
      if (S.suppliesLeader <= ev.score) break;
      const leaderNode = k.nodes.get(l.nodeId);
      if (l.chainId === node.chainId && leaderNode && node.order <= leaderNode.order && nodeId !== l.nodeId) {
        Object.assign(ev, { score: S.suppliesLeader, kind: 'suppliesLeader', company: l.company, node });
      }
    }
    if (cp.holdsChains.has(node.chainId) && S.sameChain > ev.score) Object.assign(ev, { score: S.sameChain, kind: 'sameChain', node });
  }
}

const hasChainInfo = (f: LeadFeatures) => f.chainNodes.length > 0 || f.leaderRefs.length > 0;
const fresh = (): Evidence => ({ score: 0, kind: null, company: '', node: null });

/** 0..1, or null when the lead gives no chain information. */
export function chainScore(f: LeadFeatures, cp: CompiledPark, k: Knowledge): number | null {
  if (!hasChainInfo(f)) return null;
  const ev = fresh();
  walk(f, cp, k, ev);
  return ev.score;
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
  const ev = fresh();
  walk(f, cp, k, ev);
  return { key: 'chain', score: ev.score, reasons: [explainEvidence(ev)] };
}
