/**
 * Reading near-misses and polluters written the way new writers wrote them (the thirteenth session's dev sets): a step a
 * named works did before the material came in, a topic denied later in its sentence, a line sold off, the old plant's
 * sentence against the new one's, a waste only collected; and, the other way, a material made by a reaction at pilot
 * scale, one kind of a class the 名录 names (香料制造), machines set to work, a stated output that meets the item.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';
import { actorOf } from '../../server/text/actors.js';
import { understandLead } from '../../server/domain/lead.features.js';
import { normalizeText } from '../../server/text/normalize.js';
import { renderReason } from '../../server/domain/reasons.js';

const { kb, run, cleanResults, excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');
const actor = (text: string, word: string) => {
  const t = normalizeText(text);
  const at = t.indexOf(word);
  return actorOf(t, at, at + word.length);
};

describe('near-misses: the polluting word is not the lead’s own step', () => {
  it('a step a named works did before the material came in (皮革厂鞣好、染好的) — but not the lead’s own works (我们电镀厂镀好后发货)', () => {
    expect(actor('皮料都是成品皮，意大利和海宁的皮革厂鞣好、染好的，这边只管开料', '皮革厂')).toBe('offSite');
    expect(actor('我们电镀厂镀好后发货', '电镀')).toBe('own');
    expect(excludedNowhere('皮料都是成品皮，意大利和海宁的皮革厂鞣好、染好的，这边只管开料、缝制、装五金')).toBe(true);
  });

  it('a topic raised as a question and denied later in its sentence (染色这个问题…厂里没有染缸); affirmed, it stays', () => {
    const o = run('染色这个问题我问了三遍，他们坚持说厂里没有染缸：纱线是原液着色的涤纶和买来的色纱，进来直接织。做运动袜的。');
    expect(o.features.negatedWords).toContain('染色');
    expect(cleanResults(o).every((r) => !r.excluded)).toBe(true);
    expect(excludedEverywhere('电镀这个问题我问过，他们自己做，没有外协')).toBe(true);
  });

  it('a line sold off (剥离给别人了) is not the lead’s; selling its goods to someone (卖给装修公司) negates nothing', () => {
    expect(excludedNowhere('染料中间体那条产品线2021年就剥离给别人了，现在公司只剩化学发光免疫分析仪整机这一块，研发和装配。')).toBe(true);
    const o = run('全屋智能的 做开关面板 窗帘电机 网关 卖给装修公司跟整装 想要500平办公');
    expect(o.features.negatedWords).toEqual([]);
    expect(o.features.industries[0]?.name).toBe('智能家居');
  });

  it('the old plant’s sentence, where a later one restricts the new project (老厂在温岭的时候…镀锌、镀镍都有。…新厂区只放机加和装配)', () => {
    const text =
      '老厂在温岭的时候表面处理都是自己来的，镀锌、镀镍都有。这次搬迁老板讲得很死：新厂区只放机加和装配，那摊子设备一起处理掉了。';
    expect(excludedNowhere(text)).toBe(true);
    // (…and without the restriction, the old plant says nothing against plating here)
    expect(excludedEverywhere('老厂在温岭的时候表面处理都是自己来的，镀锌、镀镍都有。新厂也一样。')).toBe(true);
  });

  it('a waste only collected and stored (仅收集、暂存，不做利用处置: 名录 第101项 单纯收集、贮存的除外); collected and distilled here, it is 第101项', () => {
    expect(
      excludedNowhere(
        '业务：小微企业危废收运平台，上门收集废机油、废漆桶、废活性炭等，集中暂存后转运持证单位处置｜本厂：仅收集、暂存，不做利用处置',
      ),
    ).toBe(true);
    const o = run('业务：工业溶剂再生｜说明：收集电子、制药企业的废有机溶剂（HW06、HW42），厂内精馏提纯后返售｜规模：年处理2万吨');
    expect(o.features.eia).toContainEqual(expect.objectContaining({ items: [101], how: 'book' }));
    expect(cleanResults(o).every((r) => r.excluded)).toBe(true);
  });

  it('a fibre named right before the cloth made of it (棉氨纶汗布) is not fibre making; the fibre itself is', () => {
    expect(run('做棉氨纶汗布').features.codes).not.toContain('2826');
    expect(excludedNowhere('做棉氨纶汗布')).toBe(true);
    expect(run('做氨纶丝，年产3万吨').features.codes).toContain('2826');
  });

  it('a form’s field about where the lead came from or whom to call (来源：展会, 来源：电镀协会推荐) says nothing of what it does', () => {
    expect(run('企业：上海瀚澜实业有限公司｜意向面积：2000㎡｜联系人：陈先生｜来源：展会｜备注：待回访').features.industries).toEqual([]);
    expect(actor('来源：电镀协会推荐｜主营：电镀加工', '电镀')).toBe('customer');
    expect(excludedEverywhere('来源：电镀协会推荐｜主营：电镀加工')).toBe(true);
    expect(run('做展会服务的，搭建和策划').features.industries[0]?.name).toBe('生产性服务');
  });

  it('a plan told in one sentence and given up in the next (原方案：…。新方案：…已取消; 原来计划…\n…老板决定放弃自建电镀线)', () => {
    expect(
      excludedNowhere(
        '原方案：自建溶剂型涂装线，年用溶剂型油漆约25吨。\n新方案：经集团评估，已取消溶剂型涂装线方案，改为电泳底漆+粉末面漆。',
      ),
    ).toBe(true);
    const chat =
      '小蒋：他们原来计划在新厂里配一条镀镍、镀锌的滚镀线，给自己的紧固件做表面处理\n小蒋：上周评估了一下，老板决定放弃自建电镀线，全部外协给嘉善电镀中心\n小蒋：新厂就是CNC车铣、磨削、检测包装';
    expect(excludedNowhere(chat)).toBe(true);
    // (…but a plan carried out is the lead's)
    expect(excludedEverywhere('原计划建一条电镀线。现在已经建好投产。')).toBe(true);
  });

  it('vegetable-oil inks are not solvent-borne (年用植物油墨约20吨、溶剂型油墨约3吨: 3 t, below 第39项’s 10 t)', () => {
    const o = run('做纸盒印刷的，胶印，年用植物油墨约20吨、溶剂型油墨约3吨');
    expect(o.features.eia.filter((e) => e.byAmount)).toEqual([]);
  });

  // who performs the step a word names, one row per way of writing it: [what the row shows, text, word, actor]
  const WHO: [string, string, string, ReturnType<typeof actor>][] = [
    ['a works a site used to be', '吴兴区原丝绸印染厂腾退后改造的「织造里」时尚产业园开园', '印染', 'customer'],
    ['a works a site used to be', '由原杭州一家造纸厂老厂房改造的「纸间」文创园二期开园', '造纸', 'customer'],
    ['a works a site used to be', '拟整体租赁原染色车间改造后的3号楼', '染色', 'customer'],
    ['a works a site used to be', '看中的那栋厂房以前是电镀厂，设备和槽子去年都拆了', '电镀', 'customer'],
    ['the lead’s own past, expanded', '我们原来做电镀，现在改造升级扩产', '电镀', 'own'],
    [
      'the group’s works elsewhere',
      '集团在鹰潭、贵溪的生产基地以阴极铜冶炼和铜杆加工为主，此次在嘉定设立的公司主要承担销售',
      '冶炼',
      'offSite',
    ],
    ['the group’s works elsewhere', '南京江宁\t某储能集团\t储能BMS研发中心\t集团铅酸电池厂在江西\t本项目仅研发', '铅酸电池', 'offSite'],
    ['the group’s works elsewhere', '据悉，该企业的原药合成及制剂工厂均在海外和南通，虹桥办公室仅负责渠道管理', '原药', 'offSite'],
    ['where the product is placed', '可部署于印染厂定型机出口，识别率达98%', '印染', 'customer'],
    ['where the product is placed', '装在电镀厂排口，他们自己是组装仪器加标定', '电镀', 'customer'],
    ['works that use or qualify it', '全国两百多家染厂在用，十来个人的团队', '染', 'customer'],
    ['works that use or qualify it', '已拿到两家晶圆厂的验证机会', '晶圆厂', 'customer'],
    ['what the customers have', '客户大部分是本地饰品厂，那些工厂自己有镀金、镀银线；他们公司本身就是运营', '镀金', 'customer'],
    ['what the customers have', '他们的客户是轮胎厂，刚才说的一堆密炼、硫化是在讲客户车间', '密炼', 'customer'],
    ['the lead’s own works', '我们是电镀厂，年产100万件', '电镀', 'own'],
    ['the lead’s own product, qualified', '电镀产品通过客户验证', '电镀', 'own'],
    ['a figure of speech', '话题持续发酵', '发酵', 'modifier'],
    ['a figure of speech', '做专利情报的，从专利数据里提炼技术路线图', '提炼', 'modifier'],
    [
      'equipment in a product field',
      '企业：某某装备｜产品：全自动电镀生产线（龙门行车、滚镀机）｜厂内工序：钢构焊接、电气装配',
      '电镀',
      'modifier',
    ],
    ['equipment in a product field', '产品：电镀废水、线路板废水处理成套设备（MVR蒸发、膜系统）', '电镀', 'modifier'],
    ['a plated product in a product field', '产品：电镀件，年产100万件', '电镀', 'own'],
    ['the subject of software it develops', '公司主要开发转炉炼钢终点预测、高炉智能寻优等工业AI软件', '转炉炼钢', 'modifier'],
    ['its own step beside its own software', '做电镀和喷涂，年产100万件，自建MES系统', '电镀', 'own'],
    ['an animal model is no software', '做基因编辑小鼠模型的CRO，敲除敲入都自己做', '基因编辑', 'own'],
  ];
  it.each(WHO)('%s: %s — %s is %s', (_, text, word, who) => {
    expect(actor(text, word)).toBe(who);
  });

  it('a slogan, a quoted form question answered no and not a drop used exclude no park', () => {
    expect(excludedNowhere("在以'携手同行 铸造辉煌'为主题的年度招商签约会上，智慧停车运营商与吴兴区签约，部署地磁车位检测器")).toBe(true);
    expect(excludedNowhere("表格里'是否有电镀/阳极氧化'他们填的否，投影仪铝外框用喷砂本色加贴膜")).toBe(true);
    expect(excludedNowhere('做医用推车的，表面全部走粉末喷涂，溶剂型油漆一滴都不用')).toBe(true);
  });

  it('a foreign firm’s English mail is read by its product phrases (plural too), not by the trades it sells to', () => {
    const o = run('Hello, we make benchtop flow cytometers, widely used in hospitals, universities and paper mills.');
    expect(o.features.codes).toContain('4014');
    expect(o.features.codes.some((c) => c.startsWith('22'))).toBe(false);
    expect(cleanResults(o).every((r) => !r.excluded)).toBe(true);
    const mail = normalizeText('Customers include paper mills and dye houses.');
    expect(actorOf(mail, mail.indexOf('paper mill'), mail.indexOf('paper mill') + 10, 'product')).toBe('customer');
  });

  it('repairing and leasing machinery are services to industry (《生产性服务业分类(2015)》: 43 设备修理, 711 设备租赁)', () => {
    expect(run('我们是做机床维修的').features.industries[0]?.name).toBe('生产性服务');
  });

  it('air separation is physical separation (第44项 不含单纯物理分离): 空分装置 making 液氧、液氮 is not excluded', () => {
    expect(run('项目：空分装置\n产品：液氧、液氮、液氩').features.eia).toEqual([]);
  });
});

describe('polluters written without the 名录’s words', () => {
  it('a chemical material a curated word names, made by a reaction at pilot scale (聚酰亚胺 中试线 聚合反应釜: 第44项 含研发中试)', () => {
    const o = run('PI浆料（聚酰亚胺）中试线，配聚合反应釜，年产5吨左右，给柔性屏客户送样');
    expect(o.features.eia).toContainEqual(expect.objectContaining({ word: '聚酰亚胺', items: [44], how: 'book', via: 'class' }));
    expect(cleanResults(o).every((r) => r.excluded)).toBe(true);
    // (reactors the lead counts among its own run the reaction on site: the process itself names the item)
    const counted = run('PI浆料（聚酰亚胺）中试线，2台聚合反应釜，年产5吨左右，给柔性屏客户送样');
    expect(counted.features.eia).toContainEqual(expect.objectContaining({ word: '聚合反应', items: [44], how: 'book', via: 'process' }));
    expect(cleanResults(counted).every((r) => r.excluded)).toBe(true);
    // (bought in, polymerised by a partner, or only in a lab: not the 名录 item)
    expect(run('聚酰亚胺薄膜，外购PI树脂，流延成膜，年产300吨').features.eia).toEqual([]);
    expect(run('做PI膜的，聚酰亚胺树脂委托合作方聚合，我们只做流延').features.eia).toEqual([]);
    expect(run('聚酰亚胺小试，实验室里合成').features.eia).toEqual([]);
  });

  it('one kind of a class the 名录 names (第46项 香料制造 of 2684 香料、香精制造): a 香料 made here, not a 香精 blended', () => {
    const vanillin = run('这家是做香兰素的，用丁香酚做原料，异构化、氧化，再结晶提纯，产品卖给食品厂和日化厂，一年三百吨左右');
    expect(vanillin.features.eia).toContainEqual(expect.objectContaining({ word: '香兰素', items: [46], title: '香料制造', how: 'book' }));
    expect(cleanResults(vanillin).every((r) => r.excluded)).toBe(true);
    // (a labelled product list with a yearly output names what the lead makes: 产品方案：香兰素…1500t/a)
    expect(
      excludedEverywhere(
        '产品方案：香兰素、乙基香兰素合计1500t/a。以愈创木酚、乙醛酸为原料，经缩合、氧化、脱羧反应，再经萃取、精馏、结晶得成品。',
      ),
    ).toBe(true);
    expect(run('食用香精调配，年产500吨').features.eia).toEqual([]);
  });

  it('machines counted before their name or set to work after it run the process (要上12台溢流染色机, 溢流染色机做汗布); machines made do not', () => {
    expect(excludedEverywhere('针织面料厂，要上12台溢流染色机')).toBe(true);
    expect(excludedEverywhere('针织面料厂，溢流染色机做汗布')).toBe(true);
    expect(excludedNowhere('生产溢流染色机，年产200台')).toBe(true);
    expect(excludedNowhere('绍兴上虞讯 浙江纺锐机械有限公司高温高压溢流染色机生产项目签约')).toBe(true);
  });

  it('a vehicle named before a space and its figure ends its compound (年产纯电SUV 15万辆: 第71项 汽车整车制造)', () => {
    const o = run('会议纪要：某造车新势力拟建设第二生产基地，规划冲压、焊装、涂装、总装四大车间，年产纯电SUV 15万辆，总投资80亿元。');
    expect(o.features.eia).toContainEqual(expect.objectContaining({ items: [71], title: '汽车整车制造', how: 'book' }));
  });

  it('a class whose item counts a yearly output in cubic metres (第34项 人造板制造 年产20万立方米及以上的), where the text states as much', () => {
    const o = run('本项目拟建设一条年产30万立方米定向刨花板（OSB）连续平压生产线');
    expect(o.features.eia).toContainEqual(expect.objectContaining({ word: '刨花板', items: [34], how: 'book', via: 'class' }));
    expect(cleanResults(o).every((r) => r.excluded)).toBe(true);
    expect(run('刨花板，年产15万立方米').features.eia).toEqual([]);
  });

  it('a table column of yearly uses gives its cells’ bare amounts (涂料及年用量: 溶剂型面漆、环氧底漆合计28t，稀释剂10t)', () => {
    const row =
      '序号 | 企业 | 项目 | 主要产品 | 主要工艺 | 涂料及年用量 | 用地(亩)\n5 | 登云重工 | 高空作业平台华东基地 | 剪叉式高空作业平台 | 下料—焊接—抛丸—喷漆—总装 | 丙烯酸聚氨酯溶剂型面漆、环氧底漆合计28t，稀释剂10t（共38t） | 150';
    const o = run(row);
    expect(o.features.eia).toContainEqual(
      expect.objectContaining({ how: 'book', byAmount: true, word: expect.stringMatching(/年用38吨/) }),
    );
    expect(cleanResults(o).every((r) => r.excluded)).toBe(true);
  });

  it('the context model’s doubt does not lift an exclusion the text affirms: a stated output meeting the item, or 工艺里有 / 工厂里要做', () => {
    expect(
      excludedEverywhere(
        '（沧州—湖州）原在河北泊头的铸造企业迁入长兴，更名「铸恒智能装备」。企业主要为工程机械和商用车配套壳体、支架，灰铁、球铁件为主，中频炉熔化，树脂砂和消失模造型，搬迁后年产铸件12万吨，拟用地100亩。',
      ),
    ).toBe(true);
    expect(
      excludedEverywhere(
        "客户自称'农化研究院'，杭州总部做创制化合物筛选。这次要的是一个中试基地：百公斤级合成放大，工艺里有氯化、氟化、重氮化几步，产出样品给田间药效试验和登记用。",
      ),
    ).toBe(true);
    // (…nor a figure the item counts, stated: 规划设置住院床位800张 — 第108项 新建、扩建住院床位500张及以上的)
    expect(
      excludedEverywhere(
        '11月2日，长三角国际医疗中心项目在嘉善县开工建设。项目由和康医疗集团投资建设，总投资32亿元，规划设置住院床位800张，设有心血管、肿瘤、妇儿、国际医疗部。项目将与上海三甲医院开展合作办医，预计2027年投入运营。',
      ),
    ).toBe(true);
  });
});

describe('English mails: processes and chemicals by their English names, with negations and hand-offs', () => {
  it.each([
    ['an in-house anodizing line', 'Plan for a Jiangsu plant: aluminium parts with an in-house sulfuric anodizing line, final assembly'],
    ['a plating shop of its own', 'We are a plating shop: nickel and chrome plating for bathroom fittings, 3 automatic lines.'],
    ['a gasoline stock by volume', 'On-site fuel depot: gasoline tanks ~300 m3 (approx. 220 t). Test tracks + labs.'],
    ['crystal growth for substrates (第81项)', 'SiC substrate project: PVT crystal growth furnaces (200 units), slicing, grinding and CMP'],
  ])('excludes every 环境友好型 park: %s', (_, text) => {
    expect(excludedEverywhere(text)).toBe(true);
  });

  it.each([
    ['a product for the process’s works', 'We make rectifiers for electroplating lines and sell to plating shops.'],
    ['a step outsourced', 'We assemble door handles. Plating is outsourced to a partner in Ningbo; no painting on site.'],
    ['a step done by the supplier', 'Our factory does CNC machining only, anodizing is done by our supplier.'],
    ['chemicals for the process', 'We supply dyeing chemicals to textile mills.'],
    ['a negation', 'We do not do any electroplating; parts arrive pre-plated from suppliers.'],
    ['customers of the trade', 'Our customers include dye houses and plating shops.'],
  ])('excludes no park: %s', (_, text) => {
    expect(excludedNowhere(text)).toBe(true);
  });

  it('a chemical’s English name is the GB 18218 entry (gasoline → 汽油, 临界量 200 t)', () => {
    const o = run('Our depot keeps gasoline tanks, about 220 t.');
    expect(o.features.chemicals).toEqual([expect.objectContaining({ thresholdT: 200, amountT: 220 })]);
  });
});

describe('dev27’s near-misses and polluters, read by mechanisms', () => {
  it.each([
    [
      'a question put to the firm, its answer no',
      '招商小吴：请问贵司有电镀或者阳极氧化工序吗？\n小吴：另外用电负荷大概多少？\n周经理：电镀、氧化我们没有，出货都是本色件。',
    ],
    ['a question put to the firm, its answer 外发', '招商：你们印花和染色怎么处理？\n蒋总：都外发，柯桥那边合作七八年的厂。'],
    [
      'a park of the trade visited, a firm sold to',
      '马科：上周带那家AMR公司去平湖看了一个电镀园区。\n马科：他们卖物料搬运车给电镀厂，自己厂里只组装、调试',
    ],
    [
      'a table’s 用途 column',
      '产品\t用途\t年产\nPP熔喷滤芯\t电镀液、化学镍槽循环过滤\t300万支\n阳极袋\t镀镍、镀铜阳极\t50万只\n工艺：熔喷、缝制、装配',
    ],
    ['a key｜value row’s 下游', '企业名称｜某皮革机械｜主要产品｜不锈钢转鼓、片皮机｜下游｜制革厂｜厂内工序｜下料、焊接、装配'],
    ['镀金 of a career', '他们是做猎头的，老板说以前大家觉得出国是镀金，现在镀金不值钱了。想要一层办公。'],
    [
      'an English plan dropped',
      'One correction: the original plan included an in-house hard-chrome plating line for shafts. We have dropped it; the new site will only do turning, grinding and assembly.',
    ],
    ['ingots melted, not smelted', '铝压铸，年产三万吨左右，压铸岛十二个，熔化是用铝锭直接熔，不用废铝。'],
    ['shake flasks and bench bioreactors', '做抗体工艺开发的，摇瓶、3升、15升的台式反应器，做细胞株筛选跟培养基优化，商业化生产不在这儿。'],
  ])('excludes no park: %s', (_, text) => {
    expect(excludedNowhere(text)).toBe(true);
  });

  it.each([
    ['the firm asking whether it may (能不能), not a question put to it', '他们问能不能在园区做电镀？自己上两条镀锌线'],
    ['the question answered yes', '招商：你们电镀怎么处理？\n李总：有，厂里自己做，两条线。'],
    [
      'a year’s slaughter however said, the one species the text names',
      '他们做白羽鸡，想在园区边上建一条全自动屠宰线，设计每小时宰杀9000只，两班倒一年大概3000多万只。',
    ],
    [
      'equipment brought in to run (引进…发酵及灌装整套设备)',
      '精酿啤酒生产基地，引进德国糖化、发酵及灌装整套设备，建成后年产鲜啤及精酿2万千升',
    ],
    ['ammonia held in a refrigerating system', '拟建3.5万吨低温冷库，制冷采用全氨直接蒸发系统，设计充注量约16吨。'],
  ])('excludes every 环境友好型 park: %s', (_, text) => {
    expect(excludedEverywhere(text)).toBe(true);
  });
});

describe('dev28’s near-misses and polluters, read by mechanisms', () => {
  it.each([
    [
      'a plan changed (原方案…改为)',
      '项目变更会纪要：眼镜架项目原方案拟自建电镀线（镀金、镀枪色），经论证改为PVD离子镀膜，由外部镀膜厂完成。',
    ],
    [
      'an English line dropped',
      'Quick update: we have dropped the in-house anodizing line from the plan. The site will only do machining and assembly.',
    ],
    ['a shareholder’s trade', '我们第一大股东是个石化集团，但我们自己做的是无人机机臂这些，外购件装配，一年五万件左右。'],
  ])('excludes no park: %s', (_, text) => {
    expect(excludedNowhere(text)).toBe(true);
  });

  it.each([
    [
      'dyeing machines counted in their table row',
      '设备清单：\n设备 | 规格 | 数量\n高温高压溢流染色机 | 500kg | 24 台\n定型机 | 8 节 | 2 台\n备注：年加工针织布约2万吨',
    ],
    ['a refrigerating system’s ammonia charge in a table cell', '库型 | 多层冷库\n制冷方式 | 氨/二氧化碳复叠\n系统氨充注量 | 约 14 t'],
    [
      'the 名录 clause naming the lead’s product sets no figure (酵母)',
      '产品方案\n产品\t年产量\t主要工艺\n高活性干酵母\t1.6万吨\t糖蜜流加发酵、碟片离心、流化床干燥',
    ],
  ])('excludes every 环境友好型 park: %s', (_, text) => {
    expect(excludedEverywhere(text)).toBe(true);
  });

  it('a figure the clause of the lead’s product sets still counts (酱油 年产1万吨: below 2万吨, a review)', () => {
    expect(excludedNowhere('酱油酿造，有发酵工艺，年产1万吨')).toBe(true);
  });
});

describe('English stocks bought in are held', () => {
  it('a chemical purchased and kept in tanks is the stock GB 18218 counts (purchased is no negation)', () => {
    const o = run('We keep purchased methanol in two tanks, about 600 t.');
    expect(o.features.chemicals).toEqual([expect.objectContaining({ thresholdT: 500, amountT: 600 })]);
  });
});

describe('dev29’s and dev30’s near-misses and polluters, read by mechanisms', () => {
  it.each([
    [
      'a table’s column of the plan before it changed (| 原方案 | 调整后 |)',
      '| 企业 | 原方案 | 调整后 |\n| 某机柜厂 | 柜体喷溶剂型油漆，年用约20吨 | 改为粉末喷涂，取消溶剂漆 |',
    ],
    [
      'a plan reported, then adjusted to a smaller one only (原报…已调整为仅建)',
      '某疫苗企业原报BSL-3实验室，与区里沟通后已调整为仅建BSL-2实验室。',
    ],
    [
      'a plan told with words between (本来呢，老板是想…不做了)',
      '本来呢，我们老板是想自己搞个电镀车间，后来一算投入太大，不做了，现在只做机加工。',
    ],
    [
      'a foundry table whose yearly output is below the 名录’s floor (年产量 | 约2万吨)',
      '企业|产品|年产量\n某阀门厂|灰铁铸件，砂型铸造|约2万吨',
    ],
    [
      'lines for a process the lead makes, shipped to a trade’s parks (挂镀线、滚镀线…制造项目; 年产…生产线80条，发往…园区)',
      '签约：某装备公司全自动挂镀线、滚镀线及废气处理塔制造项目落户，年产电镀生产线80条，全部发往各地电镀园区。',
    ],
  ])('excludes no park: %s', (_, text) => {
    expect(excludedNowhere(text)).toBe(true);
  });

  it.each([
    ['a lab the lead builds in the park, named by what it is for', '公司拟在园区建设一间用于高致病性病原攻毒试验的生物安全三级实验室。'],
    [
      'a stock said in a later clause of its own (储罐两个…平时存十二吨左右)',
      '我们做环氧乙烷灭菌，槽车卸到储罐，储罐两个，平时存十二吨左右。',
    ],
  ])('excludes every 环境友好型 park: %s', (_, text) => {
    expect(excludedEverywhere(text)).toBe(true);
  });

  it('an English yearly output meets the item’s floor (a capacity of 120,000 t a year: 第68项 报告书); 30,000 t does not', () => {
    const said = (t: string) =>
      run(
        `Nordcast makes ductile-iron castings with induction furnaces; the new plant would have a capacity of ${t} of castings a year.`,
      ).features.eia.find((e) => e.items.includes(68))?.how;
    expect(said('120,000 t')).toBe('book');
    expect(said('30,000 t')).toBe('scale');
  });

  it('the park as where the lead builds is not the park’s own facility (拟在园区建设…; 园区已建设的…处理厂 is)', () => {
    expect(actor('公司拟在园区建设一间生物安全三级实验室', '生物安全三级实验室')).toBe('own');
    expect(actor('废水排入园区已建设的集中电镀废水处理厂', '电镀')).toBe('customer');
  });

  it('a stock said apart from several chemicals counts against the largest 临界量 (液化石油气 50 t, not 丙烷)', () => {
    const o = run('气雾剂抛射剂主要是液化石油气，也有少量二甲醚。储存量？答：两台卧罐，正常周转量在55吨左右。');
    expect(o.features.chemicals.find((c) => c.name === '液化石油气')).toEqual(expect.objectContaining({ amountT: 55 }));
  });

  it('a GB/T class named first is what the lead makes: a later term stays a step below it (工业机器人制造、智能控制系统集成)', () => {
    const words = understandLead({ summary: '工业机器人制造、智能控制系统集成' }, kb.k).industries;
    expect(words[0]).toEqual(expect.objectContaining({ name: '机器人', via: '工业机器人制造' }));
    expect(words[1]!.strength).toBeLessThan(words[0]!.strength);
  });
});

describe('dev32’s near-misses and polluters, read by mechanisms', () => {
  it.each([
    [
      'a monitor for a process’s waste, the waste word no gap in the compound (电镀废水重金属在线监测仪)',
      '我们生产电镀废水重金属在线监测仪，卖给各地环保局和电镀园区。',
    ],
    [
      'an English mail’s lab-scale synthesis (a 小试 in other words)',
      'Bench-scale organic synthesis for our R&D team only, flasks under 5 L.',
    ],
    ['lab-scale said in Chinese (实验室规模)', '研究院只做实验室规模的有机合成，不放大。'],
  ])('excludes no park: %s', (_, text) => {
    expect(excludedNowhere(text)).toBe(true);
  });

  it('an institute the note opens with is the lead, a branch after its kind too (某大学苏州研究院分院 → 科技研发)', () => {
    const words = understandLead({ summary: '某大学苏州研究院分院，电机控制方向' }, kb.k).industries;
    expect(words[0]).toEqual(expect.objectContaining({ name: '科技研发', via: '研究院' }));
  });

  it('a referral names no trade (经朋友介绍…: not a 职业中介 by the n-gram guess)', () => {
    expect(run('经朋友介绍，一位宁波老板，资金实力强').features.industries).toEqual([]);
  });

  it('ammonia charged into a refrigerating system is held (充氨约18吨 ≥ 临界量 10 t)', () => {
    const o = run('冷库5万吨，采用液氨制冷，系统充氨约18吨。');
    expect(o.features.chemicals.find((c) => c.name === '液氨')).toEqual(expect.objectContaining({ amountT: 18 }));
    expect(excludedEverywhere('冷库5万吨，采用液氨制冷，系统充氨约18吨。')).toBe(true);
  });
});

describe('dev31’s near-misses, read by mechanisms', () => {
  it.each([
    [
      'a chemical bought in drums and stocked, named in Latin letters (TDI按桶进): no chemical maker',
      '海绵厂，一条间歇发泡线，TDI按桶进，仓库常存约30吨，做沙发海绵。',
    ],
    [
      'the paint a line uses in another field of a note that names the products (表面：电泳线（水性漆）)',
      '企业：某悬架件厂｜产品：摆臂、稳定杆｜表面：阴极电泳线1条（水性漆）｜年产：50万件',
    ],
    [
      'an English brewery below the item’s 1000 千升 floor (300 kL a year)',
      'A craft brewery with six fermenters, about 300 kL a year, all kegs for our own taprooms.',
    ],
  ])('excludes no park: %s', (_, text) => {
    expect(excludedNowhere(text)).toBe(true);
  });

  it('an English amount in tonnes before the chemical’s name (6 tonnes of liquid hydrogen ≥ 临界量 5 t)', () => {
    const text = 'We keep about 6 tonnes of liquid hydrogen on site in two tanks.';
    expect(run(text).features.chemicals[0]).toEqual(expect.objectContaining({ amountT: 6 }));
    expect(excludedEverywhere(text)).toBe(true);
  });

  it('a chemical a note names as the main product is made, not held (主产品为…高纯氢 → 2619)', () => {
    expect(understandLead({ summary: '说明：主产品为燃料电池用高纯氢，甲醇水蒸气重整制氢。' }, kb.k).codes).toContain('2619');
  });
});

describe('a process told only by what is seen where it runs (data/lexicon/curation/process-signatures.tsv)', () => {
  it.each([
    ['plating by its bath chemical and its rectifier', '车间角落一个深槽，铬酸酐自己买，整流器五千安培，辊筒吊进去泡一整夜。'],
    ['electroless nickel by its deposit and its bath', '阀芯放进85度的药水槽里泡一小时，不通电，表面长出一层镍磷。'],
    ['polymerising a monomer bought in (外购己内酰胺…开环)', '外购己内酰胺在VK管中开环反应成切片，再熔融纺丝，年产锦纶丝8万吨。'],
  ])('excludes every 环境友好型 park: %s', (_, text) => {
    expect(excludedEverywhere(text)).toBe(true);
  });

  it('reads no process from another trade’s cues (a bakery’s starter in a seed tank with sterile air)', () => {
    expect(run('烘焙工坊，天然酵种在种子罐里扩培，通无菌空气，每天出两千个欧包。').features.eia).toEqual([]);
  });

  it('names the cues the lead wrote in the reason (铬酸酐、整流器)', () => {
    const eia = run('车间角落一个深槽，铬酸酐自己买，整流器五千安培，辊筒吊进去泡一整夜。').features.eia;
    expect(eia.map((e) => e.word)).toContain('铬酸酐、整流器');
  });

  it.each([
    [
      'API synthesis by its reactors and steps (搪瓷反应釜…缩合、氢化…精烘包)',
      '心血管药物活性成分生产，工序包括缩合、氢化、重结晶及精烘包，配备搪瓷反应釜。',
    ],
    ['antibody drug substance by its bioreactors', '单抗原液车间，配置2×2000L一次性生物反应器及下游纯化线，达产后年产原液600公斤。'],
    [
      'an English drug-substance plant by its bioreactors and CHO cells',
      'Four 2,000-L single-use bioreactors growing CHO cells that secrete our antibody.',
    ],
    ['a BSL-3 lab by what is done in it', '开展结核分枝杆菌的分离培养，核心区保持负压，配置III级生物安全柜，人员穿戴正压防护服进入。'],
  ])('excludes every 环境友好型 park: %s', (_, text) => {
    expect(excludedEverywhere(text)).toBe(true);
  });

  it.each([
    [
      'a material grade (可阳极化6063型材), the anodising done by a partner',
      '铝型材挤压项目，产品为可阳极化6063型材，阳极化处理委托园区外协厂完成，厂内仅挤压、时效、包装。',
    ],
    ['an anode’s chemistry (阳极化学成分)', '铝合金牺牲阳极生产项目：熔炼、浇铸、清理，阳极化学成分符合GB/T 4948，年产3000吨。'],
  ])('reads no anodising: %s', (_, text) => {
    expect(run(text).features.eia.some((e) => e.items.includes(74) || e.items.includes(69))).toBe(false);
  });

  it('a "free of" adjective negates nothing (无卤阻燃剂 is made; 无氰电镀 is still plating)', () => {
    expect(excludedEverywhere('做无卤磷氮阻燃剂的，500L反应釜两台，合成、离心、干燥都有')).toBe(true);
    expect(excludedEverywhere('五金件无氰电镀，镀锌、镀铜都在厂里')).toBe(true);
    expect(run('不做无氰电镀').features.negatedWords).toContain('无氰电镀');
  });

  it.each([
    ['a metal it plates with, in a sentence saying it does it', '金刚砂车针是用镍把金刚砂镀在针杆上的，这块是自己做，一年几千万支'],
    [
      'English parts plated on its own line',
      'The chrome legs and bases are plated on our own line (nickel then chrome, six process tanks plus rinses).',
    ],
    ['English: we plate, with the metal named', 'We plate zinc on fasteners in-house.'],
  ])('reads plating as the lead’s own: %s', (_, text) => {
    expect(excludedEverywhere(text)).toBe(true);
  });

  it.each([
    ['plated by a partner', 'The legs are chrome plated in-house by our partner plant.'],
    ['the plating done elsewhere', '车针是用镍把金刚砂镀在针杆上的，这块是外协做的'],
    ['gold-plated parts bought in', 'Our connectors use gold-plated contacts bought from a supplier; we plate nothing.'],
  ])('…not where another does it: %s', (_, text) => {
    expect(excludedNowhere(text)).toBe(true);
  });

  it("a word added to what the lead makes is an input (新配方添加2'-岩藻糖基乳糖): not its class", () => {
    expect(
      understandLead({ summary: "婴幼儿配方乳粉扩产项目，新配方添加2'-岩藻糖基乳糖，原料外购，年产奶粉3万吨。" }, kb.k).codes,
    ).not.toContain('1495');
    expect(understandLead({ summary: '以基因工程菌株发酵法生产岩藻糖基乳糖，年产2000吨' }, kb.k).codes).toContain('1495');
  });

  it('不够 ("not enough") negates nothing after it: 管网气不够 想自建LNG气化站 … 满罐约54吨', () => {
    expect(excludedEverywhere('预制菜中央厨房项目 蒸煮油炸线要用气 管网气不够 想自建LNG气化站 两台60方储罐 满罐约54吨')).toBe(true);
  });

  it('names 第47项 by the title of the drug a cell-culture plant makes (生物药品制品制造)', () => {
    const eia = run('单抗原液车间，配置2×2000L一次性生物反应器及下游纯化线。').features.eia;
    expect(eia.find((e) => e.items.includes(47))?.title).toBe('生物药品制品制造');
  });

  it.each([
    ['a reactor maker', '淄博某化工装备公司专业生产搪玻璃反应釜、储罐、冷凝器，产品用于医药中间体、原料药合成，拟新建生产基地。'],
    ['a bioreactor maker', '某生物工程装备企业专业研发生产细胞培养生物反应器及一次性反应袋，产品用于抗体、疫苗原液生产。'],
    ['a research-grade reagent firm', '某生物试剂公司主营重组蛋白、抗体及细胞培养基，提供科研级产品，实验室配备台式生物反应器。'],
    ['cultured meat in a bioreactor', '某未来食品企业拟建设培养肉中试线，在2000L生物反应器中进行细胞培养，收获后制成培养肉产品。'],
    ['a lab-design contractor', '某洁净工程公司专业从事高等级负压实验室的设计施工，熟悉正压防护服供气、双扉高压灭菌器的集成。'],
    [
      'a lab doing nucleic-acid tests on inactivated samples',
      '第三方医学检验所拟建设负压PCR实验室，可承接高致病性病原微生物的核酸检测（样本经灭活处理），不进行病毒培养，配置传递窗、高效过滤送排风。',
    ],
    ['the cues are goods the lead sells to a trade', '我们贸易公司，把铬酸酐和整流器卖给周边电镀厂。'],
    ['one cue alone (a rectifier maker)', '公司生产高频开关整流器，年产5000台，客户多为电解铝和氯碱企业。'],
  ])('excludes no park: %s', (_, text) => {
    expect(excludedNowhere(text)).toBe(true);
  });
});

describe('dev31’s and dev32’s English polluters, read by mechanisms', () => {
  it.each([
    [
      'a terse row’s lines and yearly rate say the class is made here (2 lines, …/yr)',
      'Veterinary vaccines: inactivated + live, poultry, 2 lines, 5亿羽份/yr',
    ],
    [
      'a cell line told by its steps (diffusion furnaces, edge isolation, PECVD)',
      'The 5 GW plant: wafers are doped in diffusion furnaces, edge-isolated with acid and coated by PECVD.',
    ],
  ])('excludes every 环境友好型 park: %s', (_, text) => {
    expect(excludedEverywhere(text)).toBe(true);
  });

  it.each([
    [
      'a distributor of the class (We distribute …)',
      'We distribute veterinary vaccines, 5 million doses/yr, from a cold store in the park.',
    ],
    ['a maker of the line’s tools', 'We build diffusion furnaces and PECVD tools for cell makers.'],
  ])('excludes no park: %s', (_, text) => {
    expect(excludedNowhere(text)).toBe(true);
  });

  it('reads no cell line in a power-device fab with a cell line’s machines (功率器件: the cues are the fab’s)', () => {
    const eia = run('功率器件晶圆厂，扩散炉做磷扩散，PECVD沉积氮化硅，月产3万片。').features.eia;
    expect(eia.filter((e) => e.items.includes(77))).toEqual([]);
  });
});

describe('stocks said otherwise (dev stock misses)', () => {
  it.each([
    [
      'hydrogen named as the liquid, by its tank’s volume (80 m³ LH2 × 0.071 t/m³ = 5.7 t ≥ 5 t)',
      'one 80 m3 LH2 storage tank for the refuelling hub',
      5.7,
    ],
    [
      'a later clause giving what full tanks hold (…, about 6 t of hydrogen in total when full)',
      'We keep two liquid-hydrogen tanks on site, about 6 t of hydrogen in total when full.',
      6,
    ],
    ['a sum said in talk, ending in a particle (加起来大概六百多吨吧)', '他说乙醇储罐有好几个，加起来大概六百多吨吧，回收再用的。', 600],
    [
      'what is held, after a yearly use said first (一年用两三千吨 … 罐区常备120吨)',
      '聚氨酯发泡厂，TDI一年用两三千吨，罐区常备120吨左右。',
      120,
    ],
    ['cylinders counted by a range in talk (十五六只, at least 15)', '仓库放液氯钢瓶，一吨的那种瓶子，常备大概十五六只吧。', 15],
  ])('%s', (_, text, t) => {
    expect(run(text).features.chemicals[0]).toEqual(expect.objectContaining({ amountT: t }));
    expect(excludedEverywhere(text)).toBe(true);
  });

  it('hydrogen named as a gas keeps its volume a gas’s (氢气储罐200立方: no mass read)', () => {
    expect(run('氢气储罐200立方，用于燃料电池测试。').features.chemicals[0]).toEqual(expect.objectContaining({ amountT: null }));
  });
});

describe('castings for vehicles are vehicle parts (GB/T classes parts by what they are for)', () => {
  it('a die-caster of EV motor housings reads 智能零部件 first, keeping its casting class beside 3670', () => {
    const u = understandLead({ summary: '产品：新能源车电机壳体、电控壳体｜工艺：铝合金压铸、CNC｜规模：年产铝压铸件3万吨' }, kb.k);
    expect(u.industries[0]!.name).toBe('智能零部件');
    expect(u.codes).toEqual(expect.arrayContaining(['3670', '3392']));
  });

  it('castings for a valve are no vehicle parts (阀门铸件 stays a casting)', () => {
    const u = understandLead({ summary: '阀门铸件，年产2万吨' }, kb.k);
    expect(u.codes).not.toContain('3670');
  });
});

describe('a policy zone’s name is a place, not the lead’s trade', () => {
  it('落户…人工智能创新试验区 names no 人工智能 for a maker of cleaning machines', () => {
    const u = understandLead({ summary: '某清洁科技公司签约落户马桥人工智能创新试验区，产品是商用洗地机。' }, kb.k);
    expect(u.industries.map((i) => i.name)).not.toContain('人工智能');
  });
});

describe('dev29’s stock and item misses, read by mechanisms', () => {
  it('ammonia in an NH3/CO2 cascade refrigerating system is held (氨—二氧化碳复叠…系统充注量约18吨)', () => {
    const text = '冷链中心新建冷库一座，制冷系统采用氨—二氧化碳复叠，机房设高压储液器2台，系统充注量约18吨。';
    expect(run(text).features.chemicals[0]).toEqual(expect.objectContaining({ amountT: 18 }));
    expect(excludedEverywhere(text)).toBe(true);
  });

  it('of several items a process reads, those whose clause names the lead’s product decide (第23项 …酵母制造, 第24项 …食品添加剂制造)', () => {
    const text =
      '浙江某酵生物科技有限公司 经营范围：一般项目：食品添加剂生产；饲料添加剂生产；生物饲料研发；技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；食品销售（仅销售预包装食品）；货物进出口。许可项目：食品生产；保健食品生产。（项目方介绍：主要产品为酵母β-葡聚糖、酵母抽提物及营养酵母，现有4台150立方米发酵罐，以糖蜜为原料，二期拟新增年产8000吨，需地约60亩）';
    const e = run(text).features.eia.find((x) => x.word === '发酵罐');
    expect(e).toEqual(expect.objectContaining({ items: [23, 24], how: 'book' }));
  });
});

describe('dev33’s near-misses, read by mechanisms', () => {
  it.each([
    ['the works over there a sentence before placed (总部在…，那边的工厂有电镀线)', '总部在昆山，那边的工厂有电镀线，这边只做连接器组装。'],
    ['works counted are other firms (托管运营11家印染厂、3家电镀企业)', '目前托管运营11家印染厂、3家电镀企业，派驻运营人员。'],
    [
      'an English trade’s works are customers (go to electroplating job shops)',
      'Most of our gateways go to electroplating job shops, where they read rectifier current.',
    ],
    [
      'a solvent adhesive used below the floor of the 名录 item the rule cites (年用溶剂型胶粘剂7吨 < 10吨, 第53项)',
      '| 项目 | 软包装复合 |\n|---|---|\n| 工艺 | 干式复合、分切制袋 |\n| 年用溶剂型胶粘剂 | 7吨 |',
    ],
  ])('excludes no park: %s', (_, text) => {
    expect(excludedNowhere(text)).toBe(true);
  });

  it('the lead’s own works are its own, counted or not (我们有两家印染厂), named plainly or not (Electroplating plant…)', () => {
    expect(excludedEverywhere('我们有两家印染厂，年产坯布印染1亿米，想再建一家。')).toBe(true);
    expect(excludedEverywhere('Electroplating plant relocating from Shenzhen, 5 nickel-chrome lines.')).toBe(true);
  });

  it('an amount said roughly in a later clause is the stock’s (乙炔瓶常备约200瓶，差不多1.4吨)', () => {
    expect(run('工业气体配送，乙炔瓶常备约200瓶，差不多1.4吨。').features.chemicals[0]).toEqual(expect.objectContaining({ amountT: 1.4 }));
  });

  it('a mixed mail’s Chinese tonnes a year are its output (about 12万吨 of castings per year: 第68项’s 10万吨 met; 3万吨 not)', () => {
    const how = (t: string) =>
      run(`our die-casting plant will produce about ${t} of aluminium castings per year.`).features.eia.find((x) => x.items.includes(68))
        ?.how;
    expect(how('12万吨')).toBe('book');
    expect(how('3万吨')).toBe('scale');
  });
});

describe('lab-scale waste recycling is no 第85项 plant (小试 is env-clean-waste-recycling’s exception, as for the chemical rules)', () => {
  it('a 小试 of black-mass leaching is refused by no 环境友好型 park; a plant processing 2万吨 a year is', () => {
    expect(excludedNowhere('高校团队做废旧锂电池黑粉的湿法浸出小试，用烧杯和5升反应釜，全年用黑粉不到100公斤。')).toBe(true);
    expect(excludedEverywhere('废旧锂电池回收，黑粉湿法浸出，年处理2万吨。')).toBe(true);
  });
});

describe('an English rate is a use, not a stock (review of the sixteenth session’s English tonnes)', () => {
  it('20 tons of ammonia a year is no 重大危险源; 20 tonnes kept in tanks is', () => {
    expect(run('We use about 20 tons of ammonia a year for nitriding.').features.pollution.majorHazard).not.toBe(true);
    expect(run('We keep 20 tonnes of ammonia in two tanks.').features.pollution.majorHazard).toBe(true);
  });
});

describe('English verbs of a process, and who does them (eighteenth session)', () => {
  it('a process verb inflected is the lead’s step (the moromi ferments, fermented in our tanks), not before a noun bought', () => {
    expect(
      excludedEverywhere('We brew soy sauce: koji is made, then the moromi mash ferments in our tanks for six months. 30,000 t a year.'),
    ).toBe(true);
    expect(excludedNowhere('We blend seasonings from bought fermented soybean paste and pack them. 30,000 t a year.')).toBe(true);
  });

  it('what the lead’s product lets or helps others do, and what its customers do, is theirs', () => {
    expect(actor('Our resin lets biodiesel producers esterify free fatty acids.', 'esterify')).toBe('customer');
    expect(actor('Our surfactants help paper mills deink recovered paper.', 'deink')).toBe('customer');
    expect(actor('We sell stainless vessels to breweries, which ferment on their own sites.', 'ferment')).toBe('customer');
    // (…but not what helps the lead itself)
    expect(actor('The new tanks help us ferment twice as fast.', 'ferment')).toBe('own');
  });

  it('an English product the lead buys or uses is its input, not what it makes (remelts purchased copper cathode)', () => {
    const o = run('Our Ohio rod mill remelts purchased copper cathode in a shaft furnace and casts it into 8 mm rod.');
    expect(o.features.codes).not.toContain('3211');
    expect(excludedNowhere('Our Ohio rod mill remelts purchased copper cathode in a shaft furnace and casts it into 8 mm rod.')).toBe(true);
  });

  it('a part that comes already done is bought done', () => {
    expect(actor('The enclosures reach us already anodised, and we only fit the boards.', 'anodised')).toBe('offSite');
  });

  it('a technology written with a space before the cell it makes, and a colon after, is that cell (TOPCon 电池片: …)', () => {
    expect(excludedEverywhere('We produce TOPCon 电池片: texturing, boron diffusion, LPCVD, metallisation, 5 GW a year.')).toBe(true);
  });
});

describe('plans stopped, scale told by the year, notices and equipment labels (eighteenth session)', () => {
  it('a plan ended (现已终止, 中止, 叫停) is not the lead’s step', () => {
    const said = '某出版集团数字出版中心签约。该集团曾计划同步建设自有印刷厂（凹印，年用溶剂油墨约30吨），现已终止，印刷全部委托社会印厂。';
    expect(excludedNowhere(said)).toBe(true);
    expect(excludedEverywhere('数字出版中心签约，同步建设自有印刷厂（凹印，年用溶剂油墨约30吨）。')).toBe(true);
  });

  it('castings told by the year below the 名录 floor (年铸件3万吨) are reviewed, not refused; above it, refused', () => {
    const small = run('压铸那家规模不大，做电驱壳体和电控壳体，年铸件3万吨左右，铝锭外购熔化，有12台压铸机。');
    expect(cleanResults(small).every((r) => !r.excluded)).toBe(true);
    expect(small.features.eia.some((e) => e.items.includes(68) && e.how === 'scale')).toBe(true);
    expect(excludedEverywhere('压铸厂，做电驱壳体，年铸件12万吨，铝锭外购熔化，有40台压铸机。')).toBe(true);
  });

  it('a project’s own EIA notice names its product, not an assessment service; 主要设备为 opens a list of its machines', () => {
    const o = run('年产12万吨高档生活用纸项目环境影响评价第一次信息公示：建设单位XX纸业，主要设备为碎浆机、新月型卫生纸机4台。');
    expect(o.features.codes).toContain('2239');
    expect(o.features.codes).not.toContain('7245');
    expect(run('我们公司提供建设项目环境影响评价咨询服务').features.codes).toContain('7245');
  });
});

describe('reasons name an English step in Chinese (eighteenth session)', () => {
  it('an English process word that rules a lead out is shown after its Chinese name', () => {
    const o = run('We run sulphuric anodising lines in our own plant, 2 shifts.');
    const reasons = cleanResults(o).flatMap((r) => r.exclusions.map((e) => renderReason(e.reason)));
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.some((r) => r.includes('阳极氧化（anodising'))).toBe(true);
    expect(reasons.some((r) => /项目涉及anodising/.test(r))).toBe(false);
    // (a Chinese word is shown as written)
    const zh = cleanResults(run('我们自己做硫酸阳极氧化，两班倒。')).flatMap((r) => r.exclusions.map((e) => renderReason(e.reason)));
    expect(zh.some((r) => r.includes('阳极氧化（阳极氧化）'))).toBe(false);
  });
});

describe('stocks told by containers and tanks, and vehicle plants by their shops (eighteenth session)', () => {
  const stock = (said: string) => run(said).features.chemicals.map((c) => [c.name, c.amountT]);
  it('English drums and cylinders: each one’s fill and their count in other sentences; a fill “each” is not the stock', () => {
    expect(
      stock('We supply water utilities with 液氯 in 1-tonne drums. Our depot would hold about 12 chlorine drums at any time.'),
    ).toEqual([['液氯', 12]]);
    expect(
      stock('Ammonia comes from a gas yard with Y-cylinders (about 440 kg net each) - typically 28 on site including standbys.')[0]![1],
    ).toBeCloseTo(12.32);
  });

  it('tanks counted first and sized after, or sized first and counted after, by the density (比重) the text states', () => {
    expect(stock('钝化用98%的发烟硝酸，两个储罐，每个五十方，比重一点五左右')).toEqual([['发烟硝酸', 150]]);
    // (…and what the thing switched to replaces is not held: 改用丙烯替代乙炔)
    expect(stock('火焰切割改用丙烯替代乙炔，厂区设30m³卧式丙烯储罐一台（液态密度约0.51t/m³）。')).toEqual([['丙烯', 15.3]]);
  });

  it('a vehicle plant told by its four shops is 第71项 whatever the vehicle is called; a body-parts maker for car makers is not', () => {
    expect(
      excludedEverywhere('「蓝途汽车」纯电轻型物流车整车项目签约落户，建设冲压、焊装、涂装、总装四大工艺车间，达产后年产整车10万辆。'),
    ).toBe(true);
    const parts = run('产品：副车架、控制臂\n工艺：冲压、焊接、阴极电泳涂装（水性电泳漆）\n客户：奇瑞、蔚来等整车厂');
    expect(parts.features.eia.some((e) => e.items.includes(71) && e.how === 'book')).toBe(false);
  });
});

describe('English stops told after, neighbours placed by the lead, amounts with long names (eighteenth session)', () => {
  it('a step cancelled, dropped or done until a year past is not the lead’s', () => {
    expect(
      excludedNowhere('Minutes: Calder Pharma confirmed the API synthesis phase planned for 2026 is cancelled; formulation only.'),
    ).toBe(true);
    expect(excludedNowhere('Update: the in-house anodizing line we mentioned in March has been dropped after the cost review.')).toBe(true);
    expect(excludedNowhere('We plated and anodized in-house until 2021; since then parts ship bare-machined.')).toBe(true);
    // (…a stop of another line leaves the lead's own)
    expect(excludedEverywhere('Our new plant will run chrome plating lines; the old one was closed in 2019.')).toBe(true);
  });

  it('我们隔壁 places a neighbour by the lead, it does not make the neighbour’s plating the lead’s', () => {
    expect(actor('我们隔壁是一家做电镀的老厂，我们自己是CNC加工表壳。', '电镀')).toBe('customer');
    expect(actor('东侧是我们一期的电镀车间', '电镀')).toBe('own');
  });

  it('a yearly amount of a solvent-borne paint told with a long name is read, and below 10 t it is reviewed, not refused', () => {
    expect(
      excludedNowhere('Our chair factory sprays PU lacquer – about 6 tonnes of solvent-based paint and thinner per year in total.'),
    ).toBe(true);
  });
});

describe('articles made of a material (eighteenth session)', () => {
  it('碳纤维复合材料制品 formed from bought prepreg are not 第44项; making the material itself is', () => {
    const parts = run('我们自己做的是碳纤维复合材料制品，无人机机臂这些，预浸料外购，热压罐成型，一年五万件左右。');
    expect(parts.features.eia.some((e) => e.items.includes(44))).toBe(false);
    const material = run('年产5000吨碳纤维复合材料，自建生产线');
    expect(material.features.eia.some((e) => e.items.includes(44) && e.how === 'book')).toBe(true);
  });
});

describe('a step told however people say it (twentieth session, dev43)', () => {
  it('一桶都不进: not a single one, told after what it denies — but 一条都不少 keeps it', () => {
    expect(excludedNowhere('家具厂新厂全部换成水性漆，溶剂型油漆一桶都不进')).toBe(true);
    expect(excludedEverywhere('原有电镀线一条都不少，镀镍镀铬全部厂内自己做')).toBe(true);
  });

  it('这次 turns from the old plant to the new project; the other way round the new project’s step is the lead’s', () => {
    expect(excludedNowhere('老板以前在湖州做铅酸电池的老厂还在那边这次过来只做锂电池包组装')).toBe(true);
    expect(excludedEverywhere('以前只做锂电池包组装，这次过来新上一条铅酸蓄电池生产线，年产50万只')).toBe(true);
  });

  it('原先规划 is a plan, and 放弃了 after it ends it', () => {
    expect(excludedNowhere('原先规划里自建一条热镀锌线，后来放弃了，镀锌全部委外，厂里只做焊接组装')).toBe(true);
  });

  it('也是工厂做 joins a step to the works the clause before sent work to — not 也是我们自己厂里做', () => {
    expect(excludedNowhere('倒模外发给东莞的工厂，电镀也是工厂做，我们这里只做设计和质检')).toBe(true);
    expect(actor('倒模外发给东莞的工厂，电镀也是工厂做', '电镀')).toBe('offSite');
    expect(actor('倒模外发给东莞的工厂，电镀也是我们自己厂里做', '电镀')).toBe('own');
  });

  it('a colon after a statement opens what it is made of; a label’s colon still hands its step off', () => {
    expect(actor('本次入园主体只做智能门锁：主板贴片外协，厂内整机组装', '智能门锁')).toBe('own');
    expect(actor('产品：五金件；电镀：外协', '电镀')).toBe('offSite');
  });

  it('a hazardous-waste licence the lead holds is its 利用及处置 — not one it obtains for others, nor one for collection only', () => {
    expect(excludedEverywhere('公司持有HW08危险废物经营许可证，核准规模2万吨/年')).toBe(true);
    expect(excludedNowhere('我们是环保咨询公司，协助企业取得HW08危险废物经营许可证')).toBe(true);
    expect(excludedNowhere('公司持有HW08危险废物收集经营许可证，仅做收集暂存，不做利用处置')).toBe(true);
  });

  it('a slaughter told by the plain verb and its count meets 第18项 above its floor, not below it nor at a supplier', () => {
    const f = run('每天宰八百头猪，白条直接发冷库').features;
    expect(f.eia).toEqual([expect.objectContaining({ items: [18], how: 'book' })]);
    expect(excludedNowhere('每天宰两百头猪，白条直接发冷库')).toBe(true);
    expect(excludedNowhere('从一家一年杀两千万只鸡的屠宰场采购白条鸡，做鸡排')).toBe(true);
  });

  it('原料 is no former works: 原料是回收的旧周转箱 is the lead’s feed; 原…印染厂腾退后改造 is an old site', () => {
    expect(actor('原料是回收的旧周转箱旧桶', '回收的旧周转箱')).toBe('own');
    expect(actor('原丝绸印染厂腾退后改造', '印染厂')).toBe('customer');
  });

  it('a rate after a product is no field of use (物流箱一年用回料), as 机器人用 is', () => {
    expect(run('注塑物流箱一年用回料一万二千吨').features.codes).toContain('2926');
  });

  it('a glue named by its kind is solvent-borne where the text thins it with a solvent, and used only where a use word says so', () => {
    expect(excludedEverywhere('复合膜厂，干复胶用乙酸乙酯稀释，胶水年用量40吨')).toBe(true);
    expect(excludedNowhere('纸箱厂，胶水年用量50吨，全部是水性淀粉胶')).toBe(true);
    expect(run('做聚氨酯胶的，加溶剂调成胶，一年八千吨').features.eia.some((e) => e.byAmount)).toBe(false);
  });

  it('a prepolymer made in the lead’s reactor is polymerisation; one bought in and cast is not', () => {
    expect(excludedEverywhere('用聚醚多元醇和TDI在反应釜里做预聚体，年产5000吨')).toBe(true);
    expect(excludedNowhere('外购预聚体，加MOCA浇注聚氨酯胶辊')).toBe(true);
  });

  it('a knock-in model is a transgenic lab’s (第98项), unless denied', () => {
    expect(excludedEverywhere('做敲入大鼠模型定制，SPF动物房2000平')).toBe(true);
    expect(excludedNowhere('不做敲入小鼠，只做细胞实验，BSL-2实验室')).toBe(true);
  });

  it('English: technical-grade active ingredients in glass-lined reactors are 第44项 synthesis; a maker of the reactors is not', () => {
    expect(excludedEverywhere('We synthesize technical-grade active ingredients in glass-lined reactors, 1,500 t per year.')).toBe(true);
    expect(excludedNowhere('We make glass-lined reactors for pesticide plants doing chlorination and condensation.')).toBe(true);
  });

  it('做…服务的 is the lead’s own business, not whom it serves: its ethylene oxide in store is its own', () => {
    expect(excludedEverywhere('这家是做医疗器械灭菌服务的就是环氧乙烷灭菌他们厂里环氧乙烷常备储量大概12吨')).toBe(true);
    expect(actor('已服务70多家电镀厂，提供废水处理', '电镀厂')).toBe('customer');
  });

  it('不是 A 是 B negates A only: 不是锂电是铅酸的 is lead-acid', () => {
    expect(excludedEverywhere('做电动车电池的不是锂电是铅酸的他们自己做铅粉和膏涂板固化然后化成一年四百万只')).toBe(true);
    expect(excludedNowhere('我们不是做电镀的，是做机加工的')).toBe(true);
  });

  it('a resin emulsion is a synthetic resin (2651) the lead makes; a scope’s standard sales item says nothing against it', () => {
    const f = run('主要产品为苯丙乳液，年产4万吨。经营范围：合成树脂制造；化工产品销售（不含许可类化工产品）。').features;
    expect(f.codes).toContain('2651');
    expect(f.eia.some((e) => e.items.includes(44) && e.how === 'book')).toBe(true);
    // (…while a trader of it makes none)
    expect(excludedNowhere('化工贸易公司，经销苯丙乳液，年销售4万吨')).toBe(true);
  });

  it('a farm told by the pigs it sends to market a year is 第3项 from 5,000 a year, whatever its words’ class; its suppliers’ farms are not', () => {
    const f = run('建设6层楼房式猪舍2栋，设计存栏能繁母猪2400头，达产后年出栏商品猪6.2万头').features;
    expect(f.eia).toEqual(expect.arrayContaining([expect.objectContaining({ items: [3], how: 'book' })]));
    // (the floor of 出栏 is 5000: 存栏生猪2500头 is the floor of a farm that states no 出栏)
    expect(run('年出栏商品猪3000头').features.eia.some((e) => e.items.includes(3))).toBe(false);
    expect(excludedNowhere('饲料厂，客户是年出栏5万头的猪场')).toBe(true);
  });
});

describe('what a pasted table and a chat say of a step (twenty-first session, dev46)', () => {
  it('a material in a table’s column of inputs is used, not made (| 原料 | 聚酯切片约3万吨/年): a spinner of bought chips is no resin maker', () => {
    const table = '| 项目 | 原料 | 用地 |\n| 年产3万吨细旦涤纶长丝项目 | 聚酯切片约3.05万吨/年 | 45亩 |';
    const f = run(table).features;
    expect(f.codes).not.toContain('2653');
    expect(f.eia.some((e) => e.items.includes(44))).toBe(false);
    // (…while a column of products still makes it)
    expect(run('| 项目 | 产品 | 用地 |\n| 聚合项目 | 聚酯切片年产30万吨 | 200亩 |').features.eia.some((e) => e.items.includes(44))).toBe(
      true,
    );
  });

  it('由…直供 hands the material to its supplier (铝锭由上游合作方以铝液形式直供)', () => {
    expect(run('年产铝压铸件2万吨，铝锭由上游合作方以铝液形式直供').features.codes).not.toContain('3216');
    expect(actor('铝锭由上游合作方以铝液形式直供', '铝锭')).toBe('offSite');
  });

  it('an offset printer’s ink is no 溶剂油墨 (GB 38507-2020 classes 胶印油墨 apart): only the solvent-borne tonnes count', () => {
    expect(excludedNowhere('原辅料：白卡纸9000吨/年，大豆胶印油墨18吨/年，溶剂型油墨4.2吨/年，水性上光油12吨/年。')).toBe(true);
    expect(excludedEverywhere('原辅料：白卡纸9000吨/年，胶印油墨8吨/年，溶剂型油墨12吨/年。')).toBe(true);
  });

  it('a process sent out whole (电镀全部外发) is sent out where a turn before named its kinds (端子镀金镀锡怎么弄的) — not where a mention says the lead does it', () => {
    expect(
      excludedNowhere(
        '冲压机42台，模具自己做，端子镀金镀锡怎么弄的我问了\n电镀全部外发给昆山千灯电镀园区的两家合作厂，厂里只冲压、攻牙、包装',
      ),
    ).toBe(true);
    expect(excludedEverywhere('电镀全部外协，但镀镍线我们自己建了一条，年镀件30万件')).toBe(true);
    expect(excludedEverywhere('我们自己做镀锌钝化，磷化全部外协')).toBe(true);
  });

  it('a cobalt-60 irradiator told by its source and its work (钴-60源 + 辐照灭菌, 装源100万居里) is 第172项; radiotherapy or software for one is not', () => {
    const f = run('辐照灭菌服务，钴-60源，首期装源100万居里').features;
    expect(f.eia).toContainEqual(expect.objectContaining({ items: [172], how: 'book' }));
    expect(excludedNowhere('医院放疗科钴-60治疗机更换')).toBe(true);
    expect(excludedNowhere('我们做钴-60辐照装置的控制系统软件')).toBe(true);
  });

  it('waste taken in and worked up a clause later is the lead’s work (收废有机溶剂…，拉回来蒸馏再生); taken in and handed to a licensed works is not', () => {
    expect(excludedEverywhere('给园区企业收废有机溶剂、废切削液，拉回来蒸馏再生')).toBe(true);
    expect(excludedNowhere('我们回收废有机溶剂，交有资质单位处置')).toBe(true);
    expect(excludedEverywhere('回收废有机溶剂精馏再生，残渣委托有资质单位处置')).toBe(true);
  });

  it('a field 主营： names what the lead makes (主营：乙基香兰素…): the class of its products', () => {
    // (…not only its 食用香精, a blend: the synthetic aroma chemical it names first is what the class is read from)
    expect(run('主营：乙基香兰素、二氢茉莉酮酸甲酯等产品及食用香精。').features.codeVia.get('2684')).toBe('乙基香兰素');
  });

  it('an item with a daily floor is read from the day’s throughput the text states (餐厨垃圾 日处理200吨 ≥ 50: 第106项 报告书; 30吨: a review)', () => {
    expect(run('餐厨垃圾处理，厌氧产沼，日处理200吨').features.eia).toContainEqual(
      expect.objectContaining({ items: [106], how: 'book', title: '其他处置方式日处置能力50吨及以上的' }),
    );
    expect(excludedEverywhere('餐厨垃圾处理，厌氧产沼，日处理200吨')).toBe(true);
    expect(run('餐厨垃圾处理，日处理30吨').features.eia).toContainEqual(expect.objectContaining({ items: [106], how: 'scale' }));
    // (the canteen's own kitchen waste carted off, and a maker of the machines, are no such works)
    expect(run('食堂的餐厨垃圾由环卫公司统一清运').features.eia).toEqual([]);
    expect(run('做餐厨垃圾处理设备的，年产200台').features.eia).toEqual([]);
  });

  it('a class whose item has a daily floor is read from the day’s throughput (甘蔗制糖 日榨4000吨 ≥ 1000: 第17项; 日榨600吨: none)', () => {
    expect(run('计划新上一条甘蔗制糖线：压榨、亚硫酸法澄清、蒸发煮糖、分蜜，设计日榨甘蔗4000吨').features.eia).toContainEqual(
      expect.objectContaining({ items: [17], how: 'book' }),
    );
    expect(run('甘蔗制糖，日榨600吨').features.eia.some((e) => e.items.includes(17) && e.how === 'book')).toBe(false);
  });

  it('a vehicle plant told by its four shops after 做…整车的, and a note opened by 电话： (a call, not a phone number’s field)', () => {
    expect(excludedEverywhere('做电动微卡整车的，冲压、焊装、涂装、总装四大工艺都要进园区')).toBe(true);
    expect(excludedNowhere('为整车的零部件供应商提供冲压件')).toBe(true);
    expect(excludedEverywhere('电话：一家燃气公司想建液化石油气储配站，2台200立方米卧式储罐，满储约170吨')).toBe(true);
  });

  it('an amount that is one container’s is multiplied by the containers counted after it (配1吨液氯钢瓶，常备8瓶: 8 t)', () => {
    const chem = (t: string) => run(t).features.chemicals.find((c) => c.name === '液氯')?.amountT;
    expect(chem('加氯间配1吨液氯钢瓶，在用及备用常备8瓶。')).toBe(8);
    expect(chem('液氯1吨，钢瓶装')).toBe(1);
  });

  it('a plant the lead builds for a class of its own (自建精油工厂) is production on site: 第46项 香料制造', () => {
    expect(run('打算在园区自建精油工厂').features.eia).toContainEqual(expect.objectContaining({ items: [46], how: 'book' }));
    expect(run('精油经销，给工厂供货').features.eia).toEqual([]);
  });

  it('coal- and oil-fired boilers the lead builds, above 65 t/h in all, are 第91项 (3台35吨/小时燃煤链条炉; 35t/h×2 + 燃油10t/h); 60 t/h, a maker or the park’s steam are not', () => {
    const item91 = (t: string) => run(t).features.eia.some((e) => e.items.includes(91) && e.how === 'book');
    expect(item91('新基地想自建锅炉房：3台35吨/小时燃煤链条炉，合计105吨/小时，蒸汽供蒸煮、杀菌和烘干')).toBe(true);
    expect(item91('公用工程\t规格\t数量\n燃煤链条炉排蒸汽锅炉\t35t/h\t2台\n备用燃油锅炉\t10t/h\t1台')).toBe(true);
    expect(item91('燃煤锅炉 30t/h 2台')).toBe(false);
    expect(item91('我们做燃煤锅炉的，年产锅炉200台，单台35t/h')).toBe(false);
    expect(item91('新厂蒸汽由园区热电厂供应，不自建燃煤锅炉')).toBe(false);
  });

  it('a table column named 危化品储存 is no statement: the chemical its cell names, below its 临界量, is a review', () => {
    const table =
      '| 企业 | 产品 | 灭菌方式 | 危化品储存 | 投资 |\n| 某医疗用品有限公司 | 手术衣、手术包 | 自建环氧乙烷灭菌柜2台 | 环氧乙烷1.5吨 | 1.1亿元 |';
    expect(excludedNowhere(table)).toBe(true);
    expect(run(table).features.chemicals.map((c) => c.name)).toContain('环氧乙烷');
    // (…the word written as a statement still is one)
    expect(excludedEverywhere('项目涉及危化品储存，需要30亩')).toBe(true);
  });
});
