/**
 * Chemistry and materials as firms describe them (dev63): polyurethane prepolymerisation, catalytic hydrogenation, a
 * fertiliser only blended, a chloride's name that is no chlorination — and a text that says outright it does not yet know
 * what the project makes.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';
import { INDUSTRY_STRENGTH } from '../../server/domain/scoring.constants.js';

const { run, excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('reactions named as chemists name them', () => {
  it('预聚 in a kettle is a polymerisation (第44项): PUD and PUR makers', () => {
    expect(excludedEverywhere('水性聚氨酯：IPDI与聚酯多元醇在反应釜中预聚，再中和、乳化，年产3000吨')).toBe(true);
    expect(excludedEverywhere('我们是用聚醚多元醇和MDI在反应釜里自己做预聚体，再加溶剂调成胶，一年八千吨')).toBe(true);
  });
  it('a prepolymer bought in and cast is not (外购预聚体，浇注脚轮), nor a clustering term (预聚类)', () => {
    expect(excludedNowhere('外购预聚体，浇注成型聚氨酯脚轮，年产20万只')).toBe(true);
    expect(excludedNowhere('用户画像预聚类分析平台，SaaS')).toBe(true);
  });
  it('catalytic hydrogenation is a reaction on site; a "hydrogenation station" (加氢站) is not read as one', () => {
    expect(excludedEverywhere('Key steps: catalytic hydrogenation of the nitro intermediate in 6 m3 autoclaves, 800 t/a API')).toBe(true);
    expect(excludedNowhere('We are a hydrogen energy company: hydrogenation station construction and operation')).toBe(true);
  });
});

describe('blending is no chemical method', () => {
  it('a BB fertiliser blended with no reaction is not 第45项 (化学方法生产…复混肥); 氯化钾 is no chlorination', () => {
    expect(
      excludedNowhere(
        '建设内容：建设掺混肥(BB肥)生产线2条，外购颗粒尿素、磷酸一铵、氯化钾，经计量、滚筒掺混后直接包装，不经造粒、烘干，无化学反应，年产10万吨。',
      ),
    ).toBe(true);
    // (a compound fertiliser made by reacting acid, rock and ammonia is)
    expect(excludedEverywhere('复合肥项目：硫酸、磷矿、氨反应料浆法生产复合肥，年产20万吨')).toBe(true);
  });
});

describe('what the project makes is not known yet', () => {
  const top = (t: string) => run(t).features.industries[0];
  it('a company name read with 具体做啥还没说 is a guess, not an industry', () => {
    const i = top('就是那个做材料的 叫什么 什么新材料科技 他们说要来 投资三个亿 嗯 具体做啥还没说 下礼拜再问');
    expect(i === undefined || i.strength <= INDUSTRY_STRENGTH.guess).toBe(true);
    const j = top('项目名称：某光电科技项目 产品：待定 用地：40亩');
    expect(j === undefined || j.strength <= INDUSTRY_STRENGTH.guess).toBe(true);
  });
  it('a product said with it is still read (原理样机…产品还没定型 says what it is)', () => {
    expect(top('做冷原子重力仪的原理样机，产品还没定型，想要1000平实验室')!.strength).toBeGreaterThan(INDUSTRY_STRENGTH.guess);
    expect(top('新材料科技公司，年产锂电池隔膜2亿平方米')!.strength).toBeGreaterThan(INDUSTRY_STRENGTH.guess);
  });
});

describe('English amounts', () => {
  it('a unit joined to its number by a hyphen is that amount (two 30-tonne cryogenic tanks: 60 t of N2O, 表2 W4 50 t)', () => {
    const t = 'Bulk nitrous oxide delivered by tanker into two 30-tonne cryogenic tanks; filling lines only.';
    expect(run(t).features.chemicals.map((c) => [c.name, c.amountT])).toEqual([['nitrous oxide', 60]]);
    expect(excludedEverywhere(t)).toBe(true);
    expect(excludedNowhere('Bulk nitrous oxide delivered by tanker into one 30-tonne cryogenic tank; filling lines only.')).toBe(true);
  });
});

describe('a product word before 式', () => {
  it('names a type, not a product (压力校验台，活塞式的 — the lead makes transmitters, not pistons)', () => {
    const t = '车间里有压力校验台，活塞式的。他们做的是压力变送器、液位变送器，一年十来万台';
    expect(run(t).features.industries.map((i) => i.name)).not.toContain('智能零部件');
    expect(run(t).features.industries[0]!.name).toBe('智能传感');
  });
});
