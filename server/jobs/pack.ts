/**
 * A batch's results packed for the main thread: each row's JSON is encoded into the batch's one
 * UTF-8 buffer as soon as it is made, so the string dies young. (Kept as strings until the batch
 * ended, 250 rows of results outlived the worker's young-generation collections and were promoted,
 * filling the old generation: ~3 KB promoted per lead against ~0.4 KB after, with 2,000 parks and
 * the 8 MB young generation the workers had then.)
 */
import type { BatchResults } from './pool.js';

/** Room for a batch before it grows: about twice a typical row's result. */
const BYTES_PER_ROW = 2048;

const encoder = new TextEncoder();

/**
 * Scores each row with `score` (lead JSON → the result as text or as encoded bytes) and packs the
 * results; a row that throws is that row's error and the batch goes on. `capacity`: the buffer's
 * first size in bytes (it grows).
 */
export function packBatch(
  rows: readonly { rowNo: number; lead: string }[],
  score: (lead: string) => string | Uint8Array,
  capacity = rows.length * BYTES_PER_ROW + 1024,
): BatchResults {
  let bytes = new Uint8Array(Math.max(1, capacity));
  const slices = new Int32Array(rows.length * 3);
  const errors: BatchResults['errors'] = [];
  let at = 0;
  let n = 0;
  for (const { rowNo, lead } of rows) {
    let out: string | Uint8Array;
    try {
      out = score(lead);
    } catch (e) {
      errors.push({ rowNo, error: (e as Error).message || String(e) });
      continue;
    }
    // UTF-8 takes at most 3 bytes per UTF-16 code unit
    const room = typeof out === 'string' ? out.length * 3 : out.length;
    if (bytes.length - at < room) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, at + room));
      grown.set(bytes.subarray(0, at));
      bytes = grown;
    }
    let written: number;
    if (typeof out === 'string') written = encoder.encodeInto(out, bytes.subarray(at)).written;
    else {
      bytes.set(out, at);
      written = out.length;
    }
    slices[n * 3] = rowNo;
    slices[n * 3 + 1] = at;
    slices[n * 3 + 2] = at + written;
    at += written;
    n++;
  }
  // the used parts only: they are moved to the main thread and stored as they are
  return { bytes: bytes.slice(0, at), slices: slices.slice(0, n * 3), errors };
}
