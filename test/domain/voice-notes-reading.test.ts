/**
 * Reading spoken notes as they reach the office (dev62): voice transcripts with hardly any punctuation, a speaker
 * correcting himself (不对不对 不是豆瓣 是酱油), and what someone first believed and later found
 * otherwise (我以为是他们自己做阳极氧化 … 后来问清楚了 新厂这边不做).
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';
import { negatedSpans, isNegated } from '../../server/text/negation.js';
import { normalizeText } from '../../server/text/normalize.js';

const { run, excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');
const negated = (text: string, word: string) => {
  const t = normalizeText(text);
  const at = t.indexOf(word);
  if (at < 0) throw new Error(`${word} not in ${text}`);
  return isNegated(negatedSpans(t), at, at + word.length);
};

describe('a speaker correcting himself', () => {
  it('不对 takes back the phrase before it and negates nothing after it', () => {
    const t = '跟你说下 做调味品的 嗯 腐乳 不对不对 不是腐乳 是酱油 他们酿造酱油 高盐稀态发酵 年产 嗯 五万吨';
    expect(negated(t, '腐乳')).toBe(true);
    expect(negated(t, '酿造')).toBe(false);
    expect(negated(t, '发酵')).toBe(false);
    expect(excludedEverywhere(t)).toBe(true);
  });
  it('leaves 不对外 and 不对称 alone', () => {
    expect(negated('实验室不对外开放检测', '开放检测')).toBe(true);
    expect(negated('厂里不对称布置 电镀线在东侧', '电镀线')).toBe(false);
  });
  it('a lab the speaker corrects himself into is read (嗯 不对 不是疫苗 是病毒研究平台 要建一个P3实验室)', () => {
    const t = '李科 汇报一下 做疫苗的 嗯 不对 不是疫苗 是病原研究平台 他们要建一个P3实验室 另外几个P2 问离居民区要多远';
    expect(excludedEverywhere(t)).toBe(true);
  });
});

describe('a pause before a new subject', () => {
  it('ends a negation in an unpunctuated note (用的是丙烯 不是乙炔 他们建了两个二十方的丙烯储罐)', () => {
    const t = '做结构件的 嗯 切割用的是丙烯 不是乙炔 他们建了两个二十方的丙烯储罐 集中供气到车间';
    expect(negated(t, '乙炔')).toBe(true);
    expect(negated(t, '丙烯储罐')).toBe(false);
    expect(excludedEverywhere(t)).toBe(true);
  });
  it('leaves a negated list that goes on after a pause (不做 电镀 喷涂) and a written clause alone', () => {
    expect(negated('那家 他们不做电镀 喷涂 只做装配', '喷涂')).toBe(true);
    expect(negated('本项目不涉及电镀 他们的客户另有电镀厂，本厂只做组装。', '电镀厂')).toBe(false);
  });
});

describe('what was first believed, then found otherwise', () => {
  it('我以为… then 后来问清楚了… 不做: the belief asserts nothing', () => {
    const t =
      '做钛合金接骨板的那家 嗯 有些产品是金色蓝色的 我以为是他们自己做阳极氧化 当时没好意思问 后来吃饭的时候问清楚了 那是老产品 新厂这边不做 只喷砂清洗包装';
    expect(excludedNowhere(t)).toBe(true);
  });
  it('一开始以为要上镀锌线 结果是冷镀锌漆: what it turned out to be replaces the belief', () => {
    expect(excludedNowhere('做钢结构连廊的 他们说表面是冷镀锌 我一开始以为要上镀锌线 结果是冷镀锌漆 富锌漆喷一层 一年用两三吨')).toBe(true);
  });
  it('本来说要带一条线… 说算了: a plan dropped in the same note', () => {
    const t =
      '做手机中框CNC的 嗯 本来说要带一条阳极氧化线过来 还问了污水厂容量 然后上周他们开会 说算了 阳极氧化还是给深圳那边做 这边纯CNC 三百台机';
    expect(excludedNowhere(t)).toBe(true);
  });
  it('a belief confirmed stays a statement (我以为他们不做电镀 后来问了 确实有电镀车间)', () => {
    expect(excludedEverywhere('我以为他们不做电镀，后来问了，他们确实有自己的电镀车间，镀镍镀铬三条线')).toBe(true);
    // (可以为 is no belief)
    expect(excludedEverywhere('我们可以为客户提供电镀加工，厂内设镀镍、镀铬生产线三条')).toBe(true);
  });
});

describe('nothing changes where the text does not say so', () => {
  it('a stated on-site process in a transcript is still read', () => {
    expect(excludedEverywhere('那个做五金的 嗯 他们自己有电镀线 镀锌 镀镍 都在厂里做 要三十亩')).toBe(true);
    expect(run('那个做五金的 嗯 他们自己有电镀线 镀锌 镀镍 都在厂里做').features.negatedWords).toEqual([]);
  });
});

describe('amounts said aloud or jotted down', () => {
  it('a count of animals after a filler or a restart (年屠宰生猪 嗯 他说三十万头; 年出栏 一万 一万二千头生猪)', () => {
    expect(excludedEverywhere('肉联厂要搬过来 年屠宰生猪 嗯 他说二十万头 对 二十万 还有分割')).toBe(true);
    expect(excludedEverywhere('他们想搞一个楼房养猪 六层的猪楼 年出栏 一万 一万五千头生猪 粪污自己处理')).toBe(true);
    // (below the item's floor, said the same way: kept)
    expect(excludedNowhere('屠宰场 年屠宰生猪 嗯 大概五万头')).toBe(true);
    expect(excludedNowhere('楼房养猪 年出栏 三千 三千五百头生猪')).toBe(true);
  });
  it('bare numbers after an amount with its unit are in that unit (乙酸乙酯约300吨 丙酮150 甲苯100: Σq/Q 1.1)', () => {
    const t = '电话 溶剂经销 同一罐区 乙酸乙酯约300吨 丙酮150 甲苯100 给周边印刷厂配送';
    expect(run(t).features.chemicals.map((c) => [c.name, c.amountT])).toEqual([
      ['乙酸乙酯', 300],
      ['丙酮', 150],
      ['甲苯', 100],
    ]);
    expect(excludedEverywhere(t)).toBe(true);
    expect(excludedNowhere('仓库 乙酸乙酯约100吨 丙酮50 甲苯30')).toBe(true);
    // (a number with a unit of its own is that: 丙酮150公斤)
    expect(run('乙酸乙酯约300吨 丙酮150公斤').features.chemicals.map((c) => [c.name, c.amountT])).toEqual([
      ['乙酸乙酯', 300],
      ['丙酮', 0.15],
    ]);
  });
  it('tanks counted with the tank’s kind between the size and the substance (3座300立方米内浮顶丙酮储罐)', () => {
    expect(excludedEverywhere('在园区自建储罐区，3座300立方米内浮顶丙酮储罐（设计充装系数0.85），对接港口槽车')).toBe(true);
    expect(excludedNowhere('在园区自建储罐区，2座300立方米内浮顶丙酮储罐（设计充装系数0.85），对接港口槽车')).toBe(true);
  });
});

describe('a product and what it is made from, said with a pause between', () => {
  it('就是人造丝 他们说用浆粕: the lead makes rayon from pulp (第50项), not pulp for rayon', () => {
    const t = '粘胶那个项目 对 就是人造丝 他们说用浆粕 碱化 然后二硫化碳黄化 再纺丝 一年八万吨';
    expect(run(t).features.codes).toContain('2812');
    expect(run(t).features.eia.flatMap((e) => e.items)).toContain(50);
  });
  it('keeps X用Y written as one compound the field of Y (新能源汽车用铜箔)', () => {
    expect(run('年产新能源汽车用铜箔2万吨').features.codes).not.toContain('3612');
  });
});

describe('notes written quickly in two languages, and a foundry’s melt', () => {
  it('由 … 完成 hands a step off with an English word between (由东莞的 supplier 完成 CNC + anodizing 后送来)', () => {
    const t = '蓝牙音箱 project：铝合金外壳由东莞的 supplier 完成 CNC + anodizing 后送来，我们 in-house 只做装配和声学测试。';
    expect(excludedNowhere(t)).toBe(true);
    expect(run(t).features.notOwnWords.map((w) => w.actor)).toContain('offSite');
  });
  it('reads a long Latin run after 由 with no verb after it as it is (no hand-off; read in linear time)', () => {
    const t = `电镀由${'abcdefghij'.repeat(8)}，其他工序自己做`;
    expect(run(t).features.notOwnWords.map((w) => w.word)).not.toContain('电镀');
    expect(excludedEverywhere(t)).toBe(true);
  });
  it('a foundry’s yearly melt is the most it can cast (年熔铝量约2.4万吨: below 第68项’s 10万吨)', () => {
    expect(excludedNowhere('铝合金高压压铸件：转向节、副车架｜年熔铝量约2.4万吨，压铸后T6热处理、CNC加工')).toBe(true);
    expect(excludedEverywhere('铝合金压铸件，年熔铝量约12万吨')).toBe(true);
  });
});

describe('a chemical whose storing is the lead’s business', () => {
  it('holds what the tanks named later hold (主要是异丙醇的储运中转 罐区四个五百方的罐)', () => {
    expect(excludedEverywhere('化工物流那家 他们主要是异丙醇的储运中转 罐区四个五百方的罐 然后分装小桶卖给电子厂')).toBe(true);
  });
  it('not a system, a device or a service for storing it (液氨储存系统的设计, 甲醇储运安全监测软件)', () => {
    expect(run('我们给化工厂做液氨储存系统的设计和安装').features.chemicals).toEqual([]);
    expect(run('甲醇储运安全监测软件').features.chemicals).toEqual([]);
  });
});
