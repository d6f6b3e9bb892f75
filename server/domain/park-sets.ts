/**
 * Sets of parks as bitsets (one bit per park index), and per-positioning park lists: what ranking
 * needs per lead without looking at every park. Which parks a rule covers, which parks lie in a
 * district, which parks relate to an industry (best affinity first) are fixed per knowledge base,
 * so they are built once when the knowledge is compiled.
 */

export type ParkSet = Uint32Array;

export const emptySet = (parks: number): ParkSet => new Uint32Array((parks + 31) >>> 5);

export function setOf(parks: number, has: (idx: number) => boolean): ParkSet {
  const s = emptySet(parks);
  for (let i = 0; i < parks; i++) if (has(i)) s[i >>> 5]! |= 1 << (i & 31);
  return s;
}

export const inSet = (s: ParkSet, idx: number): boolean => (s[idx >>> 5]! & (1 << (idx & 31))) !== 0;

/** into |= other */
export function addAll(into: ParkSet, other: ParkSet): void {
  for (let w = 0; w < into.length; w++) into[w]! |= other[w]!;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** |a ∩ b|, or |a| when b is null (null stands for every park). */
export function countBoth(a: ParkSet, b: ParkSet | null): number {
  let n = 0;
  for (let w = 0; w < a.length; w++) n += popcount(b ? a[w]! & b[w]! : a[w]!);
  return n;
}

/** The lowest park index in a ∩ b (b null: every park), or -1 when none. */
export function firstBoth(a: ParkSet, b: ParkSet | null): number {
  for (let w = 0; w < a.length; w++) {
    const x = b ? a[w]! & b[w]! : a[w]!;
    if (x !== 0) return (w << 5) + (31 - Math.clz32(x & -x));
  }
  return -1;
}

/** Calls fn for each park index in scope (null: every park) and not in `out`, in index order. */
export function forEachOutside(out: ParkSet, scope: ParkSet | null, parks: number, fn: (idx: number) => void): void {
  for (let w = 0; w < out.length; w++) {
    let x = ~out[w]! & (scope ? scope[w]! : -1);
    if (w === out.length - 1 && (parks & 31) !== 0) x &= (1 << (parks & 31)) - 1;
    while (x !== 0) {
      const bit = x & -x;
      fn((w << 5) + (31 - Math.clz32(bit)));
      x ^= bit;
    }
  }
}

/** Per positioning: the parks related to it (affinity > 0, leading industry decided), highest affinity first, ties by park order. */
export interface PositioningLists {
  parks: Int32Array[];
  aff: Float32Array[];
  /** Each listed park's PARK_HAS bits, in list order (read along the list). */
  has: Uint8Array[];
  /** Parks whose leading industry is not decided (未定): the same industry score for every lead. */
  undetermined: Int32Array;
  /**
   * The same parks as a set: ranking asks it of every park it bounds, and a bit test there costs far
   * less than reading the park's object (2,000 objects spread over the heap: measured as a quarter of
   * the ranking's time at 2,000 parks when it read `leading.length`).
   */
  undeterminedSet: ParkSet;
  /** Per park index: its `order` (the tie-break), read by ranking without touching the park's object. */
  order: Int32Array;
}

export function positioningLists(
  positionings: number,
  parks: readonly { idx: number; order: number; leading: number[]; affValue: Float32Array; has: number }[],
): PositioningLists {
  const undetermined = Int32Array.from(
    parks.filter((p) => p.leading.length === 0),
    (p) => p.idx,
  );
  const undeterminedSet = emptySet(parks.length);
  for (const idx of undetermined) undeterminedSet[idx >>> 5]! |= 1 << (idx & 31);
  const order = new Int32Array(parks.length);
  for (const p of parks) order[p.idx] = p.order;
  const out: PositioningLists = { parks: [], aff: [], has: [], undetermined, undeterminedSet, order };
  for (let i = 0; i < positionings; i++) {
    const related = parks
      .filter((p) => p.leading.length > 0 && p.affValue[i]! > 0)
      .sort((a, b) => b.affValue[i]! - a.affValue[i]! || a.order - b.order);
    out.parks.push(Int32Array.from(related, (p) => p.idx));
    out.aff.push(Float32Array.from(related, (p) => p.affValue[i]!));
    out.has.push(Uint8Array.from(related, (p) => p.has));
  }
  return out;
}
