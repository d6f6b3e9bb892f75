/** Company and place names found in pasted news (server/text/names.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inName, nameSpans } from '../../server/text/names.js';
import { normalizeText } from '../../server/text/normalize.js';

const names = (text: string) => {
  const t = normalizeText(text);
  return nameSpans(t).map(([s, e]) => t.slice(s, e));
};

describe('nameSpans', () => {
  it('keeps a registered place in brackets inside a firm’s name (宏科化工新材料（江苏）有限公司)', () => {
    expect(names('宏科化工新材料（江苏）有限公司拟将注册地址迁至我区')).toEqual(['宏科化工新材料(江苏)有限公司']);
  });
  it('reads a row’s firm field as a name where its value ends like one (registered place or suffix)', () => {
    expect(names('粉末涂料｜3万吨/年｜企业：彩固涂料（常州）')).toContain('彩固涂料(常州)');
    expect(names('序号3｜公司：华东印染科技有限公司｜需求：办公')).toContain('华东印染科技有限公司');
    // (…not a description in the field: 企业：某电镀厂，拟新建电镀线)
    expect(names('企业：某电镀厂，拟新建电镀线')).toEqual([]);
  });
  it('finds companies and places up to the word that introduces them', () => {
    expect(names('秀洲区与浙江恒远机电有限公司签订投资协议')).toEqual(['浙江恒远机电有限公司']);
    expect(names('项目落户桐乡智能制造产业新城，总投资3亿元')).toEqual(['桐乡智能制造产业新城']);
    expect(names('嘉兴某某控股集团股份有限公司')).toEqual(['嘉兴某某控股集团股份有限公司']);
    expect(names('近日，绍兴纺织机械小镇引进一个电子项目')).toEqual(['绍兴纺织机械小镇']);
    expect(names('该项目拟落户嘉兴科技城生命科学园，总投资6亿元')).toEqual(['嘉兴科技城', '生命科学园']);
    // (an industry's place, named by its industry: 生命科学港, 医药港)
    expect(names('深算药物科技有限公司签约钱塘生命科学港')).toEqual(['深算药物科技有限公司', '钱塘生命科学港']);
  });

  it('leaves the product words of a sentence without names alone', () => {
    expect(names('研发生产医用内窥镜，需要厂房2000平方米')).toEqual([]);
  });

  it('spans lie inside the text, in order, without overlap (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('公司', '有限', '园区', '小镇', '与', '，', '智造', '电镀', 'a', '集团'), { maxLength: 30 }),
        (parts) => {
          const t = parts.join('');
          const spans = nameSpans(t);
          let last = 0;
          for (const [s, e] of spans) {
            expect(s).toBeGreaterThanOrEqual(last);
            expect(e).toBeLessThanOrEqual(t.length);
            expect(inName(spans, s, e)).toBe(true);
            last = e;
          }
        },
      ),
    );
  });
});
