import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeText, foreignEncoding, looksBinary } from '../../server/io/encoding.js';
import { FileProblem } from '../../server/io/table.js';

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
  it('never throws anything but a refusal naming the encoding, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        try {
          return typeof decodeText(b).text === 'string';
        } catch (e) {
          return e instanceof FileProblem && e.code === 'unsupported_encoding' && /看起来是 \S+/.test(e.message);
        }
      }),
    );
  });
});

describe('encodings that are neither UTF-8, UTF-16 nor GBK/GB18030', () => {
  const refusal = (bytes: Uint8Array): string => {
    try {
      decodeText(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(FileProblem);
      expect((e as FileProblem).code).toBe('unsupported_encoding');
      return (e as FileProblem).message;
    }
    throw new Error('was read without a word');
  };
  it('refuses a Latin-1 file naming the encoding instead of reading it as GB18030 mojibake', () => {
    const latin1 = iconv.encode('name,company,summary\nCafé Société,Müller GmbH,Fabrication de pièces détachées, usinage\n', 'latin1');
    const msg = refusal(latin1);
    expect(msg).toContain('ISO-8859-1 / Windows-1252');
    expect(msg).toContain('UTF-8');
  });
  it('refuses Big5 (Traditional Chinese) and Shift_JIS, naming each', () => {
    expect(refusal(iconv.encode('項目名稱,項目簡介\n內窺鏡項目,研發生產內窺鏡，需要三千平方米廠房\n', 'big5'))).toContain('Big5');
    expect(refusal(iconv.encode('プロジェクト,会社\n東京都の工場,株式会社テスト\n', 'shiftjis'))).toContain('Shift_JIS');
  });
  it('never refuses GBK text of Chinese words, numbers and punctuation', () => {
    const chars = [
      ...'项目名称企业简介研发生产内窥镜需要平方米厂房不涉及电镀嘉兴南湖区秀洲镇街道有限公司投资万元亿亩啰嗦镕，。；：（）“”、',
    ];
    const piece = fc.oneof(fc.constantFrom(...chars), fc.constantFrom(',', '\n', ' ', '1', '0', 'a', 'Z', '"'));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 200 }), (parts) => {
        const text = '项目名称,项目简介\n' + parts.join('');
        expect(foreignEncoding(iconv.encode(text, 'gbk'))).toBeNull();
        expect(decodeText(iconv.encode(text, 'gbk')).text).toBe(text);
      }),
    );
  });
});
