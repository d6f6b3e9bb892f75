/**
 * From dev83 and dev84 (blind, 2026-12-07, thirtieth session): hazardous stocks as a review desk meets them — tanks counted
 * before their volume and name (2台100m³LNG储罐), a density and a fill said as the basis of a reckoning, cylinders by the
 * bundle, an English ISO tank's "each holding", a tank container's 载量, 苯 alone beside 甲苯.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');
const stock = (t: string) => run(t).features.chemicals.map((c) => [c.name, c.amountT]);

describe('dev83, dev84: stocks told every way', () => {
  it('reads tanks counted before their volume and the chemical’s name', () => {
    expect(stock('齿轮热处理：自建LNG气化站，2台100m³LNG储罐（充装率90%），年产变速箱齿轮600万件。')).toEqual([['LNG', 81]]);
    expect(excludedEverywhere('方便面项目：燃料用液化石油气，储罐区4台30m³LPG储罐（充装率85%）。')).toBe(true);
  });
  it('takes a density and a fill said as the basis of a reckoning (按0.9充装、0.43吨/立方米计)', () => {
    expect(excludedNowhere('铝板带项目气源说明：管道气接通前由LNG气化站过渡，60立方米储罐2台，按0.9充装、0.43吨/立方米计。')).toBe(true);
  });
  it('counts cylinders by the bundle, an English tank’s “each holding”, and a tank container’s 载量', () => {
    expect(excludedEverywhere('气站那边放乙炔集装格，每格12瓶、每瓶溶解乙炔大约7公斤，常备15格，说是供应商一周才送一次。')).toBe(true);
    expect(
      excludedEverywhere(
        'We plan a GaN LED epitaxy fab. Ammonia will be supplied in two 20-ft ISO tanks kept on site, each holding about 10 t net.',
      ),
    ).toBe(true);
    expect(excludedEverywhere('新增环氧乙烷灭菌柜4台，改为ISO罐箱供气，场内常驻环氧乙烷罐箱一只，载量约14吨。')).toBe(true);
  });
  it('reads 苯 named alone beside 甲苯 in one dike (Σ q/Q ≥ 1)', () => {
    expect(excludedEverywhere('港区液体化工储罐租赁项目：同一防火堤内苯储罐1座40立方米、甲苯储罐1座400立方米，充装系数均为0.85。')).toBe(
      true,
    );
    // (…not inside another name: 苯乙烯储罐 holds styrene)
    expect(stock('苯乙烯储罐2台，每台100立方米').map(([n]) => n)).not.toContain('纯苯');
  });
  it('reads a vehicle engine made, not only assembled (第71项), and an oil depot a row is headed with (第149项)', () => {
    expect(excludedEverywhere('氢内燃机项目：缸体、缸盖、曲轴自行粗精加工，发动机装配和热试，年产2万台，配套重卡。')).toBe(true);
    expect(excludedNowhere('发动机装配项目，缸体缸盖曲轴全部外购，只做总装和热试，配套重卡')).toBe(true);
    expect(excludedEverywhere('成品油储备库：总库容25万立方米，汽油、柴油、航煤，配套铁路专用线。')).toBe(true);
    expect(excludedNowhere('我们做油库安全监测系统，客户包括一座总库容30万立方米的成品油储备库')).toBe(true);
  });
  it('a pilot platform running a step is the lead’s works; a vessel made is the maker’s product', () => {
    expect(
      excludedEverywhere('CDMO线索｜在园区建设创新药原料药中试平台，配置500L-3000L反应釜，开展公斤级至百公斤级工艺放大和临床样品生产'),
    ).toBe(true);
    expect(excludedNowhere('我们做原料药生产管理平台软件，客户是药企')).toBe(true);
    expect(excludedNowhere('发酵罐和生物反应器制造：不锈钢罐体卷板、焊接、抛光、装配，服务味精、酵母和生物药企业。')).toBe(true);
  });
});
