/**
 * From dev85–dev88 (blind, 2026-12-07, thirty-first session) and the 名录's own columns: who does a step (由…供应 across a
 * bracket, 拿到…去镀, two works that supply, states a material arrives in), agents named for a process, 报告表 surface
 * treatment reviewed rather than refused, and the 报告书 cases it used to hide read on their own (冷轧 ≥50万吨, 镀槽,
 * 电子级湿化学品, 有钝化工艺的热镀锌).
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('dev85–dev88: the step is another works’', () => {
  it('reads a supplier whose works are described in brackets between 由 and 供应', () => {
    expect(excludedNowhere('风电主轴承精加工：锻件毛坯由集团锻铸分公司（年铸造能力15万吨）供应，本厂只做车削和装配。')).toBe(true);
    expect(excludedNowhere('等静压石墨零件加工，石墨毛坯由集团另一工厂（含焙烧、石墨化）供应，园区内只做机加工。')).toBe(true);
  });
  it('reads a step done by the supplier before delivery (由…厂发酵后运来)', () => {
    expect(excludedNowhere('果酒调配灌装项目：发酵原酒由合作酒厂发酵后罐车运来，本项目只做调配、过滤、灌装。')).toBe(true);
  });
  it('reads work carried to another town to be done (拿到…去镀)', () => {
    expect(excludedNowhere('他们活塞杆镀铬是拿到西安去镀的，厂里不搞电镀，只做缸筒加工和装配。')).toBe(true);
  });
  it('reads states listed of a bought material (熟皮（已鞣制、已染色）) and works that supply it', () => {
    expect(excludedNowhere('皮具加工：原料皮为两家鞣制厂供应的熟皮（已鞣制、已染色），厂内裁断、缝制、包装。')).toBe(true);
  });
  it('does not take 自由锻 or 由于 for a hand-off', () => {
    expect(excludedEverywhere('自由锻项目：新建电镀车间一座，配套滚镀线两条，年产锻件2万吨')).toBe(true);
  });
});

describe('dev87: an agent named for a process is traded or made, not used', () => {
  it('a trader in tanning agents does not tan; a tannery using them does', () => {
    expect(excludedNowhere('皮革化料贸易公司：代理鞣剂、复鞣剂、加脂剂和涂饰材料，只设办公和样品间。')).toBe(true);
    expect(excludedEverywhere('制革项目，年用铬鞣剂300吨，年加工牛皮50万张')).toBe(true);
  });
});

describe('surface treatment by the 名录’s columns (第67项: 有钝化工艺的热镀锌 报告书; 酸洗、磷化、钝化 其他, 报告表)', () => {
  it('reviews pickling and passivation of a machined product instead of refusing it', () => {
    expect(excludedNowhere('不锈钢球阀：下料—数控车削—焊接—酸洗钝化—装配—试压，年产5万台')).toBe(true);
  });
  it('still refuses hot-dip galvanising however the kettle is named', () => {
    expect(excludedEverywhere('钢构件镀锌：脱脂→酸洗→助镀→锌锅浸镀→钝化，年加工10万吨')).toBe(true);
    expect(excludedNowhere('锌锅设备制造，年产锌锅200台')).toBe(true);
  });
  it('reads the 报告书 cases pickling once hid: cold rolling at 50万吨, plating tanks, electronic wet chemicals', () => {
    expect(excludedEverywhere('项目建设酸洗—冷轧联合机组及连续退火机组，年产无取向硅钢合计60万吨。')).toBe(true);
    expect(excludedNowhere('项目建设酸洗—冷轧联合机组，年产冷轧带钢30万吨。')).toBe(true);
    expect(excludedEverywhere('地块用于建设年产80万吨冷轧板带项目，主要装备为酸洗—冷连轧联合机组一套。')).toBe(true);
    expect(excludedEverywhere('微电机轴先除油、酸洗活化再镀镍，现有镀槽6个，新厂镀槽加到12个。')).toBe(true);
    expect(excludedEverywhere('主营电子级湿化学品，自建合成和精馏提纯装置，拟建2万吨/年生产基地。')).toBe(true);
  });
});

describe('dev85–dev88: making read where words of selling, using or speech surround it', () => {
  it('the selling of what the lead makes does not make it a trader (天然香料的提取、生产与销售)', () => {
    expect(excludedEverywhere('天然香料（花椒精油、柠檬精油）的提取、生产与销售。拟建项目：年产天然香料150吨。')).toBe(true);
    expect(excludedNowhere('天然香料销售，代理进口香料，只设仓库和办公')).toBe(true);
  });
  it('a material another works leaves is used, not made (利用果汁厂的橘皮)', () => {
    expect(excludedEverywhere('利用果汁厂的橘皮，蒸汽蒸馏提取橘皮精油，年处理橘皮2万吨')).toBe(true);
  });
  it('a transcript without stops is split at its fillers and 然后: the old works named later is not where the step is done', () => {
    expect(
      excludedEverywhere('就是做羊皮的嗯从生皮开始做嗯浸水脱脂然后铬鞣再加脂染色一年十五万张然后他们现在在那边的厂子要关了想搬过来'),
    ).toBe(true);
  });
});

describe('dev86, dev88: a class the 名录 names without its making word, and a gas held by its pressure', () => {
  it('石棉制品 (第60项) names 3081 石棉制品制造', () => {
    expect(excludedEverywhere('产品为石棉橡胶板、石棉盘根，年产4000吨，工艺为开松、打浆、抄取、硫化。')).toBe(true);
  });
  it('reads compressed hydrogen from its vessels’ volume and working pressure (ideal gas at 20 ℃)', () => {
    const spheres = run('储运枢纽：建设3000m³储氢球罐4座（设计压力3.2MPa，运行压力3.0MPa）。').features.chemicals[0]!;
    expect(spheres.pressureMPa).toBe(3);
    // 12000 m³ × 3.1 MPa × 2.016 g/mol ÷ (8.314 × 293.15) ≈ 30.8 t ≥ 5 t
    expect(spheres.amountT).toBeCloseTo(30.8, 0);
    expect(excludedEverywhere('储运枢纽：建设3000m³储氢球罐4座（设计压力3.2MPa，运行压力3.0MPa）。')).toBe(true);
    expect(excludedNowhere('实验室氢气储罐1座，容积20立方米，压力2MPa')).toBe(true);
    // (a flow through a pipe is no stock, whatever its pressure)
    expect(run('天然气年用量300万立方米，管道压力0.4MPa').features.chemicals[0]?.amountT ?? null).toBeNull();
    // (…nor a year's flow beside a vessel and a pressure: the volume is no vessel's)
    expect(run('天然气年用量300万立方米，配套储气罐一个，压力0.4MPa').features.chemicals[0]?.amountT ?? null).toBeNull();
  });
});

describe('dev87: a 名录 condition the lead’s own item puts in its 报告表 column (第32项 制鞋业)', () => {
  it('solvent-borne glue of a shoe maker at 22 t a year is a 报告表; of a plastics maker, a 报告书 (第53项)', () => {
    expect(excludedNowhere('运动鞋生产项目，年产300万双，溶剂型胶粘剂年用约22吨')).toBe(true);
    expect(excludedEverywhere('塑料制品复合软包装，溶剂型胶粘剂年用15吨')).toBe(true);
  });
});

describe('dev88: a place is not a product, and the clause of an item that names the lead’s class sets its floor', () => {
  it('白银 a work is carried to is the city, not silver', () => {
    expect(excludedNowhere('光伏支架：外购型钢，厂内冷弯、焊接、组装；镀锌全部外协，运到白银一家镀锌厂加工后回厂打包，年产8万吨。')).toBe(
      true,
    );
    expect(excludedEverywhere('年产白银50吨的冶炼项目')).toBe(true);
  });
  it('a vinegar maker below 2万吨 a year is the 报告表 of 第23项 (年产2万吨及以上且有发酵工艺的酱油、食醋制造)', () => {
    expect(excludedNowhere('建设规模：年产枸杞香醋8000吨，采用传统固态发酵工艺（酒精发酵、醋酸发酵、淋醋、陈酿）。')).toBe(true);
    expect(excludedEverywhere('年产枸杞香醋3万吨，固态发酵工艺')).toBe(true);
    expect(excludedEverywhere('年产味精5000吨，发酵工艺')).toBe(true);
  });
});

describe('dev88: a stock said the way a caller says it', () => {
  it('库里最多会放三百吨 is what the store holds', () => {
    expect(excludedEverywhere('想在园区建一栋封闭电石库，库里最多会放三百吨左右。')).toBe(true);
    expect(excludedNowhere('想在园区建一栋封闭电石库，库里最多会放五十吨左右。')).toBe(true);
  });
});

describe('dev88: recycled feed named by what it was (第53项 以再生塑料为原料生产的)', () => {
  it('回收的废旧地膜、造粒料 fed to a drip-tape line', () => {
    expect(excludedEverywhere('滴灌带、PE管：原料以回收的废旧地膜、滴灌带造粒料为主（掺比约70%），厂内挤出成型，年产滴灌带15亿米。')).toBe(
      true,
    );
    expect(excludedNowhere('滴灌带、PE管：原料全部为新料，厂内挤出成型，年产滴灌带15亿米。')).toBe(true);
  });
});

describe('dev85: a furnace or kiln fired on gas is no large emitter; a tank sized then counted', () => {
  it('配套天然气加热炉 and 窑炉烧天然气 keep the lead; a coal-fired one or a glass melter does not', () => {
    expect(excludedNowhere('自由锻项目：新增快锻液压机及配套天然气加热炉（接园区管道气，不设储罐），年产锻件6万吨，钢锭外购。')).toBe(true);
    expect(excludedNowhere('特种陶瓷企业：窑炉烧天然气，不用煤和重油，厂区无储罐。')).toBe(true);
    expect(excludedEverywhere('锻造项目：新建燃煤加热炉2台')).toBe(true);
  });
  it('储罐200立方一个 is a 200 m³ tank, and a gas named as a gas is the liquid where the text says LNG', () => {
    expect(excludedEverywhere('日用瓷客户 窑炉全烧天然气 但他们想自己建LNG气化站 储罐200立方一个 问园区允不允许')).toBe(true);
  });
});
