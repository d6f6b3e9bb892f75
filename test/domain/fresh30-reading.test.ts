/**
 * From fresh30's misses (printed once, thirty-second session; fresh30 counts as seen since): a farm counted in pigs by
 * GB 18596-2001's equivalents, a golf course a project comes with (配), transgenic models said in English, a process whose
 * off-gas a neighbour's works gives, and a bare total of paint where every coating named is water-borne. The sentences are
 * written anew, not the set's.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');
const reasons = (t: string) => run(t).features.eia.map((e) => `${e.items.join(',')}:${e.word}`);

describe('fresh30: 名录 items read by the size or the facility', () => {
  it('counts a farm’s animals in pigs (第3项; GB 18596-2001 1.2.2: 1头奶牛折10头猪, 1头肉牛折5头猪, 30只蛋鸡折1头猪)', () => {
    // 3,000 dairy cows held = 30,000 pigs ≥ 存栏生猪2500头
    expect(excludedEverywhere('乳业集团在镇北新建现代化牧场，存栏荷斯坦奶牛3000头，配套青贮和粪污处理')).toBe(true);
    expect(reasons('乳业集团在镇北新建现代化牧场，存栏荷斯坦奶牛3000头').join()).toMatch(/^3:.*折合生猪30,000头/);
    // 1,200 beef cattle sold a year = 6,000 pigs ≥ 年出栏生猪5000头; 800 = 4,000 is not
    expect(excludedEverywhere('肉牛育肥场，年出栏肉牛1200头')).toBe(true);
    expect(excludedNowhere('肉牛育肥场，年出栏肉牛800头')).toBe(true);
    // 60,000 layers held = 2,000 pigs < 2,500
    expect(excludedNowhere('生态农场养殖蛋鸡6万羽，配套采摘园')).toBe(true);
    // (the species named after the count in its sentence: 存栏5000头的牧场（成母牛3000头、后备牛2000头）)
    expect(excludedEverywhere('项目建设存栏5000头的现代化牧场（成母牛3000头、后备牛2000头），配套乳品加工厂')).toBe(true);
    // (the farms a dairy buys milk from are not its own)
    expect(excludedNowhere('乳制品加工项目，年产液态奶8万吨，奶源来自合作牧场，存栏奶牛2万头')).toBe(true);
  });
  it('reads a golf course the project comes with (配, 配建) as 第112项, not one the park already has', () => {
    expect(excludedEverywhere('康养小镇项目，投资方要求配一个18洞高尔夫球场，占地约1200亩')).toBe(true);
    expect(excludedEverywhere('度假区项目，配建27洞高尔夫球场及会所')).toBe(true);
    expect(excludedNowhere('园区配套有高尔夫球场，环境优美，拟引进总部办公项目')).toBe(true);
  });
  it('reads transgenic models a firm makes, told in English, as 第98项’s 转基因实验室', () => {
    expect(
      excludedEverywhere('We make knockout and transgenic rat models for CROs. The new site will have an SPF facility for 8,000 cages.'),
    ).toBe(true);
    expect(excludedNowhere('We sell IVC cages and bedding to transgenic mouse facilities.')).toBe(true);
  });
});

describe('fresh30: who runs the step, and what a total of paint holds', () => {
  it('a process whose off-gas the lead takes from a neighbour’s works is the neighbour’s (兰炭尾气 from 隔壁兰炭厂)', () => {
    expect(excludedNowhere('兰炭尾气综合利用：回收隔壁兰炭企业外排的荒煤气，脱硫后进燃气内燃机发电，装机2×10MW')).toBe(true);
    // (its own works stays its own)
    expect(excludedEverywhere('新建兰炭生产线，年产兰炭60万吨，兰炭尾气用于发电')).toBe(true);
  });
  it('a bare total of 涂料 is not solvent-borne where every coating named is water-borne, electrophoretic or powder', () => {
    expect(excludedNowhere('底盘支架企业，阴极电泳涂装，电泳漆为水性，另有少量水性面漆，全年涂料用量约25吨')).toBe(true);
    // (a kind left unsaid, or a solvent named, keeps the total solvent-borne)
    expect(excludedEverywhere('底盘支架企业，阴极电泳后喷面漆，全年涂料用量约25吨')).toBe(true);
    expect(excludedEverywhere('底盘支架企业，电泳漆为水性，面漆用稀释剂调配，全年涂料用量约25吨')).toBe(true);
  });
});

describe('fresh30: the markets a product is supplied to', () => {
  it('reads sectors a supply verb ends its clause on as markets, not the lead’s industry', () => {
    const t = '高端铝合金板材项目，外购扁锭，建设热轧、冷轧和精整生产线，年产板材6万吨，主要供应航空航天和轨道交通。';
    expect(run(t).features.industries[0]?.name).not.toBe('航空航天');
    // (the lead's own product still says its industry)
    expect(run('无人机整机研发制造，主要供应航空航天领域').features.industries[0]?.name).toBe('航空航天');
  });
});

describe('dev: a lab the 名录 names is no lab-scale exemption', () => {
  it('a transgenic lab with a small fermenter (小试) is still 第98项’s 转基因实验室', () => {
    expect(excludedEverywhere('合成生物初创，研发楼做大肠杆菌的基因敲除和菌株构建，配发酵小试罐，不做生产')).toBe(true);
    // (making at lab scale stays exempt: 小试 of a synthesis)
    expect(excludedNowhere('高校团队做光刻胶单体的小试合成，实验室研发，不做中试')).toBe(true);
  });
});

describe('dev: stocks counted after their size, or added to another; an English engine plant', () => {
  it('multiplies a tank’s volume by the count after it (50立方米LPG卧式储罐3台 = 150 m³ × 0.55 t/m³ ≥ 50 t)', () => {
    expect(excludedEverywhere('食品烘焙线以液化石油气为燃料，厂区设50立方米LPG卧式储罐3台')).toBe(true);
    expect(excludedNowhere('食品烘焙线以液化石油气为燃料，厂区设50立方米LPG卧式储罐1台')).toBe(true);
  });
  it('adds tube trailers kept on site to a fixed store the text adds them to (4 × 0.38 t + 3.8 t ≥ 5 t of hydrogen)', () => {
    const t = '燃料电池测试中心：用氢由长管拖车供应，每车装氢约380kg，场内最多停放4台；另设固定储氢瓶组，设计储氢量3.8吨。';
    expect(run(t).features.chemicals[0]?.amountT).toBeCloseTo(5.32, 2);
    expect(excludedEverywhere(t)).toBe(true);
    expect(excludedNowhere('燃料电池测试中心：用氢由长管拖车供应，每车装氢约380kg，场内最多停放4台。')).toBe(true);
  });
  it('reads an English engine plant that machines its blocks and heads as 第71项 (not an assembly-only one)', () => {
    expect(
      excludedEverywhere(
        'We plan a 2.0 L engine plant for hybrid vehicles: machining of cylinder blocks, heads and crankshafts, assembly and hot test, 200,000 engines a year.',
      ),
    ).toBe(true);
    expect(
      excludedNowhere(
        'We plan an engine assembly plant for hybrid vehicles; machining of cylinder blocks and heads is sourced from suppliers, we assemble and hot-test 200,000 engines a year.',
      ),
    ).toBe(true);
  });
});

describe('dev95–dev98: facilities by their tanks and berths, units a plant builds, and what feeds a process', () => {
  it('reads an oil depot by its tanks and their total (第149项 ≥20万立方米), and a liquid-chemical berth with its pipe rack (第138项)', () => {
    expect(excludedEverywhere('储备库项目签约，新建8万立方米原油储罐3座，总库容24万立方米')).toBe(true);
    expect(excludedEverywhere('港口公司拟新建3万吨级液体化工泊位2个及配套管廊，主要装卸甲醇')).toBe(true);
    // (what is made for the berth is equipment: 配套设备)
    expect(excludedNowhere('我们为液体化工码头配套设备，主要做装卸臂')).toBe(true);
  });
  it('reads a power plant’s units the lead builds (拟建…燃煤热电联产机组, 第87项), not a maker of their parts', () => {
    expect(excludedEverywhere('热力公司汇报：拟建2×350MW超临界燃煤热电联产机组，向园区企业供汽')).toBe(true);
    expect(excludedNowhere('我们生产燃煤热电联产机组用的汽轮机叶片，拟租厂房2万平')).toBe(true);
  });
  it('counts storage tanks (储槽) by their number and size (2 × 300 m³ of liquid oxygen × 1.14 t/m³ ≥ 200 t)', () => {
    expect(excludedEverywhere('工业气体项目，建设空分装置，管道供应氧气、氮气，并配套2台300立方米液氧储槽')).toBe(true);
  });
  it('a material before the process it feeds is that process’s feed, not the lead’s product', () => {
    expect(excludedNowhere('本项目生产甲醇重整制氢燃料电池备用电源系统，年产2000套，出厂测试加注少量甲醇')).toBe(true);
    expect(
      excludedNowhere(
        'We plan an alloy plant: charge materials are primary aluminium ingot, pure magnesium and silicon metal only, remelted and cast into ingots, no scrap.',
      ),
    ).toBe(true);
  });
  it('moulding bought pulp board is a paper product’s trade, not pulping (纸浆模塑, 浆板碎解)', () => {
    expect(excludedNowhere('产品\t甘蔗渣纸浆模塑餐盒\n原料\t漂白蔗渣浆板（外购）\n工艺\t浆板碎解、真空成型、热压定型')).toBe(true);
    expect(excludedEverywhere('甘蔗渣制浆项目，年产蔗渣浆10万吨')).toBe(true);
  });
});

describe('dev95–dev98: a head said again, a carve-out proposed as the project, English shipyards', () => {
  it('a bare head said again after the longer word that named it refers back to it (焊接机器人工作站…年产工作站)', () => {
    const f = run('企业研发制造桥梁U肋焊接机器人工作站，机器人本体自研，计划年产工作站400套').features;
    expect(f.industries[0]?.name).not.toBe('电子信息制造');
    expect(f.codes).not.toContain('3911');
  });
  it('a 名录 carve-out the proposed project is (拟在…建设…水泥粉磨站项目: 第54项 水泥粉磨站除外) keeps the lead', () => {
    expect(excludedNowhere('建材公司拟在经开区建设年产100万吨钢渣复合粉及水泥粉磨站项目，以外购熟料、钢渣和石膏为原料，不设熟料煅烧')).toBe(
      true,
    );
  });
  it('reads an English shipyard (第73项 造船), not a supplier to shipyards', () => {
    expect(
      excludedEverywhere(
        'Our joint venture plans a new shipyard for 7,000-25,000 dwt chemical tankers: steel cutting, hull block fabrication, blasting and painting halls, 24 ships per year.',
      ),
    ).toBe(true);
    expect(excludedNowhere('We supply welding wire and consumables to shipyards in Zhoushan; warehouse only.')).toBe(true);
  });
});

describe('dev96–dev97: a strain’s fermentation denied, an English polymerisation', () => {
  it('无菌种发酵 denies the fermentation (no strain), while 无菌车间 is still a sterile room', () => {
    expect(excludedNowhere('低聚果糖项目：以白砂糖为原料，外购商品酶做酶法转化，再脱色、浓缩、喷干，无菌种发酵工序，年产5000吨')).toBe(
      true,
    );
    expect(excludedEverywhere('柠檬酸项目：无菌车间内进行菌种发酵，年产柠檬酸5万吨')).toBe(true);
  });
  it('a resin polymerised, told in English, is a reaction even where grades are also compounded (第44项)', () => {
    expect(
      excludedEverywhere(
        'The plant will transesterify diphenyl carbonate with bisphenol A and polymerise it into polycarbonate resin, 200,000 t/a, with compounding of flame-retardant grades.',
      ),
    ).toBe(true);
    expect(excludedNowhere('We compound purchased polycarbonate resin with flame retardants into grades, 20,000 t/a; no reactors.')).toBe(
      true,
    );
  });
});

describe('dev98: machines repaired for others, listed before 的再制造', () => {
  it('reads a list of parts before 的再制造修复服务 as repaired for others, not made', () => {
    const f = run('为煤矿和钢厂提供液压支架立柱、轧辊、柱塞的再制造修复服务').features;
    expect(f.industries[0]?.name).toBe('生产性服务');
  });
});

describe('dev: a health food’s dosage forms, 新能源 before a vehicle, a firm’s short name as a label', () => {
  const first = (t: string) => run(t).features.industries[0]?.name;
  it('reads a 保健食品 maker’s tablets and oral liquids as food forms (大健康), a drug maker’s as drugs', () => {
    expect(first('营养品公司，产品为保健食品：维生素C咀嚼片、鱼油软胶囊、胶原蛋白口服液，年产片剂2亿片')).toBe('大健康');
    expect(first('仿制药制剂项目，年产片剂10亿片、胶囊5亿粒，已取得国药准字批文')).toBe('生物医药');
  });
  it('reads 新能源 before a vehicle or its drive as 新能源汽车 (新能源冷藏车, 新能源电驱)', () => {
    expect(first('专用汽车公司新能源冷藏车改装项目，年产3000辆')).toBe('新能源汽车');
    expect(first('新能源：光伏组件项目，年产5GW')).toBe('新能源');
  });
  it('does not read a positioning’s name that ends a firm’s short name labelling the note (储驰新能源：)', () => {
    expect(first('储驰新能源：商用车动力电池PACK，电芯外购，模组及PACK装配、BMS标定，年产4GWh')).not.toBe('新能源');
  });
});

describe('dev: tests of a product for others, and an electric drive', () => {
  const first = (t: string) => run(t).features.industries[0]?.name;
  it('reads a lab testing medical devices for registration as 检验检测, not 医疗器械', () => {
    expect(first('做医疗器械注册检测的民营实验室，生物相容性、电气安全都能做，要3000平实验楼')).toBe('检验检测');
  });
  it('reads an electric drive assembly (电驱总成, 电驱动系统) as 新能源汽车, as the blind writers do', () => {
    expect(first('驱源动力三合一电驱动总成项目签约，建设电机、电控及减速器总装线，年产电驱总成30万套')).toBe('新能源汽车');
  });
});

describe('dev101: a craft class, cleaning water, goods in a store, a drink’s lees', () => {
  it('keeps a craft taught to visitors (扎染体验课), rinse water reused (清洗水回用), goods a cold store holds, and lees (黄酒糟)', () => {
    expect(excludedNowhere('非遗传承人在商业街区开设蓝染传习馆，开展扎染体验课和文创销售，年接待研学2万人次')).toBe(true);
    expect(excludedNowhere('助剂复配：外购表面活性剂在搅拌釜里常温物理混合再分装，没有反应，清洗水回用，年产五千吨')).toBe(true);
    expect(excludedNowhere('冷链物流｜2万吨冷库（黄酒、冻品）｜冷链配送车30辆｜用地40亩')).toBe(true);
    expect(excludedNowhere('酱园｜传统晒制酱油和黄酒糟腌制品｜年产酱油6000吨')).toBe(true);
    // (a works that dyes and brews stays one)
    expect(excludedEverywhere('扎染面料工厂，工业染色线12条，年产扎染面料300万米')).toBe(true);
    expect(excludedEverywhere('黄酒酿造基地，年产黄酒2万千升，传统发酵')).toBe(true);
  });
});

describe('dev99: what a yearly use lists, a coating low in VOCs, a firm followed up', () => {
  it('reads a list after 年用 as what is used, and 低VOCs as little waste gas (溶剂型 4.2 t + 稀释剂 1.8 t < 10 t)', () => {
    expect(excludedNowhere('底盘件喷漆线改造，改造后年用溶剂型面漆4.2吨、稀释剂1.8吨，其余为水性底漆12吨（低VOCs），年产150万件。')).toBe(
      true,
    );
  });
  it('does not read a positioning’s name ending a firm’s name after 跟进 (跟进凯骊新能源，…)', () => {
    expect(run('跟进凯骊新能源，商用车换电电池包PACK项目，电芯外购，本地做模组和PACK组装').features.industries[0]?.via).not.toBe('新能源');
  });
});

describe('dev100: English mails — a hyphenated line said in-house, PU and NC lacquers', () => {
  it('affirms an in-house line written with a hyphen (in-house hard-chrome plating line)', () => {
    expect(
      excludedEverywhere(
        'Our hydraulic cylinder plant would include tube honing, rod machining and an in-house hard-chrome plating line for piston rods, 250,000 cylinders per year.',
      ),
    ).toBe(true);
  });
  it('counts PU and NC lacquers and thinner as solvent-borne coatings (11 t + 3 t ≥ 10 t a year)', () => {
    expect(
      excludedEverywhere(
        'We make solid-oak furniture with a finishing line of three spray booths. We use PU and NC lacquers, about 11 tonnes a year, plus roughly 3 tonnes of thinner.',
      ),
    ).toBe(true);
    expect(
      excludedNowhere(
        'We make solid-oak furniture with a finishing line of three spray booths. We use PU and NC lacquers, about 4 tonnes a year, plus roughly 1 tonne of thinner.',
      ),
    ).toBe(true);
  });
});

describe('dev100: English yearly figures in millions and in animals', () => {
  it('reads 1.2 million tonnes a year of cold-rolled coil (第63项 ≥50万吨) and 30 million birds a year slaughtered (第18项 ≥1000万只)', () => {
    expect(
      excludedEverywhere(
        'We plan a cold-rolling complex: pickling line, 5-stand tandem cold mill and continuous annealing, 1.2 million tonnes a year of cold-rolled coil.',
      ),
    ).toBe(true);
    expect(
      excludedEverywhere(
        'Processing plant: two slaughter lines (stunning, bleeding, scalding, plucking, evisceration), air chilling and deboning, about 30 million birds a year.',
      ),
    ).toBe(true);
    expect(
      excludedNowhere(
        'Processing plant: one slaughter line (stunning, bleeding, plucking, evisceration), air chilling and deboning, about 3 million birds a year.',
      ),
    ).toBe(true);
  });
});

describe('dev100: a firm named Grid, an office named for its industry', () => {
  it('reads a TOPCon cell fab of a firm called … Grid Technologies as cell making (第77项), not a solar farm', () => {
    expect(
      excludedEverywhere(
        'Helios Grid Technologies plans a 10 GW TOPCon solar cell fab: texturing, boron diffusion, PECVD, screen printing and firing.',
      ),
    ).toBe(true);
    expect(excludedNowhere('We will install a 20 MW solar cell plant on our roofs, feeding the grid.')).toBe(true);
  });
  it('does not read the zone’s office named for an industry as the lead’s industry (新能源招商组, 医疗器械专班)', () => {
    expect(run('新能源招商组周报：一家做奶茶连锁的总部想落在商务区').features.industries[0]?.name).not.toBe('新能源');
  });
});

describe('dev100: a 名录 carve-out named in English', () => {
  it('reads a continuous saponification unit as 第46项’s own carve-out (采用连续皂化工艺的除外)', () => {
    expect(
      excludedNowhere(
        'We plan a toilet-soap plant: a continuous saponification unit making soap noodles from palm and coconut oils, then plodding and stamping, 40,000 t/yr.',
      ),
    ).toBe(true);
  });
});

describe('dev97, dev101: paints named by their use, a trade park’s central wastewater plant (REVIEW.md (52))', () => {
  it('reads a maker of antifouling and container paints with its own resin reactors as 涂料制造, and a dyeing park’s central plant as 第95项', () => {
    expect(
      excludedEverywhere('船舶涂料公司：产品为船舶防污漆、环氧重防腐漆、集装箱漆，年产3万吨；自建醇酸树脂反应釜4台，树脂自产自用'),
    ).toBe(true);
    expect(excludedEverywhere('会议纪要：印染集聚区拟新增印染废水集中处理能力5万吨/日，由环境公司BOT投资建设')).toBe(true);
    // (a container maker buys its paint)
    expect(run('集装箱制造，年产集装箱3万标箱，外购集装箱漆').features.codes).not.toContain('2641');
  });
});
