/** Packing a batch's results into one buffer: every row's bytes, in order, whatever the buffer's first size. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packBatch } from '../../server/jobs/pack.js';
import { resultSlices } from '../../server/jobs/pool.js';

const decoder = new TextDecoder();
const unpack = (r: ReturnType<typeof packBatch>) => [...resultSlices(r)].map((x) => ({ rowNo: x.rowNo, json: decoder.decode(x.bytes) }));

describe('packBatch', () => {
  it('gives each scored row its own bytes and names the rows that threw', () => {
    const rows = [
      { rowNo: 2, lead: '医疗器械' },
      { rowNo: 3, lead: 'boom' },
      { rowNo: 5, lead: '𠮷野家，含emoji 😀' },
    ];
    const score = (lead: string) => {
      if (lead === 'boom') throw new Error('第3行无法评分');
      return JSON.stringify({ lead });
    };
    const r = packBatch(rows, score, 1); // grows from one byte
    expect(unpack(r)).toEqual([
      { rowNo: 2, json: '{"lead":"医疗器械"}' },
      { rowNo: 5, json: '{"lead":"𠮷野家，含emoji 😀"}' },
    ]);
    expect(r.errors).toEqual([{ rowNo: 3, error: '第3行无法评分' }]);
    expect(r.bytes.byteLength).toBe(r.slices[r.slices.length - 1]); // only the used bytes are sent
    expect(r.slices.length).toBe(6);
  });

  it('equals encoding each row on its own, for any texts and any first size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 5000 }),
        (texts, capacity) => {
          const rows = texts.map((lead, i) => ({ rowNo: i + 1, lead }));
          const r = packBatch(rows, (lead) => lead, capacity);
          expect(unpack(r)).toEqual(rows.map((x) => ({ rowNo: x.rowNo, json: x.lead })));
          expect(r.bytes.byteLength).toBe(texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0));
        },
      ),
      { numRuns: 300 },
    );
  });
});
