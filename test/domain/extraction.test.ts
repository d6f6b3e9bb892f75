/** Resources the lead takes out, which the 2021 名录 puts in 报告书 by the resource (server/domain/extraction.ts). */
import { describe, expect, it } from 'vitest';
import { extractionEia } from '../../server/domain/extraction.js';
import { normalizeText } from '../../server/text/normalize.js';

const items = (text: string) => extractionEia(normalizeText(text)).map((f) => f.item);

describe('extractionEia', () => {
  it('reads the ore, the salt well and the sea farm the lead works, item by resource', () => {
    expect(items('投资建设萤石矿采选项目，年处理原矿30万吨')).toEqual([12]);
    expect(items('公司拟开采磷矿，建设年产150万吨磷矿石采矿工程及选矿厂')).toEqual([12]);
    expect(items('金矿采选项目：日处理矿石1000吨')).toEqual([10]);
    expect(items('铁矿项目：年采矿石200万吨，配套尾矿库')).toEqual([9]);
    expect(items('新建矿井及选煤厂，开采原煤，设计生产能力240万吨/年')).toEqual([6]);
    expect(items('井矿盐项目：钻井采卤，真空制盐年产50万吨')).toEqual([13]);
    expect(items('拟建海参围海养殖基地，在滩涂上修筑围堰，面积2000亩')).toEqual([4]);
    expect(items('深远海网箱养殖项目，用海面积1500亩，养殖大黄鱼')).toEqual([4]);
  });
  it('making, selling or serving for mines, processing bought ore, seaweed and small farms are not taking out', () => {
    expect(items('矿山设备制造项目，生产采矿用液压支架')).toEqual([]);
    expect(items('为周边铁矿提供选矿药剂')).toEqual([]);
    expect(items('锂辉石精矿提锂项目，年产2万吨碳酸锂')).toEqual([]);
    expect(items('稀土永磁材料项目，外购稀土金属')).toEqual([]);
    expect(items('金矿勘探服务，年完成钻探2万米')).toEqual([]);
    expect(items('海带养殖，用海面积3000亩')).toEqual([]);
    expect(items('近海网箱养殖，用海面积500亩')).toEqual([]);
    expect(items('海水养殖饲料生产项目，年产5万吨')).toEqual([]);
    expect(items('选煤厂项目，外购原煤洗选')).toEqual([]);
    expect(items('精制盐项目：外购井矿盐进行粉碎、碘化和包装')).toEqual([]);
  });
});
