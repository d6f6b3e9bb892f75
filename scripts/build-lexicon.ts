/**
 * Builds the lexicon in data/lexicon/ from public standards and the written lists:
 * `npx tsx scripts/build-lexicon.ts`. Deterministic, no network.
 *
 * Inputs (each read from /work/shared/reference/ when present, else from data/lexicon/sources/):
 *   gbt4754-2017.tsv          GB/T 4754-2017 国民经济行业分类 (with amendment no. 1)
 *   eia-2021-items.tsv        建设项目环境影响评价分类管理名录（2021年版）, one row per item
 *   gb18218-2018-table1.tsv   GB 18218-2018 表1 (named hazardous chemicals, 临界量)
 *   gb18218-2018-table2.tsv   GB 18218-2018 表2 (hazard classes, 临界量)
 * and the lists written from general knowledge (编写):
 *   data/lexicon/written/*.tsv            form, code, kind — products, materials and services per GB/T 大类 group
 *   data/lexicon/curation/stopwords.tsv   form, reason — generic words never emitted
 *   data/lexicon/curation/reject.tsv      form, code, reason — forms the remark extraction gets wrong
 *   data/lexicon/curation/process-ids.tsv / process-forms.tsv — canonical processes and their variants
 *   data/lexicon/curation/chemical-aliases.tsv — trade and colloquial names of GB 18218 chemicals
 *
 * Outputs: data/lexicon/products.tsv, processes.tsv, chemicals.tsv, conflicts.tsv (what was left out and why),
 * and the counts printed at the end (README.md quotes them). The build fails when a written form points to two
 * codes, a code is not a GB/T 4754 小类, or a self-check form is missing or wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { table2RowOfClasses } from './hazchem-catalog.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LEX = path.join(ROOT, 'data/lexicon');
/** Where the shared public standards live; LEXICON_REFERENCE overrides it (a missing directory means: use data/lexicon/sources/). */
const REFERENCE = process.env.LEXICON_REFERENCE ?? '/work/shared/reference';

type Kind = 'product' | 'service' | 'material';
const KINDS: ReadonlySet<string> = new Set(['product', 'service', 'material']);

const errors: string[] = [];
const fail = (msg: string): void => {
  errors.push(msg);
};

// ---------------------------------------------------------------- reading

function sourceFile(name: string): string {
  const shared = path.join(REFERENCE, name);
  if (fs.existsSync(shared)) return shared;
  return path.join(LEX, 'sources', name);
}

/** A TSV file as rows of cells (header row dropped, blank lines and `#` comment lines skipped). */
function readTsv(file: string, header = true): string[][] {
  const lines = fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n');
  const rows: string[][] = [];
  lines.forEach((line, i) => {
    const l = line.replace(/\r$/, '');
    if (header && i === 0) return;
    if (l.trim() === '' || l.startsWith('#')) return;
    rows.push(l.split('\t'));
  });
  return rows;
}

const cell = (row: string[], i: number): string => (row[i] ?? '').trim();

/** Code-point order: locale-free, so the output is the same everywhere. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const len = (s: string): number => [...s].length;

// ---------------------------------------------------------------- GB/T 4754-2017

interface GbtClass {
  level: number;
  code: string;
  name: string;
  parent: string;
  section: string;
  remark: string;
}

const gbtPath = sourceFile('gbt4754-2017.tsv');
const gbt: GbtClass[] = readTsv(gbtPath).map((r) => ({
  level: Number(cell(r, 0)),
  code: cell(r, 1),
  name: cell(r, 2),
  parent: cell(r, 3),
  section: cell(r, 4),
  remark: cell(r, 5),
}));
const byCode = new Map(gbt.map((c) => [c.code, c]));
const level4 = gbt.filter((c) => c.level === 4);
const isLevel4 = (code: string): boolean => byCode.get(code)?.level === 4;
const childrenOf = (code: string): GbtClass[] => level4.filter((c) => c.code.startsWith(code) && c.code !== code);

// ---------------------------------------------------------------- curation lists

const curation = (name: string): string => path.join(LEX, 'curation', name);

const stopwords = new Map<string, string>();
for (const r of readTsv(curation('stopwords.tsv'))) stopwords.set(cell(r, 0), cell(r, 1));
const rejected = new Set<string>();
for (const r of readTsv(curation('reject.tsv'))) rejected.add(`${cell(r, 0)}\t${cell(r, 1)}`);

// ---------------------------------------------------------------- products: candidates

type Origin = 'name' | 'head' | 'remark' | 'written';
interface Cand {
  code: string;
  kind: Kind;
  source: string;
  origin: Origin;
  file?: string;
}
const cands = new Map<string, Cand[]>();
let stoppedCount = 0;
let rejectedCount = 0;

/**
 * Forms are kept as written (the service lower-cases with NFKC when it reads). Spaces are removed except one
 * between two Latin words or numbers, as in "Mini LED" or "NOR Flash".
 */
function cleanForm(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(/ (?![A-Za-z0-9])|(?<![A-Za-z0-9]) /g, '');
}

function addCand(rawForm: string, c: Cand): void {
  const form = cleanForm(rawForm);
  if (form === '') return;
  if (stopwords.has(form)) {
    stoppedCount++;
    return;
  }
  if (c.origin !== 'written' && rejected.has(`${form}\t${c.code}`)) {
    rejectedCount++;
    return;
  }
  const list = cands.get(form) ?? [];
  if (!list.some((x) => x.code === c.code && x.origin === c.origin && x.source === c.source)) list.push(c);
  cands.set(form, list);
}

function defaultKind(cls: GbtClass, form: string): Kind {
  if (cls.section === 'B') return 'material';
  if (cls.section === 'A' || cls.section === 'C') {
    return /(材料|材|浆|浆粕|树脂|纤维|原料|原药|颜料|染料|助剂|试剂|矿|粉|坯|锭|箔|丝|纱|粒子|切片|单体|中间体|合金|精矿)$/.test(form)
      ? 'material'
      : 'product';
  }
  return 'service';
}

/** Heads that can be shared by the parts of a class name: "医疗诊断、监护及治疗设备" → 监护设备, 治疗设备. */
const SHARED_HEADS = [
  '专用设备',
  '设备',
  '器具',
  '器材',
  '制品',
  '用品',
  '机械',
  '仪器',
  '仪表',
  '材料',
  '产品',
  '零件',
  '配件',
  '元件',
  '器件',
  '玩具',
  '服装',
  '家具',
  '工具',
  '机床',
  '食品',
  '饮料',
  '罐头',
  '纤维',
  '工艺品',
  '容器',
  '电器具',
  '机组',
  '车辆',
];
/** Parts too generic to stand alone; they take the modifier of the first part: "口腔科用设备及器具" → 口腔科用器具. */
const BARE_HEADS = new Set([
  '器具',
  '器材',
  '配件',
  '零件',
  '附件',
  '元件',
  '器件',
  '制品',
  '用品',
  '设备',
  '材料',
  '配套设备',
  '零部件',
  '辅机',
  '组件',
]);

function splitHead(part: string): { mod: string; head: string } | undefined {
  for (const h of SHARED_HEADS) if (part.endsWith(h) && len(part) > len(h)) return { mod: part.slice(0, part.length - h.length), head: h };
  return undefined;
}

const NAME_SUFFIX = /(及零配件制造|及配件制造|制造|加工处理|染整精加工|印染精加工|精加工|加工|制作|生产和供应|生产|冶炼|服务)$/;
/** Parts of a class name that are not names of anything: "其他…", "类似…", "有关…". */
const NOT_A_HEAD = /^(其他|其|类似|有关|相关|上述|未列明)/;

/** The heads of a class name (its enumerated parts, each completed with the shared head). */
function nameHeads(cls: GbtClass): string[] {
  if (/^其他/.test(cls.name) || cls.section === 'F') return [];
  const core = cls.name.replace(/（[^）]*）|\([^)]*\)/g, '').replace(NAME_SUFFIX, '');
  if (core === cls.name) return [];
  const parts = core
    .split(/、|及|和|与/)
    .map((p) => p.trim().replace(/的$/, ''))
    .filter((p) => p !== '');
  if (parts.length === 0) return [];
  const out: string[] = [];
  const last = parts[parts.length - 1] ?? '';
  const lastHead = splitHead(last);
  const first = parts[0] ?? '';
  const firstHead = splitHead(first);
  parts.forEach((p, i) => {
    let f = p;
    if (BARE_HEADS.has(p) && i > 0 && firstHead) f = firstHead.mod + p;
    else if (len(p) === 1 && i > 0 && len(first) >= 2) f = first.slice(0, first.length - 1) + p;
    else if (i < parts.length - 1 && lastHead && !splitHead(p) && len(p) <= 4 && !p.endsWith(lastHead.head)) f = p + lastHead.head;
    if (!NOT_A_HEAD.test(p)) out.push(f);
  });
  return [...new Set(out)].filter((f) => len(f) >= 2 && len(f) <= 12 && f !== cls.name);
}

// Remark extraction -------------------------------------------------------

const VERBISH =
  /(进行|经过|通过|采用|使用|利用|提供|具有|符合|属于|用于|用来|成为|制成|加工成|转换|转化|从事|指|称|以上|以下|不低于|不高于|大于|小于|超过|其中|方式|方法|过程|工序|工艺|原料|为主|主要|一定|规定|要求|条件|范围|领域|标准|含量|之间|状态|形式|性能|功能|活动|方面|场所|行业|企业|部门|单位|个人|家庭|人员|居民|国家|政府|特殊|特定|上述|以外|本类|未列明|类似|相关|有关|其他|各种|各类|所需|所用|用的|作为|可以|能够|不含|不包括|但|除)/;

/** Parenthetical Latin abbreviations: "单层板积材（LVL）" → [单层板积材, LVL]. */
function abbreviations(text: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([\u4e00-\u9fff]{2,14})[（(]([A-Za-z][A-Za-z0-9/\-、 ]{1,30})[）)]/g;
  for (const m of text.matchAll(re)) {
    const zh = cleanFragment(m[1] ?? '');
    if (zh === '') continue;
    for (const a of (m[2] ?? '').split(/[、/]/)) {
      const ab = a.trim();
      if (/^[A-Z][A-Z0-9-]{2,11}$/.test(ab)) out.push([zh, ab]);
    }
  }
  return out;
}

/** Cleans one enumerated fragment of a remark into a form, or '' when it is not a noun phrase worth keeping. */
function cleanFragment(raw: string): string {
  let f = raw.trim();
  f = f.replace(/^(以及|还包括|也包括|主要包括|包括|包含|含|如|指|即|等|还有|及|和|或|与)/, '');
  f = f.replace(/^(各种|各类|各式|专门|主要)/, '');
  f = f.replace(/^(加工制造|加工制作|生产加工|制造|生产|加工|制作)/, '');
  if (f.includes('的')) f = f.slice(f.lastIndexOf('的') + 1);
  // "游泳衣等服装" → 游泳衣: the listed item, not the class it belongs to.
  if (f.indexOf('等') > 0) f = f.slice(0, f.indexOf('等'));
  f = f.replace(/(的制造|的生产活动|的生产|的加工|生产活动|的活动|的制作|制造|的)$/, '');
  f = f.replace(/[“”"'‘’\s]/g, '');
  if (len(f) < 2 || len(f) > 12) return '';
  if (/[，。；：:;,0-9０-９%％℃]/.test(f)) return '';
  if (VERBISH.test(f)) return '';
  if (!/^[\u4e00-\u9fffA-Za-z-]+$/.test(f)) return '';
  if (BAD_START.test(f) || BAD_END.test(f)) return '';
  return f;
}

/** Fragments that start with a preposition or verb, or end like an adjective or adverbial, are not product names. */
const BAD_START =
  /^(以|用|对|将|从|由|在|为|供|经|其|者|并|可|按|集|融合|包含|至少|专为|安装|带有|仅|再|向|使|含有|加入|分为|根据|接受|依法|直接|能|且|而|若|凡|均|即|系|则|通常|一般|广泛|具备|构成|组成|达到|起到|满足|改善|调节|提高|减少|增加|促进|防治|保证|保障|维护|实现|完成|开展|承担|负责|顺应|研究|评定|审查|代为|设在|面向|服务于|手感|外观|动作|结构|技术特性|持续|由用户)/;
const BAD_END =
  /(中|上|下|时|后|前|里|内|外|性|度|法|式|状|地|得|着|了|过|者|们|向|间|处|部|面|化|型|类|所|物|等|优质|高产|高效|合理|丰富|简单|轻巧|美观|精致)$/;

/** Clauses that describe inputs ("以棉、麻…为主要原料"), exclusions or definitions rather than outputs. */
const INPUT_CLAUSE =
  /((以|用|利用|采用)[^，；。]*?(为|作)(主要)?(原料|材料|原材料|面料|基体|工作介质|水源|燃料|材|胎|基础)|为主要原料|为原料|为材料|为面料|作原料|原料|配以|辅以|由[^，；。]*?(组成|构成|制成))/;

/** Equipment classes: their remarks list what the machines make ("生产水泥、水泥制品、玻璃…所使用的…机械"). */
const EQUIPMENT_CLASS = /(设备|机械|机具|装备|器具|器械|仪器|仪表|机床|工具)(及[^、]*)?(制造)?$/;
/** What an equipment class's own outputs end with. */
const EQUIPMENT_HEAD =
  /(设备|机械|机|器|装置|仪|仪器|仪表|工具|炉|泵|阀|车|船|线|系统|机组|器械|器具|器材|设施|模具|刀具|机床|葫芦|索道|缆车|电梯|扶梯|机器人)$/;

/** Clauses that say how something is made or what it does (steps, properties), not what is made. */
const HOW_CLAUSE =
  /(经|通过|采用|具有|按照|进行|而成|而得|制成|加工成|转换|转变|以便|使其|使之|达到|起到|调节|保证|提供|将|从|对|为了|可以|能够|以及在)/;

/** The enumerations of a remark: the outputs it lists. */
function remarkFragments(remark: string, goods: boolean): string[] {
  let t = remark.replace(/\s+/g, '');
  // Exclusions: everything from 不包括/不含/但不包括 to the end of the sentence; "除…以外的".
  t = t.replace(/(但|，|；)?(不包括|不含)[^；。]*/g, '');
  t = t.replace(/除[^，；。]*?(以外|外)的?/g, '');
  // A parenthesis that lists examples of an input ("弹性材料(如弹簧、蛇簧…)") goes with its input; one that
  // lists outputs ("床上用品（包括…被子、睡袋…）") becomes a clause of its own.
  t = t.replace(/([^（(]{0,6})([（(][^）)]*[）)])/g, (_m, before: string, par: string) => {
    if (/(材料|原料|材|料|剂|物)$/.test(before)) return before;
    return /包括|如|含/.test(par) ? `${before}，${par.slice(1, -1)}，` : before;
  });
  const out: string[] = [];
  for (const clause of t.split(/[，；。：]/)) {
    if (clause === '' || INPUT_CLAUSE.test(clause) || HOW_CLAUSE.test(clause)) continue;
    // Only clauses that enumerate (、 or 及/和 lists) or name one output after 指/包括; outside the goods
    // sections (A–D) only explicit lists (包括…, 如…), as their remarks are mostly definitions.
    if (!/、|包括|指|如|含|以及/.test(clause)) continue;
    if (!goods && !/包括|如/.test(clause)) continue;
    for (const part of clause.split(/、|以及|及|和|与|或/)) {
      const f = cleanFragment(part);
      if (f !== '') out.push(f);
    }
  }
  return [...new Set(out)];
}

/** "也称玻璃钢" / "也称聚酰胺纤维制造" → 玻璃钢, 聚酰胺纤维. */
function alsoCalled(remark: string): string[] {
  const out: string[] = [];
  for (const m of remark.matchAll(/(也称|又称)([\u4e00-\u9fff]{2,16})/g)) {
    const f = (m[2] ?? '').replace(/(的制造|制造|的生产活动|生产活动|的生产|加工)$/, '');
    if (len(f) >= 2 && len(f) <= 12 && !VERBISH.test(f)) out.push(f);
  }
  return out;
}

// ---------------------------------------------------------------- products: public text

let nameCount = 0;
for (const cls of level4) {
  addCand(cls.name, { code: cls.code, kind: defaultKind(cls, cls.name), source: `GB/T 4754-2017 ${cls.code} 类名`, origin: 'name' });
  nameCount++;
  for (const h of nameHeads(cls)) {
    addCand(h, { code: cls.code, kind: defaultKind(cls, h), source: `GB/T 4754-2017 ${cls.code} 类名`, origin: 'head' });
  }
}

for (const cls of gbt) {
  if (cls.remark === '' || cls.level < 2) continue;
  const src = `GB/T 4754-2017 ${cls.code} 说明`;
  const frags = [...remarkFragments(cls.remark, 'ABCD'.includes(cls.section)), ...alsoCalled(cls.remark)];
  const abbr = abbreviations(cls.remark);
  if (cls.level === 4) {
    const equipment = cls.section === 'C' && EQUIPMENT_CLASS.test(cls.name);
    for (const f of frags) {
      if (equipment && !EQUIPMENT_HEAD.test(f)) continue;
      addCand(f, { code: cls.code, kind: defaultKind(cls, f), source: src, origin: 'remark' });
    }
    for (const [zh, ab] of abbr) {
      addCand(zh, { code: cls.code, kind: defaultKind(cls, zh), source: src, origin: 'remark' });
      addCand(ab, { code: cls.code, kind: defaultKind(cls, zh), source: src, origin: 'remark' });
    }
  } else {
    // A 大类/中类 remark: a fragment goes to the one 小类 below whose name contains it.
    const kids = childrenOf(cls.code);
    const place = (f: string): GbtClass | undefined => {
      const hits = kids.filter((k) => k.name.includes(f));
      return hits.length === 1 ? hits[0] : undefined;
    };
    for (const f of frags) {
      const k = place(f);
      if (k) addCand(f, { code: k.code, kind: defaultKind(k, f), source: src, origin: 'remark' });
    }
    for (const [zh, ab] of abbr) {
      const k = place(zh);
      if (k) {
        addCand(zh, { code: k.code, kind: defaultKind(k, zh), source: src, origin: 'remark' });
        addCand(ab, { code: k.code, kind: defaultKind(k, zh), source: src, origin: 'remark' });
      }
    }
  }
}

// ---------------------------------------------------------------- products: written lists

const writtenDir = path.join(LEX, 'written');
const writtenFiles = fs
  .readdirSync(writtenDir)
  .filter((f) => f.endsWith('.tsv'))
  .sort(cmp);
const writtenByForm = new Map<string, { code: string; file: string }[]>();
const latinWarnings: string[] = [];
let writtenRows = 0;
for (const file of writtenFiles) {
  for (const r of readTsv(path.join(writtenDir, file))) {
    const form = cleanForm(cell(r, 0));
    const code = cell(r, 1);
    const kind = cell(r, 2);
    writtenRows++;
    if (!isLevel4(code)) fail(`written/${file}: ${form}: ${code} is not a GB/T 4754-2017 小类`);
    if (!KINDS.has(kind)) fail(`written/${file}: ${form}: kind "${kind}" is not product|service|material`);
    // (an English phrase of a foreign firm's mail may be longer: flow cytometer, contract research organization)
    const latin = /^[a-z0-9][a-z0-9 -]*$/.test(form);
    const max = latin ? 32 : 16;
    if (len(form) < 2 || len(form) > max) fail(`written/${file}: ${form}: length ${len(form)} outside 2–${max}`);
    if (/^[a-z][a-z0-9]{1,5}$/.test(form) && !file.startsWith('E-')) latinWarnings.push(`${file}: ${form}`);
    const seen = writtenByForm.get(form) ?? [];
    if (!seen.some((s) => s.code === code)) seen.push({ code, file });
    writtenByForm.set(form, seen);
    addCand(form, { code, kind: kind as Kind, source: '编写', origin: 'written', file });
  }
}
for (const [form, seen] of writtenByForm) {
  if (seen.length > 1) fail(`written form ${form} points to ${seen.map((s) => `${s.code} (${s.file})`).join(' and ')}`);
}

// ---------------------------------------------------------------- products: decide

interface ProductRow {
  form: string;
  code: string;
  kind: Kind;
  source: string;
}
interface Conflict {
  form: string;
  decision: string;
  kept: string;
  dropped: string;
}
const products: ProductRow[] = [];
const conflicts: Conflict[] = [];
const SOURCE_ORDER: Origin[] = ['name', 'remark', 'head', 'written'];
const describe = (cs: Cand[]): string => [...new Set(cs.map((c) => `${c.code} ${c.source}`))].join('；');

for (const [form, list] of [...cands].sort((a, b) => cmp(a[0], b[0]))) {
  if (len(form) < 2) continue;
  const names = list.filter((c) => c.origin === 'name');
  const written = list.filter((c) => c.origin === 'written');
  const heads = list.filter((c) => c.origin === 'head');
  const remarks = list.filter((c) => c.origin === 'remark');
  let code: string | undefined;
  if (names.length > 0) code = names[0]?.code;
  else if (written.length > 0) code = written[0]?.code;
  else {
    // A class name's head outranks a remark's enumeration; within one tier, several 小类 mean ambiguous.
    const tier = heads.length > 0 ? heads : remarks;
    const codes = [...new Set(tier.map((c) => c.code))];
    if (codes.length === 1) code = codes[0];
    else {
      conflicts.push({ form, decision: 'omitted: public text points to several 小类', kept: '', dropped: describe(tier) });
      continue;
    }
  }
  const agreeing = list.filter((c) => c.code === code);
  const others = list.filter((c) => c.code !== code);
  if (others.length > 0) {
    conflicts.push({
      form,
      decision:
        names.length > 0
          ? 'class name wins'
          : written.length > 0
            ? 'written list wins over extraction'
            : 'class-name head wins over remark',
      kept: describe(agreeing),
      dropped: describe(others),
    });
  }
  agreeing.sort((a, b) => SOURCE_ORDER.indexOf(a.origin) - SOURCE_ORDER.indexOf(b.origin) || cmp(a.source, b.source));
  const best = agreeing[0];
  if (!best || code === undefined) continue;
  const kind = (agreeing.find((c) => c.origin === 'written') ?? best).kind;
  if (len(form) > 12 && best.origin !== 'name' && best.origin !== 'written') continue;
  products.push({ form, code, kind, source: best.source });
}
products.sort((a, b) => cmp(a.code, b.code) || cmp(a.form, b.form));
for (const p of products) if (!isLevel4(p.code)) fail(`products: ${p.form}: ${p.code} is not a 小类`);
// The service reads text through NFKC and lower case: two forms that read the same must not disagree.
const byReading = new Map<string, ProductRow>();
for (const p of products) {
  const key = p.form.normalize('NFKC').toLowerCase();
  const other = byReading.get(key);
  if (other && other.code !== p.code) fail(`products: ${other.form} (${other.code}) and ${p.form} (${p.code}) read the same`);
  byReading.set(key, p);
}

// ---------------------------------------------------------------- processes (EIA 名录 2021)

interface EiaItem {
  no: number;
  item: string;
  cols: Record<Category, string>;
  notes: string;
}
type Category = '报告书' | '报告表' | '登记表';
const CATEGORIES: Category[] = ['报告书', '报告表', '登记表'];
const eiaItems: EiaItem[] = readTsv(sourceFile('eia-2021-items.tsv')).map((r) => ({
  no: Number(cell(r, 0)),
  item: cell(r, 2),
  cols: { 报告书: cell(r, 4), 报告表: cell(r, 5), 登记表: cell(r, 6) },
  notes: cell(r, 7),
}));
const eiaByNo = new Map(eiaItems.map((e) => [e.no, e]));
const itemText = (e: EiaItem): string => [e.item, e.cols.报告书, e.cols.报告表, e.cols.登记表, e.notes].join('；');

interface ProcessDef {
  id: string;
  label: string;
  anchors: string[];
  items: string;
  cite: string;
}
const processDefs: ProcessDef[] = readTsv(curation('process-ids.tsv')).map((r) => ({
  id: cell(r, 0),
  label: cell(r, 1),
  anchors: cell(r, 2)
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter(Boolean),
  items: cell(r, 3),
  cite: cell(r, 4),
}));
const allAnchors = processDefs.flatMap((d) => d.anchors);

/** Is the occurrence of `anchor` at `at` in `clause` negated (不含…, 无…, (…除外)) or part of a longer anchor? */
function negated(clause: string, at: number, anchor: string): boolean {
  for (const other of allAnchors) {
    if (other.length <= anchor.length || !other.includes(anchor)) continue;
    for (let k = clause.indexOf(other); k >= 0; k = clause.indexOf(other, k + 1)) {
      if (k <= at && at + anchor.length <= k + other.length) return true;
    }
  }
  // Inside a parenthesis that excludes: "（喷墨印花和数码印花的除外）".
  let depth = 0;
  for (let k = at - 1; k >= 0; k--) {
    const ch = clause[k];
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') {
      if (depth === 0) {
        let d = 0;
        let end = clause.length;
        for (let j = k + 1; j < clause.length; j++) {
          const cj = clause[j];
          if (cj === '（' || cj === '(') d++;
          else if (cj === '）' || cj === ')') {
            if (d === 0) {
              end = j;
              break;
            }
            d--;
          }
        }
        if (/除外|不含/.test(clause.slice(k + 1, end))) return true;
      } else depth--;
    }
  }
  const before = clause.slice(0, at);
  const seg = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf('（'), before.lastIndexOf('；')) + 1);
  return /^(不含|无|除|不)/.test(seg) || /(不含|无)[^、，]*$/.test(seg);
}

/** A condition cell split at the ；s that are not inside a parenthesis ("（喷粉…除外；年用…除外）" stays whole). */
function topLevelClauses(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (ch === '；' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** Items (and their columns) whose conditions name one of the anchors positively. */
/** Items whose 报告书 condition names a process only above a quantity (年用溶剂型涂料10吨及以上): filled by scanItems. */
const scaleBook = new Map<string, Set<number>>();
/** Does a 报告书 clause set a quantity (a figure, 及以上, 以下), once the parentheses that carve out exceptions are dropped? */
/** A clause that sets a quantity (10吨及以上, 年产2万吨, 1000千升以下): a number with a unit, or 以上/以下 after one — not a
 * name with a digit (P3、P4生物安全实验室) nor 以上均不含 (the items above). */
const setsScale = (clause: string): boolean =>
  /\d+(?:\.\d+)?\s*(?:万|千|百)?(?:吨|千升|升|立方米|平方米|台|千瓦|兆瓦|公里|亩|头|只|羽|张|辆|套|米|个|m|t|kw|mw)|(?:及)?以[上下](?!均)/i.test(
    clause.replace(/（[^（）]*(除外|不含)[^（）]*）/g, ''),
  );

function scanItems(anchors: string[], id = ''): Map<number, Set<Category>> {
  const found = new Map<number, Set<Category>>();
  const scaled = new Set<number>();
  const plain = new Set<number>();
  for (const e of eiaItems) {
    for (const cat of CATEGORIES) {
      const text = e.cols[cat];
      if (text === '/' || text === '') continue;
      for (const clause of topLevelClauses(text)) {
        for (const a of anchors) {
          for (let at = clause.indexOf(a); at >= 0; at = clause.indexOf(a, at + 1)) {
            if (negated(clause, at, a)) continue;
            if (cat === '报告书') (setsScale(clause) ? scaled : plain).add(e.no);
            const s = found.get(e.no) ?? new Set<Category>();
            s.add(cat);
            found.set(e.no, s);
          }
        }
      }
    }
  }
  // an item whose 报告书 names the process both plainly and by scale counts as plain (the category of the whole item is the higher)
  const byScale = new Set([...scaled].filter((n) => !plain.has(n)));
  if (id !== '') scaleBook.set(id, byScale);
  return found;
}

function parseItems(spec: string, id: string): Map<number, Set<Category>> {
  const out = new Map<number, Set<Category>>();
  for (const part of spec.split(/[;；]/).filter((s) => s.trim() !== '')) {
    const [no, cats] = part.split(':');
    const n = Number(no);
    if (!eiaByNo.has(n)) fail(`process ${id}: item ${no} is not in the 名录`);
    const s = new Set<Category>();
    for (const c of (cats ?? '').split('/')) {
      if (!CATEGORIES.includes(c as Category)) fail(`process ${id}: category "${c}" in "${part}"`);
      else s.add(c as Category);
    }
    out.set(n, s);
  }
  return out;
}

const processItems = new Map<string, Map<number, Set<Category>>>();
for (const d of processDefs) {
  if (d.items.startsWith('same:')) continue;
  if (d.items === '' && d.anchors.length > 0) {
    const found = scanItems(d.anchors, d.id);
    if (found.size === 0) fail(`process ${d.id}: anchors ${d.anchors.join('/')} found in no 名录 condition; give items`);
    processItems.set(d.id, found);
  } else if (d.items === '-') processItems.set(d.id, new Map());
  else {
    const items = parseItems(d.items, d.id);
    // An anchor, when given, must occur in every cited item.
    for (const n of items.keys()) {
      const e = eiaByNo.get(n);
      if (e && d.anchors.length > 0 && !d.anchors.some((a) => itemText(e).includes(a))) {
        fail(`process ${d.id}: none of ${d.anchors.join('/')} occurs in 名录 item ${n}`);
      }
    }
    processItems.set(d.id, items);
  }
}
for (const d of processDefs) {
  if (!d.items.startsWith('same:')) continue;
  const other = processItems.get(d.items.slice(5));
  if (!other) fail(`process ${d.id}: ${d.items} is unknown`);
  else processItems.set(d.id, other);
}

interface ProcessRow {
  form: string;
  process: string;
  eia_item: string;
  eia_category: string;
  /** Per item: 全 when its 报告书 condition names the process whatever the scale, 量 when only above a quantity, empty without 报告书. */
  eia_book: string;
  source: string;
}
const processRows: ProcessRow[] = [];
/** For items a process names explicitly (process-ids.tsv): those whose 报告书 clauses naming an anchor (or, naming none, all of them) set a quantity. */
function explicitScale(d: ProcessDef, nos: number[]): Set<number> {
  const out = new Set<number>();
  for (const n of nos) {
    const book = eiaByNo.get(n)?.cols.报告书 ?? '';
    if (book === '' || book === '/') continue;
    const clauses = topLevelClauses(book);
    const naming = clauses.filter((c) => d.anchors.some((a) => c.includes(a)));
    if ((naming.length ? naming : clauses).every(setsScale)) out.add(n);
  }
  return out;
}
const defById = new Map(processDefs.map((d) => [d.id, d]));
/** Processes of working waste up whose forms are also said verb first (below): 餐厨垃圾 only — 处置危废 and 处置医疗废物 are
 * mostly a producer's compliance words (规范处置危废, 委托…处置), and their items set no amount (REVIEW.md (45)). */
const VERB_FIRST_WASTE = new Set(['kitchen_waste']);
const processFormSeen = new Map<string, string>();
/** `cited`: the public document a form comes from (process-forms.tsv's third column), where it is not the 名录's own word. */
function addProcessForm(rawForm: string, id: string, cited = ''): void {
  const form = cleanForm(rawForm);
  const d = defById.get(id);
  if (!d) {
    fail(`process-forms: ${form}: unknown process ${id}`);
    return;
  }
  const prev = processFormSeen.get(form);
  if (prev !== undefined) {
    if (prev !== id) fail(`process form ${form} points to ${prev} and ${id}`);
    return;
  }
  processFormSeen.set(form, id);
  const items = processItems.get(id) ?? new Map<number, Set<Category>>();
  const nos = [...items.keys()].sort((a, b) => a - b);
  const eiaItem = nos.join(';');
  const eiaCat = nos.map((n) => CATEGORIES.filter((c) => items.get(n)?.has(c)).join('/')).join(';');
  const scaled = scaleBook.get(d.items.startsWith('same:') ? d.items.slice(5) : id) ?? explicitScale(d, nos);
  const eiaBook = nos.map((n) => (items.get(n)?.has('报告书') ? (scaled.has(n) ? '量' : '全') : '')).join(';');
  const named = nos.filter((n) => {
    const e = eiaByNo.get(n);
    return e !== undefined && itemText(e).includes(form);
  });
  let source = '编写';
  if (named.length > 0) source = `环评分类管理名录(2021) 第${named.join('、')}项`;
  else if (d.cite !== '' && d.anchors.includes(form)) source = `环评分类管理名录(2021) ${d.cite}`;
  else if (cited !== '') source = cited;
  processRows.push({ form, process: id, eia_item: eiaItem, eia_category: eiaCat, eia_book: eiaBook, source });
}
for (const d of processDefs) for (const a of d.anchors) addProcessForm(a, d.id);
for (const r of readTsv(curation('process-forms.tsv'))) addProcessForm(cell(r, 0), cell(r, 1), cell(r, 2));
// A waste's treatment is said verb first as often as noun first (日处理餐厨垃圾300吨, 处置医疗废物): each form of a process
// that works waste up (X处理, X处置) gives its verb-first form (处理X), the same process.
for (const r of [...processRows]) {
  const m = /^(.{2,})(处理|处置)$/.exec(r.form);
  if (m && VERB_FIRST_WASTE.has(r.process))
    addProcessForm(
      `${m[2]}${m[1]}`,
      r.process,
      `${r.source}（动宾语序：${r.form} → ${m[2]}${m[1]}；第二读者同意：data/lexicon/REVIEW.md (45)）`,
    );
}
processRows.sort((a, b) => cmp(a.process, b.process) || cmp(a.form, b.form));

// ---------------------------------------------------------------- chemicals (GB 18218-2018)

interface ChemRow {
  form: string;
  cas: string;
  threshold_t: string;
  table: string;
  source: string;
}
interface Table1Row {
  seq: string;
  name: string;
  aliases: string[];
  cas: string;
  threshold: number;
}
const table1: Table1Row[] = readTsv(sourceFile('gb18218-2018-table1.tsv')).map((r) => ({
  seq: cell(r, 0),
  name: cell(r, 1),
  aliases: cell(r, 2)
    .split('；')
    .map((s) => s.trim())
    .filter(Boolean),
  cas: cell(r, 3).replace(/；/g, ';'),
  threshold: Number(cell(r, 4)),
}));
const table2 = new Map(readTsv(sourceFile('gb18218-2018-table2.tsv')).map((r) => [cell(r, 0), { threshold: Number(cell(r, 3)) }]));
const t1BySeq = new Map(table1.map((t) => [t.seq, t]));

interface ChemCand {
  seq: string;
  how: '品名' | '别名' | '编写';
}
const chemCands = new Map<string, ChemCand[]>();
const addChem = (form: string, c: ChemCand): void => {
  const f = cleanForm(form);
  if (len(f) < 2) return;
  const list = chemCands.get(f) ?? [];
  if (!list.some((x) => x.seq === c.seq)) list.push(c);
  chemCands.set(f, list);
};
for (const t of table1) {
  addChem(t.name, { seq: t.seq, how: '品名' });
  const base = t.name.replace(/[（(［[].*$/, '');
  for (const b of base.split('，')) addChem(b, { seq: t.seq, how: '品名' });
  for (const a of t.aliases) addChem(a, { seq: t.seq, how: '别名' });
}
const chemAliasRows = readTsv(curation('chemical-aliases.tsv'));
const table2Rows: ChemRow[] = [];
/** A 表1 row that lists several CAS numbers (甲烷，天然气; 液化石油气 and its 丙烷, 丁烷): the one a form names. */
const casOfForm = new Map<string, string>();
for (const r of chemAliasRows) {
  const form = cleanForm(cell(r, 0));
  const ref = cell(r, 1);
  if (ref.startsWith('表1:')) {
    const seq = ref.slice(3);
    const t = t1BySeq.get(seq);
    if (!t) fail(`chemical-aliases: ${form}: ${ref} not in 表1`);
    else {
      addChem(form, { seq, how: t.name.includes(form) ? '品名' : t.aliases.includes(form) ? '别名' : '编写' });
      if (cell(r, 2) !== '') {
        if (!t.cas.split(';').includes(cell(r, 2))) fail(`chemical-aliases: ${form}: CAS ${cell(r, 2)} is not one of row ${seq}'s`);
        casOfForm.set(form, cell(r, 2));
      }
    }
  } else if (ref.startsWith('表2:')) {
    const cls = ref.slice(3);
    const t = table2.get(cls);
    if (!t) fail(`chemical-aliases: ${form}: ${ref} not in 表2`);
    else table2Rows.push({ form, cas: cell(r, 2), threshold_t: String(t.threshold), table: `表2:${cls}`, source: '编写' });
  } else fail(`chemical-aliases: ${form}: reference "${ref}" is neither 表1:<seq> nor 表2:<class>`);
}
const catalogRows: ChemRow[] = [];
{
  const t1Cas = new Set(table1.flatMap((t) => t.cas.split(';')).filter(Boolean));
  const byForm = new Map<string, { entry: string; cas: string; row: { seq: string; threshold: number; said: string } }[]>();
  for (const r of readTsv(sourceFile('hazchem-catalog-2015.tsv'))) {
    const [entry, name, cas, classes] = [cell(r, 0), cell(r, 1), cell(r, 2), cell(r, 3)];
    if (cas.split(';').some((c) => t1Cas.has(c))) continue;
    const row = table2RowOfClasses(classes.split(' | '));
    if (!row) continue;
    // the name without its annotations ([稳定的], [含量＞20%]): a lead names the substance
    const form = cleanForm(name.replace(/[［[][^］\]]*[］\]]/g, ''));
    if (len(form) < 2 || chemCands.has(form) || (/^\d|^[a-z]-|[,，]\d/.test(form) && len(form) > 12)) continue;
    // (…and without its locants, as leads write it: N,N-二甲基甲酰胺 → 二甲基甲酰胺)
    const bare = form.replace(/^(?:\d+(?:,\d+)*-|[NO](?:,[NO])*-)+/, '');
    for (const f of new Set([form, bare])) {
      if (len(f) < 2 || chemCands.has(f)) continue;
      const list = byForm.get(f) ?? [];
      list.push({ entry, cas: cas.split(';')[0] ?? '', row });
      byForm.set(f, list);
    }
  }
  for (const [form, list] of byForm) {
    // (one name, several entries: the largest 临界量, so that no entry's guess excludes)
    const pick = list.reduce((a, b) => (b.row.threshold > a.row.threshold ? b : a));
    catalogRows.push({
      form,
      cas: pick.cas,
      threshold_t: String(pick.row.threshold),
      table: `表2:${pick.row.seq}`,
      source: `危险化学品目录（2015版）危险化学品分类信息表 第${list.map((x) => x.entry).join('、')}条：${pick.row.said} → GB 18218-2018 表2 ${pick.row.seq}`,
    });
  }
}
const chemicals: ChemRow[] = [];
for (const [form, list] of chemCands) {
  const rows = list.map((c) => t1BySeq.get(c.seq)).filter((t): t is Table1Row => t !== undefined);
  const cas = [...new Set(rows.map((t) => t.cas).filter(Boolean))];
  if (cas.length > 1) {
    fail(`chemical ${form} points to rows with different CAS: ${rows.map((t) => t.seq).join(',')}`);
    continue;
  }
  const threshold = Math.min(...rows.map((t) => t.threshold));
  const how = list.some((c) => c.how === '品名') ? '品名' : list.some((c) => c.how === '别名') ? '别名' : '编写';
  const seqs = list.map((c) => c.seq).sort((a, b) => Number(a) - Number(b));
  const source = how === '编写' ? `编写（GB 18218-2018 表1 第${seqs.join('、')}项）` : `GB 18218-2018 表1 第${seqs.join('、')}项 ${how}`;
  chemicals.push({ form, cas: casOfForm.get(form) ?? cas[0] ?? '', threshold_t: String(threshold), table: '表1', source });
}
for (const r of table2Rows) {
  if (chemCands.has(r.form)) fail(`chemical ${r.form} is both a 表1 name and a 表2 alias`);
  else if (!chemicals.some((c) => c.form === r.form)) chemicals.push(r);
}
// (a written 表2 alias of the same name stands: it was second-read)
for (const r of catalogRows) if (!chemicals.some((c) => c.form === r.form)) chemicals.push(r);
chemicals.sort((a, b) => cmp(a.table, b.table) || cmp(a.source, b.source) || cmp(a.form, b.form));

// ---------------------------------------------------------------- self-checks

const productByForm = new Map(products.map((p) => [p.form, p]));
/** [form, code or code prefix]: basic forms the lexicon must map, chosen by reading the classes. */
const PRODUCT_CHECKS: [string, string][] = [
  ['内窥镜', '3581'],
  ['睡衣', '18'],
  ['骨钉', '358'],
  ['光伏逆变器', '38'],
  ['PCB', '3982'],
  ['MCU', '3973'],
  ['OLED', '397'],
  ['锂电池', '3841'],
  ['新能源汽车', '3612'],
  ['监护设备', '3581'],
  ['治疗设备', '3581'],
  ['胶合板', '2021'],
  ['帽子', '1830'],
  ['盾构机', '3517'],
  ['冷链物流', '59'],
  ['SaaS', '65'],
];
for (const [form, want] of PRODUCT_CHECKS) {
  const p = productByForm.get(form);
  if (!p) fail(`self-check: ${form} is missing from products.tsv`);
  else if (!p.code.startsWith(want)) fail(`self-check: ${form} → ${p.code}, expected ${want}…`);
}
for (const g of [
  '项目',
  '公司',
  '集团',
  '总投资',
  '签约',
  '落户',
  '产业园',
  '科技',
  '智能',
  '新材料',
  '制造',
  '生产',
  '加工',
  '服务',
  '有限公司',
  '股份',
]) {
  if (productByForm.has(g)) fail(`self-check: generic word ${g} is in products.tsv`);
}
const processByForm = new Map(processRows.map((p) => [p.form, p]));
const PROCESS_CHECKS: [string, string, string][] = [
  ['电镀', 'electroplating', '67'],
  ['化学镀', 'electroless_plating', '67'],
  ['染色', 'dyeing', '28'],
  ['鞣制', 'tanning', '30'],
  ['发酵', 'fermentation', '23'],
];
for (const [form, id, item] of PROCESS_CHECKS) {
  const p = processByForm.get(form);
  if (!p) fail(`self-check: process ${form} is missing`);
  else if (p.process !== id || !p.eia_item.split(';').includes(item)) fail(`self-check: process ${form} → ${p.process} ${p.eia_item}`);
}
const chemByForm = new Map(chemicals.map((c) => [c.form, c]));
const CHEM_CHECKS: [string, string, string][] = [
  ['液氨', '7664-41-7', '10'],
  ['氯气', '7782-50-5', '5'],
  ['天然气', '8006-14-2', '50'],
  ['液化石油气（含丙烷、丁烷及其混合物）', '68476-85-7;74-98-6;106-97-8', '50'],
  ['硝化棉', '9004-70-0', '1'],
];
for (const [form, cas, t] of CHEM_CHECKS) {
  const c = chemByForm.get(form);
  if (!c) fail(`self-check: chemical ${form} is missing`);
  else if (c.cas !== cas || c.threshold_t !== t) fail(`self-check: chemical ${form} → ${c.cas} ${c.threshold_t}`);
}
if (!chemByForm.get('天那水')?.table.startsWith('表2')) fail('self-check: 天那水 should map to a 表2 class');

// ---------------------------------------------------------------- write

function writeTsv(name: string, header: string[], rows: Record<string, string>[]): void {
  const lines = [header.join('\t'), ...rows.map((r) => header.map((h) => r[h] ?? '').join('\t'))];
  fs.writeFileSync(path.join(LEX, name), lines.join('\n') + '\n');
}

/** `--write-anyway` (while editing the lists): write the files even when checks fail; the exit code still says so. */
const writeAnyway = process.argv.includes('--write-anyway');
if (errors.length > 0) {
  for (const e of errors.slice(0, 200)) console.error(`error: ${e}`);
  console.error(`${errors.length} error(s); ${writeAnyway ? 'files written anyway' : 'nothing written'}.`);
  if (!writeAnyway) process.exit(1);
}

writeTsv('products.tsv', ['form', 'code', 'kind', 'source'], products as unknown as Record<string, string>[]);
writeTsv(
  'processes.tsv',
  ['form', 'process', 'eia_item', 'eia_category', 'eia_book', 'source'],
  processRows as unknown as Record<string, string>[],
);
writeTsv('chemicals.tsv', ['form', 'cas', 'threshold_t', 'table', 'source'], chemicals as unknown as Record<string, string>[]);
conflicts.sort((a, b) => cmp(a.form, b.form));
writeTsv('conflicts.tsv', ['form', 'decision', 'kept', 'dropped'], conflicts as unknown as Record<string, string>[]);

// ---------------------------------------------------------------- counts

const countBy = <T>(rows: T[], key: (r: T) => string): [string, number][] => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
};
const sourceKind = (s: string): string =>
  s === '编写' ? '编写' : s.endsWith('类名') ? 'GB/T 4754-2017 类名' : s.endsWith('说明') ? 'GB/T 4754-2017 说明' : s;
const fmt = (xs: [string, number][]): string => xs.map(([k, n]) => `${k} ${n}`).join(', ');

const relevant = level4.filter((c) => ['C', 'G', 'I', 'L', 'M'].includes(c.section));
const perCode = new Map<string, number>();
for (const p of products) perCode.set(p.code, (perCode.get(p.code) ?? 0) + 1);
const covered = relevant.filter((c) => (perCode.get(c.code) ?? 0) > 0).length;
const relevantForms = relevant.reduce((s, c) => s + (perCode.get(c.code) ?? 0), 0);

console.log(`inputs: ${path.dirname(gbtPath) === REFERENCE ? REFERENCE : path.join(LEX, 'sources')}`);
console.log(`products.tsv: ${products.length} forms (${new Set(products.map((p) => p.code)).size} 小类)`);
console.log(`  by source: ${fmt(countBy(products, (p) => sourceKind(p.source)))}`);
console.log(`  by kind: ${fmt(countBy(products, (p) => p.kind))}`);
console.log(`  by section: ${fmt(countBy(products, (p) => byCode.get(p.code)?.section ?? '?'))}`);
console.log(
  `  C/G/I/L/M 小类: ${covered}/${relevant.length} covered, ${(relevantForms / relevant.length).toFixed(1)} forms per 小类 on average`,
);
console.log(`  written rows read: ${writtenRows} in ${writtenFiles.length} files; class names: ${nameCount}`);
console.log(
  `  dropped: ${stoppedCount} stopword hits, ${rejectedCount} rejected extractions, ${conflicts.length} conflicts (conflicts.tsv)`,
);
console.log(`processes.tsv: ${processRows.length} forms, ${processDefs.length} processes`);
console.log(`  by source: ${fmt(countBy(processRows, (p) => (p.source === '编写' ? '编写' : p.source.replace(/ 第.*$/, ' 第N项'))))}`);
console.log(`chemicals.tsv: ${chemicals.length} forms`);
console.log(`  by source: ${fmt(countBy(chemicals, (c) => c.source.replace(/（.*$/, '').replace(/ 第[0-9、]+项/, '')))}`);
if (latinWarnings.length > 0) console.log(`warning: lower-case Latin forms: ${latinWarnings.slice(0, 20).join(', ')}`);
if (errors.length > 0) process.exit(1);
