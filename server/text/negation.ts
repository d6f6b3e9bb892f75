/**
 * Negation in Chinese project descriptions: "本项目不涉及铸造", "不含电镀、酸洗工序", "无废水排放",
 * "除喷涂外", "废水零排放", and 不 before any verb ("不承接电镀业务"). A cue negates from itself to the end of its clause (，。；, etc. or 但/但是);
 * 除…外 negates what stands between; a post-cue (零排放, 不外排) negates the words just before it.
 * Text must be normalised (normalizeText) first; spans index into that text.
 */

import { cellsUnder } from './tables.js';

export type Span = readonly [start: number, end: number];

// (a pasted row's cell ends one too: 不发生反应）|储存：甲苯储罐2个)
const CLAUSE_END = /[，。；;,.!?！？\n、|\t]|但是|但|不过|而是/g;
// Enumeration comma 、 does not end a clause for negation ("不含电镀、酸洗"): handled below.
const PRE_CUES = [
  '不涉及',
  '不含有',
  '不含',
  '不包含',
  '不包括',
  '不使用',
  '不采用',
  '不需要',
  '不需',
  '不进行',
  '不做',
  '不搞',
  '不存在',
  '不产生',
  '不排放',
  '不上',
  '不建',
  '不生产',
  '不从事',
  '不开展',
  '不设',
  '不引入',
  '不经营',
  '不配套',
  '不是',
  '不属于',
  '并非',
  '已停用',
  '已拆除',
  '已关停',
  '已关闭',
  '已淘汰',
  '未涉及',
  '未设',
  '未建',
  '未配套',
  '未配置',
  '未上',
  '未使用',
  '未采用',
  '未含',
  '没有',
  '并无',
  '无需',
  '无须',
  '不用',
  '杜绝',
  // (告别传统丝网印花: what the lead leaves behind; 放弃自建电镀线, 取消喷漆工序: what it gave up)
  // (a belief others hold and the text corrects: 人家老以为我们做衣服，其实是做织机的)
  '误以为',
  '误认为',
  '老以为',
  '都以为',
  '还以为',
  '总以为',
  '会以为',
  '人家以为',
  '别人以为',
  '告别',
  '放弃',
  '取消',
  '禁用',
  '非',
  '无',
  // 零电镀，零喷涂 (零部件, 零售, 零星… are not: NOT_CUES)
  '零',
];
/** Words that begin with a cue character but are not negations. */
const FREE_OF =
  /^无(?:卤(?!化)|铅(?!蓄|酸|冶|炼|电池)|氰(?!化)|铬(?!酸|镀|电镀)|磷(?!化)|醛|汞|镉|氧(?!化)|碱(?!洗|液)|硅|油(?!漆|墨|污|性)|级|磁|框|叶|绳)(?!处理|工序|工艺)/;
const NOT_CUES = [
  '无锡',
  '无人机',
  '无人驾驶',
  '无人',
  '无线',
  '无纺',
  '无机',
  '无菌',
  '无尘',
  '无损',
  '无刷',
  '无感',
  '无缝',
  '无源',
  '无极',
  '无界',
  '无限',
  '非标',
  '非晶',
  '非织造',
  '非遗',
  '非洲',
  '非金属',
  '非开挖',
  '非常',
  '非凡',
  '非接触',
  '不锈钢',
  '不干胶',
  '不间断',
  '不停车',
  // 不 + a word that is not a negated verb (不饱和聚酯, 不织布, 不少于5000平, 不断扩大…)
  '不饱和',
  '不织布',
  '不动产',
  '不粘',
  '不倒翁',
  '不对称',
  '不规则',
  '不定形',
  '不透明',
  '不燃',
  '不少于',
  '不低于',
  '不超过',
  '不小于',
  '不大于',
  '不高于',
  '不足',
  // (…and 不够, "not enough": 管网气不够 想自建LNG气化站)
  '不够',
  // (…and "not big" ending its clause, said of a scale: 规模不大 一台七十五吨的循环流化床 — not 不大量使用, which denies the use)
  '不大，',
  '不大,',
  '不大 ',
  '不大。',
  '不等',
  '不同',
  '不断',
  '不仅',
  '不但',
  // (…and the other ways of saying "not only": 不光是水提醇提 后面还有萃取)
  '不光',
  '不单',
  '不良',
  '不变',
  '不限',
  '不止',
  '不久',
  '无水乙醇',
  '无水碳酸',
  '无水硫酸',
  '无水氯化',
  '无害化',
  '未上市',
  '未建成',
  '零部件',
  '零件',
  '零配件',
  '零售',
  '零食',
  '零星',
  '零散',
  '零工',
  '零点',
  '零下',
  '零时',
  '零担',
  '零钱',
  '零头',
  '零碎',
  '零距离',
  '零库存',
  '零排放',
];
/**
 * An English mail's negations and hand-offs (no plating on site; we do not dye; plating is outsourced), as the Chinese
 * cues: what follows a pre-cue to the end of its clause, what precedes a post-cue from the clause's start. The text is
 * lower-cased; a cue starts a word.
 */
const ENGLISH_PRE_CUES = [
  'no ',
  'not ',
  "don't ",
  "doesn't ",
  'never ',
  'without ',
  'instead of ',
  'free of ',
  'outsource ',
  'outsources ',
  'outsourced ',
  'outsourcing ',
  'subcontract ',
  'subcontracted ',
  // (not 'bought in' or 'purchased': a chemical bought in is still held on site, as 外购无水氟化氢 is; a part bought in
  // already processed names no process form — pre-plated, anodized)
  'dropped ',
  'cancelled ',
  'canceled ',
  'scrapped ',
  'abandoned ',
  // (…and what the lead leaves out: isocyanate-free coatings avoid the phosgene route)
  'avoid ',
  'avoids ',
  'avoiding ',
  'eliminated ',
];
const ENGLISH_POST_CUES = [
  ' is outsourced',
  ' are outsourced',
  ' is subcontracted',
  ' are subcontracted',
  ' is done by',
  ' are done by',
  ' is done at',
  ' are done at',
  ' done by our',
  ' by our supplier',
  ' by suppliers',
  ' by a partner',
  ' by partners',
  ' is bought in',
  ' are bought in',
  ' is not done',
  ' are not done',
  ' was phased out',
  ' were phased out',
  ' has been phased out',
  ' have been phased out',
  ' is phased out',
];
const isLatin = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const CUE_CHARS = new Set(
  PRE_CUES.map((c) => c[0]!)
    .concat('不')
    .concat(ENGLISH_PRE_CUES.map((c) => c[0]!)),
);
const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff;
const POST_CUES = [
  ...['零排放', '不外排', '不排放', '为零', '外包', '委外', '除外'],
  // what the lead says it does none of (鞣制染色我们一概不做, 电镀、喷涂均不涉及)
  ...['一概不做', '都不做', '均不做', '一律不做', '全都不做', '都不涉及', '均不涉及', '概不涉及', '一概不涉及', '都没有', '均无'],
  // (…or not a drop of it: 溶剂型油漆一滴都不用)
  ...['一滴都不用', '一点都不用', '一滴也不用', '一点也不用', '完全不用', '从来不用'],
  // what has been shut, removed or called off (电镀线已全部关停, 罐已拆除, 原计划…已取消) and what is not kept (即用即送 厂内不储存)
  // (早关了, 早停了: long since; 停掉了一条 or 关掉了…又恢复生产 are not, and are left out)
  ...[
    '早关了',
    '早就关了',
    '早停了',
    '已关停',
    '全部关停',
    '已拆除',
    '已停产',
    '已取消',
    '已经取消',
    '不储存',
    '不存放',
    '不设储罐',
    '零库存',
  ],
  // …and a business deregistered (电镀业务2015年就注销了)
  ...['已注销', '注销了'],
  // …or no longer makes anything (…印染科技更名后已经没有生产了)
  ...['没有生产了', '没生产了', '不生产了', '停止生产'],
];

/**
 * A stop told after what it stops, at its clause's end (老车间的铬酸酐已经停用了, 酸洗这块我们去年就拆了, 电镀线现在没有了): the clause up
 * to it. (不用了, 不做了 are OBJECTLESS predicates, whose topic may stand in an earlier clause; 停了一条 is not at a clause's end.)
 */
const POST_STOP =
  /(?:停用了|停掉了|停了|拆了|拆掉了|拆除了|关了|关掉了|砍掉了|撤掉了|撤了|淘汰了|没有了|没了)(?:的|啦|呀|哈|哦)?(?=$|[\s，。；;,.!?！？\n）)])/g;

/**
 * Not a single one, told after what it denies (溶剂型油漆一桶都不进, 电镀药水一滴也不用, 铬酐一公斤都没买过): 一 + a measure +
 * 都/也 + 不/没 is the language's emphatic "none at all"; the clause up to it.
 */
const NOT_ONE = /一(?:桶|滴|点|点儿|吨|公斤|斤|克|升|瓶|罐|台|条|套|个|家|道|次|样)(?:都|也)(?:不|没)(?!少|止|错|停|断)/g;

/**
 * …and an English stop told after (the API synthesis phase planned for 2026 is cancelled; the anodizing line we mentioned has
 * been dropped; we plated in-house until 2021): the clause up to it.
 */
const ENGLISH_POST_STOP =
  /\b(?:is|are|was|were|has been|have been|had been)\s+(?:now\s+|since\s+|already\s+|officially\s+)?(?:cancell?ed|dropped|abandoned|scrapped|shelved|discontinued|closed|shut down|phased out|sold(?: off)?|dismantled|removed from (?:the|our) (?:project|plan|scope|design))\b|\buntil\s+(?:(?:early|mid|late|the end of)\s+)?(?:19|20)\d\d\b/g;
/** A stop's subject that points back to a plan told before (this phase, that plan, the line, it). */
const ENGLISH_POINTS_BACK =
  /\b(?:this|that|these|those|the|such a)\s+(?:[a-z-]+\s+)?(?:phase|phases|plan|plans|part|step|line|lines|idea|option|stage|scope|concept|investment)\s*$|\bit\s*$/;
/** …and the sentence it points back to told a plan, not what is done today (concept, planned, originally, included, was to). */
const ENGLISH_PLAN_TOLD =
  /\b(?:concept|plan|plans|planned|planning|originally|initially|initial|included|proposal|proposed|was to|were to|would|intended|considered)\b/;
/** What replaced what the lead had before: 替代原来的…, 取代以前的…. */
const REPLACED = /(替代|取代|替换|代替)了?(原来|原有|以前|之前|过去|老)的?/g;
/** …and what a thing switched to replaces (改用丙烯替代乙炔, 以水性漆代替油性漆): the thing replaced is not used. */
const REPLACED_BY = /(?:改用|换用|改成|改为|以|用)[^，,。；;\n]{1,12}?(?:替代|取代|代替|替换)了?/g;

function clauseEnd(text: string, from: number): number {
  CLAUSE_END.lastIndex = from;
  for (;;) {
    const m = CLAUSE_END.exec(text);
    if (!m) return text.length;
    if (m[0] === '、') continue; // lists stay inside the negation
    return m.index;
  }
}

function clauseStart(text: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) {
    const c = text[i]!;
    // (a label's colon ends it too: 建设方案：原规划的电镀锌线已取消 — but not a comma or a point inside a number: 1,000 m³)
    if ('，。；;,.!?！？\n：:'.includes(c) && !(/[,.]/.test(c) && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')))
      return i + 1;
  }
  return 0;
}

function startsWithAny(text: string, at: number, words: readonly string[]): string | null {
  for (const w of words) if (text.startsWith(w, at)) return w;
  return null;
}

/** Negated spans of `text`, sorted, possibly overlapping. */
/** A labelled line whose value says none: its label (电镀、喷涂：均不涉及). (否 is left out: under 是否外协 it means in-house.) */
// (…in a pasted row's cell too: 电镀：无\t喷涂：无; and a form's question answered no: 是否涉及电镀/化学镀：否)
const LABEL_NONE =
  /(^|[\n。；;，,|\t])\s*([^：:\n。；;，,|\t]{1,20}?)\s*[：:]\s*(均不涉及|都不涉及|不涉及|均无|无|没有|不做|否)\s*(?=$|[\n。；;，,（(|\t])/g;
/** A form's question whose answer 否 is no (是否涉及电镀/化学镀：否), unlike 是否外协：否 (done in house). */
const ASKS_IF_DONE = /^是否(涉及|有|含|使用|采用|存在|设置?|进行)/;
/**
 * A negated predicate with no object of its own that ends its clause (…均不在本厂进行, 本次落户项目不包含, 新项目一样都不上,
 * 这个他们厂里是不做的): what it negates is the topic before it.
 */
// (what stands before it, 均, 一样都, 是, is read with the clause: SUBJECT_ONLY takes those words)
const OBJECTLESS =
  /(?:不|没有|没)((?:在|放在)(?:本厂|厂内|厂里|厂区内?|我们厂里?|我们这边|我们这里|这边|这里|这儿|本地|当地|本项目|本基地|园区内|园区)|自己|自行)?(进行|做|上|搞|弄|碰|考虑|准备上|再做|涉及|包含|包括|设|建|建设|配套|安排|开展|实施|生产|加工|完成|规划|计划|打算|使用|用)?(?:的|了|啦)?(?=$|[\s，。；;,.!?！？\n）)])/g;
/** …a clause before it that names only who (本次落户项目, 这个他们厂里, 新项目一样都): the topic stands in an earlier clause. */
const SUBJECT_ONLY =
  /^(?:本次落户项目|本次落户|落户项目|本次项目|本项目|该项目|新项目|项目|本次|这次|新厂|新基地|本厂|厂里|厂内|我们|他们|咱们|企业|公司|这个|那个|这些|那些|这[一两三四五六七八九几]?[样项个种块道]|那[一两三四五六七八九几]?[样项个种]|这边|那边|的|都|也|均|全|一样|是|就|并|目前|现在|暂时|暂|还|先|\s)*$/;
/** A question answered no (镀金？客户也问过 答复是否定的; 电镀？没有): the question is negated. */
// (答复是否定的 may follow a remark, 镀金？客户也问过 答复是否定的; a bare 没有 or 不做 only opens the answer: 电镀？有，外协的没有 is yes)
const ANSWERED_NO =
  /[？?](?:[^？?。；;\n]{0,12}?(?:答复|回答|答案)是否定的|\s*(?:没有|没|无|否|不做|不涉及|不搞)(?:的|了)?(?=[\s,，。；;!]|$))/g;
/** A form's question quoted with the answer the lead gave: 'X' 填的否, “是否涉及X”选了否. */
const FORM_ANSWERED_NO =
  /是否(?:有|涉及|含|存在|需要|使用)([^'’"”，,。；;\n]{1,20})['’"”]?[^，,。；;\n]{0,8}?(?:填|选|勾|答|回答|写)(?:的|了|是)?[：:]?\s*[‘'“"]?(?:否|无|没有|不涉及)/g;
/** Where going back for that topic stops: a sentence's end, a label's colon, a line, or a pause in a chat (a space). */
const TOPIC_STOP = '。；;!?！？\n：: ';
/** Clause ends a topic may run across (，, dashes). */
const SEGMENT_END = '，,—-';
/** What a message says it was first told (先说, 一开始说, 起初说). */
// (not 首先说明, 事先说好, 开始说明会)
// (…or first believed by whoever tells it: 我以为是他们自己做阳极氧化, 一开始以为要上镀锌线 — not 可以为客户提供, 以为主)
const SAID_FIRST =
  /(?<![首事原预])先说(?![明好])|一开始说(?!明)|起初说(?!明)|(?<![会的])开始说(?!明)|原先说(?!明)|之前说(?![明过的])|(?<!原)本来说(?!明)|原本说(?!明)|(?:我|他|她|们|本来|原来|还|一开始|开始|当时|起初|原先)以为/g;
/** …and the correction later in it (后来又确认, 后来问清楚了, 核实后). */
// (…or a change of word however it came: 第二次见面改口)
// (…a while later in a spoken note: 后来吃饭的时候问清楚了; what it turned out to be, 结果是冷镀锌漆; a plan dropped, 说算了)
const CORRECTED = /后来[^，,。；;\n]{0,10}?(确认|核实|问清|说清|改口|澄清|更正|搞清)|核实后|经核实|最后确认|改口|结果(?:是|发现)|说算了/;
/** …and what the correction says instead: not here, not at all, or by others (放在苏州老厂, 全部委托, 没有). */
// (not 没错, 没问题, 不错, 不变: those confirm)
const CORRECTION_SAYS_NO =
  /不(?!错|变)|没(?!错|问题)|无|外协|委托|委外|外发|外包|外购|采购|放在|老厂|外地|母厂|别的|其他|只是|只做|仅|其实是|实际是|结果是|结果发现|算了/;
/** A time before now (以前, 原来, 早年…) that opens what the lead once did. */
// (not 之前, which is also "before start-up", nor a bare 曾, a surname; 原有 only of a process, line or shop the lead had:
// 企业原有活塞杆镀硬铬工艺，此次搬迁后取消镀铬 — not 原有厂房)
const PAST_DONE =
  /(以前|原来|原先|过去|早年|曾经|曾有|曾做|曾在|老厂|原有(?=[^，,。；;\n]{0,12}?(?:工艺|工序|产线|生产线|车间))|原(?![料材因则理本始创址有告液浆纸药矿铝油木型厂装]))(?!没|不|无|用名)/g;
/** A turn to the present or the future between a past and a stop: the stop is about what the lead does now (现在…不再外协了). */
// (…or the move here: 以前在老厂有过印染，搬过来只做成衣)
const NOW_TURN =
  /现在|目前|如今|今后|下一步|新厂|将来|以后|这次|这回|本次|此次|搬过来|搬来|搬到|迁过来|迁来|迁到|来这边|到这边|落户后|新址|迁建后|搬迁后|迁入后/;
/** …and, later in the same sentence, that it stopped (不做了, 停了, 已停, 关掉了, 不再). */
const STOPPED =
  /不做了|不干了|不搞了|停了|停掉|已停|停产|关了|关掉|关停|不再|取消|砍掉|转出去|外协了|外发了|委外了|外包了|卖掉了|处理掉了|拆掉了|淘汰了|搬走|迁走|撤掉|撤了/;
/** 已于去年停产拆除, 已在2020年关停: a stop at a stated time. */
const STOPPED_AT =
  /已(?:于|在)?[^，,。；;\n]{0,8}?(停产|拆除|关停|停用|淘汰|关闭|注销|搬迁|迁出|迁入|撤销|撤除|出售|卖掉|转让)|(?<!数字化|智能化|绿色|数智化|智改数)(完成转型|已转型|转行|企业转型)|(剥离|转让|出售)(给|出去)(?![^，,。；;\n]{0,12}?(我们|我司|本公司|本项目))[^，,。；;\n]{0,12}?了|卖(掉了|出去了)|剥离了/g;
/** A question put to the firm (贵司, 你们, 您, 他们; 请问…吗？), as one sentence or turn. */
// (from the clause of the word that addresses the firm: 做五金的，自有电镀线，问下你们园区… asks nothing of 自有电镀线)
const QUESTION_TO_FIRM = /[^。；;!！？?\n，,]*(请问|贵司|贵公司|你们|您|你家|他们|对方)[^。；;!！？?\n]*[？?]/g;
/** …not the firm's own question (他们问能不能…, 客户咨询可否…). */
const FIRM_ASKS =
  /(他们|对方|客户|企业|老板|厂家)[^，,]{0,4}(问|咨询|想知道)|^(问下|问一下|想问|想了解)|问(一下)?(能不能|可不可以|能否|是否可以|可否|让不让|允不允许)|能不能|可不可以|能否|可否/;
/** A question about where a lead may land or what it gets (能进咱们园区吗, 放哪个园区, 有什么政策): asked of the park, not the firm. */
const LANDING_QUESTION = /园区|能进|进得了|落地|落户|放哪|放在哪|推荐|哪个|哪里|政策|补贴|入驻|准入|选址|能来|可以来/;
/** …and an answer that says yes (有, 是的, 对, 自己做, 都有), after the speaker's name if there is one. */
const AFFIRMED_ANSWER = /^(?:[^：:\n。]{1,8}[：:])?\s*(有(?!没)|是的|是啊|对|自己做|我们做|都有|都是自己|会做|要做|做的)/;
/** 染色这个问题我问了三遍: a topic raised as a question… */
const TOPIC_RAISED = /(这个|那个|的)(问题|事儿?|事情)(?!上)/g;
/** …which the rest of its sentence denies (他们坚持说厂里没有染缸), and does not affirm. */
const DENIED = /没有(?!问题|关系)|不做|不搞|不上|不涉及|不考虑|否认|不存在|一概没有|都没有/;
const AFFIRMED = /自己做|自建|自己来|都有|确实有|在做|要做|会做|保留|有的/;
/** 老厂在温岭的时候…都是自己来的: a sentence framed in the old plant's days… */
const PAST_FRAME = /(老厂|以前|原来|过去|之前|早年)[^，,。；;\n]{0,10}?的时候/g;
/** …that a later sentence restricts the new project against (新厂区只放机加和装配, 以后不再做). */
const NOW_RESTRICTS =
  /(新厂|这次|现在|以后|新项目|本项目)[^。；;\n]{0,16}?(只放|只做|只有|只搞|只保留|不再|不设|不上|不做|处理掉|拆掉|卖掉)/;
/** A plan the text opens (曾论证, 本来想, 原计划…). */
// (…as people tell it: 原来是想, 一开始说想, 之前说要, 当初想; with words between, 本来呢，老板是想; a project's first version,
// 最初方案, 第一版方案; the old plant's line the move leaves behind, 原厂区…的喷漆线在迁建后不再使用; what was told before,
// 原来讲的30万吨聚合直纺项目已经不再推进)
const PLANNED =
  /the original plan|originally planned|initially planned|we had planned|the earlier plan|方案一|方案比选|原方案|最初的?方案|最早的?方案|初始方案|第一版方案|原厂区|老厂区|原来计划|原先计划|初稿的?|初版的?|原设计的?|曾论证|曾考虑|曾计划|曾打算|原计划|原规划|原打算|原本想|原报的?|原申报的?|本来想|本想|本打算|考虑过|论证过|拟建的|原拟|原来是想|原来想|本来是想|一开始想|一开始说想|一开始说要|起初想|当初想|原先想|之前想|之前说要|之前打算|原来打算|(?:本来|原来|原本|原先|起初|一开始|当初)(?:呢|啊|嘛)?[，,]?[^，,。；;\n]{0,6}?(?:想|打算|计划|准备|规划|方案|讲的|说的|谈的|报的)/g;
/** …and, later in its sentence, the decision against it (决定不予建设, 决定不上, 放弃, 作罢). */
const TURNED_DOWN =
  /\b(dropped|cancell?ed|abandoned|scrapped|no longer)\b|决定不|不予建设|不再建设|放弃|已取消|已撤回|已经撤回|撤回了|已撤销|已经取消|作罢|改为|改成|改用|(?:调整|变更)[为成](?=仅|只)|不上了|没上|取消了|最终不|未获批|没批|改为外协|改外协|改为委外|不搞了|不做了|算了|不弄了|不建了|不考虑了|搁置|予以否定|被否定|否定了|不予采纳|未采纳|否决|终止|中止|叫停|不再推进|不再使用|不再沿用|不再保留|停用/;
/** Column heads of a plan before it changed, and of what replaced it. */
const PLAN_BEFORE_HEAD = /^(原方案|原计划|原设计|原规划|调整前|变更前|修改前|原申报内容|原内容)/;
const PLAN_AFTER_HEAD = /^(调整后|变更后|修改后|现方案|新方案|调整方案|变更方案|最终方案|变更内容|调整内容)/;
/** Where a sentence ends: 。；!? or a line break (full-width forms too, for text not yet normalised). */
const SENTENCE_STOPS = '。；;!?！？\n';
function sentenceEnd(text: string, from: number): number {
  let e = from;
  while (e < text.length && !SENTENCE_STOPS.includes(text[e]!)) e++;
  return e;
}
/** The sentence around `at`: [start, end). */
export function sentenceBounds(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && !SENTENCE_STOPS.includes(text[s - 1]!)) s--;
  return [s, sentenceEnd(text, at)];
}

/** A cell that says none (无, 没有, 不做, 不涉及, 不设, —). */
const NONE_CELL = /^(?:无|没有|不做|不涉及|不设|否|—|-)$/;
/** A cell that says bought in or sent out (外购, 外协, 委外, 外发, 外采). */
const OUT_CELL = /^(?:外购|外协|委外|外发|外采|外包)$/;
/** A cell that says the lead does it (自做, 本厂, 厂内, 自有): then no other cell of the row negates it. */
const OWN_CELL = /自做|自己|本厂|厂内|自有|自制/;
/** Column heads under which 无 says nothing of whether the step is done (外协: 无 means in house; 废气: none emitted; 来源). */
const NOT_DONE_HEAD = /外协|委外|外发|外包|废气|废水|固废|噪声|排放|污染|来源|产地|备注/;
/** A first cell that heads a column (工序, 项目, 名称, 设备…): its row is the header. */
const HEAD_CELL =
  /^(?:序号|主要)?(?:生产)?(?:工序|工艺|环节|工段|步骤|流程|项目|名称|品名|设备|仪器|原辅材料|原料|物料|材料|类别|类型|内容|产品|零件|危险化学品|化学品|物质)/;
/** A table of steps (工序, 工艺, 环节): where bought in or sent out says the step is not the lead's. */
const STEP_TABLE = /^(?:主要)?(?:生产)?(?:工序|工艺|环节|工段|步骤|加工环节|生产环节|流程)/;

/**
 * The first cells a pasted table's rows negate (Markdown with bars, bars without, tabs): where a later cell says none under a
 * head that asks whether it is done (说明, 情况, 是否涉及; not 外协, 废气, 来源), or, in a table of steps, bought in or sent out;
 * a cell saying the lead does it keeps the row.
 */
function tableNegations(text: string): Span[] {
  const out: Span[] = [];
  let header: string[] | null = null;
  let from = 0;
  for (const line of text.split('\n')) {
    const at = from;
    from += line.length + 1;
    if (!/[|\t]/.test(line)) {
      header = null;
      continue;
    }
    const cells = line.split(/[|\t]/);
    // (the bars around a Markdown row leave empty cells at its ends)
    let lead = 0;
    while (lead < cells.length - 1 && !cells[lead]!.trim()) lead++;
    const values = cells.slice(lead).map((c) => c.trim());
    if (values.every((v) => /^[-—:\s]*$/.test(v))) continue; // |---|---|
    // (the first row is the header, unless it already says none or who does it: | 电镀 | 无 |)
    if (
      !header &&
      (HEAD_CELL.test(values[0] ?? '') || !values.slice(1).some((v) => NONE_CELL.test(v) || OUT_CELL.test(v) || OWN_CELL.test(v)))
    ) {
      header = values;
      continue;
    }
    header ??= [];
    if (values.length < 2 || values.slice(1).some((v) => OWN_CELL.test(v))) continue;
    const steps = STEP_TABLE.test(header[0] ?? '');
    const negates = values.slice(1).some((v, j) => {
      const head = header![j + 1] ?? '';
      if (NONE_CELL.test(v)) return !NOT_DONE_HEAD.test(head);
      return steps && OUT_CELL.test(v) && !/来源|产地|备注/.test(head);
    });
    if (!negates) continue;
    const first = cells.slice(0, lead + 1).join('|').length - cells[lead]!.length;
    const cell = cells[lead]!;
    const start = at + first + (cell.length - cell.trimStart().length);
    out.push([start, start + cell.trim().length]);
  }
  return out;
}

/** Segments that say only where it stands or how it was learnt (经与企业核实, 据了解, 一句插话 between dashes): no topic. */
const ASIDE = /^(?:经[^，,]{0,10}?(?:核实|了解|确认|沟通|调查)|据[^，,]{0,6}?(?:了解|介绍|核实)|据悉|另外|同时|其中)$/;
/** A segment that says the lead does something itself (自己做, 都在厂内, 新建3条): never the topic of a later no. */
const DOES_ITSELF = /自己|自做|自有|自建|厂内|本厂|都有|都在|是做的|新建|新上|年产|产能|主营|\d+\s*条/;
/** Who, right before a bare 没有 (这个项目没有, 新项目里面是没有的): the 没有 negates the topic. */
// (…or a word of all: 染色印花这类环节一概没有, 这些我们都没有, 电镀、喷涂均没有)
// (…or where, right before it: 阳极氧化厂里没有的, 电镀我们这边是没有的)
const BARE_NONE_AFTER_WHO =
  /[,，](?:这个|本|新|该)?项目(?:里面?)?(?:是|都|也)?$|(?:一概|一律|统统|全都|完全|均|一样(?:也|都))$|[^不也]都$|(?:厂里|厂内|本厂|我们厂里?|我们这边|我们这里|我们|这边|这里|新厂里?)(?:面|头)?(?:是|都|也|现在|目前)?$/;
/** A clause that marks its topic (电镀那块儿, 这两块, 表面处理方面, 电镀的话, 喷涂呢). */
const TOPIC_MARKED = /(那块儿?|这块儿?|[这那][一两三四五六七八九几]?[块样项个种]|这些|那些|方面|的话|呢|这一块|那一块)$/;
/** A segment about what was (原来的老厂都有, 以前都做): skipped on the way back. */
const PAST_SEG = /原来|以前|过去|之前|老厂|早年|曾经/;
/** A pronoun taking up a list before it (这三样, 这几项, 以上这些): the topic is the list. */
const RESUMES = /^(?:这[一两三四五六七八九几]?[样项种块道个]|这些|以上这些|上述|以上)$/;

/**
 * The topic of a negated predicate with no object at `at` (…均不在本厂进行, 喷涂呢，他们不做): the segment before it in its clause,
 * or — where that names only who (这个, 他们, 本次落户项目) — the nearest earlier segment of the sentence that is neither a
 * subject, an aside nor one where the lead says it does something itself; a pronoun taking up a list (这三样) reaches the list.
 */
function topicBefore(text: string, at: number): Span | null {
  const bounds = (end: number): [number, string] => {
    let s = end;
    while (s > 0 && !TOPIC_STOP.includes(text[s - 1]!) && !SEGMENT_END.includes(text[s - 1]!)) s--;
    return [s, s > 0 ? text[s - 1]! : ''];
  };
  const [seg, first] = bounds(at);
  let stop = first;
  const own = text.slice(seg, at).trim();
  if (own && !SUBJECT_ONLY.test(own)) {
    // (…but a clause right before that marks its topic is what it speaks of, where this one does not say the lead does
    // something itself: 化学合成、发酵这些，在嘉兴这个点他们是完全没有规划的)
    if (seg > 0 && SEGMENT_END.includes(first) && !DOES_ITSELF.test(own)) {
      let s = seg - 1;
      while (s > 0 && !TOPIC_STOP.includes(text[s - 1]!) && !SEGMENT_END.includes(text[s - 1]!)) s--;
      if (TOPIC_MARKED.test(text.slice(s, seg - 1).trim())) return [s, at];
    }
    return [seg, at];
  }
  // (a predicate that is a clause of its own says what the lead as a whole does not do: 光刻胶总代，不生产; unless the clause
  // before names its topic: 电镀那块儿，不做了; 铸造、电镀这两块，不在我们这边)
  if (!own && SEGMENT_END.includes(stop)) {
    let s = seg - 1;
    while (s > 0 && !TOPIC_STOP.includes(text[s - 1]!) && !SEGMENT_END.includes(text[s - 1]!)) s--;
    return TOPIC_MARKED.test(text.slice(s, seg - 1)) ? [s, at] : null;
  }
  let end = seg - 1;
  for (let hops = 0; hops < 4 && end > 0; hops++) {
    // (a sentence's end stops the walk; a chat's space pause is crossed once, a label's colon or a question mark only to a
    // short topic right before it: 电镀：本项目不涉及, 电镀？那个我们不搞)
    if ('。；;!\n'.includes(stop)) return null;
    if ((stop === ' ' || stop === ':' || stop === '?') && hops > 0) return null;
    const [s, st] = bounds(end);
    const seg2 = text.slice(s, end).trim();
    // (an aside between dashes, or a remark of how it was learnt, is skipped)
    const between = text[end] === '—' || text[end] === '-';
    // (…and so is what the lead once had: 原来的老厂都有)
    if (!seg2 || SUBJECT_ONLY.test(seg2) || ASIDE.test(seg2) || PAST_SEG.test(seg2) || (between && text[s - 1] === '—')) {
      [end, stop] = [s - 1, st];
      continue;
    }
    if (RESUMES.test(seg2)) {
      const [s2] = bounds(s - 1);
      return s - 1 > s2 ? [s2, at] : null;
    }
    if (DOES_ITSELF.test(seg2)) return null;
    if ((stop === ':' || stop === '?') && seg2.length > 12) return null;
    return [s, at];
  }
  return null;
}

/** After 不是 A: where B, what it is instead, begins (而是, 就是, 是). */
const CONTRAST = /而是|就是|(?<![不就还也都])是(?![不否])/;
/** What may follow a self-correcting 不对: a pause, a repeat, the corrected word (是…), a particle, or the end. */
const SELF_CORRECTION_AFTER = /^(?:$|[\s，,。.；;！!？?、]|不|是|啊|哈|呀|了|吧|嘛|哦)/;
/** A transcript's pause: a space between two Chinese characters (就是人造丝 他们说用浆粕). */
export const PAUSE = /(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])/;
/**
 * A pause (a space after a Chinese character, or a filler a transcript writes for it: 没有环氧乙烷残留嗯他们用的是…) and a new
 * subject or a new turn of a spoken note after it.
 */
const NEW_SUBJECT_AFTER_PAUSE =
  /(?<=[\u4e00-\u9fff])(?: +|[嗯呃哦噢]+ *)(?=他们|我们|咱们|他|她|它|人家|对方|老板|然后|后来|另外|还有|而且|所以|但|从(?!来|不|没|未))/;
/** The phrase just before `at` (back to a pause or a stop), for a correction that takes it back; null when it is only a filler. */
function phraseBefore(text: string, at: number): Span | null {
  let e = at;
  while (e > 0 && text[e - 1] === ' ') e--;
  let s = e;
  while (s > 0 && !/[\s，,。.；;！!？?：:、]/.test(text[s - 1]!)) s--;
  const phrase = text.slice(s, e);
  return phrase.length >= 2 && !/^(嗯+|啊+|呃+|那个|这个|就是)$/.test(phrase) ? [s, e] : null;
}

export function negatedSpans(text: string): Span[] {
  const spans: Span[] = [];
  // a clause-final negated predicate with no object: the topic before it (its own clause, or where that names only who
  // the earlier clauses of its sentence: 电镀、化学镀、阳极氧化，这三样，原来的老厂都有，新项目一样都不上)
  // (its 不 negates nothing after it: 原料药合成不在我们这边 在他们山东老厂 这边做片剂)
  const objectless = new Set<number>();
  for (const m of text.matchAll(OBJECTLESS)) {
    // (a bare 不 or 没 says nothing (少不了, 有没), nor a question 上不上, 做不做, 有没有; a bare 没有 after who says it does
    // not have the topic: 电镀工艺，这个项目没有)
    if (!m[1] && !m[2] && !(m[0].startsWith('没有') && BARE_NONE_AFTER_WHO.test(text.slice(Math.max(0, m.index - 8), m.index)))) continue;
    if (text[m.index - 1] === text[m.index + 1] || text[m.index - 1] === text[m.index + 2]) continue;
    objectless.add(m.index);
    const topic = topicBefore(text, m.index);
    if (topic) spans.push(topic);
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '除') {
      // 除(了)X(以)外 — X is negated (excluded); "除尘" has no closing 外 in the clause
      const end = clauseEnd(text, i + 1);
      const close = text.indexOf('外', i + 1);
      if (close > i + 1 && close < end) spans.push([i + 1, close]);
      // (…and a scope's exception in brackets, with no 外: 再生资源回收（除生产性废旧金属）)
      else if ('（('.includes(text[i - 1] ?? '') && !/[油尘锈湿臭味醛磷垢胶蜡杂氧气雾霜渣毛草菌虫甲铁]/.test(text[i + 1] ?? '')) {
        const shut = text.slice(i + 1, i + 24).search(/[）)]/);
        if (shut > 0) spans.push([i + 1, i + 1 + shut]);
      }
      continue;
    }
    if (!CUE_CHARS.has(c) || objectless.has(i)) continue;
    // (无菌 is sterile, but 无菌种发酵 is no strain's fermentation: 酶法转化…无菌种发酵工序)
    if (startsWithAny(text, i, NOT_CUES) && !/^无菌种(?:发酵|培养|工序)/.test(text.slice(i, i + 6))) continue;
    // (a material's or a product's "free of" adjective: 无卤阻燃剂, 无铅焊料, 无氰电镀 is still plating, 无碱玻纤, 无氧铜 — but
    // not where a process follows: 无磷化, 无铬酸盐钝化, 无氧化, 无油漆 negate it)
    if (c === '无' && FREE_OF.test(text.slice(i, i + 4))) continue;
    // (无水 is anhydrous, 无水一甲胺, 无水氟化氢 — not 无水泥制造, which negates 水泥)
    if (c === '无' && text[i + 1] === '水' && !/[泥利务费洗]/.test(text[i + 2] ?? '')) continue;
    // (差不多 is "about", not a negation: 一个月差不多两吨漆)
    if (c === '不' && text[i - 1] === '差' && text[i + 1] === '多') continue;
    let cue = startsWithAny(text, i, PRE_CUES);
    // (an English cue where a word starts: not the 'no ' of 'piano ')
    if (!cue && isLatin(text.charCodeAt(i)) && !(i > 0 && isLatin(text.charCodeAt(i - 1)))) cue = startsWithAny(text, i, ENGLISH_PRE_CUES);
    // (不对 said on its own is a speaker correcting himself — 郫县豆瓣 不对不对 不是豆瓣 是酱油: it takes back the phrase
    // before it, and negates nothing after it; not 不对外, 不对称)
    if (c === '不' && text[i + 1] === '对' && SELF_CORRECTION_AFTER.test(text.slice(i + 2, i + 3))) {
      const back = phraseBefore(text, i);
      if (back) spans.push(back);
      i += 1;
      continue;
    }
    // 不 + any verb (不承接电镀业务, 不喷漆, 不热处理): to the end of the clause, like the listed cues
    // (not the A不A of a question: 能不能, 要不要, 做不做, 可不可以)
    if (!cue && c === '不' && isCjk(text.charCodeAt(i + 1)) && text[i - 1] !== text[i + 1]) cue = '不';
    // (…written with a space in a chat: 不 涉及 鞣制)
    if (!cue && c === '不' && text[i + 1] === ' ' && isCjk(text.charCodeAt(i + 2))) cue = '不 ';
    if (!cue) continue;
    // (a label's value that says none, then says why in brackets, negates the label only: 外协：无（电镀、热处理均自做）)
    if (/[:：]\s*$/.test(text.slice(Math.max(0, i - 2), i)) && /^\s*[(（]/.test(text.slice(i + cue.length, i + cue.length + 2))) {
      i += cue.length - 1;
      continue;
    }
    // (不是 A 是 B, 不是 A 而是 B: the contrast ends the negation — 不是锂电是铅酸的 is lead-acid)
    let end = clauseEnd(text, i + cue.length);
    // (a transcript's pause before a new subject ends it too: 用的是丙烯 不是乙炔 他们建了两个二十方的丙烯储罐)
    const pause = NEW_SUBJECT_AFTER_PAUSE.exec(text.slice(i + cue.length, end));
    if (pause) end = i + cue.length + pause.index;
    if (cue === '不是' || cue === '并非') {
      const contrast = CONTRAST.exec(text.slice(i + cue.length + 1, end));
      if (contrast) end = i + cue.length + 1 + contrast.index;
    } else if (cue === '不') {
      // (不 + a verb, then what the lead does instead: 其实不酿酒就是勾兑基酒…, 不做电镀而是只做组装)
      const instead = /(?<=[\u4e00-\u9fff]{2})(?:就是|而是|只是)/.exec(text.slice(i + 1, end));
      if (instead) end = i + 1 + instead.index;
    }
    // (a negation inside brackets ends with them: blending and canning only, no reaction) needs a solvent farm…)
    const open = text.lastIndexOf('(', i);
    if (open >= 0 && text.lastIndexOf(')', i) < open) {
      const shut = text.indexOf(')', i);
      if (shut >= 0 && shut < end) end = shut;
    }
    spans.push([i + cue.length, end]);
    i += cue.length - 1;
  }
  for (const cue of text.includes(' ') ? [...POST_CUES, ...ENGLISH_POST_CUES] : POST_CUES) {
    let at = text.indexOf(cue);
    while (at >= 0) {
      // (…not one denied: 化学镀镍这道没委外，我们自己做的)
      if (!'不没未无'.includes(text[at - 1] ?? '')) spans.push([clauseStart(text, at), at]);
      at = text.indexOf(cue, at + cue.length);
    }
  }
  for (const m of text.matchAll(POST_STOP)) spans.push([clauseStart(text, m.index), m.index]);
  if (text.includes('一')) for (const m of text.matchAll(NOT_ONE)) spans.push([clauseStart(text, m.index), m.index]);
  if (/[a-z]/.test(text))
    for (const m of text.matchAll(ENGLISH_POST_STOP)) {
      const cs = clauseStart(text, m.index);
      spans.push([cs, m.index]);
      // (…and where the stop's subject points back — this phase is cancelled, that plan was dropped, it was scrapped — the
      // sentence before it that told the plan: the 2023 concept included an in-house zinc-nickel plating line)
      if (ENGLISH_POINTS_BACK.test(text.slice(Math.max(cs, m.index - 40), m.index))) {
        const stop = text.lastIndexOf('. ', cs);
        if (stop > 0) {
          const prev = Math.max(text.lastIndexOf('. ', stop - 1) + 2, text.lastIndexOf('\n', stop - 1) + 1, 0);
          if (ENGLISH_PLAN_TOLD.test(text.slice(prev, stop))) spans.push([prev, stop]);
        }
      }
    }
  // 替代原来的铅酸电池: what the lead's product replaced is not what it makes (not 替代进口, the market it takes)
  for (const m of text.matchAll(REPLACED)) spans.push([m.index + m[0].length, clauseEnd(text, m.index + m[0].length)]);
  if (/替代|取代|代替|替换/.test(text))
    for (const m of text.matchAll(REPLACED_BY)) spans.push([m.index + m[0].length, clauseEnd(text, m.index + m[0].length)]);
  // 跟电镀不是一回事, 与印染无关: what the lead's work is compared with is not what it does
  for (const cue of COMPARE_CUES) {
    for (let at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + cue.length)) {
      const from = clauseStart(text, at);
      let conn = -1;
      for (let j = at - 1; j >= from; j--)
        if (COMPARE_WITH.includes(text[j]!)) {
          conn = j;
          break;
        }
      if (conn >= 0 && conn + 1 < at) spans.push([conn + 1, at]);
    }
  }
  // 先说要上一条电镀中试线…后来又确认中试放在苏州老厂: what was said first and then corrected (from it to the correction)
  if (text.includes('说') || text.includes('以为'))
    for (const m of text.matchAll(SAID_FIRST)) {
      const from = m.index + m[0].length;
      const later = CORRECTED.exec(text.slice(from, from + 80));
      // (…a correction that takes it back: not 后来又确认了，没错; 经核实确有此工序)
      if (later && CORRECTION_SAYS_NO.test(text.slice(from + later.index, from + later.index + later[0].length + 30)))
        spans.push([from, from + later.index]);
    }
  // 这个算不算危废处置啊？: a question whether something counts as a class asserts nothing of it (to the end of the clause)
  if (text.includes('算不算') || text.includes('属不属于'))
    for (const m of text.matchAll(/算不算|属不属于/g)) spans.push([m.index + m[0].length, clauseEnd(text, m.index + m[0].length)]);
  // 原铸造车间已于去年停产拆除: shut or removed at a time the text names (the clause up to the stop)
  for (const m of text.matchAll(STOPPED_AT)) spans.push([clauseStart(text, m.index), m.index]);
  // 请问贵司有电镀或者阳极氧化工序吗？ / 你们印花和染色怎么处理？: a question put to the firm asserts nothing; its answer, in
  // the sentence or turn after it, does (有，自己做 takes it back as asked; 都外发 or another question leaves it unsaid)
  if (text.includes('？') || text.includes('?'))
    for (const q of text.matchAll(QUESTION_TO_FIRM)) {
      let next = q.index + q[0].length;
      while (next < text.length && /[\s？?]/.test(text[next]!)) next++;
      // (not the firm asking whether it may: 他们问能不能在园区做电镀？)
      if (FIRM_ASKS.test(q[0])) continue;
      // (not an officer's question about where the lead may land, after what was said of it: 说他们有个电镀车间，镀铬镀镍都自己
      // 做，能进咱们新园区吗？ — the question is its last clause, the clauses before it are statements)
      const last = q[0].slice(Math.max(q[0].lastIndexOf('，'), q[0].lastIndexOf(',')) + 1);
      if (last.length < q[0].length && LANDING_QUESTION.test(last)) continue;
      if (!AFFIRMED_ANSWER.test(text.slice(next, next + 16))) spans.push([q.index, q.index + q[0].length]);
    }
  // 曾论证配套建设电镀车间，经综合评估决定不予建设; 本来想自建阳极氧化线…决定不上: a plan the lead turned down (from the plan
  // to the decision, within the sentence)
  // (…or in the sentence right after it: 原来计划在新厂里配一条镀镍、镀锌的滚镀线\n上周…老板决定放弃自建电镀线; 原方案：自建溶剂型涂装线。
  // 新方案：…已取消溶剂型涂装线方案 — the plan's whole sentence)
  for (const m of text.matchAll(PLANNED)) {
    const from = m.index + m[0].length;
    const end = sentenceEnd(text, from);
    const no = TURNED_DOWN.exec(text.slice(from, end));
    if (no) spans.push([from, from + no.index]);
    else {
      let next = end;
      while (next < text.length && SENTENCE_STOPS.includes(text[next]!)) next++;
      if (next < text.length && TURNED_DOWN.test(text.slice(next, sentenceEnd(text, next)))) spans.push([from, end]);
    }
  }
  // 染色这个问题我问了三遍，他们坚持说厂里没有染缸: a topic raised as a question, denied later in its sentence
  for (const m of text.matchAll(TOPIC_RAISED)) {
    const from = m.index + m[0].length;
    const rest = text.slice(from, sentenceEnd(text, from));
    const no = DENIED.exec(rest);
    if (no && !AFFIRMED.test(rest.slice(0, no.index))) {
      const at = clauseStart(text, m.index);
      if (at < m.index) spans.push([at, m.index]);
    }
  }
  // 老厂在温岭的时候表面处理都是自己来的，镀锌、镀镍都有。…新厂区只放机加和装配: the old plant's sentence, where a later one
  // restricts the new project
  for (const m of text.matchAll(PAST_FRAME)) {
    const end = sentenceEnd(text, m.index);
    if (NOW_RESTRICTS.test(text.slice(end))) spans.push([m.index, end]);
  }
  // 以前是自己染色的，前两年就不做了: what the lead did before and has stopped (its clause up to the stop, within the sentence)
  for (const m of text.matchAll(PAST_DONE)) {
    const from = m.index + m[1]!.length;
    const stop = STOPPED.exec(text.slice(from, sentenceEnd(text, from)));
    // (…unless the present turn says something before the stop: 现在把电镀收回自己做，不再外协了; 现在不做了 is the stop)
    const between = stop ? text.slice(from, from + stop.index) : '';
    const turn = [...between.matchAll(new RegExp(NOW_TURN.source, 'g'))].pop();
    if (stop && !(turn && between.length - (turn.index + turn[0].length) > 3)) spans.push([from, from + stop.index]);
    else {
      // (…or a present turn that changes it: 以前用回料造粒，现在按客户要求全部新料 — the past up to the turn)
      const rest = text.slice(from, sentenceEnd(text, from));
      const now = NOW_TURN.exec(rest);
      if (now && /改用|改为|换成|全部|都用|只用|不用|不再|只做|只搞|只放|只保留|仅做|仅保留/.test(rest.slice(now.index)))
        spans.push([from, from + now.index]);
    }
  }
  // a table row whose other cell says none (电镀/喷涂 | 无) or, in a table of steps, bought in or sent out (电镀 | 外协)
  if (text.includes('|') || text.includes('\t')) {
    spans.push(...tableNegations(text));
    // a table's column of the plan before it changed (| 原方案 | 调整后 |): what the later column replaced
    for (const c of cellsUnder(text, (h) => PLAN_BEFORE_HEAD.test(h)))
      if (c.table.some((h) => PLAN_AFTER_HEAD.test(h))) spans.push([c.at, c.at + c.cell.length]);
  }
  // …and a question the text answers no to
  if (text.includes('?'))
    for (const m of text.matchAll(ANSWERED_NO)) {
      let from = m.index;
      while (from > 0 && !TOPIC_STOP.includes(text[from - 1]!) && !SEGMENT_END.includes(text[from - 1]!)) from--;
      if (from < m.index) spans.push([from, m.index]);
    }
  // …and a form's question the lead answered no, quoted (表格里'是否有电镀/阳极氧化'他们填的否)
  for (const m of text.matchAll(FORM_ANSWERED_NO))
    spans.push([m.index + m[0].indexOf(m[1]!), m.index + m[0].indexOf(m[1]!) + m[1]!.length]);
  // …and so is a labelled line whose value says none (电镀、喷涂：均不涉及; 是否有电镀：无)
  for (const m of text.matchAll(LABEL_NONE)) {
    if (m[3] === '否' && !ASKS_IF_DONE.test(m[2]!.trim())) continue;
    const at = m.index + m[1]!.length;
    spans.push([at, at + m[2]!.length]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** 跟/和/与/同 X 不是一回事 (…无关, …两回事): X is negated. */
const COMPARE_CUES = ['不是一回事', '是两回事', '两回事', '不一样', '不相同', '无关', '没关系', '没有关系'];
const COMPARE_WITH = '跟和与同';

export function isNegated(spans: readonly Span[], start: number, end: number): boolean {
  for (const [s, e] of spans) {
    if (s > start) break;
    if (start >= s && end <= e + 0) return true;
  }
  return false;
}
