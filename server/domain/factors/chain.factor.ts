/** Chain fit: serves a 链主 in the park, fills a missing link (补链), or joins a chain the park has. */
import type { CompiledPark, Knowledge } from '../knowledge.js';
import type { LeadFeatures } from '../lead.features.js';
import { reason, type Reason } from '../reasons.js';
import type { FactorResult } from './factor.js';

const TIER = { upstream: '上游', midstream: '中游', downstream: '下游' } as const;

export function chainFactor(f: LeadFeatures, cp: CompiledPark, k: Knowledge): FactorResult {
  if (f.chainNodes.length === 0 && f.leaderRefs.length === 0) return { key: 'chain', score: null, reasons: [reason('chain.unknown')] };
  let score = 0;
  let why: Reason = reason('chain.none');
  const offer = (s: number, r: Reason) => {
    if (s > score) {
      score = s;
      why = r;
    }
  };
  for (const ref of f.leaderRefs) if (ref.parkIdx === cp.idx) offer(1, reason('chain.leaderHere', { company: ref.company }));
  for (const { nodeId } of f.chainNodes) {
    const node = k.nodes.get(nodeId);
    if (!node) continue;
    if (cp.missing.has(nodeId)) offer(1, reason('chain.fillsMissing', { chain: node.chainName, node: node.name }));
    for (const l of cp.leaders) {
      const leaderNode = k.nodes.get(l.nodeId);
      if (l.chainId === node.chainId && leaderNode && node.order <= leaderNode.order && nodeId !== l.nodeId) {
        offer(0.9, reason('chain.suppliesLeader', { chain: node.chainName, tier: TIER[node.tier], node: node.name, company: l.company }));
      }
    }
    if (cp.holdsChains.has(node.chainId)) offer(0.6, reason('chain.sameChain', { chain: node.chainName }));
  }
  return { key: 'chain', score, reasons: [why] };
}
