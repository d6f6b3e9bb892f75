/**
 * Builds the character n-gram classifier's model (server/text/ngram.ts) from the lexicon:
 * `npx tsx scripts/build-ngram.ts` writes data/lexicon/ngram-model.json and prints the measured figures
 * (docs/NGRAM.md quotes them). `--no-write` measures only; `--products <file> --out <file>` builds from
 * another TSV (the tests build from a fixture). Deterministic: same input → byte-identical output (no
 * clock, no randomness but a seeded generator, sorted output, fixed number formatting).
 *
 * Training texts:
 *   - every form of data/lexicon/products.tsv (form, code, kind, source) → its 4-digit class;
 *   - the none class: the generic lead words and not-a-product words of data/lexicon/curation/stopwords.tsv,
 *     NOISE_TRAIN below (generic lead words, place names, company-name patterns, English words) and random
 *     strings of lexicon characters (seed 1). NOISE_EVAL (the words the tests and the report measure) is kept
 *     out of training: the build fails if the two lists share a string.
 *
 * Measurement (printed): forms whose source is not a GB/T class name are split by a hash of the form into 10
 * folds; fold 0 is the test fold, fold 1 the dev fold (hyper-parameters and the temperature are chosen on it),
 * the rest train. The shipped model is then trained on every form with the chosen parameters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createNgramClassifier, NONE_CLASS, textFeatures, type NgramModel, type NgramParams } from '../server/text/ngram.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface LabelledText {
  text: string;
  code: string;
}

/** A list written as whitespace-separated words, `# ` lines being comments. */
function words(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => !/^\s*# /.test(l))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Generic lead words and other non-product strings the none class is trained on. */
export const NOISE_TRAIN: readonly string[] = words(`
  # lead and news boilerplate
  投资额 计划投资 固定资产投资 亿元 万元 美元 注册资本 占地 占地面积 用地 亩 平方米 建筑面积 新建 扩建 改建 技改
  一期 二期 三期 达产 投产 开工 竣工 年产值 年销售 年税收 营收 利润 就业 员工 人才 团队 博士 院士 专家 董事长
  总经理 负责人 联系人 电话 地址 邮箱 网址 洽谈 对接 考察 拜访 意向 协议 合同 框架协议 招商 招商引资 引进 推进
  加快 打造 建成 重点 重大 优质 一流 领先 全国 全球 国际 国内 省级 市级 国家级 专精特新 小巨人 独角兽 上市
  上市公司 民营企业 国有企业 外资企业 合资 独资 控股 子企业 事业部 办事处 研究院 实验室 有限责任公司 实业 控股集团
  发展有限公司 投资有限公司 科技有限公司 实业有限公司 贸易有限公司 集团公司 经济开发区 高新区 开发区 工业园 产业园区
  科技园 孵化器 众创空间 街道 镇 村 区 县 市 省 政府 管委会 招商局 发改委 经信局 商务局 会议 论坛 活动 仪式
  启动 揭牌 奠基 现场 会见 年底 明年 今年 近日 目前 预计 计划 争取 力争 实现 完成 提升 带动 助力 赋能 聚焦
  我们 他们 这个 那个 以及 并且 同时 其中 主要 包括 等等 方面 情况 问题 工作 需要 要求 条件 标准 政策 补贴
  奖励 扶持 优惠 租金 厂房租赁 标准厂房 土地 出让 挂牌 容积率 环评 能评 安评 审批 备案 立项 能耗 排放 指标
  用电 用水 用气 配套 交通便利 区位 年产 生产规模 产能规模 销售额 出口额 市场份额 品牌 商标 专利 认证 资质
  # policy, economy and news vocabulary
  高质量发展 经济发展 产业升级 转型升级 提质增效 降本增效 优化提升 深化改革 统筹推进 协同发展 招商工作 项目建设 项目推进
  项目储备 项目落地 重点项目 重大项目 签约项目 在谈项目 意向项目 投资强度 投资规模 投资回报 投资环境 发展环境 政务服务
  服务保障 全力保障 跟踪服务 一站式服务 政策支持 政策兑现 资金支持 财政补助 税收优惠 贷款贴息 人才引进 人才政策 招才引智
  产学研 产业链条 产业生态 产业布局 产业定位 产业方向 主导产业 特色产业 新兴产业 未来产业 集聚发展 规模以上 年营业收入
  主营业务 经营范围 经营状况 财务状况 资产负债 净利润 毛利率 市值 首期 分期实施 滚动开发 整体规划 选址 用地需求
  厂房需求 租赁需求 购置土地 自建厂房 交通区位 配套设施 基础设施 生活配套 人力资源 劳动力 物流成本 综合成本 营商
  软环境 会谈 座谈 交流 走访 调研 回访 推介 宣传 报道 消息 新闻 公告 通知 简报 领导 书记 区长 市长 主任 局长
  副总 总裁 创始人 合伙人 股东 法人代表 第一 第二 第三 首家 唯一 最大 较大 若干 部分 全部 大量 少量 左右 以上
  以下 上半年 下半年 季度 年度 月份 本周 近期 未来 将来 已经 正在 即将 尚未 企业家 民营经济 实体经济 数字经济
  总部经济 平台经济 共同富裕 乡村振兴 一带一路 双循环 落户园区 入驻 入园 进驻 扎根 布局 扩产 增资 迁建 搬迁 转移
  回归 回流 合作共赢 互利共赢 优势互补 资源共享 深度合作 战略合作 全面合作 长期合作
  # place names (the eval list has others)
  北京 上海 天津 重庆 广州 深圳 杭州 宁波 温州 绍兴 湖州 金华 台州 丽水 衢州 舟山 苏州 无锡 常州 南京 南通
  扬州 合肥 芜湖 武汉 长沙 成都 西安 郑州 济南 青岛 厦门 福州 东莞 佛山 珠海 浙江 江苏 安徽 广东 山东 福建
  江西 湖北 湖南 四川 河南 河北 长三角 珠三角 大湾区 京津冀 浦东 临平 上城 拱墅 西湖区 鄞州 北仑 慈溪 义乌
  昆山 江阴 张江 漕河泾 中关村 前海 滨海新区 美国 德国 日本 韩国 新加坡 香港 台湾 欧洲
  # company-name patterns
  浙江某某科技有限公司 上海某某实业有限公司 某公司 某集团 该企业 该项目 本项目 华创科技 鼎盛实业 恒达集团 宏远控股
  瑞丰股份 中天投资 金鑫贸易 新世纪发展 东方集团 远大控股
  # English and mixed
  company group project investment limited ltd co inc technology
  smart the and of with new high tech park china city hello test
  ok yes no abc xyz www http com
`);

/**
 * Noise the model is measured on and never trained on (tests: every p below the abstain threshold).
 * Random strings are added by `evalNoise()` (seed 2, a different generator from training's).
 */
export const NOISE_EVAL: readonly string[] = [
  ...words(`
  # the brief's generic lead words
  总投资 项目 公司 集团 股份有限公司 签约 落户 有限公司 科技 智能
  # place names
  嘉兴 秀洲 萧山 南湖 海宁 桐乡 平湖 嘉善 余杭 滨江 富阳 桐庐 建德 淳安 诸暨 上虞 柯桥 嵊州 新昌 德清 长兴
  安吉 永康 东阳 兰溪 瑞安 乐清 温岭 临海 玉环 宁海 象山 余姚 奉化 镇海 太仓 常熟 张家港 吴江 吴中 相城 宜兴
  溧阳 丹阳 句容 泰州 盐城 嘉兴市 秀洲区 萧山区 南湖区 王店镇 油车港 洪合镇 新塍镇 高照街道 秀洲高新区 嘉兴港区
  # lead boilerplate not in the training list
  总投资额 项目签约 正式签约 成功落户 签约落户 投资方 项目方 项目总投资 计划总投资 拟投资 投资总额 亿元人民币 万美元
  新增用地 规划用地 厂房面积 达产后 预计年产值 年纳税 亩均税收 亩均产值 建设周期 开工建设 投入运营 落地见效 产业集群
  产业基地 运营中心 科技股份 智能科技 科技集团 股份公司 有限合伙 合伙企业 天使轮 a轮融资 估值 高新技术企业 规上企业
  龙头企业 链主企业 世界500强 中国500强 行业领先 国内领先 填补空白 核心技术 研发投入 研发团队 博士团队 海归
  人才项目 领军人才 创业团队 双招双引 营商环境 要素保障 土地指标 能耗指标 环评批复 联系方式 对接人 考察团 招商推介会
  签约仪式 的 了 和 在 是 有 与 及 等 为
  # English words and mixed text
  holdings enterprise industrial development corporation digital
  global service solutions innovation headquarters signing abc123
  ceo
  # emoji, symbols, digits
  😀 🚀🚀🚀 👍好 ✅签约 🏭 —— …… ！！！ 123456 ２０２５年 1.5亿 3000万元 50亩 #$%^&*
`),
  'investment co ltd',
  'hello world',
  'lorem ipsum',
  'q3 2025',
];

/** A deterministic PRNG (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random strings of 2–6 characters drawn from the characters of the given forms, by their frequency. */
export function randomStrings(forms: readonly string[], n: number, seed: number): string[] {
  const pool: string[] = [];
  for (const f of forms) for (const ch of f) pool.push(ch);
  const rnd = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 2 + Math.floor(rnd() * 5);
    let s = '';
    for (let j = 0; j < len; j++) s += pool[Math.floor(rnd() * pool.length)]!;
    out.push(s);
  }
  return out;
}

/**
 * NOISE_EVAL plus random strings: lexicon characters (seed 2), any CJK character, ASCII. A random string that happens
 * to be a lexicon form (水鞋, 中水 drawn from the pool) is not noise and is left out.
 */
export function evalNoise(forms: readonly string[]): string[] {
  const formSet = new Set(forms);
  const rnd = mulberry32(3);
  const cjk: string[] = [];
  const ascii: string[] = [];
  for (let i = 0; i < 20; i++) {
    let s = '';
    const len = 2 + Math.floor(rnd() * 6);
    for (let j = 0; j < len; j++) s += String.fromCodePoint(0x4e00 + Math.floor(rnd() * (0x9fa5 - 0x4e00)));
    cjk.push(s);
    let a = '';
    for (let j = 0; j < len + 2; j++) a += String.fromCharCode(0x61 + Math.floor(rnd() * 26));
    ascii.push(a);
  }
  return [...NOISE_EVAL, ...randomStrings(forms, 40, 2).filter((x) => !formSet.has(x)), ...cjk, ...ascii];
}

export interface ProductRow {
  form: string;
  code: string;
  source: string;
}

/** A lower-case English word or phrase of written/E-english.tsv (flow cytometer, microinverter), not an abbreviation. */
const ENGLISH_PHRASE = /^[a-z][a-z0-9 -]*[a-z0-9]$/;
export function readProducts(file: string): ProductRow[] {
  const out: ProductRow[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
    const [form, code, , source] = line.replace(/\r$/, '').split('\t');
    // (English phrases, written lower-case for foreign firms' mails, are matched whole by the dictionary: a model of
    // Chinese compounds and their Latin abbreviations does not learn from them)
    if (form && code && /^\d{4}$/.test(code) && !ENGLISH_PHRASE.test(form)) out.push({ form, code, source: source ?? '' });
  }
  return out;
}

/** Generic lead words and not-a-product words of data/lexicon/curation/stopwords.tsv (not the too-generic product words). */
export function readStopwords(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const out: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
    const [form, reason] = line.split('\t');
    if (form && reason && (reason.startsWith('新闻/公文通用词') || reason.startsWith('不是产品'))) out.push(form);
  }
  return out;
}

export const DEFAULT_PARAMS: NgramParams = {
  alpha: 2,
  weights: { U: 0.3, B: 1, T: 1, P: 0.5, E: 1.5, W: 1 },
  lambda3: 0.5,
  lambda2: 0.3,
  prior: 0.5,
  temperature: 1,
  productScale: 1,
  productBias: 0,
};

/** Counts the features of the labelled texts into a model (the none class's texts with code NONE_CLASS). */
export function trainModel(texts: readonly LabelledText[], params: NgramParams): NgramModel {
  const codes = [...new Set(texts.map((t) => t.code).filter((c) => c !== NONE_CLASS))].sort();
  const classes = [...codes, NONE_CLASS];
  const index = new Map(classes.map((c, i) => [c, i]));
  const docs = classes.map(() => 0);
  const counts = new Map<string, Map<number, number>>();
  for (const { text, code } of texts) {
    const c = index.get(code)!;
    docs[c]! += 1;
    for (const f of textFeatures(text)) {
      let m = counts.get(f);
      if (!m) counts.set(f, (m = new Map()));
      m.set(c, (m.get(c) ?? 0) + 1);
    }
  }
  const keys = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const features = keys.map((k) => {
    const entries = [...counts.get(k)!].sort((a, b) => a[0] - b[0]);
    let prev = 0;
    const parts = entries.map(([c, n]) => {
      const d = c - prev;
      prev = c;
      return n === 1 ? String(d) : `${d}:${n}`;
    });
    return `${k}\t${parts.join(',')}`;
  });
  return { format: 'luodi-ngram/1', params, classes, docs, features };
}

/** The model file's text: one feature row per line so that diffs stay readable. */
export function serializeModel(model: NgramModel): string {
  const round = (x: number) => Number(x.toFixed(6));
  const params: NgramParams = {
    alpha: round(model.params.alpha),
    weights: {
      U: round(model.params.weights.U),
      B: round(model.params.weights.B),
      T: round(model.params.weights.T),
      P: round(model.params.weights.P),
      E: round(model.params.weights.E),
      W: round(model.params.weights.W),
    },
    lambda3: round(model.params.lambda3),
    lambda2: round(model.params.lambda2),
    prior: round(model.params.prior),
    temperature: round(model.params.temperature),
    productScale: round(model.params.productScale),
    productBias: round(model.params.productBias),
  };
  const lines = [
    '{',
    `"format":${JSON.stringify(model.format)},`,
    `"params":${JSON.stringify(params)},`,
    `"classes":${JSON.stringify(model.classes)},`,
    `"docs":${JSON.stringify(model.docs)},`,
    '"features":[',
    model.features.map((f) => JSON.stringify(f)).join(',\n'),
    ']}',
  ];
  return lines.join('\n') + '\n';
}

/** FNV-1a of a string's UTF-16 units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** 0 = test, 1 = dev, 2–9 = train; class-name rows are always train (the shipped model always has them). */
export function foldOf(row: ProductRow): number {
  return row.source.includes('类名') ? 9 : fnv1a(row.form) % 10;
}

export interface Sets {
  train: LabelledText[];
  dev: LabelledText[];
  test: LabelledText[];
  devNoise: string[];
  all: LabelledText[];
}

export function makeSets(rows: readonly ProductRow[], noiseTrain: readonly string[]): Sets {
  const train: LabelledText[] = [];
  const dev: LabelledText[] = [];
  const test: LabelledText[] = [];
  for (const r of rows) {
    const f = foldOf(r);
    const t = { text: r.form, code: r.code };
    (f === 0 ? test : f === 1 ? dev : train).push(t);
  }
  const devNoise: string[] = [];
  for (const s of noiseTrain) {
    if (fnv1a(s) % 5 === 1) devNoise.push(s);
    else train.push({ text: s, code: NONE_CLASS });
  }
  const all = [...rows.map((r) => ({ text: r.form, code: r.code })), ...noiseTrain.map((s) => ({ text: s, code: NONE_CLASS }))];
  return { train, dev, test, devNoise, all };
}

/** The none class's training strings: stopwords, NOISE_TRAIN and random lexicon-character strings (seed 1). */
export function noiseTrainingTexts(forms: readonly string[], stopwords: readonly string[]): string[] {
  const evalSet = new Set(NOISE_EVAL);
  const formSet = new Set(forms);
  const out = [...new Set([...stopwords, ...NOISE_TRAIN])].filter((s) => !evalSet.has(s) && !formSet.has(s));
  return [...out, ...randomStrings(forms, 300, 1)];
}

// ------------------------------------------------------------------------------------------- measuring

interface Scored {
  gold: string;
  code: string;
  p: number;
}

export function scoreSet(model: NgramModel, items: readonly LabelledText[]): Scored[] {
  const clf = createNgramClassifier(model);
  return items.map(({ text, code }) => {
    const r = clf.classify(text);
    return { gold: code, code: r?.code ?? '', p: r?.p ?? 0 };
  });
}

export function accuracy(s: readonly Scored[], digits: number): number {
  if (!s.length) return 0;
  return s.filter((x) => x.code.slice(0, digits) === x.gold.slice(0, digits) && x.code !== '').length / s.length;
}

export interface Bin {
  lo: number;
  hi: number;
  n: number;
  meanP: number;
  acc: number;
}

export function reliability(s: readonly Scored[], bins = 10): { bins: Bin[]; ece: number } {
  const out: Bin[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const lo = b / bins;
    const hi = (b + 1) / bins;
    const inBin = s.filter((x) => (x.p >= lo && x.p < hi) || (b === bins - 1 && x.p === 1));
    const n = inBin.length;
    const meanP = n ? inBin.reduce((a, x) => a + x.p, 0) / n : 0;
    const acc = n ? inBin.filter((x) => x.code === x.gold).length / n : 0;
    ece += (n / Math.max(1, s.length)) * Math.abs(acc - meanP);
    out.push({ lo, hi, n, meanP, acc });
  }
  return { bins: out, ece };
}

/** Uncalibrated scores of the texts that have a known feature, with the gold class's index. */
function cacheScores(model: NgramModel, items: readonly LabelledText[]): { scores: Float64Array; gold: number }[] {
  const clf = createNgramClassifier(model);
  const out: { scores: Float64Array; gold: number }[] = [];
  for (const { text, code } of items) {
    const scores = clf.rawScores(text);
    if (scores) out.push({ scores, gold: model.classes.indexOf(code) });
  }
  return out;
}

/** log Σ over the classes (not none) of e^(score/T), and the max. */
function logSumExp(s: Float64Array, none: number, T: number): number {
  let max = -Infinity;
  for (let i = 0; i < s.length; i++) if (i !== none && s[i]! > max) max = s[i]!;
  let z = 0;
  for (let i = 0; i < s.length; i++) if (i !== none) z += Math.exp((s[i]! - max) / T);
  return max / T + Math.log(z);
}

/** The temperature minimising the dev forms' mean NLL of the gold class over the classes (golden-section search on log T). */
function fitTemperature(forms: readonly { scores: Float64Array; gold: number }[], none: number): number {
  const loss = (logT: number) => {
    const T = Math.exp(logT);
    let sum = 0;
    for (const { scores, gold } of forms) sum += logSumExp(scores, none, T) - scores[gold]! / T;
    return sum / Math.max(1, forms.length);
  };
  let lo = Math.log(0.25);
  let hi = Math.log(100);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const c = hi - g * (hi - lo);
    const d = lo + g * (hi - lo);
    if (loss(c) < loss(d)) hi = d;
    else lo = c;
  }
  return Math.exp((lo + hi) / 2);
}

/** Logistic regression of y on one feature x (Newton's method, each class weighted to half the total). */
function platt(xs: readonly number[], ys: readonly number[]): { a: number; b: number } {
  const n1 = ys.filter((y) => y === 1).length;
  const n0 = ys.length - n1;
  const w = ys.map((y) => (y === 1 ? 0.5 / Math.max(1, n1) : 0.5 / Math.max(1, n0)));
  let a = 0;
  let b = 0;
  for (let it = 0; it < 100; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      const r = w[i]! * (p - ys[i]!);
      const h = w[i]! * p * (1 - p);
      ga += r * x;
      gb += r;
      haa += h * x * x;
      hab += h * x;
      hbb += h;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}

/**
 * Fits the calibration on the dev fold: the temperature on the dev forms (NLL of the gold class), then
 * P(product word) by Platt scaling of L = log Σ_classes e^score − score(none) on the dev forms (product)
 * against the dev noise (none), the two sides weighted equally.
 */
export function calibrate(
  model: NgramModel,
  forms: readonly LabelledText[],
  noiseTexts: readonly string[],
  log: (s: string) => void = () => {},
): NgramParams {
  const none = model.classes.indexOf(NONE_CLASS);
  const f = cacheScores(model, forms);
  const n = cacheScores(
    model,
    noiseTexts.map((text) => ({ text, code: NONE_CLASS })),
  );
  const temperature = fitTemperature(f, none);
  const L = (s: Float64Array) => logSumExp(s, none, 1) - s[none]!;
  const { a, b } = platt([...f.map((x) => L(x.scores)), ...n.map((x) => L(x.scores))], [...f.map(() => 1), ...n.map(() => 0)]);
  log(`temperature ${temperature.toFixed(4)}, P(product) = σ(${a.toFixed(4)}·L + ${b.toFixed(4)})`);
  return {
    ...model.params,
    temperature: Number(temperature.toFixed(4)),
    productScale: Number(a.toFixed(6)),
    productBias: Number(b.toFixed(6)),
  };
}

/** Dev objective for the class model: 4-digit accuracy on the dev forms (the none class does not change the best class). */
function objective(model: NgramModel, sets: Sets): number {
  return accuracy(scoreSet(model, sets.dev), 4);
}

type Knob = { get: (p: NgramParams) => number; set: (p: NgramParams, v: number) => NgramParams; grid: number[] };

const KNOBS: Record<string, Knob> = {
  alpha: { get: (p) => p.alpha, set: (p, v) => ({ ...p, alpha: v }), grid: [0.5, 1, 2, 4, 8, 16] },
  U: { get: (p) => p.weights.U, set: (p, v) => ({ ...p, weights: { ...p.weights, U: v } }), grid: [0, 0.15, 0.3, 0.5, 0.8] },
  B: { get: (p) => p.weights.B, set: (p, v) => ({ ...p, weights: { ...p.weights, B: v } }), grid: [0.5, 0.75, 1, 1.5] },
  T: { get: (p) => p.weights.T, set: (p, v) => ({ ...p, weights: { ...p.weights, T: v } }), grid: [0.25, 0.5, 1, 1.5] },
  P: { get: (p) => p.weights.P, set: (p, v) => ({ ...p, weights: { ...p.weights, P: v } }), grid: [0, 0.25, 0.5, 1] },
  E: { get: (p) => p.weights.E, set: (p, v) => ({ ...p, weights: { ...p.weights, E: v } }), grid: [0.5, 1, 1.5, 2, 3] },
  lambda3: { get: (p) => p.lambda3, set: (p, v) => ({ ...p, lambda3: v }), grid: [0, 0.25, 0.5, 1] },
  lambda2: { get: (p) => p.lambda2, set: (p, v) => ({ ...p, lambda2: v }), grid: [0, 0.15, 0.3, 0.6] },
  prior: { get: (p) => p.prior, set: (p, v) => ({ ...p, prior: v }), grid: [0, 0.25, 0.5, 1] },
  W: { get: (p) => p.weights.W, set: (p, v) => ({ ...p, weights: { ...p.weights, W: v } }), grid: [0.5, 1, 2, 3] },
};

/** Coordinate ascent over the knobs' grids on the dev objective (deterministic order). */
export function tune(sets: Sets, start: NgramParams, passes = 2, log: (s: string) => void = () => {}): NgramParams {
  let best = start;
  let bestScore = objective(trainModel(sets.train, best), sets);
  log(`start ${bestScore.toFixed(4)}`);
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (const [name, knob] of Object.entries(KNOBS)) {
      for (const v of knob.grid) {
        if (v === knob.get(best)) continue;
        const cand = knob.set(best, v);
        const sc = objective(trainModel(sets.train, cand), sets);
        if (sc > bestScore + 1e-9) {
          bestScore = sc;
          best = cand;
          changed = true;
          log(`${name}=${v} → ${sc.toFixed(4)}`);
        }
      }
    }
    if (!changed) break;
  }
  return best;
}

export interface BuildInputs {
  products: string;
  stopwords: string;
}

/** Trains the shipped model: every form plus the none class's texts, with the given parameters. */
export function buildModel(inputs: BuildInputs, params: NgramParams): NgramModel {
  const rows = readProducts(inputs.products);
  const forms = rows.map((r) => r.form);
  const noise = noiseTrainingTexts(forms, readStopwords(inputs.stopwords));
  return trainModel([...rows.map((r) => ({ text: r.form, code: r.code })), ...noise.map((s) => ({ text: s, code: NONE_CLASS }))], params);
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
  };
  const products = opt('--products', path.join(ROOT, 'data/lexicon/products.tsv'));
  const stopwords = opt('--stopwords', path.join(ROOT, 'data/lexicon/curation/stopwords.tsv'));
  const out = opt('--out', path.join(ROOT, 'data/lexicon/ngram-model.json'));
  const measure = !args.includes('--no-measure');
  const write = !args.includes('--no-write');
  const paramsFile = opt('--params', '');

  const overlap = NOISE_EVAL.filter((s) => NOISE_TRAIN.includes(s));
  if (overlap.length) throw new Error(`NOISE_EVAL and NOISE_TRAIN share ${overlap.join(', ')}`);

  const rows = readProducts(products);
  const forms = rows.map((r) => r.form);
  let params: NgramParams = paramsFile ? (JSON.parse(fs.readFileSync(paramsFile, 'utf8')) as NgramParams) : SHIPPED_PARAMS;

  if (measure) {
    const t0 = performance.now();
    const noise = noiseTrainingTexts(forms, readStopwords(stopwords));
    const sets = makeSets(rows, noise);
    console.log(
      `forms ${rows.length}: train ${sets.train.length} (incl. ${noise.length - sets.devNoise.length} none), dev ${sets.dev.length} (+${sets.devNoise.length} none), test ${sets.test.length}`,
    );
    if (args.includes('--tune')) {
      params = tune(sets, { ...params, temperature: 1 }, 3, (s) => console.log('  tune', s));
    }
    if (args.includes('--tune') || args.includes('--calibrate')) {
      params = calibrate(trainModel(sets.train, params), sets.dev, sets.devNoise, (s) => console.log('  calibrate', s));
      console.log('tuned params', JSON.stringify(params));
    }
    const cvModel = trainModel(sets.train, params);
    const raw = scoreSet({ ...cvModel, params: { ...params, temperature: 1, productScale: 0, productBias: 40 } }, sets.test);
    const cal = scoreSet(cvModel, sets.test);
    console.log(
      `test fold (${sets.test.length} forms): accuracy 4-digit ${pct(accuracy(cal, 4))}, 3-digit ${pct(accuracy(cal, 3))}, 2-digit ${pct(accuracy(cal, 2))}`,
    );
    const before = reliability(raw);
    const after = reliability(cal);
    console.log(
      `ECE before calibration (plain Naive Bayes posterior) ${before.ece.toFixed(4)}, after (T=${params.temperature}, P(product) = σ(${params.productScale}·L + ${params.productBias})) ${after.ece.toFixed(4)}`,
    );
    console.log('| p bin | n | mean p | accuracy | (T=1: n, mean p, accuracy) |');
    console.log('|---|---|---|---|---|');
    after.bins.forEach((b, i) => {
      const r = before.bins[i]!;
      console.log(
        `| ${b.lo.toFixed(1)}–${b.hi.toFixed(1)} | ${b.n} | ${b.meanP.toFixed(3)} | ${b.n ? b.acc.toFixed(3) : '–'} | ${r.n}, ${r.meanP.toFixed(3)}, ${r.n ? r.acc.toFixed(3) : '–'} |`,
      );
    });
    console.log('| p ≥ | coverage | accuracy 4-digit | accuracy 2-digit |');
    console.log('|---|---|---|---|');
    for (const th of [0.3, 0.5, 0.7, 0.8, 0.9]) {
      const kept = cal.filter((x) => x.p >= th);
      console.log(`| ${th} | ${pct(kept.length / cal.length)} | ${pct(accuracy(kept, 4))} | ${pct(accuracy(kept, 2))} |`);
    }
    const cvClf = createNgramClassifier(cvModel);
    const en = evalNoise(forms);
    const noiseP = en.map((t) => ({ t, p: cvClf.classify(t)?.p ?? 0 })).sort((a, b) => b.p - a.p);
    console.log(
      `noise (${en.length} strings, never trained on), CV model: max p ${noiseP[0]!.p.toFixed(3)} (${noiseP[0]!.t}); top 5: ${noiseP
        .slice(0, 5)
        .map((x) => `${x.t} ${x.p.toFixed(3)}`)
        .join(', ')}`,
    );
    console.log(`measuring took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }

  const t1 = performance.now();
  const model = buildModel({ products, stopwords }, params);
  const text = serializeModel(model);
  console.log(
    `final model: ${model.classes.length - 1} classes + none, ${model.features.length} features, ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, trained in ${((performance.now() - t1) / 1000).toFixed(2)} s`,
  );
  if (serializeModel(buildModel({ products, stopwords }, params)) !== text) throw new Error('the build is not deterministic');
  if (write) {
    fs.writeFileSync(out, text);
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  }
  if (measure) {
    const clf = createNgramClassifier(JSON.parse(text) as NgramModel);
    const en = evalNoise(forms);
    const noiseP = en.map((t) => ({ t, p: clf.classify(t)?.p ?? 0 })).sort((a, b) => b.p - a.p);
    console.log(
      `noise, shipped model: max p ${noiseP[0]!.p.toFixed(3)} (${noiseP[0]!.t}); top 5: ${noiseP
        .slice(0, 5)
        .map((x) => `${x.t} ${x.p.toFixed(3)}`)
        .join(', ')}`,
    );
  }
}

/**
 * The parameters the build ships with: the class model's chosen by `--tune` (coordinate ascent on the dev
 * fold's 4-digit accuracy), the calibration's by `--calibrate` on the dev fold (see docs/NGRAM.md).
 */
export const SHIPPED_PARAMS: NgramParams = {
  alpha: 16,
  weights: { U: 0.8, B: 0.5, T: 0.25, P: 0.5, E: 1.5, W: 3 },
  lambda3: 0.5,
  lambda2: 0.3,
  prior: 1,
  temperature: 4.642,
  productScale: 0.061313,
  productBias: -2.483767,
};

// (by file name too: bundled into a bench script, import.meta.url is the bundle's, which is then argv[1])
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && /build-ngram\.[mc]?[jt]s$/.test(process.argv[1])) main();
