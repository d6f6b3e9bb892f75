/**
 * From dev79–dev82 (blind, 2026-12-07, thirtieth session): a 台资 letter in traditional characters; a district's slogan is no
 * lead's industry; the customer doing a step; a material role filled; a plan stopped (原有…工艺，此次…取消); a material made
 * into a product of another division; 出口 to a firm.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';
import { INDUSTRY_STRENGTH } from '../../server/domain/scoring.constants.js';

const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('dev79–dev82', () => {
  it('reads a letter in traditional characters as it reads simplified ones', () => {
    const text = '敬啟者：敝公司為台灣手錶品牌，擬於石獅設廠，錶殼與錶帶自製，製程含CNC、拋光及電鍍（鍍金、鍍玫瑰金），年產腕錶50萬只。';
    expect(excludedEverywhere(text)).toBe(true);
    expect(run(text).features.industries[0]?.name).toBe('时尚创意');
  });
  it('a district’s slogan names no industry of the lead', () => {
    const f = run(
      '会见简讯：4月8日，区长会见了远洋控股集团董事长一行，双方就深化合作进行了交流。区长表示，拱墅正全力打造数字经济高地，欢迎企业来投资。',
    ).features;
    expect(f.industries.every((i) => i.strength <= INDUSTRY_STRENGTH.guess)).toBe(true);
    // (a firm saying what it builds is its own)
    expect(run('我们公司要打造新能源电池全产业链，年产电芯10GWh').features.industries[0]?.name).toBe('新能源');
  });
  it('keeps a step the customer does, a material’s role, a process stopped and exports to a works', () => {
    expect(excludedNowhere('织造厂，喷气织机80台，坯布交客户自行染整，年产面料3000万米。')).toBe(true);
    expect(excludedNowhere('冰箱发泡线：发泡剂采用环戊烷，年产冰箱箱体80万台。')).toBe(true);
    expect(excludedNowhere('企业原有活塞杆镀硬铬工艺，此次搬迁临港后取消镀铬，活塞杆表面改为激光熔覆不锈钢层。新厂年产液压缸8万支。')).toBe(
      true,
    );
    expect(excludedNowhere('华橡装备轮胎硫化机生产基地签约，年产液压硫化机800台，产品主要出口东南亚轮胎厂。')).toBe(true);
  });
  it('a third-party testing firm building its own P3 lab is excluded', () => {
    expect(
      excludedEverywhere(
        '走访记录：某第三方检测机构拟在园区建设生物安全三级（P3）实验室，开展高致病性病原微生物检测及相关研究，同时建设P2实验室4间。',
      ),
    ).toBe(true);
  });
  it('keeps a sterilizer’s EO cylinders below the 临界量 and plating sent out in a transcript', () => {
    expect(
      excludedNowhere(
        '缝合线项目\n灭菌：厂内设环氧乙烷灭菌柜2台（单台10m³），环氧乙烷钢瓶最大储存10瓶（每瓶180kg），设独立气瓶间\n产能：缝合线3000万包、手术包200万套',
      ),
    ).toBe(true);
    expect(excludedNowhere('我们罗拉还有那个胶辊轴就是机加工磨床这些自己做然后化学镀镍是发出去的嗯外面有专门做的厂我们厂里没有槽子')).toBe(
      true,
    );
    // (…while plating taken back in-house is the lead's)
    expect(excludedEverywhere('把活塞杆镀硬铬从外协收回自己做（计划3条镀铬线，槽体已在母公司询价）')).toBe(true);
  });
});
