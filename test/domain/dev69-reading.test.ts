/**
 * What dev69 (a 宁波 area's leads, many of them long 环评 and 可研 excerpts) found on arrival: a first version of a plan the
 * text later drops, the old plant's line the move leaves behind, exhaust burnt in its treatment unit, the lead's own waste
 * handled as hazardous waste, a machine sized in brackets, a thinner said included in a total, a class of the item's industry
 * its 报告书 does not name, and the name of a finished product before a part.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('dev69 on arrival', () => {
  it('a first version of a plan the text drops is no part of the project (最初方案…已取消; 第一版方案…第二版方案已取消)', () => {
    expect(
      excludedNowhere(
        '说明：最初方案在厂内设阳极氧化着色线（按颜色区分型号），后因环保手续周期长已取消，着色改由具备资质的苏州表面处理厂加工',
      ),
    ).toBe(true);
    expect(
      excludedNowhere(
        '燃气：第一版方案拟在厂区自建LNG气化站（60m³储罐2座），现园区中压天然气管道已敷设到地块红线，第二版方案已取消LNG气化站，改接管道天然气，厂内不设储罐',
      ),
    ).toBe(true);
    // (…the old plant's line the move leaves behind too; one the move brings along stays)
    expect(excludedNowhere('涂装：原厂区使用溶剂型油漆（年用约22t）的喷漆线在迁建后不再使用，新厂区改为静电粉末喷涂')).toBe(true);
    expect(excludedEverywhere('原厂区的电镀线搬过来继续用，年镀锌5000吨')).toBe(true);
  });
  it('exhaust burnt in its treatment unit is emission control, not waste incineration (废气经TNV焚烧处理)', () => {
    expect(excludedNowhere('VOCs治理：电泳烘干废气经TNV焚烧处理')).toBe(true);
    expect(excludedNowhere('有机废气经RTO蓄热焚烧处理')).toBe(true);
    expect(excludedEverywhere('危废焚烧处置中心，年焚烧危废3万吨')).toBe(true);
  });
  it('the lead’s own waste handled as hazardous waste is disposed of by others (实验室废液约5t/a按危废处置)', () => {
    expect(excludedNowhere('口服固体制剂，QC实验室配备HPLC 30台，实验室废液约5t/a按危废处置')).toBe(true);
    expect(excludedEverywhere('我们专门做危废处置，按危废经营许可证收运')).toBe(true);
  });
  it('a machine sized in brackets is no stock (灭菌柜2台（单台10m³）): the cylinders are (10 × 180 kg = 1.8 t < 10 t)', () => {
    const f = run('灭菌：厂内设环氧乙烷灭菌柜2台（单台10m³），环氧乙烷钢瓶最大储存10瓶（每瓶180kg），设独立气瓶间').features;
    expect(f.chemicals.map((c) => c.amountT)).toEqual([1.8]);
  });
  it('a thinner said included in a total is no material of its own (6.5 t planned; 实际喷漆用量约5.8t（含稀释剂）)', () => {
    expect(
      excludedNowhere(
        '涂装：抛丸后手工喷涂溶剂型环氧底漆和醇酸面漆，年用量：底漆3.0t、面漆2.5t、稀释剂1.0t，合计6.5t。说明：公司2024年实际喷漆用量约5.8t（含稀释剂），新项目按6.5t/a申报',
      ),
    ).toBe(true);
    expect(excludedEverywhere('家具厂，溶剂型涂料（含稀释剂）约12吨')).toBe(true);
  });
  it('a class of the item’s industry its 报告书 does not name is the item’s 报告表 (EPDM seals: 第52项 is tyres and reclaimed rubber)', () => {
    expect(
      excludedNowhere(
        '宁波密封王汽车部件有限公司 汽车密封条扩产项目\n产品：EPDM车门密封条、玻璃导槽、发动机舱密封条，年产8000万米\n工艺：炼胶（密炼机2台、开炼机4台）→挤出→微波＋热空气连续硫化→植绒/涂层（水性）→切断接角→检验\n原料：EPDM生胶 9000t/a；炭黑 7000t/a；石蜡油 3500t/a；发泡剂、硫化剂若干\n主要设备：密炼机 2台；开炼机 4台；挤出生产线 16条；微波硫化线 16条；植绒线 4条\n公用工程：年用电4500万kWh；硫化加热以电和天然气为主\n劳动定员：780人\n投资：5.5亿元\n客户：国内主流主机厂及新势力车企',
      ),
    ).toBe(true);
    expect(excludedEverywhere('轮胎厂，密炼、压延、成型、硫化都自己做，年产半钢子午胎500万条')).toBe(true);
  });
  it('the name of a finished product right before a part names the part’s use (新能源汽车轴承), not a company’s plant', () => {
    const f = run('签约｜年产2000万套新能源汽车轴承项目落户临港').features;
    expect(f.industries.some((i) => i.name === '新能源汽车' && i.strength > 0.6)).toBe(false);
    expect(run('新能源汽车整车项目').features.industries[0]?.name).toBe('新能源汽车');
  });
});

// (found among fresh25's misses, printed once at the twenty-seventh session's end: the set counts as seen from then on)
describe('fresh25, seen', () => {
  it('a robot doing a step of the lead’s making is its equipment (工序：冲压、机器人焊接、装配), not a robot maker', () => {
    const f = run('企业：华骏座椅部件 产品：汽车座椅骨架、滑轨、调角器 工序：冲压、机器人焊接、装配、耐久检测').features;
    expect(f.industries[0]?.name).toBe('智能零部件');
    expect(f.industries.find((i) => i.name === '机器人')?.strength ?? 0).toBeLessThanOrEqual(0.7);
    expect(run('做机器人焊接工作站的，卖给汽配厂').features.industries[0]?.name).toBe('机器人');
  });
  it('a step handed with a bare 交 to another works is that works’ (电镀（镀白金/镀金）交深圳水贝电镀厂)', () => {
    const f = run('首饰加工，起版、镶嵌在本厂，电镀（镀白金/镀金）交深圳水贝电镀厂').features;
    expect(f.notOwnWords.map((w) => w.word)).toEqual(expect.arrayContaining(['电镀', '镀金', '电镀厂']));
    expect(excludedNowhere('首饰加工，起版、镶嵌在本厂，电镀（镀白金/镀金）交深圳水贝电镀厂')).toBe(true);
    // (…a product delivered to a customer's works is no step handed: 交付)
    expect(excludedEverywhere('电镀厂，自己电镀，产品交付客户工厂')).toBe(true);
  });
});

describe('the last changes of the twenty-seventh session', () => {
  it('各 in brackets after a count of tanks is each one’s size (LPG储罐3台（各50m³）: 150 m³ × 0.55 = 82.5 t ≥ 50 t)', () => {
    expect(excludedEverywhere('燃料为液化石油气，厂区设LPG储罐3台（各50m³）')).toBe(true);
  });
  it('a stock its sentence says emptied, blanked off or idle to be removed holds nothing (闲置多年，已抽空加盲板，今年拆除)', () => {
    expect(excludedNowhere('厂区东侧LPG储罐2个（各50方），闲置多年，已抽空加盲板，今年拆除；现在用管道天然气。做精密轴承套圈加工。')).toBe(
      true,
    );
    // (…not a stock whose sentence says something else stopped: 3 × 15 m³ × 0.61 t/m³ of ammonia is still held)
    expect(excludedEverywhere('冷库用液氨制冷，液氨储罐三台，每台15立方米，原氟利昂机组已停用')).toBe(true);
  });
  it('a class whose name ends in a kind a bare 名录 list names is the item’s (铁路机车车辆制造 for 第72项 机车、车辆…制造)', () => {
    expect(excludedEverywhere('年产铁路货车1500辆，敞车、罐车')).toBe(true);
    expect(excludedEverywhere('铁路货车造修项目，年新造货车1500辆。')).toBe(true);
    // (…not the class of their parts: 铁路机车车辆配件制造)
    expect(excludedNowhere('我们做铁路货车配件，摇枕侧架铸件外购，机加装配')).toBe(true);
  });
});
