/**
 * The GB 18218-2018 表2 row of a substance by the hazard classes the 危险化学品目录（2015版）'s 危险化学品分类信息表 lists
 * (scripts/hazchem-catalog.ts): the lowest 临界量 of its classes' rows (4.1.2), the larger between alternatives, a gas's
 * toxicity row only where the entry says it is a gas.
 */
import { describe, expect, it } from 'vitest';
import { table2RowOfClasses } from '../../scripts/hazchem-catalog.js';

const row = (...classes: string[]) => table2RowOfClasses(classes)?.seq ?? null;

describe('表2 row of a catalogue entry', () => {
  it('reads each physical hazard’s row (易燃液体 by category, 氧化性液体, 遇水放出易燃气体, 有机过氧化物 by type)', () => {
    expect(row('易燃液体,类别2', '严重眼损伤/眼刺激,类别2')).toBe('W5.3'); // 2-丙醇
    expect(row('易燃液体,类别3')).toBe('W5.4');
    expect(row('易燃液体,类别1', '皮肤腐蚀/刺激,类别2')).toBe('W5.1');
    expect(row('氧化性液体,类别1')).toBe('W9.1');
    expect(row('遇水放出易燃气体的物质和混合物,类别2')).toBe('W11');
    expect(row('有机过氧化物,C型')).toBe('W7.2');
    expect(row('有机过氧化物,F型')).toBe('W7.2');
    expect(row('自反应物质和混合物,D型')).toBe('W6.2');
    expect(row('易燃气体,类别1', '加压气体')).toBe('W2');
  });
  it('takes the lowest 临界量 of several hazards (易燃液体 类别2 1000 t, 急性毒性 类别1 50 t → J2)', () => {
    expect(row('易燃液体,类别2', '急性毒性-经皮,类别1', '剧毒')).toBe('J2');
    expect(table2RowOfClasses(['易燃液体,类别2', '急性毒性-经皮,类别1'])?.threshold).toBe(50);
  });
  it('reads toxicity as a gas’s only where the entry says it is a gas', () => {
    expect(row('加压气体', '急性毒性-吸入,类别1')).toBe('J1');
    expect(row('急性毒性-吸入,类别1')).toBe('J2');
    expect(row('加压气体', '急性毒性-吸入,类别3*')).toBe('J3');
    expect(row('急性毒性-经口,类别2*')).toBe('J5');
    // (类别3, not a gas: no 表2 row)
    expect(row('急性毒性-经口,类别3*', '急性毒性-经皮,类别3*')).toBeNull();
  });
  it('has no row for hazards 表2 leaves out (corrosion, sensitisation, the environment), nor 易燃固体 类别2', () => {
    expect(row('皮肤腐蚀/刺激,类别1B', '严重眼损伤/眼刺激,类别1')).toBeNull();
    expect(row('易燃固体,类别2')).toBeNull();
    expect(row('加压气体')).toBeNull();
  });
  it('between alternatives (（2）自燃的：) takes the larger 临界量, and none where one alternative has none', () => {
    expect(row('遇水放出易燃气体的物质和混合物,类别2', '（2）自燃的：', '自燃固体,类别1', '遇水放出易燃气体的物质和混合物,类别2')).toBe(
      'W11',
    );
    expect(row('急性毒性-经口,类别3*', '苯酚溶液', '皮肤腐蚀/刺激,类别2*')).toBeNull();
  });
});
