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
 * Scores each row with `score` (lead JSON → result JSON) and packs the results; a row that throws is
 * that row's error and the batch goes on. `capacity`: the buffer's first size in bytes (it grows).
 */
export function packBatch(
  rows: readonly { rowNo: number; lead: string }[],
  score: (lead: string) => string,
  capacity = rows.length * BYTES_PER_ROW + 1024,
): BatchResults {
  let bytes = new Uint8Array(Math.max(1, capacity));
  const slices = new Int32Array(rows.length * 3);
  const errors: BatchResults['errors'] = [];
  let at = 0;
  let n = 0;
  for (const { rowNo, lead } of rows) {
    let json: string;
    try {
      json = score(lead);
    } catch (e) {
      errors.push({ rowNo, error: (e as Error).message || String(e) });
      continue;
    }
    // UTF-8 takes at most 3 bytes per UTF-16 code unit
    if (bytes.length - at < json.length * 3) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, at + json.length * 3));
      grown.set(bytes.subarray(0, at));
      bytes = grown;
    }
    const { written } = encoder.encodeInto(json, bytes.subarray(at));
    slices[n * 3] = rowNo;
    slices[n * 3 + 1] = at;
    slices[n * 3 + 2] = at + written;
    at += written;
    n++;
  }
  // the used parts only: they are moved to the main thread and stored as they are
  return { bytes: bytes.slice(0, at), slices: slices.slice(0, n * 3), errors };
}
