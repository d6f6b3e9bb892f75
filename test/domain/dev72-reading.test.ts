/**
 * What dev72 (near-misses and hidden polluters in a 东北 开发区) found on arrival: an iron foundry's charge of pig iron and
 * steel scrap melted for its castings (not smelting), a product list of physical steps in a table field (溶解、过滤、灌装), a
 * product the text says the lead does not make (不生产催化剂), passivation an English mail refuses, 不…就是 ending a
 * negation, a tank the chemical is kept in after 采用, a fill said after the size (二百方的装八成五), a yearly output after a
 * list of castings, and a tank feeding the lead's own process (储罐供气).
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('dev72 on arrival', () => {
  it('an iron foundry melting pig iron and steel scrap casts (第68项 by its output), it does not smelt', () => {
    const f = run(
      '可研摘录：项目建成后年产灰铸铁、球墨铸铁件6万吨。熔炼采用中频感应电炉（外购生铁、废钢、合金按配比熔化），造型采用静压线和树脂砂线各1条。',
    ).features;
    expect(f.eia.map((e) => e.items)).toEqual([[68]]);
    expect(f.eia[0]!.how).toBe('scale');
    // (…and at 15万吨 of castings named in a list after 年产 it is the item's 报告书)
    expect(
      excludedEverywhere('项目建设两条自动化垂直分型造型线，中频炉熔化，年产球墨铸铁桥壳、轮毂、制动鼓等铸件15万吨，配套机加车间。'),
    ).toBe(true);
    // (steel from scrap is still steelmaking)
    expect(run('废钢熔炼，电炉炼钢，年产钢坯50万吨').features.eia.some((e) => e.items.includes(62))).toBe(true);
  });
  it('physical steps in a table field are 第44项’s carve-out; a product said not made is not the lead’s', () => {
    expect(excludedNowhere('蓝驰车用尿素｜AUS32年产6万吨｜尿素颗粒加超纯水溶解、过滤、灌装')).toBe(true);
    expect(
      excludedNowhere(
        '化研催化评价中心｜为石化企业做加氢、重整催化剂性能评价，微反装置8套，每次装填催化剂约2克｜不生产催化剂｜租用孵化楼1层',
      ),
    ).toBe(true);
    expect(excludedEverywhere('催化剂厂，年产加氢催化剂3000吨')).toBe(true);
  });
  it('passivation an English mail refuses takes 第67项’s condition away', () => {
    const f = run(
      'plans galvanizing shop for steel structures. Process: degreasing, pickling, fluxing, hot-dip zinc bath. No passivation (no chromate) because parts are powder-coated at customer.',
    ).features;
    expect(f.eia.find((e) => e.items.includes(67))?.how).toBe('scale');
  });
  it('stocks: 不…就是 ends the negation, a tank after 采用 holds the chemical, a fill said after the size', () => {
    // (4 × 200 m³ × 0.79 t/m³ × 0.85 = 537 t ≥ 500 t of ethanol)
    expect(
      excludedEverywhere(
        '我们那个酒厂吧其实不酿酒就是勾兑基酒和食用酒精买进来调一调灌装嗯设备就是那几个罐子食用酒精罐四个二百方的装八成五左右吧',
      ),
    ).toBe(true);
    // (20 m³ × 0.88 t/m³ × 0.8 = 14.1 t ≥ 10 t of ethylene oxide)
    expect(
      excludedEverywhere('拟引进第三方灭菌服务企业，设30 m³灭菌柜8台，对外承接输液器灭菌；环氧乙烷采用20 m³储罐供气（最大充装率80%）。'),
    ).toBe(true);
    expect(excludedNowhere('不电镀就是组装')).toBe(true);
  });
});
