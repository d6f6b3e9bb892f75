/**
 * Reading a provincial 投资促进中心's lead spreadsheet and a 苏南 高新区's foreign-invested leads (dev58, dev59): stocks
 * listed before a verb of keeping them, English words joined by a hyphen, English bullets and spheres, vessels to be set up,
 * a lab of a transgenic kind, a parent company that is only where it is, 原料药 as a product in a spreadsheet cell, a
 * process's own shop named in a later sentence, and software for a service.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';
import { actorIn } from '../helpers/actors.js';
import { createDictionary } from '../../server/text/dictionary.js';

const { run, excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');
const chemicals = (text: string) => run(text).features.chemicals.map((c) => [c.name, c.amountT]);

describe('stocks', () => {
  it('amounts in a list a verb of keeping follows are each one’s (甲苯约300吨、乙酸乙酯约300吨同库存放: Σq/Q 1.2)', () => {
    expect(chemicals('涂料溶剂仓库｜甲苯约300吨、乙酸乙酯约300吨同库存放')).toEqual([
      ['甲苯', 300],
      ['乙酸乙酯', 300],
    ]);
    expect(excludedEverywhere('涂料溶剂仓库｜甲苯约300吨、乙酸乙酯约300吨同库存放')).toBe(true);
    // (below 1 together: kept)
    expect(excludedNowhere('仓库里甲苯约200吨、乙酸乙酯约100吨同库存放')).toBe(true);
  });
  it('English bullets and spheres are vessels, and a formula names its substance (two 100 m³ liquid-NH3 bullets)', () => {
    const nh3 = run('Ammonia distribution depot for SCR customers: two 100 m³ liquid-NH3 bullets, truck loading.').features.chemicals;
    expect(nh3.map((c) => [c.cas, c.volumeM3])).toEqual([['7664-41-7', 200]]);
    expect(excludedEverywhere('LPG depot with two 1,000 m³ spheres')).toBe(true);
    // (a sensor for the gas holds none)
    expect(run('NH3传感器研发生产').features.chemicals).toEqual([]);
  });
  it('vessels to be set up hold the substance before them (液氨要上两个储罐 每个二十方 一般装八成)', () => {
    const t = '东洋热处理那个项目 做气体渗氮的 液氨要上两个储罐 每个二十方 他说一般装八成左右';
    expect(chemicals(t)).toEqual([['液氨', 19.5]]);
    expect(excludedEverywhere(t)).toBe(true);
  });
});

describe('substances the 危险化学品目录 classes (its 分类信息表 → GB 18218-2018 表2)', () => {
  it('a named substance 表1 does not list takes the 表2 row of its classes (环己酮, 易燃液体 类别3 → W5.4, 5000 t)', () => {
    expect(run('环己酮罐区，储存量约6000吨').features.chemicals.map((c) => [c.name, c.thresholdT])).toEqual([['环己酮', 5000]]);
    expect(excludedEverywhere('环己酮罐区，储存量约6000吨')).toBe(true);
    expect(excludedNowhere('环己酮罐区，储存量约600吨')).toBe(true);
  });
  it('a count of substituents or a material after the name is another substance (二氯甲烷 is no 氯甲烷; 丙烯酸树脂)', () => {
    expect(run('溶剂仓库：二氯甲烷约600吨').features.chemicals).toEqual([]);
    expect(run('涂料厂仓库：丙烯酸树脂存放6000吨').features.chemicals).toEqual([]);
  });
  it('the class a text states in a name’s brackets is the material’s (发泡剂AC（偶氮二甲酰胺，自反应物质C型）: W6.2, 50 t)', () => {
    const t = 'EVA鞋材（中底）发泡｜发泡剂AC（偶氮二甲酰胺，自反应物质C型）仓库最多放55吨｜年产中底2000万双';
    expect(run(t).features.chemicals.map((c) => c.thresholdT)).toEqual([50]);
    expect(excludedEverywhere(t)).toBe(true);
  });
});

describe('stocks as a stock-focused set writes them (dev60)', () => {
  it('an amount kept right after its verb is held, however it is counted (按两个月用量备60吨)', () => {
    expect(excludedEverywhere('安全气囊气体发生器项目，产药工序原料硝酸胍，仓库按两个月用量备60吨。')).toBe(true);
  });
  it('English: tube trailers are containers; liquid oxygen, TDI, xylene by name; a stock removed or a former owner’s holds none', () => {
    expect(
      run(
        'Hydrogen supply for the test center: up to 8 tube trailers parked at the H2 yard at any one time, roughly 0.7 t of H2 each.',
      ).features.chemicals.map((c) => c.amountT),
    ).toEqual([5.6]);
    // (LOX alone is not read: smoked salmon, an enzyme, Cre-lox — REVIEW.md (38))
    expect(excludedEverywhere('ASU proposal: liquid oxygen storage 2 x 200 m3, liquid nitrogen 2 x 300 m3.')).toBe(true);
    expect(excludedEverywhere('TDI comes in 250 kg steel drums and the warehouse normally holds about 480 drums.')).toBe(true);
    expect(excludedEverywhere('Jetty tank farm proposal for aromatics: 8 x 1,000 m3 tanks in mixed-xylene service.')).toBe(true);
    expect(excludedNowhere('FYI the two 50 m3 LPG bullets left by the previous owner were degassed and cut up in March.')).toBe(true);
  });
  it('hydrofluoric acid kept in drums is a stock of 氟化氢, not a making of acid (氢氟酸（49%）20升桶，库存20桶)', () => {
    expect(excludedNowhere('半导体设备零部件再生清洗，氢氟酸（49%）20升桶，库存20桶左右。')).toBe(true);
  });
});

describe('English words joined by a hyphen', () => {
  it('match the dictionary’s words written with a space, and the other way round', () => {
    const d = createDictionary([
      { word: 'liquid oxygen', value: 1 },
      { word: 'die-casting', value: 2 },
    ]);
    expect(d.match('two liquid-oxygen tanks').map((m) => m.values)).toEqual([[1]]);
    expect(d.match('aluminium die casting').map((m) => m.values)).toEqual([[2]]);
    // (still on word boundaries)
    expect(d.match('liquid-oxygenated')).toEqual([]);
    expect(excludedEverywhere('Industrial-gas JV: air-separation unit, two 200 m³ liquid-oxygen tanks on site.')).toBe(true);
  });
});

describe('who does it', () => {
  it('a transgenic word before a lab of its kind is the lab (设转基因动物模型实验室), not a lab someone else is served', () => {
    expect(excludedEverywhere('生命科学研发中心：B栋3层设转基因动物模型实验室（基因编辑小鼠构建与繁育），另设细胞实验室')).toBe(true);
    expect(excludedNowhere('为高校提供转基因动物实验室设计施工服务')).toBe(true);
  });
  it('a lab’s grade in brackets after it is that lab (高等级生物安全实验室（BSL-3）); a trader’s export is no making (做原料药出口)', () => {
    expect(actorIn('高等级生物安全实验室（BSL-3）+新发传染病病原研究', 'bsl-3')).toBe('own');
    expect(actorIn('依托浙大实验室（BSL-3）开展研究', 'bsl-3')).toBe('offSite');
    expect(excludedNowhere('博原贸易做原料药出口，不是生产商，需要办公室加保税区GSP仓库，不拆包。')).toBe(true);
    expect(excludedEverywhere('原料药生产出口，年产200吨')).toBe(true);
  });
  it('the park addressed (想在你们那边建个新厂) is where the lead comes, not elsewhere, in a voice note with no punctuation', () => {
    expect(
      excludedEverywhere(
        '你好我们是做牛皮的就是从盐湿皮开始浸灰脱毛然后铬鞣出蓝湿皮再复鞣染色加脂我们现在一个月大概能做三万张想在你们那边建个新厂',
      ),
    ).toBe(true);
    expect(actorIn('电镀在他们那边做', '电镀')).toBe('offSite');
  });
  it('a parent company where it is does nothing here (母公司在台中｜…滚镀); one that does the step does it (母公司负责电镀)', () => {
    expect(actorIn('投资方：鼎谦表面科技（台资，母公司在台中）｜产品/工艺：锌镍合金滚镀', '滚镀')).toBe('own');
    expect(actorIn('母公司负责电镀', '电镀')).toBe('offSite');
    expect(actorIn('子公司在江西有电镀厂', '电镀')).toBe('offSite');
  });
  it('a verb of buying does not reach across a pasted row’s cell (连接器｜端子外购: the terminals are bought)', () => {
    expect(actorIn('连接器｜端子外购（已镀金/镀锡）｜注塑+组装+检测｜年产20亿pcs', '连接器', 'product')).toBe('own');
    expect(actorIn('连接器，端子外购', '端子', 'product')).toBe('offSite');
  });
  it('原料药 opening a spreadsheet row is the product, not a label of inputs (原料药CDMO｜小分子API…)', () => {
    expect(excludedEverywhere('原料药CDMO｜小分子API及高级中间体｜多功能车间4个，反应釜总容积120m³｜12亿｜150亩')).toBe(true);
    expect(excludedNowhere('原料：原料药外购｜工艺：压片、包衣、包装')).toBe(true);
  });
  it('a later sentence naming the process’s own shop says the lead runs it (电镀车间约800平米，由弊社…自行运营)', () => {
    const t =
      '敬启者：弊社丸吉光学株式会社拟在贵区新设钛金属眼镜架工厂，工序为：钛材冲压、钎焊、研磨、电镀（镍打底后镀钯、镀金）、涂装、组装。电镀车间约800平米，由弊社技术人员自行运营。恳请贵局告知可接受电镀工序的地块。';
    expect(excludedEverywhere(t)).toBe(true);
  });
});

describe('processes', () => {
  it('a polymerising unit and an English API block are the 名录’s; a polymerisation kettle made for others and an API gateway are not', () => {
    expect(excludedEverywhere('可研：PI薄膜年产1500吨，建设PAA聚合装置、流延及亚胺化生产线。')).toBe(true);
    // (a resin polymer in a building product is no polymerising: 树脂聚合物混凝土)
    expect(excludedNowhere('树脂聚合物混凝土排水沟生产，年产10万米')).toBe(true);
    expect(
      excludedEverywhere('Indian generic API maker: multi-purpose API block with solvent recovery, 300 KL total reactor volume.'),
    ).toBe(true);
    expect(excludedNowhere('聚合釜制造，卖给化工厂')).toBe(true);
    expect(excludedNowhere('我们做API网关和API管理平台')).toBe(true);
  });
});

describe('software for a service', () => {
  it('is software: the head decides (环评软件; 环评/排污许可/危废台账SaaS)', () => {
    expect(run('环评软件').features.industries[0]?.name).toBe('软件信息');
    expect(run('环评、排污许可、危废台账SaaS').features.industries.map((i) => i.name)).toEqual(['软件信息']);
    expect(run('环评咨询、排污许可代办').features.industries[0]?.name).toBe('生产性服务');
  });
});
