/**
 * Stocks told the way staff say them and firms abbreviate them (twenty-seventh session, dev28/dev60): a spoken volume with a
 * measure word (每台十五个方), an ammonia plant's receivers (高压储液器) sized in a later clause, an abbreviation the text
 * defines for a chemical (环氧丙烷（PO）… PO 5吨), and a list of tanks sharing one head that the lead says stand in its works
 * (糖化、发酵、清酒罐都在厂里).
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('stocks as people say them', () => {
  it('a spoken volume with a measure word is a volume (每台十五个方: 3 × 15 m³ × 0.61 t/m³ ≥ 10 t of ammonia)', () => {
    expect(excludedEverywhere('冷库用液氨制冷，液氨储罐三台 每台十五个方')).toBe(true);
    expect(excludedEverywhere('液氨储罐两个二十个立方的')).toBe(true);
    // (…below the 临界量 it is no major hazard: 1 × 5 m³ × 0.61 = 3 t)
    expect(excludedNowhere('冷库用液氨制冷，液氨储罐一台 每台五个方')).toBe(true);
    // (…and a 方 of plans or sides is none: 三个方案)
    expect(excludedNowhere('冷库用液氨制冷，有三个方案在比，储罐还没定')).toBe(true);
  });
  it('an ammonia plant’s receivers sized in a later clause hold its stock (高压储液器三台 每台十五个方 平时装七成)', () => {
    expect(
      excludedEverywhere('那个冷库项目啊他们还是用液氨制冷的 高压储液器三台 每台十五个方 平时装七成左右 低压循环桶另算 老板说明年还要扩'),
    ).toBe(true);
    // (a 方 of floor space between is no tank's: 车间3个，每个1000方)
    expect(excludedNowhere('冷库用液氨制冷，车间3个，每个1000方')).toBe(true);
  });
  it('tanks that replace cylinders hold a volume (原来用钢瓶，新厂改储罐，3×50m³)', () => {
    expect(excludedEverywhere('冰箱厂扩产，制冷剂R600a（异丁烷）原来用钢瓶，新厂改储罐，3×50m³。')).toBe(true);
    // (a cylinder's volume is still the gas it holds, no liquid's: 氧气钢瓶40瓶 每瓶6立方)
    expect(excludedNowhere('焊接车间用氧气钢瓶40瓶 每瓶6立方')).toBe(true);
  });
  it('containers counted in one chemical’s clause are its own, not another’s in the sentence (12 Y-cylinders; one tube trailer)', () => {
    const { run } = cleanParkReader('env-clean-hazchem-not-pilot');
    const chems = run('On site: ammonia in 12 Y-cylinders (~500 kg each), one hydrogen tube trailer (~1 t).').features.chemicals;
    expect(chems.map((c) => [c.cas, c.amountT])).toEqual([
      ['7664-41-7', 6],
      ['1333-74-0', 1],
    ]);
  });
  it('an abbreviation the text defines is the chemical where it stands again (环氧丙烷（PO）… PO 5吨: Σq/Q = 0.6 + 0.5 ≥ 1)', () => {
    const t = '灭菌及化学品仓储中心：环氧乙烷（EO）储罐、环氧丙烷（PO）储罐各1台，同一罐区，最大储量EO 6吨、PO 5吨。';
    expect(excludedEverywhere(t)).toBe(true);
    // (…the same letters undefined are no chemical: a purchase order of 5 t of resin)
    expect(excludedNowhere('环氧乙烷储量EO 6吨；树脂按PO 5吨下单')).toBe(true);
  });
});

describe('tanks in a list that share one head', () => {
  it('fermentation the lead says stands in its works is its own (糖化、发酵、清酒罐都在厂里: 第25项, 3000 千升/年)', () => {
    expect(excludedEverywhere('啤酒项目，自己酿，糖化、发酵、清酒罐都在厂里，一期设计 3000 千升/年')).toBe(true);
    // (…a brewery below the item's floor is its carve-out: 年生产能力1000千升以下的除外)
    expect(excludedNowhere('精酿啤酒坊，自己酿，糖化、发酵、清酒罐都在店里，年产300千升')).toBe(true);
    // (…and a maker of the tanks makes no beer)
    expect(excludedNowhere('我们做不锈钢罐体，发酵、清酒罐卖给啤酒厂')).toBe(true);
  });
});
