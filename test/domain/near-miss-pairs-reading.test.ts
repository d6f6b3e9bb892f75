/**
 * Near-misses and the polluters right beside them (dev65): a stock sized by days of use, a step done 在厂里…完成, a question
 * whether something counts as a class, the lead's own waste recovered for its own reuse, a landlord whose spare building the
 * lead rents, and 他们 in a text the lead tells in its own voice.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('the deciding detail', () => {
  it('a stock sized by days of use is held (按15天用量储存1吨液氯钢瓶满瓶8只: 8 t ≥ 5 t)', () => {
    expect(excludedEverywhere('水厂消毒采用液氯，氯库按15天用量储存1吨液氯钢瓶满瓶8只，另设空瓶位4个')).toBe(true);
    expect(excludedNowhere('水厂消毒采用液氯，氯库按5天用量储存1吨液氯钢瓶满瓶3只')).toBe(true);
    // (a day's use is still a flow, not a stock: 每天用量0.3吨)
    expect(excludedNowhere('液氯每天用量0.3吨，储存1吨钢瓶2只')).toBe(true);
  });
  it('a step done 在厂里…完成 is the lead’s, whatever else it hands out (内外镀镍在厂里电镀车间完成，贴片外协)', () => {
    expect(excludedEverywhere('智能水表：铜表壳自家机加，内外镀镍在厂里电镀车间完成，电子模块贴片外协。年产300万只。')).toBe(true);
  });
  it('a question whether something counts as a class asserts nothing (这个算不算危废处置啊？)', () => {
    expect(
      excludedNowhere(
        '我们做光学镜片，清洗用的异丙醇用过后，厂里自己配了台溶剂回收机，只回收自己车间的废溶剂再回用。这个算不算危废处置啊？',
      ),
    ).toBe(true);
  });
  it('the lead’s own waste recovered for its own reuse is the 名录’s own carve-out (第101项 产生单位内部回收再利用的除外)', () => {
    expect(excludedNowhere('本厂产生的废溶剂经蒸馏回收后回用于清洗工序，不收外单位的')).toBe(true);
    // (…not one that takes others' waste in)
    expect(excludedEverywhere('收集周边企业的废有机溶剂，厂内精馏再生后回用销售，年处理5000吨')).toBe(true);
  });
  it('a landlord whose spare building the lead rents is no part of the lead (租的是…印染厂空出来的仓库; 房东是…)', () => {
    const t =
      '您好，我们想租的是华美印染厂空出来的一栋成品仓库（房东是印染厂，他们染整车间在厂区另一头照常生产），我们自己做智能手环组装，不涉及染色。';
    expect(excludedNowhere(t)).toBe(true);
    // (renting a building and plating in it is plating)
    expect(excludedEverywhere('我们租的是两千平厂房，自己做电镀，镀锌镀镍')).toBe(true);
  });
  it('他们 in a staff note is the lead (那个客户 他们要自己做电镀)', () => {
    expect(excludedEverywhere('张主任 那个客户 他们要自己做电镀 我们园区能不能接')).toBe(true);
  });
});

describe('a machine’s size is no stock', () => {
  it('灭菌柜6台×30m³ sizes the chambers; the store is the tank (储罐20m³，充装系数0.8，密度0.87: 13.9 t EO ≥ 10 t)', () => {
    const t = '拟建环氧乙烷灭菌中心（灭菌柜6台×30m³），为器械企业提供委托灭菌；环氧乙烷采用储罐供应，储罐20m³，充装系数0.8，密度0.87t/m³。';
    expect(excludedEverywhere(t)).toBe(true);
    expect(
      excludedNowhere('拟建环氧乙烷灭菌中心（灭菌柜6台×30m³），为器械企业提供委托灭菌；环氧乙烷采用钢瓶供应，在库4瓶，每瓶50公斤。'),
    ).toBe(true);
  });
});
