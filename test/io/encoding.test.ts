import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeText, looksBinary } from '../../server/io/encoding.js';

const TEXT = '项目名称,项目简介\n内窥镜项目,研发生产内窥镜';

describe('decoding CSV bytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]))).toEqual({
      text: TEXT,
      encoding: 'utf-8-bom',
    });
  });
  it('reads GBK (what Chinese Excel writes for "CSV (逗号分隔)") after strict UTF-8 fails', () => {
    const gbk = iconv.encode(TEXT, 'gbk');
    expect(decodeText(gbk)).toEqual({ text: TEXT, encoding: 'gb18030' });
  });
  it('reads GB18030 characters outside GBK', () => {
    const s = '企业名称\n𠀀科技';
    expect(decodeText(iconv.encode(s, 'gb18030')).text).toBe(s);
  });
  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]))).toEqual({
      text: TEXT,
      encoding: 'utf-16le',
    });
  });
  it('calls bytes with NUL binary, but not UTF-16', () => {
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x00, 0x01]))).toBe(true);
    expect(looksBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b', 'utf16le')]))).toBe(false);
  });
  it('never throws, whatever the bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => typeof decodeText(b).text === 'string'));
  });
});
