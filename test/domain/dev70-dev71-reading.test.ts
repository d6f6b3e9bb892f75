/**
 * What dev70 (a 苏州/无锡 经开区's month) and dev71 (positionings between neighbours) found on arrival: a stock said by its
 * design (甲苯设计存放250吨), steps all done over there (树脂合成啊调漆啊都在那边), a product before a line the lead makes
 * (退役动力电池自动拆解线…设备制造), a service the clause says the lead's is (核心服务为…阳极氧化), a filler before a new
 * subject ending a negation in a transcript, and the outsourcing a lead takes in as its business (做…灭菌外包服务的).
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('dev70 and dev71 on arrival', () => {
  it('a stock said by its design is held (甲苯设计存放250吨): Σq/Q 250/500 + 200/500 + 80/500 = 1.06', () => {
    const f = run(
      '化工贸易商拟自建甲类仓库，经营工业溶剂分销：甲苯设计存放250吨、乙酸乙酯200吨、丙酮80吨，桶装和IBC吨桶，不生产、不分装。',
    ).features;
    expect(f.chemicals.map((c) => [c.name, c.amountT])).toEqual([
      ['甲苯', 250],
      ['乙酸乙酯', 200],
      ['丙酮', 80],
    ]);
  });
  it('steps all done over there, or at the toll maker, are not the lead’s (树脂合成啊调漆啊都在那边)', () => {
    expect(
      excludedNowhere(
        '嗯这个涂料公司啊你别紧张 他不在我们这生产 他的涂料都是在南通化工园区那个代工厂做的 树脂合成啊调漆啊都在那边 我们这里就是区域总部 销售',
      ),
    ).toBe(true);
    expect(excludedNowhere('树脂合成和调漆都在代工厂，这里只放区域总部和应用实验室')).toBe(true);
    // (…while the lead's own synthesis stays its own)
    expect(excludedEverywhere('我们自己做树脂合成，反应釜6台，年产树脂2万吨')).toBe(true);
  });
  it('a product before a line the lead makes is that line’s work, not the lead’s trade', () => {
    expect(excludedNowhere('锂循装备：退役动力电池自动拆解线、破碎分选设备制造（只造设备，不回收电池）；需6000㎡')).toBe(true);
    expect(excludedEverywhere('退役动力电池自动拆解线，年处理2万吨')).toBe(true);
  });
  it('a service the clause says the lead’s is its own (核心服务为铝合金硬质阳极氧化)', () => {
    expect(
      excludedEverywhere(
        '锐泽表面技术服务有限公司是一家面向3C和新能源汽车零部件企业的表面处理技术服务商。核心服务为铝合金硬质阳极氧化和装饰性阳极氧化着色，现有自动线4条。',
      ),
    ).toBe(true);
    // (…while firms it serves stay its customers)
    expect(excludedNowhere('我们做MES系统，服务电镀企业和印染企业')).toBe(true);
  });
  it('a filler before a new subject ends a negation; outsourcing taken in as a business is the lead’s own', () => {
    expect(
      excludedEverywhere(
        '这家是做那个医疗器械灭菌外包服务的啊说是绿色灭菌没有环氧乙烷残留嗯他们用的是钴六十辐照装置就是一个辐照室设计装源量一百五十万居里他们想租一块地自己建辐照楼',
      ),
    ).toBe(true);
    expect(excludedNowhere('辐照灭菌外包给专业辐照中心做，厂里没有放射源')).toBe(true);
  });
  it('an organic peroxide said without its type is read with the larger 临界量 of W7.1 and W7.2 (50 t)', () => {
    expect(
      excludedEverywhere(
        '光伏EVA/POE胶膜，年产3亿平方米。交联剂为有机过氧化物TBEC（过氧化碳酸叔丁酯-2-乙基己酯），设冷藏危化品库，设计最大储量60吨。',
      ),
    ).toBe(true);
    // (…below it the type would decide, and the text does not say it; nor is a peroxide said absent one)
    expect(excludedNowhere('交联剂为有机过氧化物，库存约30吨')).toBe(true);
    expect(excludedNowhere('胶膜厂，不含有机过氧化物，库存60吨EVA粒子')).toBe(true);
  });
  it('a service’s GB/T class name heads the compound before it (新材料创业投资基金 is a fund)', () => {
    const f = run(
      '会商纪要：关于恒新化工新材料创业投资基金注册事宜。该基金规模6亿元，拟投向电子化学品、高性能树脂和特种助剂领域的成长期企业。',
    ).features;
    expect(f.industries[0]?.name).toBe('科创金融');
  });
  it('English tanks counted with each one’s content or volume (LH2 at its handbook density, filled to the share said)', () => {
    // (2 × 40 m³ × 0.071 t/m³ × 0.9 = 5.11 t ≥ 5 t of hydrogen)
    const f = run('Phase 1: two vacuum-insulated LH2 storage tanks of 40 m3 each (max fill 90 %), a trailer-loading bay.').features;
    expect(f.chemicals.map((c) => [c.amountT, c.containers])).toEqual([[5.112, { count: 2, each: 2.556 }]]);
    expect(
      excludedEverywhere(
        'Hydrogen would be delivered as liquid and kept in two on-site vacuum-insulated tanks holding about 3 tonnes each.',
      ),
    ).toBe(true);
    expect(
      excludedEverywhere('Hydrogen supply: one on-site liquid hydrogen tank, 100 m³ geometric volume, max fill 90% (LH2 ≈ 0.071 t/m³).'),
    ).toBe(true);
    // (…a gas's tank volume is no mass)
    expect(run('two hydrogen tanks of 40 m3 each').features.chemicals.map((c) => c.amountT)).toEqual([null]);
  });
  it('printing named by a technique that is not digital is 第29项’s 报告书; digital said not done is no digital printing', () => {
    expect(
      excludedEverywhere(
        '王哥，那个潮牌卫衣厂你问了没？他们自己有印花车间，四十米长的印台，胶浆、水浆手工丝印，还有发泡印和植绒，就是不做数码。老板说印花是他们的核心，不外发。',
      ),
    ).toBe(true);
    expect(excludedNowhere('T恤定制，数码印花，不做丝印')).toBe(true);
    expect(excludedNowhere('服装厂，活性数码印花')).toBe(true);
  });
  it('a count of ton containers is a count, each holding what the text says (22 ton containers (1 t net each))', () => {
    const f = run('RFQ note - anhydrous HCl purification and filling. Storage: 22 ton containers (1 t net each) on the HCl pad.').features;
    expect(f.chemicals.map((c) => [c.amountT, c.containers])).toEqual([[22, { count: 22, each: 1 }]]);
  });
});
