/** Infrastructure the lead builds that the 2021 名录 puts in 报告书 by the facility and its size (server/domain/infrastructure.ts). */
import { describe, expect, it } from 'vitest';
import { infrastructureEia } from '../../server/domain/infrastructure.js';
import { normalizeText } from '../../server/text/normalize.js';

const items = (text: string) => infrastructureEia(normalizeText(text)).map((f) => f.item);

describe('infrastructureEia', () => {
  it('reads the facility the lead builds, with the size the item sets', () => {
    expect(items('某港务公司拟在沿江港区新建2个5000吨级液体化工泊位，配套储罐区')).toEqual([138]);
    expect(items('文旅投资方想在湖边做一个18洞高尔夫球场，配会所')).toEqual([112]);
    expect(items('省电力公司拟新建500千伏输变电工程，主变2×1000兆伏安')).toEqual([161]);
    expect(items('计划在园区东侧新建一座A1级通用机场，800米跑道')).toEqual([136]);
    expect(items('水务集团投资建设城北污水处理厂，一期规模15万吨/日')).toEqual([95]);
    expect(items('某能源公司拟建成品油储备库，总库容30万立方米')).toEqual([149]);
    expect(items('项目：成品油储备库\n库容：总罐容25万立方米')).toEqual([149]);
    expect(items('文旅集团拟投资60亿元建设IP主题乐园，占地约1200亩')).toEqual([114]);
  });
  it('below the item’s size, the item does not apply', () => {
    expect(items('新建一座日处理5万吨的污水处理厂')).toEqual([]);
    expect(items('拟建油库，总库容5万立方米')).toEqual([]);
    expect(items('新建220千伏变电站一座')).toEqual([]);
    expect(items('建设一个小型主题乐园，占地80亩，投资2亿元')).toEqual([]);
  });
  it('a facility the lead sends to, lies near, serves or finds in the park is not one it builds', () => {
    expect(items('厂区废水经预处理后排入城北污水处理厂，规模15万吨/日')).toEqual([]);
    expect(items('新建研发楼，距萧山机场20分钟车程')).toEqual([]);
    expect(items('园区配套建设污水处理厂，规模15万吨/日')).toEqual([]);
    expect(items('我们做机场行李系统，给新建的机场配套')).toEqual([]);
    expect(items('靠近高尔夫球场的研发办公楼')).toEqual([]);
    expect(items('码头装卸机械制造，新建厂房3万平方米')).toEqual([]);
    // (an airport only 新建 or 迁建; a drone dock is equipment; an oil depot's total after an extension is not what is built)
    expect(items('机场航站楼扩建工程')).toEqual([]);
    expect(items('新建大疆无人机机场30个')).toEqual([]);
    expect(items('油库扩建，扩建后总库容25万立方米')).toEqual([]);
    expect(items('拟建地下油库一座')).toEqual([149]);
  });
  it('power plants, reclamation and reactors by the sizes of 第88、151、154、167项', () => {
    expect(items('某能源集团拟投资70亿元建设海上风电场，总装机容量50万千瓦')).toEqual([151]);
    expect(items('海上风电项目装机容量40万千瓦，配套海上升压站')).toEqual([151]);
    expect(items('建设抽水蓄能电站，装机容量120万千瓦')).toEqual([88]);
    expect(items('新建水电站，总装机2.4万千瓦')).toEqual([88]);
    expect(items('新建潮汐电站，装机30兆瓦')).toEqual([151]);
    expect(items('实施围填海工程500亩')).toEqual([154]);
    expect(items('拟建核电站两台百万千瓦机组')).toEqual([167]);
    // (below the size; equipment or services for the plant; a plant the lead serves)
    expect(items('新建一座小水电站，装机800千瓦')).toEqual([]);
    expect(items('新建海上风电场，装机3万千瓦')).toEqual([]);
    expect(items('海上风电装备产业园：年产海上风电叶片300套')).toEqual([]);
    expect(items('为海上风电场提供运维服务')).toEqual([]);
    expect(items('抽水蓄能电站机组零部件制造项目')).toEqual([]);
    expect(items('核电站用阀门生产项目')).toEqual([]);
    expect(items('新建污水处理厂配套管网，规模15万吨/日')).toEqual([]);
  });
});
