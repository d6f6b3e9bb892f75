/**
 * From dev89–dev94 (blind, 2026-12-07, thirty-first session): vessels counted then sized (贮液器3台（单台8 m³）), a list of
 * inputs that runs on past its semicolons, and an English sentence's material used rather than made.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('dev89–dev94: stocks and inputs as a review desk reads them', () => {
  it('reads receivers counted then sized, at the density and fill the text states', () => {
    const t = '制冷系统：速冻冷藏库采用氨泵供液系统，设高压贮液器3台（单台8 m³）；液氨密度按0.6 t/m³、最大充装率80%计。';
    // 3 × 8 m³ × 0.6 t/m³ × 0.8 = 11.5 t ≥ 10 t
    expect(run(t).features.chemicals[0]?.amountT).toBeCloseTo(11.5, 1);
    expect(excludedEverywhere(t)).toBe(true);
  });
  it('reads every item of a labelled input line separated by semicolons as an input', () => {
    expect(
      excludedNowhere('原辅材料：冷轧钢板 3200 t/a；铸件外购 1800 t/a；溶剂型醇酸面漆 4.5 t/a；稀释剂 1.5 t/a；——离心风机年产8000台'),
    ).toBe(true);
  });
  it('reads an English material used or bought as an input, not a product', () => {
    expect(excludedNowhere('We coat battery cathodes; the cathode slurry uses NMP, about 800 t a year, recovered on site.')).toBe(true);
    expect(
      excludedNowhere('We stamp seat brackets. Parts go through a cathodic e-coat (waterborne) line — about 60 t/yr of e-coat paint.'),
    ).toBe(true);
    expect(excludedEverywhere('We produce about 6,000 t/yr of industrial paint in a new plant with resin reactors.')).toBe(true);
  });
});

describe('dev92: an English plan told, then dropped; spinning bought chips', () => {
  it('a stop whose subject points back (this phase is cancelled) takes the plan told in the sentence before', () => {
    expect(
      excludedNowhere(
        'The 2023 concept included a zinc-nickel plating line for fasteners. In the revised plan this phase is cancelled; all plating goes to our partner. The site does cold heading and heat treatment.',
      ),
    ).toBe(true);
    expect(excludedEverywhere('We plan an in-house zinc-nickel plating line for fasteners. It will run two shifts.')).toBe(true);
  });
  it('melt-spinning purchased chips with no polymerisation is 第50项’s carve-out (单纯纺丝)', () => {
    expect(
      excludedNowhere('We will produce nylon-6 FDY yarns by melt-spinning purchased PA6 chips — no polymerization on site, 30,000 t/yr.'),
    ).toBe(true);
    expect(excludedEverywhere('We will polymerize caprolactam into PA6 chips and melt-spin FDY, 30,000 t/yr.')).toBe(true);
  });
});

describe('dev94: plating said aloud as the lead’s own', () => {
  it('镀玫瑰金…那个也是我们自己 is the lead’s plating; …也是外面做的 is not', () => {
    expect(excludedEverywhere('首饰厂 起版执模都是自己做 就是镀玫瑰金镀白金那个也是我们自己 一条线 十几个缸')).toBe(true);
    expect(excludedNowhere('首饰加工：起版执模自己做，镀玫瑰金那个也是外面做的')).toBe(true);
  });
});
