/** Download pages rendered straight into bytes are exactly the page's text encoded, whatever the texts. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { renderPage, renderPageBytes, type RenderTask } from '../../server/jobs/render.js';
import { createInterner, encodeResult } from '../../server/jobs/result-codec.js';
import type { RowResult } from '../../server/jobs/score-row.js';

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('', '电镀', '嘉兴南湖高新技术产业园区（嘉兴科技城）', '😀 emoji', '=SUM(A1)', 'a,"b"\nc', '\uD800 lone surrogate'),
);
const park = fc.record({ parkId: text, parkName: text, district: text, score: fc.integer({ min: 0, max: 1000 }).map((x) => x / 10) });
const result: fc.Arbitrary<RowResult> = fc.record({
  best: fc.option(park, { nil: null }),
  alternatives: fc.array(park, { maxLength: 3 }),
  exclusions: fc.array(fc.record({ ruleId: text, reason: text, source: text, parks: fc.nat(2000) }), { maxLength: 3 }),
  reasons: fc.array(text, { maxLength: 4 }),
  eligible: fc.nat(2000),
  excluded: fc.nat(2000),
});

/** A page as the database gives it: each row's input as JSON and its result encoded, the texts it refers to. */
function page(rows: { input: string[]; result: RowResult | null }[]): Pick<RenderTask, 'rows' | 'strings'> {
  const { intern, strings } = createInterner(new Set(), 8); // texts go to the table from their second use
  const raw = rows.map((r, i) => ({
    rowNo: i + 1,
    input: JSON.stringify(r.input),
    result: r.result ? encodeResult(r.result, intern) : null,
  }));
  return { rows: raw, strings: strings.map((s, i): [number, string] => [i, s]) };
}

describe('download pages', () => {
  it('renderPageBytes gives exactly the UTF-8 bytes of renderPage, CSV and JSON, with and without every row (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ input: fc.array(text, { minLength: 2, maxLength: 2 }), result: fc.option(result, { nil: null }) }), {
          maxLength: 30,
        }),
        fc.constantFrom('csv' as const, 'json' as const),
        fc.boolean(),
        (rows, format, all) => {
          const t: RenderTask = {
            format,
            columns: ['项目名称', '项目简介'],
            ...page(rows),
            ...(all ? { all: { headerRow: 1, problems: [[2, '第 3 行：面积不是数字']] as [number, string][] } } : {}),
          };
          const rendered = renderPage(t);
          expect(Buffer.from(renderPageBytes(t)).equals(Buffer.from(new TextEncoder().encode(rendered)))).toBe(true);
          // and the page holds every row, once, in order
          if (format === 'json')
            expect((JSON.parse(`[${rendered}]`) as { row: number }[]).map((x) => x.row)).toEqual(t.rows.map((r) => r.rowNo));
          else expect(parse(rendered, { relax_column_count: true })).toHaveLength(rows.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a page far larger than its first buffer grows without losing a byte', () => {
    const long = '园区'.repeat(5000);
    const t: RenderTask = {
      format: 'csv',
      columns: ['项目简介'],
      ...page([
        { input: [long], result: null },
        { input: ['x'], result: null },
      ]),
    };
    const bytes = renderPageBytes(t);
    expect(new TextDecoder().decode(bytes)).toBe(renderPage(t));
    expect(new TextDecoder().decode(bytes)).toContain(long);
  });
});
