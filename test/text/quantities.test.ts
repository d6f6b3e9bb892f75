import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { extractQuantities, QUANTITY_FIELDS, type ExtractOptions, type Quantities } from '../../server/text/quantities.js';

interface Case {
  text: string;
  note?: string;
  opts?: ExtractOptions;
  /** Expected fields; null = must be absent. */
  expect: Record<string, unknown>;
}

const table = JSON.parse(readFileSync(new URL('./quantity-cases.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** Fields that must be absent unless a case lists them (approx and currency are checked only when listed). */
const STRICT_FIELDS: readonly (keyof Quantities)[] = QUANTITY_FIELDS;

describe('extractQuantities case table', () => {
  it('has at least 80 cases', () => expect(table.cases.length).toBeGreaterThanOrEqual(80));

  it.each(table.cases.map((c) => [c.text, c] as const))('%s', (_text, c) => {
    const q = extractQuantities(c.text, c.opts) as Record<string, unknown>;
    for (const [field, want] of Object.entries(c.expect)) {
      if (want === null) expect(q[field], field).toBeUndefined();
      else if (field === 'approx' && Object.keys(want as object).length === 0) expect(q.approx, field).toBeUndefined();
      else expect(q[field], field).toEqual(want);
    }
    for (const field of STRICT_FIELDS) {
      if (!(field in c.expect)) expect(q[field], `${field} should be absent`).toBeUndefined();
    }
  });
});

describe('extractQuantities contract', () => {
  it('returns no field for text without quantities (unknown is never 0)', () => {
    expect(extractQuantities('做软件开发的，想在南湖区落地')).toEqual({});
    expect(extractQuantities('')).toEqual({});
  });

  it('ignores zero amounts', () => expect(extractQuantities('投资0元，面积0平米')).toEqual({}));

  it('falls back to the default rate for a bad rate option', () => {
    for (const usdCnyRate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(extractQuantities('投资100万美元', { usdCnyRate }).investmentWan).toBe(710);
    }
  });

  it('keeps only the stated approx entries', () => {
    const q = extractQuantities('投资约2亿，需要3000平方米');
    expect(q.approx).toEqual({ investmentWan: { approx: true } });
  });
});
