/** An upload read on its own thread: the same rows and summary as reading it here, refusals with their code and sentence. */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseLeadSheetOffThread } from '../../server/jobs/parse-thread.js';
import { readLeadSheet, type SheetRow } from '../../server/io/lead-sheet.js';
import { FileProblem } from '../../server/io/table.js';
import { toCsv } from '../../server/io/export.js';
import { syntheticLeads } from '../../scripts/synthetic.js';
import { demoSeed } from '../helpers/app.js';
import { LIMITS, limitsWith, xlsxOf } from '../io/helpers.js';

const leads = syntheticLeads(demoSeed(), 5000, 12);
const table = [
  ['项目名称', '项目简介', '面积需求(平方米)', '总投资(万元)'],
  ...leads.map((l, i) => [
    l.name ?? null,
    i % 97 === 0 ? '' : (l.summary ?? null),
    l.floorAreaM2 ?? null,
    i % 89 === 0 ? 'abc' : (l.investmentWan ?? null),
  ]),
];

async function offThread(bytes: Uint8Array, limits = LIMITS) {
  const rows: SheetRow[] = [];
  const chunks: number[] = [];
  const summary = await parseLeadSheetOffThread(bytes, limits, 7.1, async (r) => {
    chunks.push(r.length);
    rows.push(...r);
    await new Promise((res) => setTimeout(res, 1)); // a slow store: the thread waits for it
  });
  return { summary, rows, chunks };
}

describe('reading an upload on its own thread', () => {
  it('gives the same rows, errors and summary as reading it on this thread (CSV in GBK, and XLSX)', async () => {
    const csv = iconv.encode(toCsv(table[0] as string[], table.slice(1)).slice(1), 'gbk');
    const xlsx = await xlsxOf([{ name: '线索', rows: table }]);
    for (const bytes of [new Uint8Array(csv), xlsx]) {
      const here = await readLeadSheet(bytes, LIMITS, 7.1);
      const there = await offThread(bytes);
      expect(there.rows).toEqual(here.rows);
      const { rows: _rows, ...summary } = here;
      expect(there.summary).toEqual(summary);
      expect(there.summary.failed).toBeGreaterThan(0);
      expect(there.chunks.length).toBeGreaterThan(1);
    }
  });

  it('refuses a file with its FileProblem (code and sentence), and passes the store’s own error on', async () => {
    const e = await parseLeadSheetOffThread(
      new TextEncoder().encode('项目简介\n' + 'a\n'.repeat(40)),
      limitsWith({ maxRows: 5 }),
      7.1,
      () => {},
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FileProblem);
    expect((e as FileProblem).code).toBe('too_many_rows');
    expect((e as FileProblem).message).toContain('超过 5 行上限');
    const dup = await parseLeadSheetOffThread(new TextEncoder().encode('项目简介,项目简介\na,b\n'), LIMITS, 7.1, () => {}).catch(
      (x: unknown) => x,
    );
    expect((dup as FileProblem).code).toBe('duplicate_columns');
    const boom = new Error('disk full');
    const csv = new TextEncoder().encode(toCsv(table[0] as string[], table.slice(1)).slice(1));
    await expect(
      parseLeadSheetOffThread(csv, LIMITS, 7.1, () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
  });
});
