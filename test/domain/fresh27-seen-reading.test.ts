/**
 * From fresh27's misses, printed once in the twenty-ninth session (the set counts as seen from then on): works the 名录
 * puts in a 报告书 by what they are and how big — a theme park said large or signed as the project, a golf course told by its
 * holes, a berth by its tonnage class and waters (第112、114、139项); fermentation of a product 第23项 does not list
 * (豆瓣酱); tonnes of goods in talk (三百来吨货); a landfill under a 园区配套 field label.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('fresh27 (seen)', () => {
  it('a theme park said large, or signed as the project with its land, is 第114项; a small one or one nearby is not', () => {
    expect(excludedEverywhere('某文旅集团想做大型主题公园，过山车、水世界、主题酒店都有。')).toBe(true);
    expect(excludedEverywhere('【哈尔滨】冰雪奇境主题乐园签约，项目总投资80亿元，占地约2600亩，建设室内冰雪世界。')).toBe(true);
    expect(excludedNowhere('社区亲子主题乐园，占地12亩，投资3000万元，以室内游乐设施为主。')).toBe(true);
    expect(excludedNowhere('文创礼品店，选址靠近大型主题公园，投资200万元。')).toBe(true);
    const reason = run('某文旅集团想做大型主题公园，占地1500亩').features.eia.find((e) => e.items.includes(114));
    expect(reason?.word).toBe('做大型主题公园');
  });
  it('a golf course told by its holes is 第112项; a golf-club maker is not', () => {
    expect(excludedEverywhere('度假区二期签约：冬季新增雪道12条，夏季建设18洞山地球场及练习场和温泉酒店。')).toBe(true);
    expect(excludedNowhere('高尔夫球杆、球包研发与组装，年产球杆20万支。')).toBe(true);
  });
  it('a berth is 第139项 at the tonnage class its waters set: 1000 on a river, 1万 on the coast', () => {
    expect(excludedEverywhere('在长江干线港区建设3000吨级散货泊位4个、件杂货泊位2个，设计年吞吐量800万吨。')).toBe(true);
    expect(excludedNowhere('在沿海港区建设5000吨级通用泊位2个，后方配套堆场。')).toBe(true);
    expect(excludedEverywhere('在沿海港区建设5万吨级通用泊位2个，后方配套堆场。')).toBe(true);
    // (…a logistics firm using a port builds no berth)
    expect(excludedNowhere('供应链公司，依托园区3万吨级码头做进口木材分拨，租仓库1万平方米。')).toBe(true);
    const e = run('在长江干线港区建设3000吨级散货泊位4个').features.eia.find((x) => x.items.includes(139));
    expect(e?.title).toContain('内河港口');
  });
  it('fermentation of a seasoning 第23项 does not name is not its 报告书; of one it names, above the floor, it is', () => {
    expect(excludedNowhere('郫县豆瓣风味的调料企业：蚕豆制曲、辣椒盐渍后翻晒发酵，年产豆瓣酱1.5万吨，另做火锅底料。')).toBe(true);
    expect(excludedEverywhere('味精生产，玉米淀粉为原料谷氨酸发酵、提取、结晶，年产味精5万吨。')).toBe(true);
    expect(excludedEverywhere('酿造酱油项目，高盐稀态发酵，年产酱油5万吨。')).toBe(true);
  });
  it('tonnes of goods said in talk are held (三百来吨货); a truck’s tonnes are not a stock', () => {
    expect(excludedEverywhere('就是卖消毒剂那家，漂粉精，仓库里常年压着三百来吨货，主要供水厂和泳池。')).toBe(true);
    expect(excludedNowhere('消毒剂经销，漂粉精小包装零售，配送用10吨货车两辆。')).toBe(true);
  });
  it('a landfill under a 园区配套 field label is the lead’s own (第103项)', () => {
    expect(excludedEverywhere('园区配套｜一般工业固废填埋场（含污水厂污泥），库容260万m³｜社会资本+平台公司｜可研已编')).toBe(true);
    // (…a firm whose waste goes to the park's landfill builds none)
    expect(excludedNowhere('机加工企业，一般固废送园区已配套的填埋场处置。')).toBe(true);
  });
});
