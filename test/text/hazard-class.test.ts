/** A hazard class the text states for a substance (GB 18218-2018 表2): which row, which 临界量, said of which name. */
import { describe, expect, it } from 'vitest';
import { statedHazardClasses } from '../../server/text/hazard-class.js';
import { normalizeText } from '../../server/text/normalize.js';

const read = (s: string) => statedHazardClasses(normalizeText(s));

describe('statedHazardClasses', () => {
  it('reads the class in brackets after the name, with the other names in them', () => {
    const [c] = read('DCP（过氧化二异丙苯，有机过氧化物F型）专库最大放60吨');
    expect(c).toMatchObject({ name: 'dcp', aliases: ['过氧化二异丙苯'], seq: 'W7.2', thresholdT: 50 });
    expect(read('DMC (dimethyl carbonate, flammable liquid category 2) 4 x 500 m3')[0]).toMatchObject({
      name: 'dmc',
      aliases: ['dimethyl carbonate'],
      seq: 'W5.3',
      thresholdT: 1000,
    });
  });
  it('reads a class said of a subject, and of a group where no name stands', () => {
    expect(read('备注：双氧水SDS为氧化性液体类别2，密度1.10')[0]).toMatchObject({ name: '双氧水', seq: 'W9.2', thresholdT: 200 });
    expect(read('三氯化磷不在表1，SDS为急性毒性-吸入类别2（液体，沸点76℃）')[0]).toMatchObject({ name: '三氯化磷', seq: 'J5' });
    expect(read('主要是定型喷雾、防晒喷雾，都是气溶胶类别1')[0]).toMatchObject({ name: '', seq: 'W3', thresholdT: 150 });
    // (a description is no name: 本项目使用的溶剂均为…)
    expect(read('本项目使用的溶剂均为易燃液体类别2，年用量2000吨')[0]).toMatchObject({ name: '', seq: 'W5.3' });
  });
  it('takes the row the state says, and the larger 临界量 where the state is not said', () => {
    expect(read('某气体（急性毒性类别1，气体）')[0]).toMatchObject({ seq: 'J1', thresholdT: 5 });
    expect(read('某中间体（急性毒性类别1）')[0]).toMatchObject({ seq: 'J2', thresholdT: 50 });
    expect(read('硅烷5t（易燃气体类别1）')[0]).toMatchObject({ name: '硅烷', seq: 'W2', thresholdT: 10 });
    expect(read('溶剂A（易燃液体，类别3）')[0]).toMatchObject({ seq: 'W5.4', thresholdT: 5000 });
  });
  it('reads no class that is denied, nor a transport class, nor a number that is an amount', () => {
    expect(read('该物质不属于易燃液体类别2')).toEqual([]);
    expect(read('储存3类易燃液体100吨')).toEqual([]);
    expect(read('易燃液体100吨')).toEqual([]);
    // (急性毒性类别3 of a liquid or a solid is in no row of 表2)
    expect(read('某农药原药（急性毒性类别3，固体）')).toEqual([]);
  });
});
