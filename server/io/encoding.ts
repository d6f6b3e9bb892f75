/**
 * Text encodings of CSV files from Excel and WPS: UTF-8 (with or without BOM), UTF-16 (Excel's
 * "Unicode text"), and GBK/GB18030 (the default of Chinese Excel "CSV (逗号分隔)"). Detection: a BOM
 * decides; otherwise strict UTF-8 first (any invalid sequence fails), then GB18030, a superset of GBK,
 * but only when the bytes look like GBK text. GB18030 decodes almost any byte string, so a Latin-1
 * or Big5 file would otherwise be read as mojibake without a word: those are refused, naming the
 * encoding they look like.
 */
import iconv from 'iconv-lite';
import { FileProblem } from './table.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: TextEncoding;
}

const startsWith = (b: Uint8Array, ...sig: number[]) => sig.every((x, i) => b[i] === x);

export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const other = foreignEncoding(bytes);
    if (other)
      throw new FileProblem(
        'unsupported_encoding',
        `文件编码看起来是 ${other}，不是 UTF-8、UTF-16 或 GBK/GB18030，按中文编码读取会变成乱码：请在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”或 XLSX 后再上传`,
      );
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gb18030' };
  }
}

/** Byte statistics of a text that is not UTF-8, read as GB18030's byte grammar. */
export interface GbScan {
  /** Two-byte sequences with both bytes ≥ 0xA1: the GB2312 area where nearly all Chinese text lives. */
  common: number;
  /** Two-byte sequences whose second byte is 0x40–0xA0: GBK's rare extension area (and Big5's usual one). */
  extension: number;
  /** Four-byte GB18030 sequences. */
  four: number;
  /** Bytes no GB18030 sequence explains (a high byte followed by a space, comma, digit …). */
  invalid: number;
}

export function scanGb(bytes: Uint8Array): GbScan {
  const r: GbScan = { common: 0, extension: 0, four: 0, invalid: 0 };
  const n = bytes.length;
  for (let i = 0; i < n;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const b2 = i + 1 < n ? bytes[i + 1]! : -1;
    if (b === 0x80 || b === 0xff) {
      r.invalid++;
      i++;
    } else if (b2 >= 0xa1 && b2 <= 0xfe) {
      if (b >= 0xa1) r.common++;
      else r.extension++;
      i += 2;
    } else if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xa0)) {
      r.extension++;
      i += 2;
    } else if (
      b2 >= 0x30 &&
      b2 <= 0x39 &&
      i + 3 < n &&
      bytes[i + 2]! >= 0x81 &&
      bytes[i + 2]! <= 0xfe &&
      bytes[i + 3]! >= 0x30 &&
      bytes[i + 3]! <= 0x39
    ) {
      r.four++;
      i += 4;
    } else {
      r.invalid++;
      i++;
    }
  }
  return r;
}

/**
 * The encoding a non-UTF-8 text looks like when it is not GBK/GB18030, or null when it is (or
 * might be). GBK text of Chinese words is almost all in the GB2312 area; Latin-1 (Windows-1252)
 * puts single high bytes between ASCII letters, spaces and punctuation, which GBK cannot explain;
 * Big5 puts about 40 % of its second bytes below 0xA1, which GBK uses only for rare characters.
 */
export function foreignEncoding(bytes: Uint8Array): string | null {
  const s = scanGb(bytes);
  const pairs = s.common + s.extension;
  const high = pairs + s.four + s.invalid;
  if (high === 0) return null;
  const westernLike = s.invalid > 0 && s.invalid >= 0.05 * high;
  const extensionHeavy = pairs > 0 && s.extension > Math.max(2, 0.25 * pairs);
  if (!westernLike && !extensionHeavy) return null;
  const western = 'ISO-8859-1 / Windows-1252（西欧文字）';
  // single high bytes between ASCII (é, ü, ß, then a space or comma) → a Western single-byte code page
  if (westernLike) return western;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sjis = iconv.decode(buf, 'shift_jis');
  if (!sjis.includes('\uFFFD') && /[\u3040-\u30ff]/.test(sjis)) return 'Shift_JIS（日文）';
  if (s.common >= s.extension && !iconv.decode(buf, 'big5').includes('\uFFFD')) return 'Big5（繁体中文）';
  return western;
}

/** Encodes text as GBK-compatible GB18030 (used by tests and by anyone exporting for old WPS). */
export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

/** True when the bytes look like binary rather than text (NUL bytes outside UTF-16). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
