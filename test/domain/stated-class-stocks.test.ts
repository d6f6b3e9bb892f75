/**
 * Stocks told as a 安评 or an SDS tells them (dev52): a hazard class the text states (GB 18218-2018 表2), a tank table with
 * several media, a trialkylaluminium, cans counted in ten-thousands, an English tank farm with its fill.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';
import { tankRows } from '../../server/text/tables.js';

const { run, excludedEverywhere, excludedNowhere, reasons } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('a class the text states, against GB 18218-2018 表2', () => {
  it('at or above the row’s 临界量 the lead is a major hazard source; below it, it is not', () => {
    expect(excludedEverywhere('橡塑助剂贸易公司，DCP（过氧化二异丙苯，有机过氧化物F型）专库最大放60吨')).toBe(true);
    expect(excludedNowhere('橡塑助剂贸易公司，DCP（过氧化二异丙苯，有机过氧化物F型）专库最大放30吨')).toBe(true);
    expect(reasons('橡塑助剂贸易公司，DCP（过氧化二异丙苯，有机过氧化物F型）专库最大放60吨').some((r) => r.includes('DCP约60吨'))).toBe(
      true,
    );
    // (summed with the 表1 substances of one unit: 5/10 + 4/10 + 10/50 = 1.1)
    expect(excludedEverywhere('特气站为一个储存单元，存放硅烷5t（易燃气体类别1）、液氨4t、一氧化二氮10t（氧化性气体类别1）。')).toBe(true);
    expect(excludedNowhere('特气站为一个储存单元，存放硅烷5t（易燃气体类别1）、液氨4t。')).toBe(true);
  });
  it('a tank stock of the stated class, by count, size, fill and the density stated', () => {
    const text = '有机磷中间体项目：三氯化磷储罐4台×100m³，充装0.85，密度1.57。三氯化磷不在表1，SDS为急性毒性-吸入类别2（液体，沸点76℃）。';
    expect(excludedEverywhere(text)).toBe(true);
    expect(excludedNowhere(text.replace('4台', '2台'))).toBe(true);
  });
  it('aerosol cans counted in ten-thousands, by each can’s net content', () => {
    expect(excludedEverywhere('美妆品牌华东仓：定型喷雾、防晒喷雾，都是气溶胶类别1；最大备货60万罐，单罐净含量250g。')).toBe(true);
    expect(excludedNowhere('美妆品牌华东仓：定型喷雾、防晒喷雾，都是气溶胶类别1；最大备货20万罐，单罐净含量250g。')).toBe(true);
  });
});

describe('a tank table (储罐 | 介质 | 容积 | 数量 | 充装系数)', () => {
  const table = ['储罐 | 介质 | 容积(m³) | 数量 | 充装系数', 'T101~T102 | 甲醇 | 1000 | 2 | 0.85', 'T103 | 丙酮 | 300 | 1 | 0.85'].join(
    '\n',
  );
  it('reads each row’s tanks together, with the row’s fill', () => {
    const rows = tankRows(table);
    expect(rows.map((r) => [r.medium, r.volumeM3, r.fill])).toEqual([
      ['甲醇', 2000, 0.85],
      ['丙酮', 300, 0.85],
    ]);
    // (a 规格 with no volume's unit is no volume)
    expect(tankRows('储罐 | 介质 | 规格\nT1 | 甲醇 | φ2600×8000')).toEqual([]);
  });
  it('sums the rows’ media against their 临界量', () => {
    expect(excludedEverywhere(`储运项目罐区一览\n${table}`)).toBe(true);
    expect(excludedNowhere(`储运项目罐区一览\n${table.replace('| 2 |', '| 1 |').replace('1000', '300')}`)).toBe(true);
  });
});

describe('other ways a stock is told', () => {
  it('a trialkylaluminium is 表1 第74项 烷基铝 (临界量 1 t)', () => {
    expect(excludedEverywhere('聚烯烃催化剂配制，三乙基铝是ISO罐装的，一罐净装8吨左右，场内常驻一罐')).toBe(true);
  });
  it('an English tank farm: two tanks of a size, filled to a share, at the handbook density', () => {
    const mail = 'Phase 1 is a cyclohexane receiving and storage terminal: two 400 m³ fixed-roof tanks, max fill 85%.';
    expect(excludedEverywhere(mail)).toBe(true);
    expect(excludedNowhere(mail.replace('two 400', 'two 300'))).toBe(true);
  });
  it('a negation in brackets ends with them', () => {
    expect(
      excludedEverywhere(
        'Our coatings JV (blending and canning only, no reaction) needs a solvent farm: acetone 2 × 200 m³ and toluene 2 × 200 m³, max fill 85%.',
      ),
    ).toBe(true);
  });
  it('a chemical put in counted tanks is held in them', () => {
    expect(excludedEverywhere('免洗洗手液和消毒湿巾厂，95%食用酒精放在三个500方的罐里，配料车间直接打料。')).toBe(true);
    expect(excludedNowhere('免洗洗手液和消毒湿巾厂，95%食用酒精放在一个50方的罐里，配料车间直接打料。')).toBe(true);
  });
  it('a name after a verb of keeping, in its state, is the substance', () => {
    expect(excludedEverywhere('EVA鞋材发泡｜发泡剂AC（偶氮二甲酰胺，自反应物质C型）仓库最多放55吨｜年产中底2000万双')).toBe(true);
  });
});

describe('solvent-borne coatings with their thinner (名录 年用溶剂型涂料（含稀释剂）10吨及以上)', () => {
  it('a thinner listed with its amount after a year’s use of paint is a year’s use too, summed', () => {
    expect(excludedEverywhere('钢制办公家具走访：喷漆房2间，年用醇酸面漆7.5吨，配套稀释剂（天那水）3吨，没有上粉末线。')).toBe(true);
    expect(excludedNowhere('钢制办公家具走访：喷漆房2间，年用醇酸面漆6吨，配套稀释剂（天那水）3吨，没有上粉末线。')).toBe(true);
    // (a stock of thinner is no year's use)
    expect(excludedNowhere('钢制办公家具：喷漆房，年用醇酸漆5吨，库存稀释剂6吨')).toBe(true);
  });
});

describe('English mails (dev53)', () => {
  it('gallons, cylinders with each one’s gas, containers counted by their state', () => {
    expect(excludedEverywhere('For China we want to pour our own foam, fed from a 40,000-gallon TDI bulk tank.')).toBe(true);
    expect(excludedNowhere('For China we want to pour our own foam, fed from a 4,000-gallon TDI bulk tank.')).toBe(true);
    expect(excludedEverywhere('The acetylene store will hold up to 220 cylinders (40 L, about 6 kg of gas each).')).toBe(true);
    expect(excludedNowhere('The acetylene store will hold up to 120 cylinders (40 L, about 6 kg of gas each).')).toBe(true);
    const chlorine = 'Disinfection will use chlorine gas. We will keep chlorine in 1-tonne containers: two on line and six full spares.';
    expect(excludedEverywhere(chlorine)).toBe(true);
    expect(excludedNowhere(chlorine.replace('six full spares', 'two full spares'))).toBe(true);
  });
  it('waste solvents worked up here, not handed to a licensed contractor', () => {
    expect(
      excludedEverywhere('Utilisation and regeneration of waste organic solvents (HW06, HW42) generated by third-party enterprises.'),
    ).toBe(true);
    expect(excludedEverywhere('收集HW06废有机溶剂精馏再生，年处理3万吨')).toBe(true);
    expect(excludedNowhere('We assemble battery packs. Our spent solvents are handed over to a licensed contractor for recycling.')).toBe(
      true,
    );
  });
  it('a customer list ends at the colon that opens the lead’s own description', () => {
    expect(
      excludedEverywhere('We plan a gamma irradiation facility serving medical device makers: Co-60 source rack designed for 3 MCi.'),
    ).toBe(true);
  });
});

describe('English process words (dev53)', () => {
  it('lead-acid battery steps, garment screen printing, solvent PU coating of fabric, plating done in-house', () => {
    expect(excludedEverywhere('VRLA batteries. Processes: grid casting, paste mixing and pasting, curing, formation.')).toBe(true);
    expect(excludedEverywhere('We knit-sew our own tees, then print them in-house on 8 carousel screen-printing presses.')).toBe(true);
    expect(excludedEverywhere('Two coating lines using solvent-based PU (DMF and MEK) on nylon fabrics.')).toBe(true);
    expect(excludedEverywhere("In-house we'd do: lost-wax casting, polishing, and plating - rhodium and 18k gold.")).toBe(true);
    // (the plating handed to a partner, the PU water-based, the printing digital only)
    expect(excludedNowhere('In-house we do casting and polishing; plating - rhodium and gold - is done by a partner.')).toBe(true);
    expect(excludedNowhere('We knit-sew our own tees and print them on 2 DTG machines.')).toBe(true);
  });
});

describe('long texts (dev54)', () => {
  it('a lab beside a pilot plant is a pilot-scale project (名录 第47项 含研发中试); a supplier’s agent is no trade of the lead’s', () => {
    const pilot = '建设抗体药物研发及中试平台。项目将建设细胞株开发实验室、分析实验室，以及配置2×2000L一次性生物反应器的中试生产车间';
    expect(excludedEverywhere(pilot)).toBe(true);
    // (the words read the item whatever the agent; whether the whole text's tone doubts it is the on-site head's)
    expect(run(`${pilot}。培养基、一次性袋由国外品牌在华代理供应`).features.eia.some((e) => e.items.includes(47))).toBe(true);
    // (a lab alone, or a trader, is not)
    expect(excludedNowhere('抗体药物研发实验室，主要做细胞株开发，不做中试')).toBe(true);
    expect(excludedNowhere('单抗原液贸易，代理销售，仓库2000平')).toBe(true);
  });
  it('a year’s use of water-based paint is no solvent-borne use; 无油性漆 says none is used', () => {
    expect(
      excludedNowhere(
        '实木定制家具，建设涂装车间，全部采用水性木器漆，年用水性涂料约12吨，不使用溶剂型涂料。企业原工厂在佛山使用溶剂型PU漆。',
      ),
    ).toBe(true);
    expect(excludedNowhere('项目名称：实木餐桌椅\n涂装：全部改用水性漆，年用约8吨，无油性漆\n面积：1.2万㎡')).toBe(true);
  });
});

describe('the second reader’s guards (REVIEW.md (34))', () => {
  it('a fabric solvent coating needs the fabric, and synthetic leather is another item', () => {
    expect(excludedNowhere('We make PU synthetic leather with solvent-based PU, DMF recovery')).toBe(true);
    expect(excludedNowhere('non-GMO: 非转基因植物油精炼，年产5万吨')).toBe(true);
  });
  it('a customer’s goods sterilised elsewhere, a machine maker, a meeting are no process of the lead’s', () => {
    expect(excludedNowhere('Our products are sterilized by cobalt-60 irradiation at a contract site.')).toBe(true);
    expect(excludedNowhere('We build grid casting machines and paste mixers for lead-acid battery plants.')).toBe(true);
    expect(excludedNowhere('We coat films; waste organic solvents generated by our lines go to in-house recovery by distillation.')).toBe(
      true,
    );
    expect(excludedEverywhere('The China plant would house a cobalt-60 pallet irradiator loaded with about 2 million curies.')).toBe(true);
  });
});

describe('an English product word after for, with the works after it', () => {
  it('is the customer’s trade, unless the lead makes its parts', () => {
    expect(excludedNowhere('We build machines for lead-acid battery plants.')).toBe(true);
    expect(excludedEverywhere('We make lead-acid batteries for forklift makers.')).toBe(true);
    expect(run('We machine structural parts (ribs, frames) for aircraft OEMs.').features.codes).toContain('3741');
  });
});

describe('a herbal medicine’s extract', () => {
  it('浸膏 of a 中成药 is no fragrance; its extraction beyond water and ethanol is 第48项', () => {
    expect(excludedNowhere('中药提取（醇提、水提）可研：乙醇回收塔1套；产品为浸膏及颗粒剂。')).toBe(true);
    expect(
      reasons('药材粉碎后进多功能提取罐，先用石油醚脱脂，再用乙酸乙酯回流，减压浓缩成浸膏，做胶囊。').some((r) => r.includes('第48项')),
    ).toBe(true);
    expect(excludedEverywhere('天然香料公司：桂花浸膏、玫瑰净油，年产20吨')).toBe(true);
  });
});

describe('a plan withdrawn', () => {
  it('已撤回 says the plan is not the lead’s (fresh21, seen)', () => {
    expect(excludedNowhere('原拟引进的年产20万吨铸造项目已撤回，地块现改为引进精密机加工企业，做液压阀体。')).toBe(true);
    expect(excludedEverywhere('铸造项目年产20万吨，已撤回原申请，重新申报扩产')).toBe(true);
  });
});

describe('a stock is an amount, not a tone', () => {
  it('an exclusion resting on a stock alone is not doubted by the whole text (ONSITE_BY_KIND: 3 wrong, 17 right lifted)', () => {
    expect(excludedEverywhere('氢能综合枢纽：加氢站+长管拖车停车场，站内储氢瓶组与停放的拖车合计储氢约6.5吨，服务氢能重卡和公交。')).toBe(
      true,
    );
  });
  it('a stock of a plan dropped is none (初稿的…已放弃; removed from the project)', () => {
    expect(excludedNowhere('冷链物流中心设计修编说明：初稿的氨制冷方案（液氨充注约20t）已放弃，改为R507+CO2复叠制冷。')).toBe(true);
    expect(
      excludedNowhere(
        'After the board review, the methanol tank farm (two 1,000 m³ tanks) and the formaldehyde unit have been removed from the project altogether. What remains is our R&D centre.',
      ),
    ).toBe(true);
  });
});

describe('a stock told as days or months of use, and tanks counted per grade', () => {
  it('a daily or monthly use kept for a number of days or months is held', () => {
    expect(excludedEverywhere('原料工业硝酸铵（含可燃物≤0.2%）月用量约30吨，按两个月备货，放一座单独库房')).toBe(true);
    expect(excludedNowhere('原料工业硝酸铵（含可燃物≤0.2%）月用量约30吨，按一个月备货，放一座单独库房')).toBe(true);
    // (a daily use in Chinese numerals with a decimal point, the days in the next clause)
    expect(excludedEverywhere('氯化工段液氯一天大概用零点三五吨，储氯间按十五天的量来放')).toBe(true);
    expect(excludedNowhere('氯化工段液氯一天大概用零点三五吨，储氯间按十天的量来放')).toBe(true);
    // (a flow alone is no stock)
    expect(excludedNowhere('乙醚作萃取溶剂，每天投料约0.8吨')).toBe(true);
    expect(excludedEverywhere('乙醚作萃取溶剂，每天投料约0.8吨，仓库要按15天备货')).toBe(true);
  });
  it('tanks counted 各 after grades of one substance are that many per grade; after two substances, per substance', () => {
    const text = '试验场油料站：92#与95#汽油埋地罐各1座，每座200m³，充装系数0.85，汽油密度按0.74。';
    expect(excludedEverywhere(text)).toBe(true);
    expect(excludedNowhere(text.replace('92#与95#汽油', '95#汽油'))).toBe(true);
    expect(excludedNowhere('甲醇和乙醇储罐各1座，每座200m³')).toBe(true);
  });
});
