/** A small workbook of several sheets as bytes (the dashboard export): header row bold and frozen, cells as plain typed values. */
import { excel } from './exceljs.js';
import { xlsxValue, type OutCell } from './export.js';

export interface BookSheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly OutCell[])[];
}

export async function toXlsxBook(sheets: readonly BookSheet[]): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.header.map((h) => ({ width: Math.max(10, Math.min(40, h.length * 2 + 4)) }));
    ws.addRow(s.header.map((h) => xlsxValue(h))).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map(xlsxValue));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
