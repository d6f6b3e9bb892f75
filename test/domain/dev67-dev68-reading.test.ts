/**
 * What dev67 (a 佛山 town's leads, some in Cantonese) and dev68 (a 武汉-area park's) found on arrival: a project in two 名录
 * items takes the higher (名录 第四条), a capacity said in Chinese numerals above a carve-out's floor (年产大概三千千升), a
 * tank's kind between its size and what it holds (150立方米真空绝热液氢储罐), 现在 that is "now" and not "at", and what a
 * firm keeps secret about its product.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('dev67 and dev68 on arrival', () => {
  it('a project in two 名录 items takes the higher (白酒 第25项 报告书 beside the rice it steams, 第15项)', () => {
    expect(excludedEverywhere('米酒厂，大米蒸饭、发酵、蒸馏都自己做，年产大概三千千升')).toBe(true);
    // (…below the item's own floor it is the item's carve-out: 年生产能力1000千升以下的除外)
    expect(excludedNowhere('米酒厂，大米蒸饭、发酵、蒸馏都自己做，年产大概600千升')).toBe(true);
  });
  it('a tank’s kind between its size and what it holds is the tank’s (150立方米真空绝热液氢储罐2台: 19 t ≥ 5 t)', () => {
    const t =
      '可研摘录：氢能储运中转站项目，接收液氢槽车来氢，站内设150立方米真空绝热液氢储罐2台（最大充装率90%），经汽化后向区内加氢站及燃料电池企业配送，规划年周转液氢3000吨，用地18亩。';
    // (the tanks' stock, 2 × 150 m³ × 0.071 t/m³ × 90 %, not the year's throughput)
    const h = run(t).features.chemicals.find((c) => c.cas === '1333-74-0');
    expect([h?.amountT, h?.stored]).toEqual([19.2, true]);
    expect(excludedEverywhere(t)).toBe(true);
    // (…and below the 临界量 it is none: 50 m³ × 1.14 t/m³ of liquid oxygen = 57 t < 200 t)
    expect(excludedNowhere('站内设50立方米低温液氧储罐1台')).toBe(true);
  });
  it('现在 is “now”, not a place over there (现在澜石那边地不够了)', () => {
    expect(
      excludedEverywhere(
        '我们是做不锈钢冷轧的二十辊轧机有六台还有退火酸洗线一年设计产能大概六十万吨吧主要供给那个厨具还有装饰管的厂现在澜石那边地不够了',
      ),
    ).toBe(true);
    // (…a works over there is still another's: 在宁波那边的工厂做冷轧)
    expect(excludedNowhere('我们做不锈钢厨具，冷轧板在宁波那边的工厂做好运过来，这里只冲压焊接')).toBe(true);
  });
  it('a product kept secret is not said (具体做什么还在保密): the sector word is a guess, never a reading', () => {
    const f = run('有个新能源方面的项目，投资八十亿，分三期，对方要求一期土地年内交付，具体做什么还在保密。').features;
    expect(f.industries.every((i) => i.strength <= 0.6)).toBe(true);
  });
  it('recycled feed said to be most of the material is fed in (原料以回收料为主…厂里自己清洗、造粒后再注塑: 第53项)', () => {
    expect(
      excludedEverywhere(
        '给小家电厂做外壳、底座等注塑件，原料以回收料为主——向广东各地回收站买PP、ABS破碎料，厂里自己清洗、造粒后再注塑，新料只占三成。',
      ),
    ).toBe(true);
    // (…and said not used, none)
    expect(excludedNowhere('注塑件，新料为主，回收料不用')).toBe(true);
  });
});
