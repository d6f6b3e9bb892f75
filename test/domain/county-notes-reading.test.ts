/**
 * Reading a 浙江 county-level city's notes (dev57): a stock hoarded for a month and a half, nitrous oxide (GB 18218-2018
 * 表2 W4) in tanks filled 90 %, a graft reaction in a reactor (第44项), and a pilot line planned after lab-scale work.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { run, excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('stocks', () => {
  it('a month’s use hoarded for a month and a half is held (TDI一个月用八十吨…囤一个半月的货: 120 t ≥ 100 t)', () => {
    const text = '做海绵的，TDI一个月要用八十吨左右，老板讲怕涨价，一般都囤一个半月的货，全放一个仓库里。';
    expect(excludedEverywhere(text)).toBe(true);
    expect(excludedNowhere(text.replace('一个半月', '半个月'))).toBe(true);
    // (按 alone keeps nothing: a month's use counted by the month is a flow)
    expect(excludedNowhere('TDI一个月要用八十吨，按一个月算')).toBe(true);
  });
  it('nitrous oxide is 表2 W4 (oxidising gas category 1, 50 t), its tanks read with a bare 充装90%', () => {
    const text = '奶油气弹灌装项目（食品级笑气）：原料一氧化二氮放在同一罐区的低温储罐里，3台25立方，充装90%，液态密度按0.98算。';
    const f = run(text).features;
    expect(f.chemicals[0]).toMatchObject({ thresholdT: 50, fillRatio: 0.9, stored: true });
    expect(f.chemicals[0]!.amountT).toBeCloseTo(66.2, 1);
    expect(excludedEverywhere(text)).toBe(true);
    expect(excludedNowhere(text.replace('3台25立方', '2台25立方'))).toBe(true);
  });
});

describe('reactions and pilots', () => {
  it('a graft reaction in a reactor is a chemical making step (第44项)', () => {
    const f = run('鞋用氯丁接枝胶，氯丁橡胶和树脂在反应釜里接枝反应，再兑溶剂出成品，年产8000吨').features;
    expect(f.eia.some((e) => e.items.includes(44) && e.how === 'book')).toBe(true);
  });
  it('lab-scale work done before a planned pilot line does not make the project lab-scale; a pilot refused does', () => {
    const item44 = (text: string) => run(text).features.eia.some((e) => e.items.includes(44));
    expect(item44('初创公司研发无卤阻燃剂，小试已完成，现在要一条200L到2000L反应釜的中试线做合成放大')).toBe(true);
    expect(item44('初创公司研发无卤阻燃剂，只做小试，不做中试')).toBe(false);
    expect(
      item44(
        'We are developing a halogen-free flame retardant. Bench work is finished; we now need a pilot line with 200 L to 2,000 L reactors to scale up the synthesis.',
      ),
    ).toBe(true);
  });
});
