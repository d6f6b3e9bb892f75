/**
 * The exact solver: a maximum-weight assignment of leads to spaces (a space holds at most one lead, a
 * lead takes at most one space), solved as a min-cost flow by successive shortest paths with node
 * potentials — the Hungarian method on a sparse graph.
 *
 * Network: lead i → space j for every candidate edge (cost W − w), lead i → sink ("unassigned",
 * cost W), free space j → sink (cost 0), W = the largest weight. Every lead sends one unit, so the
 * cheapest flow is the assignment with the largest total weight (W·n − cost). Leads are added one at
 * a time; each gets the cheapest augmenting path by Dijkstra on reduced costs (all ≥ 0 thanks to the
 * potentials), stopping as soon as the sink is reached. Weights are integers, so every sum is exact.
 *
 * The result carries the LP duals: u[lead] + v[space] ≥ w on every edge, u, v ≥ 0, Σu + Σv = total.
 * That is a certificate of optimality, and it lets a caller that left edges out of the graph check
 * them afterwards (an edge with w > u + v would improve the plan; see plan.ts).
 * Pure and deterministic: the same input gives the same assignment.
 */

export interface AssignmentEdge {
  lead: number;
  space: number;
  /** A positive integer (larger is better). Edges with weight ≤ 0 are never worth taking and are ignored. */
  weight: number;
}

export interface AssignmentInput {
  leads: number;
  spaces: number;
  edges: readonly AssignmentEdge[];
  /** The order leads are added in (default 0..n−1); it only decides between equally good plans. */
  order?: readonly number[];
}

export interface AssignmentResult {
  /** Per lead: the index (into input.edges) of its edge, or −1 when unassigned. */
  edgeOf: Int32Array;
  /** Per lead: its space, or −1. */
  spaceOf: Int32Array;
  /** Per space: its lead, or −1. */
  leadOf: Int32Array;
  /** Σ weight of the chosen edges. */
  total: number;
  /** Dual prices: u[i] + v[j] ≥ w(i,j) for every edge, u ≥ 0, v ≥ 0, Σu + Σv = total. */
  u: Float64Array;
  v: Float64Array;
}

/** A binary min-heap of (key, node) with lazy deletion; ties break on the node number (determinism). */
class Heap {
  private keys: number[] = [];
  private nodes: number[] = [];
  get size() {
    return this.keys.length;
  }
  clear() {
    this.keys.length = 0;
    this.nodes.length = 0;
  }
  private less(a: number, b: number) {
    return this.keys[a]! < this.keys[b]! || (this.keys[a] === this.keys[b] && this.nodes[a]! < this.nodes[b]!);
  }
  private swap(a: number, b: number) {
    const k = this.keys[a]!;
    this.keys[a] = this.keys[b]!;
    this.keys[b] = k;
    const n = this.nodes[a]!;
    this.nodes[a] = this.nodes[b]!;
    this.nodes[b] = n;
  }
  push(key: number, node: number) {
    this.keys.push(key);
    this.nodes.push(node);
    let i = this.keys.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  /** Removes the smallest; returns its node (its key is in `lastKey`). */
  lastKey = 0;
  pop(): number {
    const node = this.nodes[0]!;
    this.lastKey = this.keys[0]!;
    const k = this.keys.pop()!;
    const n = this.nodes.pop()!;
    if (this.keys.length) {
      this.keys[0] = k;
      this.nodes[0] = n;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return node;
  }
}

const UNASSIGNED_ARC = -1;
const FREE_SPACE_ARC = -2;

export function solveAssignment(input: AssignmentInput): AssignmentResult {
  const n = input.leads;
  const m = input.spaces;
  const edges = input.edges;
  let W = 1;
  for (const e of edges) {
    if (!Number.isSafeInteger(e.weight)) throw new RangeError(`edge weight must be an integer, got ${e.weight}`);
    if (e.lead < 0 || e.lead >= n || e.space < 0 || e.space >= m) throw new RangeError(`edge (${e.lead}, ${e.space}) out of range`);
    if (e.weight > W) W = e.weight;
  }
  // potentials stay within n·W and path sums within a few times that: keep every sum an exact integer
  if (W * (n + 1) * 4 > Number.MAX_SAFE_INTEGER)
    throw new RangeError(`too many leads (${n}) for weights up to ${W}: sums would not be exact`);

  // CSR adjacency per lead, each lead's edges in space order (canonical, so ties resolve the same way)
  const start = new Int32Array(n + 1);
  for (const e of edges) if (e.weight > 0) start[e.lead + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const adj = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  edges.forEach((e, idx) => {
    if (e.weight > 0) adj[fill[e.lead]!++] = idx;
  });
  for (let i = 0; i < n; i++) {
    const seg = Array.from(adj.subarray(start[i]!, start[i + 1]!)).sort((a, b) => edges[a]!.space - edges[b]!.space || a - b);
    adj.set(seg, start[i]!);
  }

  const T = n + m; // the sink
  const N = n + m + 1;
  // Potentials (reduced cost of arc a→b is cost + pi[a] − pi[b] ≥ 0). Kept shifted so that pi[T] = 0.
  const pi = new Float64Array(N);
  const edgeOf = new Int32Array(n).fill(-1);
  const unassigned = new Uint8Array(n);
  const leadOf = new Int32Array(m).fill(-1);
  const dist = new Float64Array(N);
  const seen = new Int32Array(N); // round stamp: dist is valid when seen[v] === round
  const done = new Int32Array(N);
  const pred = new Int32Array(N);
  const predArc = new Int32Array(N);
  const settled: number[] = [];
  const heap = new Heap();

  const order = input.order ?? Array.from({ length: n }, (_, i) => i);
  if (order.length !== n || new Set(order).size !== n || order.some((i) => !(i >= 0 && i < n)))
    throw new RangeError('order must be a permutation of the leads');
  let round = 0;
  for (const s of order) {
    round++;
    heap.clear();
    settled.length = 0;
    const relax = (v: number, d: number, from: number, arc: number) => {
      if (seen[v] !== round || d < dist[v]!) {
        seen[v] = round;
        dist[v] = d;
        pred[v] = from;
        predArc[v] = arc;
        heap.push(d, v);
      }
    };
    relax(s, 0, -1, 0);
    let dT = Infinity;
    while (heap.size) {
      const v = heap.pop();
      const d = heap.lastKey;
      if (done[v] === round || d > dist[v]!) continue;
      done[v] = round;
      if (v === T) {
        dT = d;
        break;
      }
      settled.push(v);
      if (v < n) {
        const mine = edgeOf[v]!;
        for (let a = start[v]!; a < start[v + 1]!; a++) {
          const e = adj[a]!;
          if (e === mine) continue;
          const j = n + edges[e]!.space;
          relax(j, d + (W - edges[e]!.weight) + pi[v]! - pi[j]!, v, e);
        }
        if (!unassigned[v]) relax(T, d + W + pi[v]! - pi[T]!, v, UNASSIGNED_ARC);
      } else {
        const j = v - n;
        const holder = leadOf[j]!;
        if (holder < 0) relax(T, d + pi[v]! - pi[T]!, v, FREE_SPACE_ARC);
        else {
          const e = edgeOf[holder]!;
          relax(holder, d - (W - edges[e]!.weight) + pi[v]! - pi[holder]!, v, e);
        }
      }
    }
    // potentials: settled nodes move by their distance, every other node by dT; shifted so pi[T] stays 0
    for (const v of settled) pi[v]! += dist[v]! - dT;
    // augment along the path back from the sink
    let node = T;
    while (node !== s) {
      const from = pred[node]!;
      const arc = predArc[node]!;
      if (node === T) {
        if (arc === UNASSIGNED_ARC) {
          unassigned[from] = 1;
          edgeOf[from] = -1;
        }
      } else if (node >= n && from < n) {
        // forward arc lead → space: the lead takes the space
        leadOf[node - n] = from;
        edgeOf[from] = arc;
        unassigned[from] = 0;
      }
      // space → lead (a reverse arc): that lead was re-assigned by the step after it on the path
      node = from;
    }
  }

  const spaceOf = new Int32Array(n).fill(-1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const e = edgeOf[i]!;
    if (e >= 0) {
      spaceOf[i] = edges[e]!.space;
      total += edges[e]!.weight;
    }
  }
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  for (let i = 0; i < n; i++) u[i] = W + pi[i]! - pi[T]!;
  for (let j = 0; j < m; j++) v[j] = pi[T]! - pi[n + j]!;
  return { edgeOf, spaceOf, leadOf, total, u, v };
}

/** Checks the dual certificate: feasible on every edge and no gap. Used by tests and by the pricing step. */
export function certifies(input: AssignmentInput, r: AssignmentResult): boolean {
  if (r.u.some((x) => x < 0) || r.v.some((x) => x < 0)) return false;
  for (const e of input.edges) if (e.weight > 0 && r.u[e.lead]! + r.v[e.space]! < e.weight) return false;
  let dual = 0;
  for (const x of r.u) dual += x;
  for (const x of r.v) dual += x;
  return dual === r.total;
}
