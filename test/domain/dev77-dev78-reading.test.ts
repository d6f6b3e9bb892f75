/**
 * From dev77 and dev78 (blind, 2026-12-07): which of several products unsaid (没说是做电池还是光伏); a dyehouse's own vats
 * counted (染缸28台) answer the whole text's doubt; solvent coatings in an English mail by the year, the month, and the
 * tonnes "of" a thinner.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';
import { INDUSTRY_STRENGTH } from '../../server/domain/scoring.constants.js';

const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('dev77, dev78', () => {
  it('a text that does not say which of several products the lead makes reads no industry for sure', () => {
    const f = run('对 就是 做 新能源 相关 的 嗯 但是 具体 他们 没 说 是 做 电池 还是 光伏 还是 储能 还是 充电桩 老板 说 下周 来').features;
    expect(f.industries.every((i) => i.strength <= INDUSTRY_STRENGTH.guess)).toBe(true);
  });
  it('a dyehouse’s own vats counted keep its dyeing its own', () => {
    expect(
      excludedEverywhere('大朗 毛纱染厂：羊毛、羊绒混纺纱筒子纱染色，染缸28台，日用水1500吨，给本镇毛织厂配套，想扩产，问问有没有地方。'),
    ).toBe(true);
  });
  it('reads an English mail’s solvent coatings by the year, the month and the tonnes of thinner (10 t a year)', () => {
    expect(
      excludedEverywhere(
        'Our plant does deep drawing, welding and spray painting of the outer body – oil-based paint about 8 tons a year plus 4 tons of thinner.',
      ),
    ).toBe(true);
    expect(
      excludedNowhere(
        'We make vacuum flasks; spray painting of the outer body – oil-based paint about 5 tons a year plus 4 tons of thinner.',
      ),
    ).toBe(true);
    expect(
      excludedEverywhere('On our bumper line we spray 2K solvent-borne primer, basecoat and clear, about 3.5 t/month including thinner.'),
    ).toBe(true);
    // (…one year's figure over two words is counted once: 6 t in all)
    expect(
      excludedNowhere('Our chair factory sprays PU lacquer – about 6 tonnes of solvent-based paint and thinner per year in total.'),
    ).toBe(true);
  });
  it('an electronic material made by a reaction the lead runs is 第81项 电子化工材料制造; one only dissolved is not', () => {
    expect(
      excludedEverywhere(
        'Helios Fluorochem is looking for ~80 mu for a 3,000 tpa battery-grade lithium hexafluorophosphate line. Route: anhydrous HF + PCl5 → PF5, then reaction with LiF in HF solvent, crystallisation and drying.',
      ),
    ).toBe(true);
    expect(
      excludedNowhere(
        'We buy LiPF6 from suppliers and blend electrolyte; lithium hexafluorophosphate is dissolved in carbonate solvents, no reaction.',
      ),
    ).toBe(true);
  });
  it('a firm’s name with its registered place in brackets decides no industry (a registration only)', () => {
    const f = run('宏科化工新材料（江苏）有限公司拟将注册地址迁至我区，注册资本5000万元，法定代表人周某，申请办理迁入手续。').features;
    expect(f.industries.every((i) => i.strength <= INDUSTRY_STRENGTH.guess)).toBe(true);
  });
  it('a metal the next words melt, or a few kilograms kept in store, is fed in or kept, not smelted or made', () => {
    expect(excludedNowhere('走访记录：做新能源车电机壳体，12台压铸岛，铝锭熔化后压铸成型，年产2万吨，后面是机加工。')).toBe(true);
    expect(excludedNowhere('固态电池研发中心：手套箱线2条，金属锂带约20kg、电解液几升，都存在惰性气氛柜里。')).toBe(true);
    // (…a smelter that makes the ingots is one)
    expect(excludedEverywhere('电解铝项目，年产铝锭20万吨')).toBe(true);
  });
  it('a product before a station that only hands it out (工业气体配送点) names what the station handles, not what it makes', () => {
    expect(
      excludedNowhere(
        '顺达工业气体配送点｜同一座甲类库房内：溶解乙炔40瓶（每瓶约7 kg）、丙烷钢瓶60只（每只50 kg）｜只配送不充装｜服务园区焊装企业',
      ),
    ).toBe(true);
  });
});
