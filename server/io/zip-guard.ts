/**
 * Zip-bomb guard for XLSX uploads, run before any XLSX library inflates anything:
 * 1. the central directory alone (nothing inflated): entry count, total declared size, and the
 *    inflated/compressed ratio of the archive and of every large entry;
 * 2. the local headers tile the file exactly as the directory says (no hidden entries that a
 *    streaming reader would inflate but the directory does not list);
 * 3. each entry inflated as a stream into nothing, aborted as soon as it yields more bytes than
 *    declared (yauzl validates sizes), so a lying directory costs at most the declared total.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { FileProblem, mib, type ImportLimits } from './table.js';
import { xlsxRowCounter } from './row-count.js';

const open = (buf: Buffer): Promise<ZipFile> =>
  new Promise((resolve, reject) =>
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    ),
  );

function readEntries(zip: ZipFile, max: number): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const out: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      out.push(e);
      if (out.length > max) {
        zip.close();
        reject(new FileProblem('zip_bomb', `XLSX 压缩包内有超过 ${max} 个文件，疑似恶意文件，已拒绝`));
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Step 1: the central directory's declared sizes (nothing inflated). */
export function checkDeclaredSizes(entries: Entry[], limits: ImportLimits): void {
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    compressed += e.compressedSize;
    if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > limits.maxZipRatio * Math.max(1, e.compressedSize)) {
      throw new FileProblem(
        'zip_bomb',
        `XLSX 内文件 ${e.fileName} 压缩比超过 ${limits.maxZipRatio}:1（${mib(e.compressedSize)} → ${mib(e.uncompressedSize)}），疑似压缩炸弹，已拒绝`,
      );
    }
  }
  if (total > limits.maxUnzippedBytes)
    throw new FileProblem('zip_bomb', `XLSX 解压后 ${mib(total)}，超过上限 ${mib(limits.maxUnzippedBytes)}，已拒绝`);
  if (total > 1024 * 1024 && total > limits.maxZipRatio * Math.max(1, compressed)) {
    throw new FileProblem('zip_bomb', `XLSX 整体压缩比超过 ${limits.maxZipRatio}:1，疑似压缩炸弹，已拒绝`);
  }
}

const LOCAL_SIG = 0x04034b50;
const DESCRIPTOR_SIG = 0x08074b50;

/** Step 2: every byte before the central directory belongs to a listed entry. */
export function checkLayout(buf: Buffer, entries: Entry[], centralDirectoryOffset: number): void {
  const bad = (why: string) => new FileProblem('bad_xlsx', `XLSX 文件结构异常（${why}），可能已损坏或被篡改`);
  const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let pos = 0;
  sorted.forEach((e, i) => {
    if (e.relativeOffsetOfLocalHeader !== pos) throw bad('压缩包内有目录未列出的数据');
    if (pos + 30 > buf.length || buf.readUInt32LE(pos) !== LOCAL_SIG) throw bad('本地文件头缺失');
    const dataEnd = pos + 30 + buf.readUInt16LE(pos + 26) + buf.readUInt16LE(pos + 28) + e.compressedSize;
    const next = i + 1 < sorted.length ? sorted[i + 1]!.relativeOffsetOfLocalHeader : centralDirectoryOffset;
    if (e.generalPurposeBitFlag & 8) {
      const sig = dataEnd + 4 <= buf.length && buf.readUInt32LE(dataEnd) === DESCRIPTOR_SIG ? 4 : 0;
      const fit = [12, 20].map((n) => dataEnd + sig + n).find((p) => p === next);
      if (fit === undefined) throw bad('数据描述符不符');
      pos = fit;
    } else pos = dataEnd;
  });
  if (pos !== centralDirectoryOffset) throw bad('压缩包内有目录未列出的数据');
}

/** Step 3: inflate each entry into nothing; yauzl fails as soon as an entry exceeds its declared size. */
function drainEntry(zip: ZipFile, e: Entry, onData?: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(e, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      stream.on('error', reject);
      stream.on('end', () => resolve());
      if (onData) stream.on('data', onData);
      else stream.resume();
    });
  });
}

/** What the guard learnt while inflating: rows with a value in the workbook's first sheet (null: not found). */
export interface ZipFacts {
  firstSheetRows: number | null;
  /** The workbook's first sheet: its part's number (sheetN.xml) and its sheetId in workbook.xml (null: not found). */
  firstSheet: { fileNo: string; sheetId: string | null } | null;
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const SMALL = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);

const firstSheetTag = (workbook: string | undefined): string | undefined => workbook?.match(/<(?:\w+:)?sheet\b[^>]*>/)?.[0];

/** The first sheet's part name, from workbook.xml (its first <sheet r:id>) and the workbook's rels. */
function firstSheetPart(workbook: string | undefined, rels: string | undefined): string | null {
  const rid = firstSheetTag(workbook)?.match(/\br:id="([^"]+)"/)?.[1];
  if (!rid || !rels) return null;
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`));
  const target = rel?.match(/Target="([^"]+)"/)?.[1];
  if (!target) return null;
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** Runs the three checks; throws FileProblem when the archive must not be opened. Counts the sheets' rows on the way. */
export async function guardZip(buf: Buffer, limits: ImportLimits): Promise<ZipFacts> {
  let zip: ZipFile;
  try {
    zip = await open(buf);
  } catch {
    throw new FileProblem('bad_xlsx', 'XLSX 文件已损坏，无法打开（不是有效的 zip 压缩包）');
  }
  const centralDirectoryOffset = (zip as unknown as { readEntryCursor: number }).readEntryCursor;
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close();
    throw new FileProblem('zip_bomb', `XLSX 压缩包内有 ${zip.entryCount} 个文件，超过上限 ${limits.maxZipEntries}，已拒绝`);
  }
  let entries: Entry[];
  try {
    entries = await readEntries(zip, limits.maxZipEntries);
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    throw new FileProblem('bad_xlsx', 'XLSX 文件已损坏，无法读取目录');
  }
  checkDeclaredSizes(entries, limits);
  checkLayout(buf, entries, centralDirectoryOffset);
  const rows = new Map<string, number>();
  const small = new Map<string, string>();
  try {
    for (const e of entries) {
      if (e.fileName.endsWith('/')) continue;
      if (SHEET.test(e.fileName)) {
        const counter = xlsxRowCounter();
        await drainEntry(zip, e, (c) => counter.push(c));
        rows.set(e.fileName, counter.count());
      } else if (SMALL.has(e.fileName) && e.uncompressedSize < 1024 * 1024) {
        const parts: Buffer[] = [];
        await drainEntry(zip, e, (c) => parts.push(c));
        small.set(e.fileName, Buffer.concat(parts).toString('utf8'));
      } else await drainEntry(zip, e);
    }
  } catch {
    throw new FileProblem('zip_bomb', 'XLSX 内文件的实际大小与声明不符，疑似压缩炸弹或文件损坏，已拒绝');
  } finally {
    zip.close();
  }
  const workbook = small.get('xl/workbook.xml');
  const first = firstSheetPart(workbook, small.get('xl/_rels/workbook.xml.rels'));
  const fileNo = first?.match(/sheet(\d+)\.xml$/)?.[1];
  const sheetId = firstSheetTag(workbook)?.match(/\bsheetId="(\d+)"/)?.[1] ?? null;
  return {
    firstSheetRows: first ? (rows.get(first) ?? null) : null,
    firstSheet: fileNo ? { fileNo, sheetId } : null,
  };
}
