/** Builders for spreadsheet fixtures, generated in the tests rather than committed. */
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { importLimits, type ImportLimits } from '../../server/io/table.js';

export const LIMITS: ImportLimits = importLimits({
  UPLOAD_MAX_BYTES: 20 * 1024 * 1024,
  UPLOAD_MAX_ROWS: 200_000,
  UPLOAD_MAX_CELL_CHARS: 2000,
});
export const limitsWith = (o: Partial<ImportLimits>): ImportLimits => ({ ...LIMITS, ...o });

export const utf8 = (s: string) => new TextEncoder().encode(s);

/** An XLSX written by exceljs (the full writer, as Excel would produce it); cells may be formulas. */
export async function xlsxOf(sheets: { name: string; rows: unknown[][] }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every entry of a zip, inflated (test-side reading of our own exports). */
export async function unzipAll(buf: Buffer): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.fromBuffer(buf, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z!))),
  );
  const out = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (err, s) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        s!.on('data', (c: Buffer) => chunks.push(c));
        s!.on('end', () => (out.set(entry.fileName, Buffer.concat(chunks).toString('utf8')), zip.readEntry()));
      }),
    );
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}
