/** Who performs a process word: the lead on site, or someone else (server/text/actors.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actorOf } from '../../server/text/actors.js';
import { normalizeText } from '../../server/text/normalize.js';

/** The actor of the first occurrence of `word` in `text`. */
const who = (text: string, word: string) => {
  const t = normalizeText(text);
  const at = t.indexOf(word);
  if (at < 0) throw new Error(`${word} not in ${text}`);
  return actorOf(t, at, at + word.length);
};

/** The actor of the first occurrence of a product `word` in `text`. */
const whoMakes = (text: string, word: string) => {
  const t = normalizeText(text);
  const at = t.indexOf(word);
  if (at < 0) throw new Error(`${word} not in ${text}`);
  return actorOf(t, at, at + word.length, 'product');
};

describe('actorOf for product words', () => {
  it('what the product serves, is used in or is measured against is not made by the lead', () => {
    expect(whoMakes('陶瓷基板，用于IGBT散热', 'igbt')).toBe('customer'); // normalised: Latin lower case
    expect(whoMakes('离心机制造，卖给药企和医院', '药企')).toBe('customer');
    expect(whoMakes('流式细胞仪，对标进口品牌', '进口品牌')).toBe('customer');
    expect(whoMakes('陶瓷基板，用于IGBT散热', '陶瓷基板')).toBe('own');
  });

  it('a machine counted after its name is the lead’s equipment; counted output is its product', () => {
    expect(whoMakes('车间有注塑机80台', '注塑机')).toBe('input');
    expect(whoMakes('年产注塑机800台', '注塑机')).toBe('own');
  });

  it('trading, registering or leasing a product is not making it', () => {
    expect(whoMakes('光刻胶国内总代', '光刻胶')).toBe('modifier');
    expect(whoMakes('农药登记代理', '农药')).toBe('modifier');
    expect(whoMakes('空心杯电机，主要供灵巧手', '灵巧手')).toBe('customer'); // a bare 供 of supplying
    expect(whoMakes('像一张膜，贴在机器人手指上能感觉到压力', '机器人')).toBe('customer'); // put on another's product
    expect(whoMakes('灵巧手研发生产', '灵巧手')).toBe('own');
  });
});

describe('actorOf', () => {
  it('the lead’s own step stays its own, however the sentence runs', () => {
    expect(who('新建电镀生产线两条', '电镀')).toBe('own');
    expect(who('主营业务为五金件电镀加工', '电镀')).toBe('own');
    expect(who('外购钢材进行电镀后出售', '电镀')).toBe('own'); // the steel is bought, the plating is theirs
    expect(who('为客户提供阳极氧化加工服务', '阳极氧化')).toBe('own');
    expect(who('接受委托从事铸件的铸造加工', '铸造')).toBe('own');
  });

  it('a process inside a parenthesis that explains an equipment head is that equipment’s kind', () => {
    expect(who('电镀生产线设备（龙门式、滚镀线）设计制造', '滚镀')).toBe('modifier');
    expect(who('五金件加工（含滚镀）', '滚镀')).toBe('own');
  });

  it('a step handed to someone else is off site, before or after the cue', () => {
    expect(who('零件表面处理全部外协', '表面处理')).toBe('offSite');
    expect(who('热处理由配套供应商完成', '热处理')).toBe('offSite');
    expect(who('委托专业厂家进行喷漆', '喷漆')).toBe('offSite');
    expect(who('面料染色交给合作工厂', '染色')).toBe('offSite');
    expect(who('现在电镀全部发到宁波电镀园区去做', '电镀')).toBe('offSite');
    // (…a hand-off denied is not one)
    expect(who('化学镀镍这道没委外，我们自己做的', '化学镀镍')).toBe('own');
  });

  it('what is bought is off site, up to the next verb', () => {
    expect(who('采购磷化好的钣金件组装机柜', '磷化')).toBe('input');
    expect(who('外购酸洗钢卷，冲压成型', '酸洗')).toBe('offSite');
    expect(who('外购已发黑的紧固件', '发黑')).toBe('input');
  });

  it('not done: 不/未/免 right before the word', () => {
    expect(who('组装车间不喷漆', '喷漆')).toBe('notDone');
    expect(who('采用免喷涂材料', '喷涂')).toBe('notDone');
  });

  it('a word that qualifies the head of what the lead makes is not its process', () => {
    expect(who('研发制造电镀设备', '电镀')).toBe('modifier');
    expect(who('硝化反应釜设计制造', '硝化')).toBe('modifier');
    expect(who('铸造车间除尘治理工程', '铸造')).toBe('own'); // the treatment of its own shop's dust: the shop is the lead's
    expect(who('承接印染废水处理工程', '印染')).toBe('modifier');
    expect(who('开发化工安全生产管理软件', '化工')).toBe('modifier');
  });
  it('a step named right after a bought material is done to it here; a material a process made is bought (twenty-second session)', () => {
    expect(who('外购涤纶切片熔融纺丝（POY/FDY）', '熔融纺丝')).toBe('own');
    expect(who('外购坯布染色', '染色')).toBe('own');
    expect(who('外购镀锌钢管切割焊接成货架', '镀锌')).toBe('offSite');
    expect(who('外购已阳极氧化的型材', '阳极氧化')).toBe('input');
    expect(who('外购坯布染色加工的成品布', '染色')).toBe('offSite');
    expect(who('外购坯布染色外协', '染色')).toBe('offSite');
  });
  it('发 of 发动机 sends nothing out; 发 to a works does (twenty-second session)', () => {
    expect(whoMakes('航空发动机机匣精密加工', '机匣')).toBe('own');
    expect(who('镀金、镀铑都是发东阳代工厂做的', '镀金')).toBe('offSite');
  });
  it('a vessel the step runs in is the lead’s equipment, not a head it makes (twenty-second session)', () => {
    expect(who('经菌种扩培、百立方大罐培养、膜过滤和结晶生产赤藓糖醇', '菌种扩培')).toBe('own');
    expect(who('磺化、硝化反应釜内反应后精馏', '磺化')).toBe('own');
    expect(who('发酵、提取罐设计制造', '发酵')).toBe('modifier');
  });

  it('someone else’s trade: the lead serves those who do it', () => {
    expect(who('面向制革企业销售环保助剂', '制革')).toBe('customer');
    expect(who('为印染厂提供节能改造服务', '印染')).toBe('customer');
    expect(who('主要客户包括多家电镀企业', '电镀')).toBe('customer');
  });

  it('never throws and returns an actor for any text and any span (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.nat(), fc.nat(), (s, a, b) => {
        const t = normalizeText(s);
        const start = t.length ? a % t.length : 0;
        const end = Math.min(t.length, start + (b % 6));
        expect(['own', 'offSite', 'input', 'notDone', 'modifier', 'customer']).toContain(actorOf(t, start, end));
      }),
    );
  });
});

describe('an English process word bought in, run by others or traded (seventeenth session)', () => {
  it('is not the lead’s own: bought from, made by, sent to, a supplier who runs it, traded, or a machine for it made', () => {
    expect(who('we buy nitrobenzene from suppliers who run nitration.', 'nitration')).toBe('offSite');
    expect(who('our polypropylene is bought from a coal-to-olefins producer.', 'coal-to-olefins')).toBe('offSite');
    expect(who('we sell tyre pyrolysis reactors.', 'tyre pyrolysis')).toBe('modifier');
    expect(who('we design and build zinc plating lines for customers.', 'zinc plating line')).toBe('modifier');
    // …while a plant that runs it, whatever else it makes, runs it
    expect(who('we make fasteners and have our own zinc plating line, 3 lines.', 'zinc plating line')).toBe('own');
  });
});

describe('an English hand-off reaches only the words it governs (seventeenth session review)', () => {
  it('a bought-in or supplier clause earlier in the sentence does not hand off the lead’s own step after it', () => {
    expect(who('our suppliers make the castings, we do chrome plating in-house on three lines.', 'chrome plating')).toBe('own');
    expect(who('we buy pre-painted steel for the frames and run our own electroplating line for the rods.', 'electroplating')).toBe('own');
    // …while the step it governs is handed off
    expect(who('our supplier makes the intermediate by amination; we only formulate.', 'amination')).toBe('offSite');
    expect(who('the steel panels arrive pre-painted with a solventborne coating from the coil coater.', 'solventborne coating')).toBe(
      'offSite',
    );
  });
});

describe('an English step others do (eighteenth session, from the second reader’s probes)', () => {
  it('works that do it, a supplier’s line, arrive from, trucked to, run by others, at the supplier: not the lead’s', () => {
    expect(who('our jeans are sewn from denim bought from mills that do the indigo dyeing.', 'indigo dyeing')).toBe('offSite');
    expect(who('the extrusions arrive already finished from the supplier’s anodising line.', 'anodising line')).toBe('offSite');
    expect(who('the towers are welded here and then trucked to a galvanizing shop 50 km away.', 'galvanizing shop')).toBe('offSite');
    expect(who('the nitration process is run by our toll manufacturer; our site only blends.', 'nitration process')).toBe('offSite');
    expect(who('we purchase anchor bolts that already had spin galvanizing at the supplier.', 'spin galvanizing')).toBe('offSite');
    expect(who('we make stainless cathode plates for copper electrorefining.', 'copper electrorefining')).toBe('modifier');
    expect(who('we built the sand moulding line for a foundry in india.', 'sand moulding line')).toBe('modifier');
  });

  it('…while the lead’s own step stays its own', () => {
    expect(who('our new plant will run the nitration process in two reactors.', 'nitration process')).toBe('own');
    expect(who('we built our own sand moulding line last year and cast 20,000 t a year.', 'sand moulding line')).toBe('own');
    expect(who('the nitration step is carried out at our own site in zhejiang.', 'nitration')).toBe('own');
  });
});

describe('a Chinese word in an English sentence (eighteenth session)', () => {
  it('is read by the English around it: a contractor in the local 电镀园区 is not the lead’s plating', () => {
    expect(who('rhodium plating is done by a licensed contractor in the local 电镀园区 — nothing is plated here.', '电镀园区')).toBe(
      'offSite',
    );
    expect(who('我们自己有电镀线，three shifts.', '电镀')).toBe('own');
  });
});
