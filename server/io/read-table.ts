/**
 * Bytes → Table, whatever the file is: XLSX (zip) through the guarded exceljs reader, anything else
 * that is text through the CSV reader. Files that are neither (old .xls, PDF, images, an empty
 * file, one over the size limit) are refused with a FileProblem that names the problem.
 */
import { streamCsv } from './csv.js';
import { streamXlsx } from './xlsx.js';
import { FileProblem, mib, type ImportLimits, type RowSink, type Table, type TableInfo, type TableRow } from './table.js';

const has = (b: Uint8Array, ...sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** Reads any accepted file, handing its rows to `sink` a chunk at a time. */
export async function streamTable(bytes: Uint8Array, limits: ImportLimits, sink: RowSink): Promise<TableInfo> {
  if (bytes.length === 0) throw new FileProblem('empty', '文件为空');
  if (bytes.length > limits.maxBytes)
    throw new FileProblem('too_large', `文件大小 ${mib(bytes.length)}，超过上限 ${mib(limits.maxBytes)}（UPLOAD_MAX_BYTES）`);
  if (has(bytes, 0x50, 0x4b, 0x03, 0x04)) return streamXlsx(bytes, limits, sink);
  if (has(bytes, 0x50, 0x4b, 0x05, 0x06)) throw new FileProblem('empty', 'XLSX 文件为空（压缩包内没有内容）');
  if (has(bytes, 0xd0, 0xcf, 0x11, 0xe0))
    throw new FileProblem('not_spreadsheet', '不支持旧版 .xls（Excel 97-2003）或加密的表格，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后上传');
  if (has(bytes, 0x25, 0x50, 0x44, 0x46)) throw new FileProblem('not_spreadsheet', '文件是 PDF，不是表格；请上传 CSV 或 XLSX');
  if (has(bytes, 0x89, 0x50, 0x4e, 0x47) || has(bytes, 0xff, 0xd8, 0xff) || has(bytes, 0x47, 0x49, 0x46))
    throw new FileProblem('not_spreadsheet', '文件是图片，不是表格；请上传 CSV 或 XLSX');
  return streamCsv(bytes, limits, sink);
}

/** Every row of any accepted file (park sheets, tests). */
export async function readTable(bytes: Uint8Array, limits: ImportLimits): Promise<Table> {
  const rows: TableRow[] = [];
  return { ...(await streamTable(bytes, limits, (r) => void rows.push(...r))), rows };
}
