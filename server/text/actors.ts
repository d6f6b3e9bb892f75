import { CELL, columnHeaderAt, headerOf, tableStart } from './tables.js';
import { sentenceBounds } from './negation.js';

/**
 * Who performs a process the text names. A process word is the lead's own only when the lead does it
 * on site; this module finds the words it does not do, whatever the process (no word list of
 * processes here: it works on the positions of words another reader found):
 *  - off site: the step is bought in, outsourced or done by someone else — 外协, 外购, 委外, 外发,
 *    外包, 委托…, 交由…, 由…完成/供应/提供, 供应商, 合作厂, 代工 — in the same clause as the word;
 *    for 外购/采购/购买 only the thing bought (up to the next verb) is off site: 外购钢材进行电镀 is
 *    still the lead's own 电镀.
 *  - an input already processed: 已镀锌的钢管, 镀锌好的, 镀锌后的板材 (已 + word + 的, word + 好的/后的);
 *    for product words, a material used up: 使用粉末涂料, 原料为ABS粒料, 外观件用粉末涂料.
 *  - not done: 不/未/免 right before the word (不喷漆, 未热处理).
 *  - a modifier: the word qualifies the head of what the lead makes or offers — 酿酒设备,
 *    磺化反应釜制造, 电镀废水处理, 化工安全管理软件 — a head from HEADS within a short compound after
 *    the word, with no delimiter between.
 *  - someone else's trade: 为/面向/服务于/针对/给 … before the word in its clause (为印染企业提供…).
 * Text must be normalised (normalizeText); positions index into it. Linear in the text length per word.
 */

export type Actor = 'own' | 'offSite' | 'input' | 'notDone' | 'modifier' | 'customer';

// (a step list's arrows and plus signs too: 阳极化→喷底漆→无损检测 names three steps, not a test of anodizing)
// (a pasted row's cell ends a compound too: 阳极铜及电解铜 | 主要设备 |)
const DELIMS = '，。；;,.!?！？\n、和及与或/()（）：:→>＋+—－|｜\t';
const isDelim = (c: string) => DELIMS.includes(c);

/** Cues in a clause that hand a step to someone else, wherever they stand in the clause. */
const HANDED_OFF = [
  '外协',
  '委外',
  '外发',
  '外包',
  '委托',
  '交由',
  '交给',
  '供应商',
  '合作厂',
  '合作工厂',
  '协作厂',
  '外加工',
  '专业厂家',
  '专业厂',
  // 找外面的厂家做, 从外面买, 外厂加工, 交第三方: the step happens outside the lead's works
  '外面',
  '外边',
  '外厂',
  '厂外',
  '第三方',
  // 样品送外部辐照, 委托外部, 外送检测: sent out (not 外部资金, 外部客户; not 送外地, 不外送)
  '送外部',
  '委托外部',
  '外送',
];
/** At another works (在…代工厂做) or sent to one (送到…去镀): the step is done there. */
// (…or placed there: 原料药生产放在连云港化工园区的基地, 中试放在苏州老厂; or over there: 集团在江西那边是做冶炼的)
// (…or the works over there a sentence before placed: 总部在东莞，那边的工厂有电镀线; or all over there: 树脂合成啊调漆啊都在那边)
// (…or the works in another country: 轮胎工厂都在泰国、越南)
// (not the park addressed, 想在你们那边建个新厂: that is where the lead comes; nor 现在 = now: 现在澜石那边地不够了)
const DONE_ELSEWHERE =
  /(那边|那里|那儿)的?(工厂|厂|基地|车间|产线)|(?:都|均|全|全部|也|就)(?:是)?在(?:那边|那里|那儿|代工厂|外协厂|合作厂|加工厂)(?![^，,。；;\n]{0,4}?(?:建|落|投|租|买|拿|设))|在(?:它们|他们|其|对方|集团|母公司|兄弟公司|关联公司)[^，,。；;\n]{0,8}?(工厂|厂|基地|车间)|(?<![现正实存所])在(?!本|我|自|咱|新|这|厂|园区|车间|你们|您|贵)[^，,。；;\n你您贵]{1,10}?(那边|那里|那儿)|(集团|总部|老厂|母厂|兄弟公司|姊妹公司|关联公司|关联企业)(在|于)(?!本|这|园区|厂内|此)[^，,。；;\n]{1,8}?(那边|那里|有|是|做|建|的(生产)?基地|的工厂)|集团[^，,。；;\n|\t]{0,8}?(厂|基地)(在|位于)(?!本|这|园区|此)|(工厂|基地|生产厂|车间)(均|都|全部)?(在|位于|设在)(海外|国外|境外|外省|外地|省外|老家|东南亚|欧洲|北美|泰国|越南|印尼|印度尼西亚|马来西亚|柬埔寨|印度|墨西哥|美国|德国|日本|韩国|匈牙利|塞尔维亚|波兰|土耳其|巴西)|(?:放在|保留在|留在|还在|继续在)(?!本|我|自|咱|新|厂内|厂里|这边|这里|园区内)[^，,。；;\n]{0,14}?(基地|老厂|母厂|原厂|原址|子公司|母公司|分公司|总部|工厂(?!房))|在(?!本|我|自|咱|新|厂内|厂里|车间|园区内)[^，,。；;\n本我自咱新]{0,12}?(代工厂|外协厂|合作厂|加工厂|子公司|母公司|分公司|工厂|厂家|外地|厂)的?(做|完成|加工|生产|进行|处理|订|定|买|采购|进)|(?:拿|拉)(?:到|去)[^，,。；;\n本我自咱]{1,12}?(?:去|进行|加工|处理|做)|((?<![输配传运递护推欢])送|(?<![开研出批引激蒸散启头焕爆沙自])发(?!动|电|酵|光|展|明|现|生|布|放|行|票|泡|热|射|育|达|起|言|挥|表|货))(到|至|往|去|给)?[^，,。；;\n本我自咱]{1,14}?(去|进行|加工|处理|做)|(那边|那里|外面|外地|对方|代工厂|加工厂|厂家|[\u4e00-\u9fff]厂)[^，,。；;\n]{0,6}?[做染印镀加鞣涂喷铸锻焊洗]工?好(?:[^，,。；;\n]{0,4}?(送|发|运|寄)?(过来|进来|回来)|的|了|再|后|、)/;
/** …unless the lead is the one taking the work in. */
const TAKEN_IN = ['受托', '接受委托', '承接', '来料加工'];
/** 由 X 完成/供应/提供/负责/加工/代工: the step belongs to X. */
// (not the lead itself: 均由本公司完成, 由我司提供; nor what a job shop takes in: 由客户提供工件，我司负责加工)
// (an English word in a mixed note counts as one: 由东莞的 supplier 完成 CNC + anodizing — taken whole, so that a long
// Latin run cannot be split many ways when nothing follows: linear time on any input)
const BY_SOMEONE =
  /(?<![自理缘经事])由(?!本公司|我司|我们|我方|自己|公司自|本厂|本项目|厂内|企业自|于|此)(?:[a-z]+(?![a-z])\s?|[^，,。；;,.!?！？\na-z]){0,20}?(完成|供应|供货|供给|直供|提供|负责|承担|加工|处理|代工|配套|代发|发货|配送|储存|存储|运输|运来|送来|运过来|送过来|拉过来|运进|运入)(?!工件|来料)/g;
/** Another works that supplies it (潍坊一家铸造厂供, 两家电镀厂供货), or that it is sent to (发给…一家印染厂): the word in that firm's name. */
const OTHER_WORKS_SUPPLY =
  /(一家|某家|另一家|[两几]家|那家)[^，,。；;,.!?！？\n]{0,8}?(厂|企业|公司|厂家)[^，,。；;,.!?！？\n]{0,3}?(供货|供应|供|提供|代工|代加工)/;
// (…or handed with a bare 交, as notes write it: 电镀交深圳水贝电镀厂 — not 交付, 交易, 交通, 提交, 成交)
const SENT_TO_WORKS =
  /(发给|交给|送给|外发给|委托给|转给|(?<![提移转成递外社])交(?![易流通付期叉界互汇接货费税底代办织错谈房钥]))[^，,。；;,.!?！？\n]{0,16}?(厂|企业|公司|厂家)/;
/** A collector's own words for gathering and storing waste only (仅收集、暂存; 不做利用处置; 收集后转运持证单位). */
const COLLECTS_ONLY =
  /(仅|只|单纯)(做|负责|从事|进行)?(收集|收运|暂存|贮存|中转)|不(做|进行|涉及)(利用|处置|利用处置|综合利用)|(收集|收运)[^。；;\n]{0,24}?(转运|交|送)[^。；;\n]{0,8}?(持证|有资质)/;
/** Buying: only the object bought is off site; it ends at the next verb-like boundary. */
const BOUGHT = ['外购', '采购', '购买', '外采', '购入', '外购的', '进口', '买'];
/** …and after the word in its clause: 主板外购, 电芯外采 (the thing named before the verb is bought). */
const BOUGHT_AFTER = ['外购', '外采', '采购', '进口', '是买的', '买的', '买来的', '买现成', '进料'];
// (买商品木浆板回来碎浆抄纸: what is done with it after it is brought back is the lead's)
// (…and a step of making worked on the bought material: 外购电解铜、锌锭熔配黄铜棒, 外购钢管切割焊接成货架)
const OBJECT_END = [
  '进行',
  '后',
  '再',
  '然后',
  '经',
  '并',
  '用于',
  '自行',
  '自己',
  '加工',
  '生产',
  '制成',
  '制造',
  '组装',
  '回来',
  '回厂',
  '熔配',
  '熔炼',
  '熔化',
  '熔铸',
  '做成',
  '纺丝',
  '拉丝',
  '注塑',
  '挤出',
  '压铸',
  '冲压',
  '造粒',
  '织造',
  '切割',
  '焊接',
  // (…and what is built with it: 利用临江岸线建设游艇生产基地)
  '建设',
  '新建',
  '打造',
];
/** Using up a material (for product words only: 采用…工艺 is the lead's own process): 使用粉末涂料, 原料为ABS. */
const CONSUMED = [
  '使用',
  '采用',
  '选用',
  '耗用',
  // (…and a material turned to account: 利用果汁厂的橘皮, 利用酒糟 — not 综合利用, the lead's own trade in it)
  '利用',
  '原料为',
  '原料是',
  '原材料',
  '主要原料',
  '原料',
  '耗材',
  // a coating applied is a material used (外壳喷的是水性漆, 表面涂氟碳漆), not the paint works' product
  '用的是',
  '喷的是',
  '涂的是',
  '刷的是',
  '喷涂',
];
/** A bare 用 consumes too (外观件用粉末涂料), but not in 用于, 应用, 用户, 费用 …. */
/** Characters before 用 that make a verb of use (使用, 采用, 耗用…), not X用 "for X". */
export const NOT_USE_BEFORE = '使采选应适通试作费信实专自耗运利享引借租';
const NOT_USE_AFTER = '于户途地电水工人量品';
/** What a modifier qualifies: equipment, systems, software, services and treatment of what the process leaves. */
const HEADS = [
  '设备',
  '装备',
  '机械',
  '机组',
  '成套',
  '机器人',
  '反应釜',
  '釜',
  '罐',
  '系统',
  '平台',
  '软件',
  // (…named by their acronyms: 印染车间MES, 电镀厂ERP, 化工SaaS; the text is lower-cased)
  'mes',
  'erp',
  'saas',
  '检测',
  '监测',
  '运维',
  '咨询',
  '设计',
  '仪器',
  '仪表',
  '配件',
  '备件',
  '模具',
  '控制器',
  '传感器',
  '助剂',
  // (…and the catalyst made for it: 加氢精制催化剂)
  '催化剂',
  // what a process consumes or hangs on, made for those who run it (电镀添加剂, 电镀挂具, 电镀电源)
  '添加剂',
  '药剂',
  '药水',
  '辅料',
  '挂具',
  '治具',
  '夹具',
  '电源',
  '整流器',
  '耗材',
  '解决方案',
  // (a service on the process's works for their owner: 电镀线改造服务, 燃煤锅炉维修)
  '改造服务',
  '改造工程',
  // (…or the digital upgrade of its works or its park, for those who run them: 电镀园区智能化, 印染厂数字化改造)
  '园区智能化',
  '园区数字化',
  '园区信息化',
  '智能化改造',
  '数字化改造',
  '智能化升级',
  '数字化升级',
  '维修',
  '维保',
  '检修',
  '保养',
  '培训',
  '实验室',
  '台账',
  '手续',
  '许可',
  '评估',
  '认证',
  '申报',
  '登记',
  '总代',
  '代理',
  '经销',
  '分销',
  '贸易',
  '分装',
  // (…and the engineering contracted for others' works: 水泥窑SCR脱硝工程总包, 电镀线EPC总包)
  '总包',
];
/**
 * For a product word: what it names is only what the lead's machine or line is for (造纸装备, 发酵罐设备), or
 * what it trades, registers or leases for others (光刻胶国内总代, 农药登记代理, 医疗设备租赁).
 */
const EQUIPMENT_HEADS = [
  // …or what a system inspects, monitors or simulates (轮胎X光缺陷智能检测系统, “数字炼钢”仿真平台)
  '检测系统',
  '检测设备',
  '检测仪',
  '检测装备',
  '仿真平台',
  '仿真软件',
  '管理软件',
  '设备',
  '装备',
  '机械',
  // (…or a generating set a process feeds: 甲醇重整制氢发电机组)
  '发电机组',
  '成套',
  '反应釜',
  '生产线设备',
  '总代',
  '代理',
  '经销',
  '分销',
  '贸易',
  '登记',
  '租赁',
  // repacking or reusing a product is not making it (光刻胶分装, 退役动力电池梯次利用)
  '分装',
  '梯次利用',
];
/** Heads that say the lead trades, repacks or reuses the product (光刻胶总代, 光刻胶分装): its industry, not its making. */
const TRADE_HEADS = ['总代', '代理', '经销', '分销', '贸易', '出口', '进出口', '分装', '梯次利用', '维修', '维保', '翻新', '检修', '保养'];
/** One-character heads, only where the compound ends (染色机, 喷涂器): 机 inside 机加工 is not one. */
const END_HEADS = '机器仪';
/** …and for a product word, the vessels a machine maker makes too (清酒罐, 糖化锅, 反应釜): 清酒罐 is a tank, not sake. */
const PRODUCT_END_HEADS = '机器仪罐釜锅塔';
const COMPOUND_END = '，。；;,.!?！？\n、和及与等或/()（）：:';
/** 项目 after a one-character head ends its compound as punctuation does (压铸机项目); 整机 is never such a head (光机及整机). */
const AFTER_HEAD = ['项目', '厂商', '厂家', '企业', '公司'];
const WHOLE_MACHINE = '整主单';
/** What a process leaves, and what is done with it: 电镀废水处理, 印染污泥处置 (not the process itself). */
const WASTES = ['废水', '污水', '废气', '尾气', '污泥', '废液', '废渣', '固废', '危废', '废料'];
const WASTE_HEADS = ['处理', '治理', '处置', '回收', '利用', '收集', '运输', '检测', '监测'];
/** Words between a process and its head that keep the compound: what a process leaves, and what is made for it. */
const MAX_GAP = 6;
/** Before the word in its clause: the lead serves or supplies those who do it. */
const CUSTOMER = [
  '面向',
  '服务于',
  // 已服务70多家染厂: what follows 服务 in its clause are the lead's customers (提供电镀服务 has the word before it)
  '服务',
  '针对',
  '供应给',
  '销往',
  '卖给',
  '销售给',
  '出售给',
  '供货给',
  '客户包括',
  '客户有',
  '客户为',
  '客户是',
  '客户主要是',
  '客户多为',
  '服务对象',
  '客户涵盖',
  '主要客户',
  '下游客户',
];
/** Verbs of supplying: what follows is a customer only when it is a firm (晶圆厂, 染整企业; 年产5万吨，供压铸厂; 出口东南亚轮胎厂). */
const SUPPLY_TO = ['供应', '供货', '供给', '供', '出口'];
/** After a material's role (发泡剂, 溶剂, 清洗剂): the verb naming what fills it — the role is the lead's input, not its product. */
const ROLE_FILLED_AFTER = /^(?:[:：]\s*)?(?:采用|选用|使用|用的是|改用|为)(?!于)/;
/** Right before a step: the customer does it (交客户自行染整, 由客户自己电镀, 品牌方自己印花). */
const CUSTOMER_DOES_BEFORE = /(?:客户|买方|买家|品牌方|下游厂家?)(?:那边|方)?(?:自行|自己|负责|去|来)$/;
/** A label or a clause naming customers, however written: 客户：, 客户主要为, 下游客户多是, 目标客户群为. */
const CUSTOMER_LABEL = /客户(群体|群)?(主要|大多|多|均|都|基本)?(为|是|有|包括|涵盖|集中在|：|:)/g;
function labelledCustomers(text: string, s: number, start: number, firmsWhoDo = false): boolean {
  const before = text.slice(s, start);
  CUSTOMER_LABEL.lastIndex = 0;
  for (let m = CUSTOMER_LABEL.exec(before); m; m = CUSTOMER_LABEL.exec(before)) {
    const value = before.slice(m.index + m[0].length);
    if (SERVE_VERBS.some((v) => value.includes(v)) && !firmsWhoDo) continue;
    // in a follow-up note 客户 is the firm being courted (客户：某电镀厂，想搬迁扩建; 客户是一家印染企业，计划…): one firm,
    // named as 某/一家, or a note that goes on with its plans, is the lead, not its customers
    if (!m[2] && (ONE_FIRM.test(value) || COURTED.test(text.slice(start, start + 40)))) continue;
    return true;
  }
  return false;
}
/** One firm, as a note names the lead (某电镀厂, 一家印染企业, 嘉兴某皮革企业). */
const ONE_FIRM = /^[^，,。；;,\n]{0,4}?(某|一家|这家|那家)/;
/** …and its plans, in the same line (想搬迁扩建, 拟扩产, 计划新增, 需求：40亩). */
const COURTED = /^[^\n]{0,40}?(想|拟|计划|打算|准备|需求|需要|要求)/;
const FIRM_AFTER = /^[^，。；,;]{0,6}?(厂|企业|公司|厂家|厂商|集团)/;
/** 服务 ending a noun: 服务型, 服务业, 服务商, 服务区, 服务平台, 服务中心, 服务公司… */
const SERVICE_NOUN = /^(型|业|商|区|站|端|类|器|中心|平台|机构|公司|企业|集团|有限|队)/;
/** …firms right after the word, then what the lead does for them (汽车电子企业提供, 药企等提供). */
const FIRMS_SERVED = /^[^，。；,;、]{0,4}?(企业|厂商|厂家|工厂|客户|用户|车企|药企|主机厂)等?(提供|服务|配套|供应|供货|定制)/;
/** 为/给 as a preposition (not 成为, 作为, 以…为, 为主). */
const FOR_WHOM_AT = /(^|[^成作认称因以更])(为|给)[^主]/;
/** An English verb of using or buying a material, or a label of inputs (charge materials are, feedstock is), with at most a
 * few words before the material. */
const ENGLISH_USED_BEFORE =
  /\b(?:uses?|using|consumes?|consuming|consumption\s+of|buys?|bought|purchases?|purchased|sources?|sourced|applies|applied|feeds?|fed\s+with)\s+(?:[a-z0-9%/.,()-]+\s+){0,5}$|\b(?:(?:raw|charge|input|feed|starting)\s+materials?\s*(?:are|is|include|includes|consist\s+of|:)|feedstocks?\s*(?:are|is|include|includes|:))\s+(?:[a-z0-9%/.,()-]+\s+){0,12}$/;
/** …or a yearly tonnage right before it (60 t/yr of e-coat paint). */
const ENGLISH_TONNES_OF_BEFORE =
  /\b\d[\d,.]*\s*(?:t|tonnes?|tons?)\s*(?:\/\s*(?:yr|year|a)|a\s+year|per\s+year|per\s+annum)\s+of\s+(?:[a-z-]+\s+){0,3}$/;
/** Words of making or selling in an English sentence: its tonnage is then an output. */
const ENGLISH_OUTPUT =
  /\b(?:produc(?:e|es|ed|ing|tion)|output|make|makes|making|manufactur\w*|capacity|sell|sells|ship|ships|supply|supplies|blend|blends|formulat\w*)\b/;
function englishConsumed(text: string, start: number): boolean {
  // (an English sentence ends at a full stop before a space or a line's end, as well as where a Chinese one does)
  const [s0, e0] = sentenceBounds(text, start);
  const stop = text.lastIndexOf('. ', start);
  const s = Math.max(s0, stop >= 0 ? stop + 2 : 0);
  const next = text.indexOf('. ', start);
  const e = next >= 0 && next < e0 ? next : e0;
  const before = text.slice(Math.max(s, start - 80), start);
  if (ENGLISH_USED_BEFORE.test(before)) return true;
  return ENGLISH_TONNES_OF_BEFORE.test(before) && !ENGLISH_OUTPUT.test(text.slice(s, e));
}
/** Verbs after which a word is a place: carried to, sent to, lying in, coming from. */
const PLACE_VERB_BEFORE = /(运到|运往|发到|发往|送到|送往|拉到|拿到|位于|地处|来自|迁往|搬到|搬往|坐落于)$/;
/** For product words: what the product is used in or measured against is not what the lead makes (用于IGBT散热, 对标BD). */
const APPLIED = ['用于', '应用于', '适用于', '配套于', '对标', '投向', '投资于'];
/** Before a product word: a step of the lead's and a bare 用 (涂布用, 清洗时用, 制冷用的是): what follows is consumed there. */
const STEP_USES_BEFORE =
  /(涂布|涂覆|清洗|稀释|萃取|提取|溶解|消毒|冷却|制冷|焊接|切割|电镀|喷涂|印刷|反应|发泡|脱脂|蚀刻|浸渍|烧结|干燥|分散)(?:时|工序|过程中|环节)?(?:要|需要|需|都|主要)?用(?:的是|的|了)?\s*$/;
/** Before a product word: put on or into it (贴在, 装在, 用在, 集成在); after it, within a few characters, 上/里/中/内. */
const PUT_ON_BEFORE = /(贴在|装在|用在|安装在|集成在|嵌在|嵌入|戴在|穿在|挂在|放进|装进|植入)[^，,。；;\n]{0,6}$/;
const PUT_ON_AFTER = /^[^，,。；;\n]{0,5}?(上|里|中|内|表面)/;
/** A fund's targets (重点投资原料药企业): only where the text is about a fund, not a firm's own plan (重点投资建设…). */
const FUND_TARGET = ['重点投资', '主要投资', '专注投资', '聚焦投资'];
const FUND = /基金|创投|风投|股权投资|投资机构|资本管理|资产管理/;
/** A machine counted right after its name is the lead's equipment (注塑机80台), unless it is the output (年产…). */
const COUNTED = /^\s*\d+(台|套)/;
/** Weak cues (为印染企业提供…, 给化工厂做…): only with a verb of serving after the word. */
const FOR_WHOM = ['为', '给', '帮助', '帮'];
/** What the lead does for them: the beneficiary ends where one of these begins (为客户提供电镀加工: the lead's own). */
const SERVE_VERBS = ['提供', '供应', '生产', '开发', '加工', '制造', '做', '从事', '进行', '承接', '代工'];
/** After a word: it ends a clause naming firms by what they do (做染料的企业, 从事电镀的厂家): those firms', not the lead's. */
const WHO_DO_IT = /^[^，,。；;\n]{0,10}?的(企业|厂家|工厂|厂|公司|客户|行业|单位|同行)/;
const SERVE_AFTER = ['提供', '服务', '配套', '供应', '供货', '生产', '开发', '研发', '定制', '设计', '做', '办'];
const NOT_DONE = '不未免';
/** 那家, 这家, 的那个: the word before names the firm a note is about (staff write of a lead by what it makes). */
const FIRM_REFERENCE = /^的?(那家|这家|那个|这个)/;
/** …渠道 after the word in its clause, with no verb between (民营医院渠道, 商超和电商渠道): a sales channel. */
const CHANNEL_AFTER = /^([^，,。；;,\n]{0,8}?)渠道(?!商|代理|运营|经销)/;
const CHANNEL_VERB = /进|走|通过|销|卖|供|入驻|铺|开拓|拓展|生产|制造|做|回收|收购/;
function salesChannel(text: string, start: number, end: number): boolean {
  const m = CHANNEL_AFTER.exec(text.slice(end, clauseBounds(text, start, end)[1]));
  return m !== null && !CHANNEL_VERB.test(m[1]!);
}
/** …为原料 after the word, across a list of other materials (、工业硅为原料; 等为主要原材料). */
// (…or, in a fermentation, its carbon or nitrogen source: 葡萄糖为碳源)
const AS_FEEDSTOCK = /^([、和及与][^，,。；;,、\n]{1,8}?)*等?(为|作为)(主要)?(原料|原材料|基材|主料|碳源|氮源|底物)/;
/** A laboratory's biosafety grade (BSL-3, ABSL-3, P3) before 实验室 names the lab itself, not a lab for a process. */
const LAB_GRADE = /^(a?bsl-?\d|p\d|生物安全[一二三四]级)$/;
/** Where the word ends, with the lab its grade names (BSL-3实验室): a head after the lab still qualifies it (…实验室设计). */
// (…and so does a transgenic word before a lab of its kind, 转基因动物模型实验室: the lab itself, 名录 第98项 转基因实验室)
const LAB_KIND = /^(转基因|基因编辑|基因敲除)/;
function labEnd(text: string, start: number, end: number): number {
  const word = text.slice(start, end);
  const kind = !LAB_GRADE.test(word) && LAB_KIND.test(word);
  if (!kind && !LAB_GRADE.test(word)) return end;
  const m = (
    kind ? /^(动物|小鼠|大鼠|斑马鱼|植物|细胞)?(模型)?(动物)?(构建)?实验室/ : /^(（[^）]{0,10}）|\([^)]{0,10}\))?(动物)?实验室/
  ).exec(text.slice(end, end + 16));
  if (!m) return end;
  // (a list after the lab names other rooms, 及配套动物实验室, not what the lab is for: nothing after it qualifies it then)
  return '、和及与'.includes(text[end + m[0].length] ?? '') ? text.length : end + m[0].length;
}
/** Before a lab the lead uses and does not run (依托浙大P3实验室, 借助高校…实验室). */
const RELIES_ON = /(依托|借助|利用)([^，,。；;\n]{0,10})$/;
/** …not its own or one it builds (利用现有厂房改建P3实验室, 依托自有P3实验室). */
const OWN_OR_BUILT = /现有|自有|闲置|自建|本公司|公司/;
function reliesOnLab(text: string, start: number, end: number): boolean {
  if (!/实验室$/.test(text.slice(start, labEnd(text, start, end)))) return false;
  const [s, e] = clauseBounds(text, start, end);
  const m = RELIES_ON.exec(text.slice(s, start));
  return m !== null && !OWN_OR_BUILT.test(m[2]!) && !/新建|改建|扩建|建设|新增/.test(text.slice(s, e));
}
/** Work done on a lab, after it (P3实验室装修工程, BSL-3实验室设计施工). */
const LAB_WORK = /^的?(装修|装饰|施工|工程|改造|设计|咨询|运维|验证|建设服务|epc)/;
function labWork(text: string, start: number, end: number): boolean {
  // (the word is a lab, P3实验室, or a grade the lab follows, BSL-3实验室)
  const at = text.endsWith('实验室', end) ? end : labEnd(text, start, end);
  if (at === end && !text.endsWith('实验室', end)) return false;
  return LAB_WORK.test(text.slice(at, at + 5));
}
/** Servicing right after a product word (机床维修, 电梯维保, 设备翻新). */
const SERVICED_AFTER = /^的?(维修|维保|翻新|检修|保养)/;
/**
 * 在…上, 依托/借助 …, or 基于 … where software is built on it, before the word in its clause and a few characters away
 * (在国产GPU上, 基于国产芯片开发软件; not 基于视觉的工业机器人, which describes the robot).
 */
const BUILT_ON = /(基于|依托|借助|在)([^，,。；;,、\n的]{0,4})$/;
function builtOn(text: string, start: number, end: number): boolean {
  const [s, e] = clauseBounds(text, start, end);
  const m = BUILT_ON.exec(text.slice(Math.max(s, start - 6), start));
  if (!m || /做|制造|生产|建设|研发|开发/.test(m[2]!)) return false;
  if (m[1] === '在') return /^(之)?上/.test(text.slice(end, end + 2));
  // 基于 X 开发软件: X is what software is built on; 基于视觉的工业机器人 describes the robot
  if (m[1] === '基于') return /(开发|研发|做)[^，,。；;\n]{0,8}(软件|app|平台|算法|系统|框架|应用)/.test(text.slice(end, e));
  return true;
}
/** 给扫地机器人那家做配套, 锂电池那家的供应商: the firm referred to is the lead's customer, not the lead. */
function servesReferenced(text: string, start: number, end: number): boolean {
  const [s] = clauseBounds(text, start, end);
  return (
    /给|为|帮|替|客户是|供|跟|和|与|同/.test(text.slice(s, start)) ||
    /^的?(那家|这家|那个|这个)(企业|公司|厂)?的(供应商|配套商|客户|包装|代工)/.test(text.slice(end, end + 12))
  );
}
/** 推荐的, 介绍过来的, 引荐的: the word before names who brought the lead in. */
const REFERRER_AFTER = /^(推荐|介绍|引荐|牵线|转介)(的|过来|来)(?!视频|资料|材料|文件|情况|ppt|内容|方案)/;

/** Every character a cue of this module begins with (or, for 好的/后的…, holds). */
const CUE_CHARS = new Set(
  [
    ...HANDED_OFF,
    ...TAKEN_IN,
    ...BOUGHT,
    ...BOUGHT_AFTER,
    ...CONSUMED,
    ...CUSTOMER,
    ...APPLIED,
    ...FOR_WHOM,
    '由',
    // (DONE_ELSEWHERE's sending and placing: 电镀全部发到宁波去做, 送到…去镀, 放在…基地, 那边的工厂)
    '发',
    '送',
    '放',
    '在',
    '那',
    '已',
    '用',
    '好',
    '后',
    '过',
    '完',
  ].map((w) => w.charCodeAt(0)),
);

/** The characters that end a clause, by code (a character code read from the text allocates nothing). */
// (a step list's arrow or dash ends a step: 型材外购—CNC—硬质阳极氧化, 外购坯布→湿法涂层)
const CLAUSE_END = new Set(Array.from('，。；;,.!?！？\n—→', (c) => c.charCodeAt(0)));
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/**
 * The clauses of the last text read, built once per text (every word of a lead asks for its clause several times):
 * per position, where its clause starts (looking back from it) and ends (looking on from it), and how many cue
 * characters stand before it.
 */
let indexed: string | undefined;
let clauseStartAt = new Int32Array(0);
let clauseEndAt = new Int32Array(0);
let cuesBefore = new Int32Array(0);
function indexText(text: string): void {
  if (text === indexed) return;
  const n = text.length;
  if (clauseStartAt.length < n + 1) {
    clauseStartAt = new Int32Array(n + 1);
    clauseEndAt = new Int32Array(n + 1);
    cuesBefore = new Int32Array(n + 1);
  }
  clauseStartAt[0] = 0;
  cuesBefore[0] = 0;
  // (…and so does a space between Chinese words in a chat message: 车架自己焊 自己涂装)
  // (…and so do a spoken filler and 然后 in a transcript without stops: 从生皮开始做嗯浸水脱脂然后铬鞣…然后做成皮褥子他们现在在
  // 吴忠那边的厂子要关了 — the old works is not where the tanning named two steps before is done)
  const ends = (i: number) => {
    const c = text.charCodeAt(i);
    return (
      CLAUSE_END.has(c) ||
      (c === 32 && isHan(text.charCodeAt(i - 1)) && isHan(text.charCodeAt(i + 1))) ||
      c === 0x55ef /* 嗯 */ ||
      (c === 0x7136 /* 然 */ && text.charCodeAt(i + 1) === 0x540e) /* 后 */
    );
  };
  for (let i = 1; i <= n; i++) {
    const c = text.charCodeAt(i - 1);
    clauseStartAt[i] = ends(i - 1) ? i : clauseStartAt[i - 1]!;
    cuesBefore[i] = cuesBefore[i - 1]! + (CUE_CHARS.has(c) ? 1 : 0);
  }
  clauseEndAt[n] = n;
  for (let i = n - 1; i >= 0; i--) clauseEndAt[i] = ends(i) ? i : clauseEndAt[i + 1]!;
  indexed = text;
}

/** Does the clause around the word hold any character a cue begins with? */
function cued(text: string, start: number, end: number): boolean {
  const [s, e] = clauseBounds(text, start, end);
  return cuesBefore[e]! - cuesBefore[s]! > 0;
}

function clauseBounds(text: string, start: number, end: number): [number, number] {
  indexText(text);
  return [clauseStartAt[start]!, clauseEndAt[end]!];
}

/** A colon between `end` and `cue` that closes a statement longer than a field's label (本次入园主体只做智能门锁：). */
function colonAfterStatement(text: string, s: number, end: number, cue: number): boolean {
  for (let i = end; i < cue; i++)
    if (text[i] === '：' || text[i] === ':') return i - s > LABEL_MAX || /做|生产|制造|主营/.test(text.slice(s, i));
  return false;
}
/** The longest a field's label runs (工艺、原辅材料、表面处理、主要生产设备). */
const LABEL_MAX = 8;

function handedOff(text: string, start: number, end: number): boolean {
  // (what the process leaves is what is handed over: 电镀废水委托有资质单位处理 keeps the plating the lead's)
  if (WASTES.some((w) => text.startsWith(w, end))) return false;
  const [s, e] = clauseBounds(text, start, end);
  const clause = text.slice(s, e);
  if (TAKEN_IN.some((w) => clause.includes(w))) return false;
  // a cue inside the word, or 第三方 right before it, names what the lead is (第三方检测实验室, 第三方物流), not who it hands to
  const counts = (w: string) => {
    for (let at = clause.indexOf(w); at >= 0; at = clause.indexOf(w, at + 1)) {
      const from = s + at;
      const to = from + w.length;
      if (from < end && to > start) continue;
      if (w === '第三方' && to === start) continue;
      // (…and so does 第三方 naming the lead's kind of firm: 某第三方检测机构拟建P3实验室, 我们是一家第三方检测公司)
      if (
        w === '第三方' &&
        /^[^，,。；;\n]{0,6}?(?:机构|公司|实验室|企业|平台|中心)/.test(text.slice(to, to + 12)) &&
        /(?:某|一家|是|为|作为|本|我们|[:：，,。]|^)$/.test(text.slice(Math.max(s, from - 3), from))
      )
        continue;
      if (w === '外送' && (text[to] === '地' || '不无未'.includes(text[from - 1] ?? ''))) continue;
      // (a hand-off denied is the lead's own: 化学镀镍这道没委外, 不外协; …or given up: 不想再外发了, 不再外协, 不用再委外)
      // (…or told as a reason or the past, not today's hand-off: 因为外发老是拖货期, 以前外发)
      if (
        '不没未无'.includes(text[from - 1] ?? '') ||
        /(?:不|没|别)(?:想|要|用|打算|准备|会)?再$|(?:因为|由于|以前|之前|原来|过去)$/.test(text.slice(Math.max(0, from - 4), from))
      )
        continue;
      // (…and the hand-off the lead takes in as its business: 做那个医疗器械灭菌外包服务的, 承接电镀外协加工)
      if (
        /^(服务|业务|加工业务|加工服务)/.test(text.slice(to, to + 4)) &&
        /(做|提供|承接|从事|专业)[^，,。；;\n]{0,12}$/.test(text.slice(s, from))
      )
        continue;
      // (a label that says none: 外协：无（电镀、热处理均自做）)
      if (/^[^，,。；;\n:：]{0,4}[:：]\s*(无|没有|否)/.test(text.slice(to, to + 8))) continue;
      // (a colon after a statement, not a label, opens what it is made of: 只做智能门锁：主板贴片外协 hands off the
      // board, not the lock — while 电镀：外协 is a label's field)
      if (from >= end && colonAfterStatement(text, s, end, from)) continue;
      return true;
    }
    return false;
  };
  if (HANDED_OFF.some(counts)) return true;
  // 都在东莞代工厂做, 送到专门的电镀园区去镀: done at another works, or sent there (not a step done before the sending:
  // 零件电镀后送到客户那里去组装)
  const found = DONE_ELSEWHERE.exec(clause);
  // (…not the lead's own works: 我们电镀厂镀好后发货)
  const elsewhere =
    found && /好/.test(found[0]) && /我们|我司|本公司|本厂|自己|自有|咱/.test(clause.slice(0, found.index + 1)) ? null : found;
  if (elsewhere && !(start < s + elsewhere.index && /后|完|好/.test(text.slice(end, s + elsewhere.index)) && /^[送发]/.test(elsewhere[0])))
    return true;
  // (…and the word is that works' own: 潍坊一家铸造厂供; 发给绍兴那边一家印染厂 — not a step before the sending: 电镀件发给客户工厂)
  const supplier = OTHER_WORKS_SUPPLY.exec(clause);
  if (
    supplier &&
    s + supplier.index <= start &&
    end <= s + supplier.index + supplier[0].length &&
    // (not the lead itself: 我们是一家电镀厂，供周边企业)
    (!/我们|我司|本公司|咱们|是|为/.test(text.slice(s, s + supplier.index)) ||
      // (…but a material said to be what the works supply is theirs: 原料皮为盐池、同心两家鞣制厂供应的熟皮)
      (!/我们|我司|本公司|咱们/.test(text.slice(s, s + supplier.index)) &&
        /(原料|原材料|材料|坯|来料|皮|料)[^，,。；;\n]{0,2}(为|是)/.test(text.slice(s, s + supplier.index))))
  )
    return true;
  const sentTo = SENT_TO_WORKS.exec(clause);
  if (sentTo && s + sentTo.index + sentTo[1]!.length <= start && end <= s + sentTo.index + sentTo[0].length) return true;
  BY_SOMEONE.lastIndex = 0;
  if (BY_SOMEONE.test(clause)) return true;
  // 倒模外发给番禺的工厂，电镀也是工厂做: 也 joins the step to the works the clause before handed work to
  return ALSO_THEIRS.test(clause) && s > 0 && handedBefore(text, s);
}

/** …也是工厂做, 也由他们做, 也在那边做: the same works as the clause before (also, by them). */
const ALSO_THEIRS =
  /也(?:是|都|由|在|交给|给|归)?(?:他们|她们|那边|对方|人家|该厂|那家|工厂|代工厂|外协厂|合作厂|加工厂|供应商|厂家)[^，,。；;\n]{0,4}?(?:做|加工|完成|负责|搞|处理)/;
/** Whether the clause that ends right before `at` (within its sentence) hands its step to others. */
function handedBefore(text: string, at: number): boolean {
  let e = at;
  while (e > 0 && '，,、 '.includes(text[e - 1]!)) e--;
  if (e === 0 || '。；;!?！？\n'.includes(text[e - 1]!)) return false;
  const [s] = clauseBounds(text, e - 1, e);
  const before = text.slice(s, e);
  return HANDED_OFF.some((w) => before.includes(w)) || SENT_TO_WORKS.test(before) || DONE_ELSEWHERE.test(before);
}

function objectOf(verbs: readonly string[], text: string, start: number): boolean {
  const [s] = clauseBounds(text, start, start);
  for (const w of verbs) {
    for (let at = text.indexOf(w, s); at >= 0 && at < start; at = text.indexOf(w, at + 1)) {
      // the object runs from after the verb to the first boundary; the word must lie inside it
      const between = text.slice(at + w.length, start);
      // (…not a plot or a fund used to build the lead's own project: 地块用于建设年产80万吨冷轧板项目)
      if (w === '用于' && /^(?:建设|新建|兴建|投资建设|建造|扩建|实施)/.test(between)) continue;
      // (…not the head a 用于…的 clause qualifies: 一间用于攻毒保护试验的生物安全三级实验室 is the lab, not what it is for)
      if (!OBJECT_END.some((b) => between.includes(b)) && !between.endsWith('的')) return true;
    }
  }
  return false;
}

/**
 * A process word right after the material a buy verb governs, naming what the lead does to it (外购涤纶切片熔融纺丝, 外购
 * 铝型材阳极氧化): its own step — not a material the process made (外购镀锌钢管, 外购电镀件, 外购已阳极氧化的型材).
 */
function stepOnBought(text: string, start: number, end: number): boolean {
  const [s] = clauseBounds(text, start, start);
  const before = text.slice(s, start);
  const verb = BOUGHT.map((w) => ({ w, at: before.lastIndexOf(w) })).sort((a, b) => b.at - a.at)[0]!;
  if (verb.at < 0) return false;
  const material = before.slice(verb.at + verb.w.length);
  return (
    /[\u4e00-\u9fffa-z0-9）)]{2,}$/.test(material) &&
    !/(已|已经|的|好)$/.test(material) &&
    !/^(?:加工|处理|工艺)?(?:的|好|过|后的|完)|^(?:件|板|管|卷|带|丝|布|纱|线材|型材)/.test(text.slice(end, end + 5))
  );
}

function alreadyDone(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 3);
  if ((before.endsWith('已') || before.endsWith('已经')) && /^(好|过|完|处理)?的/.test(after)) return true;
  // (…or a state listed of the material in its brackets: 熟皮（已鞣制、已染色）)
  if (
    (before.endsWith('已') || before.endsWith('已经')) &&
    /^[、，,）)]/.test(after) &&
    /[（(][^（）()]{0,12}$/.test(text.slice(Math.max(0, start - 14), start))
  )
    return true;
  if (/^(好的|后的|过的|完的)/.test(after)) return true;
  // (…or one of steps listed as done before the material: 外购已完成焙烧和石墨化的等静压石墨块)
  return STEPS_DONE_BEFORE.test(text.slice(Math.max(0, start - 16), start)) && STEPS_DONE_AFTER.test(text.slice(end, end + 16));
}
/** Before a step in a list the text says done (已完成焙烧和…, 已经过酸洗、…): the done word and the steps before it. */
const STEPS_DONE_BEFORE = /(?:已经?(?:完成|做完|做好|经过)|完成了)(?:[\u4e00-\u9fff]{1,6}?(?:和|、|及|与|以及))*$/;
/** …after it, the rest of the list up to the 的 of the material (…和石墨化的). */
const STEPS_DONE_AFTER = /^(?:(?:和|、|及|与|以及)[\u4e00-\u9fff]{1,6}?)*(?:好|过|完|处理)?的/;

const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const OUTPUT_BEFORE = /年产|月产|产能/;
/** A count of machines right after their name (20组, 12台套). */
const OWN_COUNT = /^\s*[\d一二三四五六七八九十两]+\s*(台|套|组|条|座|个|只|口)/;
/** …or said to stand in the lead's own works right after their name (发酵、清酒罐都在厂里, 反应釜放在本厂车间). */
const OWN_PLACE = /^\s*(都|均|全|全部|也)?(是)?(在|放在|设在|装在)(厂里|厂内|本厂|自己厂|我们厂|车间|自己的?车间|园区内?)/;
/** …or said, in their clause before them, to be built, installed or listed as the lead's equipment (项目建设酸洗—冷轧联合机组, 主要装备为…机组一套). */
// (…or a power plant's units the lead builds, 拟建2×350MW超临界燃煤热电联产机组)
const INSTALLED_BEFORE =
  /(?:建设|新建|拟建|兴建|投建|新上|配置|配备|安装|购置|主要装备为|主要设备为|装备为|设备为|建成)[^，,。；;\n]{0,16}$/;

/**
 * Heads that qualify only the word right before them (电镀质感, 电镀液分析): across a list they are other steps of the
 * lead (电镀、喷涂和理化分析; 表面处理车间：电镀、化验).
 */
// (…and a colour named after it: 电镀色效果)
const ATTACHED_HEADS = /^(液|水|膜|色)?(质感|效果|外观效果|风格|分析|化验)/;

/** The first characters of a head list (most characters start no head: one set lookup instead of a scan). */
const FIRST_CHARS = new WeakMap<readonly string[], Set<string>>();
function firstChars(heads: readonly string[]): Set<string> {
  let set = FIRST_CHARS.get(heads);
  if (!set) FIRST_CHARS.set(heads, (set = new Set(heads.map((h) => h[0]!))));
  return set;
}

/**
 * Does a head follow the word within its compound? The compound runs on over at most MAX_GAP Chinese
 * characters (Latin letters and digits do not count: 仿真CAE软件) and across a list (铸造、注塑工艺…软件);
 * it ends at any other delimiter.
 */
/** The lead holding a licence (持有, 已取得, 具备…), right before the process it names. */
const HOLDS_PERMIT = /(持有|取得|拥有|具备|已获|获得|领有|持)[^，,。；;\n]{0,10}$/;
/** …and not a service that obtains one for others (为企业办理, 协助取得, 代办). */
const PERMIT_FOR_OTHERS = /为|帮|协助|代办|代理|咨询|指导|客户/;
function modifies(
  text: string,
  start: number,
  end: number,
  heads: readonly string[] = HEADS,
  endHeads = END_HEADS,
  /** what a process leaves and its treatment (电镀废水处理) counts as a head: not where a machine is asked for */
  wastes = true,
): boolean {
  if (explainsHead(text, start, heads, endHeads)) return true;
  // (a vessel or machine the lead makes, named with the making after it: 发酵罐和生物反应器制造：不锈钢罐体卷板、焊接)
  if (heads === HEADS && /[罐釜器机炉塔槽]$/.test(text.slice(start, end)) && VESSEL_MADE_AFTER.test(text.slice(end, end + 24))) return true;
  if (heads === HEADS && ATTACHED_HEADS.test(text.slice(end, end + 6))) return true;
  // (…and an agent named for the process, traded or made, not used: 代理鞣剂、复鞣剂、加脂剂 — 年用铬鞣剂300吨 tans)
  if (
    heads === HEADS &&
    /^剂(?!量)/.test(text.slice(end, end + 2)) &&
    !/使用|采用|用|投加|添加|加入|消耗|耗/.test(
      text
        .slice(Math.max(0, start - 12), start)
        .split(/[，,。；;\n]/)
        .pop()!,
    )
  )
    return true;
  let waste = WASTES.some((w) => text.endsWith(w, end) && end - start >= w.length);
  // a word that is itself a machine or a vessel (贴片机, 反应釜) is a head of its own: a whole machine after a conjunction is
  // the next item's (SMT贴片机和AOI检测设备), not its own — parts or services after it are still for both (压铸机、注塑机配件)
  // (a product word's: a process word ending in a vessel keeps the list's head, 发酵罐、清酒罐 of a tank maker's products)
  const ownHead = heads !== HEADS && end > start && (endHeads.includes(text[end - 1]!) || heads.some((h) => text.endsWith(h, end)));
  let crossed = false;
  let cjk = 0;
  for (let at = end; at < text.length && cjk <= MAX_GAP; at++) {
    const c = text[at]!;
    if (c === '、' || c === '和' || c === '及' || c === '与' || (c === '/' && heads !== HEADS)) {
      crossed = true;
      continue;
    }
    if (isDelim(c)) return false;
    // (a verb of using or keeping between ends the compound: 环氧乙烷采用纯品储罐供气 is the chemical in its tank, not a tank made
    // for it)
    if (GAP_VERB.test(text.slice(at, at + 3))) return false;
    // (a count ends the word: BSL-3实验室1间、BSL-2实验室6间 — the second lab is no head of the first)
    if (at > end && isDigit(c.charCodeAt(0)) && /[间台套条座个]/.test(text.slice(at + 1, at + 4))) return false;
    // (a design capacity is the lead's own: 电镀项目设计产能, 设计规模, 甲苯设计存放250吨)
    if (
      firstChars(heads).has(c) &&
      heads.some((h) => text.startsWith(h, at)) &&
      !/^设计(产能|规模|能力|年产|储量|最大|容量|库容|储存|存量|存放|存储|贮存|周转)/.test(text.slice(at, at + 4))
    ) {
      // (machines the lead counts as its own equipment run the process: 建设自动缫丝机组20组, not 年产缫丝机组20组; or says
      // stand in its works: 糖化、发酵、清酒罐都在厂里)
      const head = heads.find((h) => text.startsWith(h, at))!;
      // (a platform that runs the step is the lead's own works: 原料药中试平台, 原料药生产平台 — not 原料药管理平台)
      if (head === '平台' && /中试|生产|制备|合成|放大|发酵/.test(text.slice(end, at))) return false;
      // (a licence the lead holds for the process is its own: 持有HW06、HW42的经营许可证 — not a permit served for others)
      if (
        head === '许可' &&
        HOLDS_PERMIT.test(text.slice(Math.max(0, start - 12), start)) &&
        !PERMIT_FOR_OTHERS.test(text.slice(Math.max(0, start - 24), start))
      )
        return false;
      if (
        heads === HEADS &&
        /^(机组|设备|装备|反应釜|釜|罐)$/.test(head) &&
        (OWN_COUNT.test(text.slice(at + head.length, at + head.length + 6)) ||
          OWN_PLACE.test(text.slice(at + head.length, at + head.length + 10)) ||
          (INSTALLED_BEFORE.test(
            text
              .slice(Math.max(0, start - 20), start)
              .split(/[，,。；;\n]/)
              .pop()!,
          ) &&
            !/^(?:的)?(?:制造|生产|研发|研制|设计|销售|基地|产业|厂|项目)/.test(text.slice(at + head.length, at + head.length + 3)))) &&
        !OUTPUT_BEFORE.test(text.slice(Math.max(0, start - 16), start))
      )
        return false;
      // (a vessel a step is run in is where the process runs, not what is made for it: 菌种扩培、百立方大罐培养; 釜式聚合)
      if (heads === HEADS && /^(反应釜|釜|罐)$/.test(head) && VESSEL_WORK_AFTER.test(text.slice(at + head.length, at + head.length + 3)))
        return false;
      if (ownHead && crossed && WHOLE_MACHINE_HEAD.test(head)) return false;
      return true;
    }
    if (
      endHeads.includes(c) &&
      !(ownHead && crossed) &&
      (at + 1 === text.length ||
        COMPOUND_END.includes(text[at + 1]!) ||
        // for a process word, a count after the machine ends its name when the machines are the output
        // (年产…压铸机100台), not the lead's own equipment (压铸机20台)
        (heads === HEADS && isDigit(text.charCodeAt(at + 1)) && OUTPUT_BEFORE.test(text.slice(Math.max(0, start - 16), start))) ||
        (AFTER_HEAD.some((g) => text.startsWith(g, at + 1)) && !WHOLE_MACHINE.includes(text[at - 1] ?? '')))
    )
      return true;
    const left = WASTES.find((w) => text.startsWith(w, at));
    if (left) {
      // (what the process leaves is part of its compound, not a gap: 电镀废水重金属在线监测仪)
      waste = true;
      at += left.length - 1;
      continue;
    }
    if (waste && wastes && WASTE_HEADS.some((h) => text.startsWith(h, at))) return true;
    if (isCjk(c.charCodeAt(0))) cjk++;
  }
  return false;
}

/** After a vessel's or a machine's name, maybe a list: its making (…和生物反应器制造：, 制造项目, 生产基地). */
const VESSEL_MADE_AFTER = /^(?:[、和及与][^，,。；;\n：:]{1,12}?)?(?:制造|生产|加工制造)(?:[:：，,。；;\n]|项目|基地|企业|厂|$)/;
/** A verb in the gap between a word and a head: the head is no compound's (环氧乙烷采用纯品储罐). */
const GAP_VERB = /^(?:采用|使用|选用|储存于|存放于|存于|装于|装在|放在|通过|经过)/;
/** Right after a step: handed to another works, bare 交 included, brackets of detail allowed (电镀（镀白金/镀金）交…电镀厂 — the
 * bracketed kinds too). */
const STEP_HANDED_AFTER =
  /^(?:[（(]?[^（(）)，,。；;\n]{0,20}[）)])?\s*(?:都|全部|均|统一)?(?:交给|交由|交(?![易流通付期叉界互汇接货费税底代办织错谈房钥])|外发给?)[^，,。；;\n]{0,16}?(厂|企业|公司|厂家)(?!房)/;
/** Before an incineration word: exhaust gas sent to its treatment unit (有机废气经RTO, 烘干废气经TNV热力, VOCs采用催化). */
const EXHAUST_BURNT_BEFORE =
  /(废气|尾气|vocs|有机气体|工艺气|臭气|恶臭|烟气)[^，,。；;\n]{0,14}?$|(?<![a-z])(rto|rco|tnv)\s*(蓄热|热力|催化)?\s*$|(蓄热式?|热力|催化)\s*$/;
/** Heads naming a whole machine, an installation or a system (not its parts, consumables or services). */
const WHOLE_MACHINE_HEAD =
  /^(设备|装备|机械|机组|成套|系统|平台|仪器|仪表|检测系统|检测设备|检测仪|检测装备|生产线设备|发电机组|反应釜|釜|罐|机器人)$/;
/** Right after a vessel: the step run in it (罐培养, 釜内聚合), which makes the vessel the lead's equipment, not its product. */
const VESSEL_WORK_AFTER = /^(内|中|里)?(培养|发酵|反应|聚合|合成|酯化|磺化|硝化|氯化|缩合|中和|萃取|蒸馏|精馏)/;
/** A production line named after a process (酿酒生产线, 电镀线): the lead's own line, unless it is what the lead supplies. */
const LINE_HEADS = ['生产线', '产线', '流水线', '整线', '线体'];
/** …it is, when its sentence says lines are delivered or counted as output (整线交付, 年产50条, 生产线供应商). */
const LINES_SUPPLIED = /交付|交钥匙|整线|供应商|制造商|集成商|年产\d+条|月产\d+条|卖给|销往|出口/;
/** A maker of machines, and what for (做电镀设备的, 生产印染装备): its lines of that process are products. */
const MACHINE_MAKER = /(做|生产|制造|主营)([^，,。；;\n]{0,8}?)(设备|装备)(?!维修|维保|检修)/;

/** Is the word the field of a production line the lead builds for others (给酒厂做酿酒生产线, 酿造生产线整线交付)? */
function suppliesLine(text: string, start: number, end: number): boolean {
  // the word may end with the line itself (电镀生产线)
  const word = text.slice(start, end);
  // (…or with 线 right after it: 滚镀线, 电泳线; not 线路板, 线缆)
  const bareLine =
    text[end] === '线' &&
    !/[路缆材圈束条]/.test(text[end + 1] ?? '') &&
    !/自有|自建|厂内|自己|本厂/.test(text.slice(clauseBounds(text, start, end)[0], start));
  // (…or a process word ending in 线 itself: 电镀线)
  const lineWord = word.length >= 3 && word.endsWith('线');
  if (!bareLine && !lineWord && !LINE_HEADS.some((h) => word.endsWith(h)) && !modifies(text, start, end, LINE_HEADS, '')) return false;
  let s = start;
  while (s > 0 && !'。；;!?！？\n'.includes(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !'。；;!?！？\n'.includes(text[e]!)) e++;
  // (…not lines the lead says it owns: 有自己的电镀线, 自建, 厂里)
  const [cs0] = clauseBounds(text, start, end);
  if (/自有|自建|厂内|厂里|自己的|本厂|我们的/.test(text.slice(cs0, start))) return false;
  if (LINES_SUPPLIED.test(text.slice(s, e))) return true;
  // (…and a line the lead says it produces: 我们生产自动电镀线)
  if (/(生产|制造|研制)[^，,。；;\n]{0,4}$/.test(text.slice(cs0, start))) return true;
  // (…and a maker of machines for this very process: 做电镀设备的，龙门式电镀线、…)
  const maker = MACHINE_MAKER.exec(text.slice(s, e));
  if (maker && [...word.replace(/线$/, '')].some((c) => maker[2]!.includes(c))) return true;
  // 给/为 X 做…生产线: X is a customer and the line is what the lead makes for it
  const [cs] = clauseBounds(text, start, end);
  const before = text.slice(cs, start);
  return FOR_WHOM.some((w) => before.startsWith(w)) && SERVE_VERBS.some((v) => before.includes(v));
}

/**
 * Is the product word the field a product is for (医疗和机器人用微型齿轮, 光伏电站用的辐照度传感器, 车规级用…)? X用(的)Y, with at
 * most two characters between (电站): Y is what the lead makes, X where it goes. Not 使用, 应用, 用于, 用户, 用地…
 */
export function fieldOfUse(text: string, start: number, end: number): boolean {
  for (let at = end; at <= end + 2 && at < text.length; at++) {
    const c = text[at]!;
    // (a pause of a transcript breaks the compound: 就是人造丝 用浆粕 — the lead makes 人造丝 from pulp)
    if (c === ' ') return false;
    if (c === '用') {
      if (NOT_USE_BEFORE.includes(text[at - 1] ?? '') && at > end) return false;
      let next = text[at + 1] ?? '';
      if (next === '的') next = text[at + 2] ?? '';
      // (not 用的是, 用的都是: what X uses, 冷库用的是氨制冷)
      return isCjk(next.charCodeAt(0)) && !NOT_USE_AFTER.includes(next) && !'的是都'.includes(next);
    }
    // (a rate is no field: 物流箱一年用回料一万二千吨 — the crates' maker uses regrind, the crates are not for it)
    if (!isCjk(c.charCodeAt(0)) || at - end >= 2 || '年月日天周'.includes(c)) return false;
  }
  return false;
}

/** Before a word in its clause: where a team or a building comes from (来自, 出身, 原为, 前身是). */
/** After a process word: a material it made (镀锌板, 电镀件, 染色布), unless worked on here (电镀件加工). */
// (…nor the firm the note is about: 冷轧板那个, 镀锌管那家)
const PROCESSED_MATERIAL_AFTER = /^(板|管|卷|带|丝|件|布|纱)(?!加工|生产|制造|厂|车间|线|项目|企业|那|这|的那|的这)/;
/** Before a word in its clause: sent into or relying on a facility that is not the lead's (排入, 纳管至, 接入, 送至). */
// (…or the park's own: 园区配套有工业污水集中处理厂, 管委会承诺配套建设…)
// (the park as the subject, 园区已配套…; not as where the lead builds, 拟在园区建设一间…实验室)
const INFRA_USED_BEFORE =
  /(排入|排至|排往|纳管|纳入|接入|接管至|送至|送往)[^，,。；;\n]{0,10}$|(?<![在于到入驻])(园区|管委会|开发区|高新区|经开区)[^，,。；;\n]{0,4}(已|现)?(配套|建有|有|建设|承诺|规划)[^，,。；;\n｜|]{0,8}$/;
/** Before a word in its clause: a neighbour or a former tenant (东侧为, 隔壁, 毗邻, 之前租给一家做…). */
const NEIGHBOUR_BEFORE =
  /(东侧|西侧|南侧|北侧|东面|西面|南面|北面|隔壁|旁边|对面|毗邻|相邻|紧邻|边上|附近)(是|为|有)?(?![^，,。；;\n]{0,2}(建|新建|盖|落地|拿地|买地|选址))[^，,。；;\n]{0,8}$|(之前|原来|以前|此前)[^，,。；;\n]{0,3}租给[^，,。；;\n]{0,8}$|(原|前)租户[^，,。；;\n]{0,6}$|(房东|业主|出租方)(是|为)[^，,。；;\n]{0,6}$/;
/** The lead speaking of itself (我们自己做, 我司主要生产, 我们是做…): its 他们 are others. */
const LEAD_VOICE = /(我们|我司|本公司)(自己|主要|只|就是|是|专业)?(做|生产|制造|从事)/;
/** …or the works whose spare building the lead rents (我们想租的是织美印染厂空出来的一栋成品仓库): its landlord. */
const RENTS_FROM_BEFORE = /租(的是|用|下|了)?[^，,。；;\n]{0,8}$/;
const SPARE_BUILDING_AFTER = /^[厂家]?(空出来|闲置|腾出|多出|富余)|^[厂家]?的[^，,。；;\n]{0,8}?(仓库|厂房|办公楼|宿舍楼|空楼|空置)/;
/** Which of actorOf's rarer checks a text can meet at all, looked at once per text (the last text's answer is kept). */
let cuesText = '';
let cues = {
  uses: false,
  research: false,
  from: false,
  oldSite: false,
  infra: false,
  neighbour: false,
  users: false,
  disposed: false,
  customers: false,
};
function cuesOf(text: string): typeof cues {
  if (text === cuesText) return cues;
  cuesText = text;
  cues = {
    uses: /用/.test(text),
    research: /研究|开发|优化/.test(text),
    from: text.includes('从'),
    oldSite: /旧|遗址|原址|老厂|原/.test(text),
    infra: /排入|排至|排往|纳管|纳入|接入|接管|送至|送往|园区|管委会|开发区|高新区|经开区/.test(text),
    neighbour: /侧|面|隔壁|旁边|毗邻|相邻|紧邻|边上|附近|租给|租户|为邻|房东|业主|出租方|租/.test(text),
    users: /(是|由)(医院|客户|用户|下游|终端|使用方)/.test(text),
    disposed: /交|委托/.test(text),
    customers: /部署|装在|安装|应用在|用在|在用|使用中|验证|认证|导入|那些|这些|客户/.test(text),
  };
  return cues;
}
/** After a word in a 从… frame: what the lead gets from there (采购, 进货, 购买). */
const FROM_SUPPLIER_AFTER =
  /^[^，,。；;\n]{0,14}?(采购|进货|购买|买入|拿货|调货|购进|订购|进口|进(?!行|入|驻|园|厂|场|展|一步|度|化|出)|买(?!单|卖|通|断))/;
/** A sentence that says the neighbouring plant is the lead's own (我们, 公司, 一期) or taken over (收购, 接手, 继续). */
const OWNS_IT = /我们|我司|本公司|公司(?!有限)|自己|自有|一期|二期|收购|接手|继续/;
/** After a word: its users do it with the lead's product (染色是医院病理科自己用, 由客户自己操作). */
const USERS_DO_AFTER = /^(是由|是|由)(医院|客户|用户|下游|终端|使用方)(?!要求)[^，,。；;\n]{0,8}?(用|做|使用|操作)/;
/** After a word: a neighbour of the lead (与一家炼钢厂毗邻). */
const NEIGHBOUR_AFTER = /^[^，,。；;\n]{0,2}(毗邻|相邻|为邻|隔壁)/;
/** After a works' word: the old site it was (旧厂房, 旧址, 老厂区). */
const OLD_SITE_AFTER = /^的?(旧厂房|旧址|老厂房|原址|遗址|旧厂区|老厂区|旧厂)/;
/** After a word: handed to others to dispose of (交有资质单位处置, 委托…回收处理). */
// (right after the word: 电镀废水委托…处理 hands over the waste, the plating stays the lead's)
const DISPOSED_AFTER = /^(等|均|统一|全部|都)?(交由|交给|交|委托)[^，,。；;\n]{0,12}?(处置|处理|回收|收运|拆解)/;
// (…or what a building was: 那栋厂房以前是电镀厂)
const ORIGIN_BEFORE =
  /((?<![进回过出上下])来自(?!己)|出身于?|毕业于|原为|原是|前身是|前身为|曾任职于?|曾在|厂房(以前|原来|之前|过去)是|(以前|原来|之前)是一家)[^，,。；;\n]{0,8}$/;
/** Between 对 and 给予/予以 in a clause (对新引进的集成电路项目给予…补助): what a policy rewards. */
function policyTarget(text: string, start: number, end: number): boolean {
  const [cs, ce] = clauseBounds(text, start, end);
  const before = text.slice(cs, start);
  return /(^\s*(并|另|同时)?对|对[^，,。；;\n]{0,12}$)/.test(before) && /给予|予以|奖励|补助|补贴/.test(text.slice(end, ce));
}

/** Heads that say the lead makes machines: 造纸装备, 电镀生产线设备, 发酵罐成套设备. */
const MACHINE_HEADS = ['设备', '装备', '机械', '成套'];
/** Does the word qualify a machine the lead makes (造纸装备, 电镀生产线设备（…）)? The head is then what it makes. */
export function qualifiesMachine(text: string, start: number, end: number): boolean {
  return modifies(text, start, end, MACHINE_HEADS, '机', false); // 染色机 is a machine, 染色仪 an instrument
}
/** Does the lead trade, repack or reuse the product (光刻胶总代, 光刻胶分装): its industry weakly, never its class? */
export function tradesIn(text: string, start: number, end: number): boolean {
  return modifies(text, start, end, TRADE_HEADS, '', false);
}

/** Does the product word name the kind of a device the lead makes (PLC控制器, 水质监测仪, 医疗传感器)? */
export function namesDevice(text: string, start: number, end: number): boolean {
  return modifies(text, start, end, MACHINE_HEADS, PRODUCT_END_HEADS, false);
}

/** Inside a parenthesis that explains a head (电镀生产线设备（龙门式、滚镀线）): the word names a kind of that head. */
function explainsHead(text: string, start: number, heads: readonly string[], endHeads: string): boolean {
  for (let at = start - 1; at >= 0 && start - at <= 24; at--) {
    const c = text[at]!;
    if (c === '）' || c === ')' || '，。；;,.!?！？\n'.includes(c)) return false;
    if (c === '（' || c === '(') return heads.some((h) => text.endsWith(h, at)) || endHeads.includes(text[at - 1] ?? '');
  }
  return false;
}

/** 面向/服务于/客户包括 X, or 为/给 X 提供…, with the word inside X (before what the lead does for X). */
/** A sector, as a market is named (航空航天, 轨道交通, 新能源汽车, 储能): not a product. */
const SECTOR_WORDS =
  '(?:航空航天|航空|航天|轨道交通|轨交|高铁|新能源汽车|新能源车|汽车|光伏|风电|储能|新能源|半导体|集成电路|消费电子|家电|医疗|军工|船舶|海工|电力|电网|石化|化工|通信|数据中心|工程机械|3c)';
const SECTOR = new RegExp(`^${SECTOR_WORDS}$`);
/** …with only more sectors after it to its clause's end (和轨道交通, 、储能等领域). */
const SECTORS_TO_END = new RegExp(`^(?:(?:[、和及与]|以及)${SECTOR_WORDS})*(?:等)?(?:领域|行业|市场|产业|客户|板块|主机厂)?\\s*$`);
function servesOthers(text: string, start: number, end: number): boolean {
  const [s, e] = clauseBounds(text, start, end);
  // (a verb between names what those firms do, not what the lead does: 主要服务…做染料、农药中间体的企业)
  const firmsWhoDo = WHO_DO_IT.test(text.slice(end, e));
  const inBeneficiary = (cues: readonly string[]) =>
    cues.some((w) => {
      for (let at = text.indexOf(w, s); at >= 0 && at < start; at = text.indexOf(w, at + 1)) {
        // 服务 as part of a noun (服务型, 服务业, 服务商, 服务平台) serves no one
        if (w === '服务' && SERVICE_NOUN.test(text.slice(at + 2, at + 4))) continue;
        // …and so does the service the lead does (做医疗器械灭菌服务的就是环氧乙烷灭菌: its business, not whom it serves)
        if (w === '服务' && (text[at + 2] === '的' || /(做|提供|从事)[^，,。；;\n]{0,8}$/.test(text.slice(s, at)))) continue;
        // (…nor one the clause says it is: 核心服务为铝合金硬质阳极氧化, 主要服务是…, 服务包括…)
        if (w === '服务' && /^(为|是|包括|包含)/.test(text.slice(at + 2, at + 4))) continue;
        // 以…为原料, 为主, 为辅: 为 there names no one served (项目以糖蜜为原料经…发酵)
        if (w === '为' && /^(原料|主|辅)/.test(text.slice(at + 1, at + 3))) continue;
        // a bare 供 supplies (供压铸厂), not inside 提供, 可供, 兼供
        if (w === '供' && '提可兼'.includes(text[at - 1] ?? '')) continue;
        // (…nor a vessel feeding the lead's own process: 环氧乙烷采用20 m³储罐供气, 瓶组供气)
        if (
          w === '供' &&
          /^供(气|液|料)/.test(text.slice(at, at + 2)) &&
          /(罐|瓶|瓶组|集装格|气化器|汽化器)$/.test(text.slice(Math.max(0, at - 3), at))
        )
          continue;
        // …and what goes to the lead's own plant (蒸汽供自有印染厂使用) supplies no one else
        if (w.startsWith('供') && /^(应|货|给)?(自有|本厂|本公司|自己|自家|自用|公司自有|厂内)/.test(text.slice(at + 1, at + 6))) continue;
        if (!SERVE_VERBS.some((v) => text.slice(at + w.length, start).includes(v)) || firmsWhoDo) return true;
      }
      return false;
    });
  if (inBeneficiary(CUSTOMER)) return true;
  // 客户：印染厂, 客户主要为航空结构件厂, 下游客户多是车企: however the label is written, what follows names customers
  if (labelledCustomers(text, s, start, firmsWhoDo)) return true;
  // 产品供应12英寸晶圆厂, 供货各大染厂: firms named after the verb are customers (供应电镀加工服务 is the lead's own)
  if (inBeneficiary(SUPPLY_TO) && FIRM_AFTER.test(text.slice(start, e))) return true;
  // (…and so are sectors the clause ends on, a list of markets: 主要供应航空航天和轨道交通, 供货新能源汽车、储能等领域)
  if (SECTOR.test(text.slice(start, end)) && SECTORS_TO_END.test(text.slice(end, e)) && inBeneficiary(SUPPLY_TO)) return true;
  const after = text.slice(end, e);
  if (SERVE_AFTER.some((v) => after.includes(v)) && inBeneficiary(FOR_WHOM)) return true;
  // 为区内电子制造、汽车电子企业提供…: the word ends a list of firms the lead serves, however those firms are named
  return FIRMS_SERVED.test(after) && FOR_WHOM_AT.test(text.slice(s, start));
}

/**
 * Who performs the process word at text[start, end): the lead ('own') or not, and why. Checked in
 * this order: not done, an input already processed, someone else's trade, a modifier of a head,
 * bought in, handed off.
 */
/**
 * 主板外购, 镀锌板外购, 电芯全部外采: the word belongs to what is named right before a verb of buying later in its clause
 * (at most a few characters between, no verb and no list or colon: 电镀后外购包装 is the lead's 电镀, and so is the
 * 模组 of 模组段：外购屏体); a list the verb distributes over, 原纸和PET膜都是外购, 电池片、胶膜均由外部采购, buys each.
 */
const BOUGHT_LIST_AFTER =
  /^[件品料]?(?:[、和及与][^，,。；;\n、和及与]{1,8}?){0,4}(?:(?:均|都|全部|全都|统一|一律)(?:是|为|系|靠)?(?:外购|外采|采购|购入|买来|买的|外协|委外|外发)(?!工件|来料|毛坯|坯件|[^，,。；;\n]{0,3}给)|(?:均|都|全部|全都|统一|一律)?(?:由(?!本公司|我司|我们|我方|自己|公司自|本厂)[^，,。；;\n]{0,10}?(?:外购|采购|购买|外采|购入|提供|供应(?!商))(?!工件|来料|毛坯|坯件)|[向从][^，,。；;\n]{0,10}?(?:外购|采购|购买|外采|购入|进货)))/;
function boughtAfter(text: string, start: number, end: number): boolean {
  const [, e] = clauseBounds(text, start, end);
  const rest = text.slice(end, e);
  // (…and where it comes from: 钛合金棒料从宝鸡进, 芯片从台湾调货)
  if (/^[^，,。；;\n]{0,4}?从[^，,。；;\n]{1,8}?(进货|进|买|采购|调货|调)(?![行入口展])/.test(rest)) return true;
  // (…or the last of a list the verb distributes over, and bought through someone: 电池片、光伏玻璃和胶膜均由外部采购,
  // 镀铬件均向专业电镀企业采购)
  if (BOUGHT_LIST_AFTER.test(rest)) return true;
  for (const w of BOUGHT_AFTER) {
    const at = rest.indexOf(w);
    if (at < 0 || at > 5) continue;
    const between = rest.slice(0, at);
    // a label and its value (原料药：全部外购): the verb ends the clause, so what it buys is the label
    if (/^[：:]\s*(全部|均|都|全都|主要)?$/.test(between) && /^(为主|为主|)\s*$/.test(rest.slice(at + w.length))) return true;
    if (at > 3) continue;
    // (…not across a pasted row's cell: 连接器｜端子外购 buys the terminals)
    if (!OBJECT_END.some((b) => between.includes(b)) && !/[、和及与：:|｜\t]/.test(between)) return true;
  }
  return false;
}

/** 铸造用覆膜砂, 电镀用阳极: a process word then 用 and a noun names what is made for the process (not 电镀用水, 用于, 用量). */
function madeForUse(text: string, end: number): boolean {
  if (text[end] !== '用') return false;
  // (not what the process uses: 我们电镀用的是无氰工艺)
  if (text.startsWith('的是', end + 1) || text.startsWith('的都是', end + 1)) return false;
  const next = text[end + 1] ?? '';
  return isCjk(next.charCodeAt(0)) && !NOT_USE_AFTER.includes(next);
}

/** 印染企业的节能改造, 电镀行业的环保咨询: the word names other firms, whose something the lead offers. */
function ofFirms(text: string, end: number): boolean {
  // (…or what is made for them right after, 印染企业智能排产与能耗管理SaaS)
  return (
    /^(企业|行业|工厂|厂家|厂商|客户)的/.test(text.slice(end, end + 3)) ||
    /^(企业|行业|工厂|厂家|厂商)[^，,。；;\n]{0,12}?(mes|erp|saas|软件|系统|平台|解决方案|服务商)/.test(text.slice(end, end + 20))
  );
}

/** A process form that names a vessel or machine (发酵罐, 熔炼炉): the lead's process where it runs it, its product where it makes or sells it. */
const VESSEL_END = '罐釜炉槽塔机缸';
function equipmentTraded(text: string, start: number, end: number): boolean {
  // (the vessel may follow the word: 酸洗槽, 磺化釜)
  // (…or a machine or line named a few characters on, where the lead says it makes it: 做病理全自动染色封片机的, 做电镀自动线的)
  // (not the lead's 生产线 for its product: 年产5000吨赤藓糖醇发酵生产线)
  // (…ending its compound: 电镀手机中框 is a phone's frame)
  const later = /^[^，,。；;\n\s]{0,3}?(机|自动线|设备)(?=$|[^\p{Script=Han}]|的|和|、|及|与|等|项目|厂|制造|生产)/u.exec(
    text.slice(end, end + 8),
  );
  const vEnd = VESSEL_END.includes(text[end - 1] ?? '')
    ? end
    : VESSEL_END.includes(text[end] ?? '')
      ? end + 1
      : later
        ? end + later[0].length
        : -1;
  if (vEnd < 0) return false;
  return (
    /^的?(销售|制造|生产(?!线)|定制|代理|经销)/.test(text.slice(vEnd, vEnd + 4)) ||
    /(做|生产|制造|销售|年产|定制|经销)$/.test(text.slice(Math.max(0, start - 2), start)) ||
    // (…and a list of vessels the lead says it makes: 做浸渍槽、酸洗槽这种PP防腐槽体的)
    // (…an output in tonnes or pieces is the lead's product, not machines: 年产5000吨…发酵罐)
    (vEnd > end &&
      /(做|生产|制造|销售|定制|年产)[^，,。；;\n做]{0,10}$/.test(text.slice(clauseBounds(text, start, end)[0], start)) &&
      !/\d\s*(万?吨|件|t|万)/.test(text.slice(clauseBounds(text, start, end)[0], start)))
  );
}

/** Is the word at `start` the object of a bare 用 (外观件用粉末涂料)? */
function usedUp(text: string, start: number): boolean {
  const [s] = clauseBounds(text, start, start);
  // lastIndexOf clamps a negative start to 0: stop at the clause start, or a 用 at 0 is found again and again
  for (let at = start > 0 ? text.lastIndexOf('用', start - 1) : -1; at >= s; at = at > s ? text.lastIndexOf('用', at - 1) : -1) {
    if (NOT_USE_BEFORE.includes(text[at - 1] ?? '') || NOT_USE_AFTER.includes(text[at + 1] ?? '')) continue;
    if (!OBJECT_END.some((b) => text.slice(at + 1, start).includes(b))) return true;
  }
  return false;
}

/** Right after a product word: a step that applies it (贴合, 贴附, 点胶, 涂覆, 灌封). */
const APPLIED_AFTER = /^(贴合|贴附|点胶|涂覆|灌封)/;
/** The last character of a material's name that is spread on something (锡膏, 银浆, 导电胶, 油墨, 荧光粉, 助焊剂, 水性漆). */
const MATERIAL_END = /[膏胶浆墨粉剂漆]/;
/** Right after such a material: a step that spreads it (印刷, 丝印, 涂布, 喷涂, 刷涂, 涂装). */
const SPREAD_AFTER = /^(印刷|丝印|丝网|涂布|喷涂|刷涂|涂装|涂覆|喷印)/;
/** After a process word: the projects a service works on (…、制药项目的工程设计, 化工项目环评咨询). */
const PROJECT_SERVICE_AFTER =
  /^[^，,。；;\n]{0,8}?(项目|园区|企业|行业)的?(工程设计|工艺设计|设计服务|设计咨询|咨询服务|咨询|总承包|总包|epc|监理|安全评价|环评|排污许可|清洁生产)/;
/** Before a process word in its clause: the lead's own project (本公司电镀项目, 自建电镀项目, 新建化工项目). */
const OWN_PROJECT_BEFORE = /本公司|我们|我司|自建|新建|本项目|扩建|拟建/;
/** After a firm word: 的 and what is made or done for it (印染厂的MES, 化工企业的安全管理软件). */
/** Before a works: the lead's product placed there (部署于, 装在, 安装在, 应用在). */
const PLACED_AT = /(部署于|部署在|装在|安装在|安装于|应用在|用在|放在客户)[^，,。；;\n]{0,4}$/;
/** After a works: it uses or qualifies the lead's product (在用, 的验证). */
const WORKS_USE_AFTER = /^(厂|车间|企业)?[^，,。；;\n]{0,2}?(在用|使用中|的验证|验证|的认证|导入)/;
/** Before a word in its clause: the customers' works are the subject (那些工厂自己有, 客户厂里有). */
const CUSTOMERS_HAVE = /(那些|这些)(工厂|企业|厂家|厂)[^，,。；;\n]{0,4}?(自己)?(有|做)|客户(厂里|那边|自己)[^，,。；;\n]{0,4}?(有|做)/;
/** After a word in its sentence: the text says it was the customer's (是在讲客户车间, 都是客户的工序). */
const CUSTOMERS_SAID = /是在?(讲|说)客户|(都|全)?是客户(的|那边)/;
function customersWorks(text: string, start: number, end: number): boolean {
  const works = /^(厂|车间|企业)/.test(text.slice(end, end + 2)) || /(厂|车间|企业)$/.test(text.slice(start, end));
  const [cs, ce] = clauseBounds(text, start, end);
  if (works && (PLACED_AT.test(text.slice(cs, start)) || WORKS_USE_AFTER.test(text.slice(end, end + 8)))) return true;
  if (CUSTOMERS_HAVE.test(text.slice(cs, start))) return true;
  let se = ce;
  while (se < text.length && !'。；;!?！？\n'.includes(text[se]!)) se++;
  return CUSTOMERS_SAID.test(text.slice(end, se));
}
const FOR_FIRMS_AFTER = /^的[^，,。；;\n]{0,6}?(mes|erp|软件|系统|平台|设备|装备|服务|方案|解决方案|检测|运维|改造|数字化|咨询|设计)/;

/** The label of a field that lists what the lead takes in (原辅材料, 原料, 物料, 外购件). */
// (a head that names products too is not one: 原料及产品)
// (原料药 is a drug substance, a product, not a label of inputs: 原料药CDMO｜小分子API…)
const INPUT_LABEL =
  /^\s*(主要)?(原辅材料|原辅料|原材料|原料(?!药)|辅料|物料|耗材|材料清单|外购件|采购清单|外购清单|外协件)(?![^|\t：:]*产品)/;
const INPUT_ANYWHERE = /原辅材料|原辅料|原材料|原料(?!药)|辅料|物料|耗材|材料清单|外购件|采购清单|外购清单|外协件/;
/**
 * Is `at` in a field that lists inputs: a labelled line (原辅材料：6063铝型材800吨/年) or a row of a pasted table whose
 * header's first cell is such a label (原辅材料<tab>年用量<tab>备注 / 溶剂型环氧底漆<tab>4.5吨<tab>含稀释剂)?
 */
/** Software, models or platforms the lead develops, with what they are about between (开发转炉炼钢终点预测、高炉智能寻优等工业AI软件). */
const SOFTWARE_OBJECT_ALL = /(开发|研发|提供|推出|打造|做)([^，,。；;\n]{2,30}?)(软件|系统|平台|模型|算法|saas|app|小程序|解决方案)/g;
/** Is the process word inside such an object: the software's subject, not a step the lead runs? */
function softwareObject(text: string, start: number, end: number): boolean {
  const [cs, ce] = clauseBounds(text, start, end);
  const clause = text.slice(cs, ce);
  if (!/软件|系统|平台|模型|算法|saas|app|小程序|解决方案/.test(clause)) return false;
  for (const m of clause.matchAll(SOFTWARE_OBJECT_ALL)) {
    // (an animal or disease model is no software: 基因编辑小鼠模型)
    if (m[3] === '模型' && /(鼠|动物|疾病|细胞|类器官|犬|猴)$/.test(m[2]!)) continue;
    const from = cs + m.index + m[1]!.length;
    if (start >= from && end <= from + m[2]!.length) return true;
  }
  return false;
}
/** The label of a field of the lead's products. */
const PRODUCT_LABEL = /^\s*(产品|主要产品|主营产品|主导产品|产品方案|产品名称)\s*[：:]/;
/** A machine, line or installation as what a product is (…生产线, …成套设备, …处理设备, …自动线). */
const EQUIPMENT_END = /(生产线|自动线|产线|成套设备|设备|装备|装置|机组|系统)(?![^，,。；;\n|]{0,2}(年产|产能))/;
function equipmentProduct(text: string, start: number, end: number): boolean {
  if (!text.includes('产品')) return false;
  let s = start;
  while (s > 0 && start - s < 30 && !'\n|\t；;'.includes(text[s - 1]!)) s--;
  if (!PRODUCT_LABEL.test(text.slice(s, start))) return false;
  let e = end;
  while (e < text.length && e - end < 24 && !'\n|\t；;，,。（('.includes(text[e]!)) e++;
  return EQUIPMENT_END.test(text.slice(start + 1, e));
}
/** After a process word: the line it names (挂镀线, 电镀生产线, 阳极氧化自动线, 退役动力电池自动拆解线). */
const LINE_AFTER = /^[^，,。；;\n、]{0,5}?(生产线|自动线|线)/;
/** …made by the lead: the clause names its making (…滚镀线及废气喷淋塔制造项目), or a yearly output counts the lines. */
const LINES_MADE_AFTER = /^[^，,。；;\n]{0,24}?(制造|研制|设计制造)/;
const LINES_COUNTED_AFTER = /^\s*[\d一二两三四五六七八九十百]+\s*(条|套)/;
/** Lines for a process that the lead makes and sells (挂镀线、滚镀线制造项目; 年产电镀生产线120条): its product, not its step. */
function linesMade(text: string, start: number, end: number): boolean {
  const line = text[end - 1] === '线' ? '' : LINE_AFTER.exec(text.slice(end, end + 6))?.[0];
  if (line === undefined) return false;
  const after = end + line.length;
  const [cs, ce] = clauseBounds(text, start, end);
  if (LINES_MADE_AFTER.test(text.slice(after, ce))) return true;
  return /年产[^，,。；;\n]{0,6}$/.test(text.slice(cs, start)) && LINES_COUNTED_AFTER.test(text.slice(after, after + 8));
}
/** English words that name what a product is used in or who buys it, with the list after them (to a colon that opens the lead's
 * own description: serving medical device makers: Co-60 source rack…). */
const ENGLISH_APPLIED =
  /(used in|used by|used for|suitable for|applied in|applications?\s*(include|such as|in|:)|customers?\s*(include|such as|are|:)|clients?\s*(include|such as|are|:)|end users?|for customers in|serving|supplying|sold to|we supply)[^.;:\n。；]*$/;
function englishApplied(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) return false;
  let s = start;
  while (s > 0 && start - s < 100 && !'.;\n。；'.includes(text[s - 1]!)) s--;
  return ENGLISH_APPLIED.test(text.slice(s, start));
}
/** Labels of a field of what a product is for or who buys it. */
const USE_LABEL =
  /^(用途|主要用途|应用|应用领域|应用场景|下游|下游客户|下游行业|主要客户|目标客户|客户群|服务对象|适用|适用于|适用行业|配套对象|销往)$/;
const USE_ANYWHERE = /用途|应用|下游|客户|服务对象|适用|配套对象|销往/;
let useText = '';
let useLabelled = false;
/** Is `at` in a field so labelled: a line's label, the cell before in a key｜value row, or its column's header in a table? */
function inUseField(text: string, at: number): boolean {
  if (text !== useText) {
    useText = text;
    useLabelled = USE_ANYWHERE.test(text);
  }
  if (!useLabelled) return false;
  const ls = text.lastIndexOf('\n', at - 1) + 1;
  const lineBefore = text.slice(ls, at);
  const label = /^\s*([^：:\n。；;，,|｜\t]{1,8})[：:]/.exec(lineBefore);
  if (label && USE_LABEL.test(label[1]!.trim()) && !/[。；;]/.test(lineBefore.slice(label[0].length))) return true;
  const cells = lineBefore.split(CELL);
  if (cells.length < 2) return false;
  // (key｜value pairs on one line: the cell before is the key)
  if (USE_LABEL.test(cells[cells.length - 2]!.trim())) return true;
  // (a table: its header row, the first of the rows above that are cut into cells)
  const header = headerOf(text, ls);
  return header !== null && USE_LABEL.test((header[cells.length - 1] ?? '').trim());
}
const SHAREHOLDER_BEFORE = /(股东|母公司|控股方|投资方|出资方)(是|为)(个|一个|一家)?[^，,。；;\n]{0,8}$/;
/** A group's plant doing the word (集团安徽工厂做原料药, 集团的老基地生产): the group's, where the text then says what this project is. */
const GROUP_PLANT_BEFORE =
  /集团(?:的)?[^，,。；;\n]{0,6}?(?:工厂|基地|厂区|生产基地|老厂)(?:在[^，,。；;\n]{1,6}?)?(?:做|生产|负责|有)[^，,。；;\n]{0,4}$/;
/** …this project, said apart from it (本次上海项目是研发中心, 本项目只做, 这次新项目为). */
const THIS_PROJECT = /(本次|本项目|这次|此次|这个项目|新项目)[^，,。；;\n]{0,8}?(是|为|只|仅|主要)/;
/** …or a works a related company has, here or elsewhere (子公司在江西有电镀厂, 集团另一家子公司有印染厂): not this project's. */
// (…or does it: 母公司负责电镀, 由子公司承担)
const RELATED_HAS_BEFORE =
  /(子公司|分公司|母公司|兄弟公司|关联公司|姊妹公司|姐妹公司|集团(?:的)?(?:另一家|其他|旗下其他))(?:在[^，,。；;\n]{1,8}?)?(?:有|设有|开了|建了|办了|拥有|负责|承担|承接|来做|做|完成|进行)(?:一家|一个|两家|几家)?[^，,。；;\n]{0,4}$/;
// (…or shipped to them: 全部发往各地电镀园区, 销往印染厂)
const SOLD_TO_BEFORE =
  /(卖|销售|出售|供应|供货|提供|交付|租)[^，,。；;]{1,14}给(?:[^，,。；;]{0,6}的)?$|(发往|销往|运往|发到|销到|卖到)[^，,。；;\n]{0,8}$/;
/** A clause opening on a bare 供 of supplying (主要供, 专供, 供…使用): what follows is the customers'. Not 供水, 供热, 供电. */
const SUPPLIES_FOR_BEFORE = /^(主要|专门|目前|现在|已|大多|多数|全部|都)?(供|专供)(?![水热电气暖货应需])$/;
/** Equipment for a process the lead brings in to run (引进德国糖化、发酵及灌装整套设备; 购置电镀生产设备): its step, not its product. */
const BROUGHT_IN = /(引进|购置|新增|配置|配备|新上|上马|购入)[^，,。；;\n]{0,12}$/;
const BROUGHT_EQUIPMENT = /^[^，,。；;\n]{0,10}?(整套设备|成套设备|生产设备|设备|装备|生产线|机组)/;
function broughtIn(text: string, start: number, end: number): boolean {
  return BROUGHT_IN.test(text.slice(clauseBounds(text, start, end)[0], start)) && BROUGHT_EQUIPMENT.test(text.slice(end, end + 14));
}
const PARK_AFTER = /^(园区|集中区|集聚区|工业园|产业园|专业园|基地)/;
const VISITED_BEFORE = /(看了?|参观|考察|走访|调研|去过|路过|带[^，,。；;]{0,10}去)[^，,。；;]{0,8}$/;
/** …or one the lead sells to or serves (主要卖电镀园区, 服务印染集聚区的企业): its customers' park. */
const SERVES_PARK_BEFORE = /(卖|卖给|销往|卖到|供应|供货|服务|服务于|面向|主攻|客户是|客户为|客户主要是|客户在)[^，,。；;]{0,6}$/;
/** After a tannage (植鞣, 铬鞣): the leather or the goods made of it (植鞣皮具, 铬鞣牛皮, 植鞣革). */
const TANNED_GOODS_AFTER = /^(皮具|皮件|皮包|皮带|皮鞋|皮革|革|牛皮|羊皮|皮料|皮)/;
/** The text says the leather is bought in (皮料外购, 采购意大利植鞣牛皮, 皮子都是买的). */
const LEATHER_BOUGHT =
  /(皮料|皮革|牛皮|羊皮|皮子|革料|头层皮)[^，,。；;\n]{0,6}(外购|采购|买|进口|购入|外采)|(外购|采购|买|进口|购入|外采)[^，,。；;\n]{0,8}(皮料|皮革|牛皮|羊皮|皮子|革料|头层皮)/;
/** Right after a process word: the building or site of a former works (原印染厂房, 原电镀车间改造): where the lead moves in. */
const FORMER_SITE_AFTER = /^(厂|企业|公司)?(的)?(厂房|车间|厂区|旧厂|老厂|旧址|地块|用地|场地)/;
// (…or added to what the lead makes: 新配方添加2'-岩藻糖基乳糖, with a name's prefix between)
const USED_BEFORE = /(采用|使用|外购|采购|购买|买来|买进|是用|就用|都用|直接用|添加|加入)(的)?[0-9a-z'′’-]{0,4}$/;
const isLatinAt = (text: string, at: number) => {
  const c = text.charCodeAt(at);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
};
/** After an English process word, within its phrase: what a firm makes or does for that process (…equipment, …chemicals). */
const ENGLISH_PROCESS_HEAD =
  /^(?:[\s-]+(?:line|lines|bath|baths|tank|tanks|plant|plants|shop|shops|process|wastewater|effluent|waste|[a-z]+ing))?[\s-]+(equipment|machines?|machinery|chemicals?|additives?|agents?|auxiliaries|software|systems?|consulting|consultancy|solutions?|rectifiers?|power supplies|consumables|supplies|spare parts|parts supplier|testing|inspection|training|treatment|monitoring|customers?|clients?|industry|industries|sector|market|makers|suppliers?)\b/;
const ENGLISH_FOR = /\b(for|to|serving|serves|serve|into)\s+(?:the\s+|local\s+|many\s+|most\s+)?$/;
// (…or its machine: sections for paper machines)
const ENGLISH_WORKS_WORD = /(shop|plant|mill|house|line|lines|tannery|smelter|foundry|abattoir|slaughterhouse|refinery|cracker|machine)$/;
const ENGLISH_WORKS = /^[\s-]+(?:lines?|shops?|plants?|mills?|factories|houses?|industry|industries|customers?|companies|firms|sector)\b/;
/** Process words as figures of speech: 铸造辉煌, 铸造品牌 (slogans); 从专利数据里提炼技术路线图 (drawing out, not refining). */
const FIGURATIVE =
  /^(铸造(?:百年|一流|国际|民族|世界|新的)?(辉煌|未来|品牌|精品|经典|传奇|梦想|荣光|精彩|标杆|典范)|提炼(出)?(技术|观点|经验|路线|要点|精华|主题|总结|规律|需求|卖点|洞察))/;
/** Labels of a form's fields about the lead's source and contacts, not its business. */
// (电话： is a phone number's field only with the number after it: 电话：一家燃气公司想建… is a call's note, the lead's own)
const CONTACT_LABEL =
  /^\s*(?:(来源|线索来源|信息来源|项目来源|获客渠道|渠道|联系人|对接人|推荐人|推荐单位|介绍人|引荐人|跟进人|经办人|联系方式|邮箱)\s*[：:]|(?:联系电话|电话)\s*[：:]\s*[\d+（(])/;
let contactText = '';
let contactLabelled = false;
/** Is `at` in a field so labelled (from the label, after a line break, a cell's bar or tab, to the word)? */
function inContactField(text: string, at: number): boolean {
  // (most texts label no such field: one look per text)
  if (text !== contactText) {
    contactText = text;
    contactLabelled = /(来源|渠道|联系|对接人|推荐|介绍人|引荐人|跟进人|经办人|电话|邮箱)\s*[：:]/.test(text);
  }
  if (!contactLabelled) return false;
  let s = at;
  while (s > 0 && at - s < 24 && !'\n|\t；;'.includes(text[s - 1]!)) s--;
  if (at - s >= 24) return false;
  return CONTACT_LABEL.test(text.slice(s, at));
}
let inputText = '';
let inputLabelled = false;
export function inInputField(text: string, at: number): boolean {
  // (most texts label no field of inputs: one look per text)
  if (text !== inputText) {
    inputText = text;
    inputLabelled = INPUT_ANYWHERE.test(text);
  }
  if (!inputLabelled) return false;
  let ls = text.lastIndexOf('\n', at - 1) + 1;
  // (a field may follow another on its line after a sentence's end: 主要设备：…；原辅材料：PU底漆、PU面漆)
  const fs = Math.max(ls, text.lastIndexOf('；', at - 1) + 1, text.lastIndexOf(';', at - 1) + 1, text.lastIndexOf('。', at - 1) + 1);
  const line = text.slice(fs, at);
  const label = /^\s*([^：:\n。；;，,|\t]{1,10})[：:]/.exec(line);
  // (the field ends at a sentence's end or the next label: 原料：液氯、甲醇；产品：氯甲烷)
  // (…a label, not a remark: 原料我多问了一句：)
  if (label)
    return (
      INPUT_LABEL.test(label[1]!) &&
      (fs === ls || !/[我你他问说]/.test(label[1]!)) &&
      !/[。；;]|[^\s：:，,、]{1,6}[：:]/.test(line.slice(label[0].length))
    );
  // (…or a line that opens with the label and lists its items with semicolons, no other label between: 原辅材料：冷轧钢板
  // 3200 t/a；铸件外购 1800 t/a；溶剂型醇酸面漆 4.5 t/a)
  if (fs > ls) {
    const whole = /^\s*([^：:\n。；;，,|\t]{1,10})[：:]/.exec(text.slice(ls, at));
    if (whole && INPUT_LABEL.test(whole[1]!) && !/[。]|——|[^\s：:，,、；;]{1,6}[：:]/.test(text.slice(ls + whole[0].length, at)))
      return true;
  }
  // (a table row: up the rows to its header, whose first cell labels the rows, or whose cell above it heads a column of
  // inputs: 产品 | 原料 / 涤纶长丝 | 聚酯切片约3万吨/年)
  const row = text.slice(ls, (text.indexOf('\n', ls) + 1 || text.length + 1) - 1);
  if (!CELL.test(row)) return false;
  // (…or a row a key-value table labels in its own first cell: 原料<tab>漂白蔗渣浆板（向浆厂采购）)
  const first = row.split(CELL)[0]!;
  if (first.trim().length <= 8 && at >= ls + first.length && INPUT_LABEL.test(first)) return true;
  const column = columnHeaderAt(text, at);
  if (column !== null && INPUT_LABEL.test(column)) return true;
  ls = tableStart(text, ls);
  return INPUT_LABEL.test(text.slice(ls, ls + 12).split(CELL)[0]!);
}

/** A field label naming the lead's products or output (产品：, 主要产品：, 主营：, 年产：). */
const OUTPUT_LABEL = /^(主要)?(产品|主营|主导产品|拟生产产品|产品方案|年产|产能|项目名称|名称|项目)/;
/**
 * …and the labels of fields that are not (a finish, a machine, an input, a customer, a site, a need). Not a firm's field,
 * which may say what it makes (企业：…（现主营包装设备）), nor a process field, which names a processor's trade (工艺：凹版印刷).
 */
const NON_PRODUCT_LABEL =
  /^(主要|生产)?(表面|前处理|后处理|涂装|喷涂|电镀|设备|能源|公用|环保|废水|废气|固废|危废|原料|原辅|辅料|物料|客户|下游|用途|供应|上游|场地|用地|面积|厂房|投资|税收|产值|人员|员工|联系|电话|来源|推荐|地址|需求)/;
/** A note with a products field and others beside it (企业：…｜产品：控制臂｜表面：电泳线（水性漆）｜喷涂：无). */
const LABELLED_NOTE = /(^|[\n|｜；;。，,])\s*(主要)?(产品|主营|主导产品)[^：:\n|｜]{0,4}[：:]/;
let noteText = '';
let noteLabelled = false;
/**
 * Is `at` in another labelled field of a note that has a products field (表面：阴极电泳线（水性漆）beside 产品：控制臂、副车架)?
 * The products field says what the lead makes; a word in the surface, process, equipment or energy field is a step, a
 * machine or what a step uses.
 */
export function inOtherLabelledField(text: string, at: number): boolean {
  if (text !== noteText) {
    noteText = text;
    noteLabelled = LABELLED_NOTE.test(text);
  }
  if (!noteLabelled) return false;
  // the field: from the last separator before a label (a line, a bar, a sentence's end) to `at`
  const from = Math.max(0, at - 40);
  const before = text.slice(from, at);
  // (a label opens the text or follows a separator: not a 6-character stretch the 40-character window happens to start in)
  const fields = [...before.matchAll(/(?:^|[\n|｜；;。])\s*([^：:\n|｜；;。，,]{1,6})[：:]/g)].filter(
    (f) => f.index > 0 || from === 0 || /[\n|｜；;。]/.test(text[from - 1]!),
  );
  const last = fields[fields.length - 1];
  if (!last) return false;
  // (the field runs on only where no separator follows its label: 表面：电泳线（水性漆），前处理为脱脂 — a comma does not end it)
  if (/[\n|｜；;。]/.test(before.slice(last.index + last[0].length))) return false;
  const label = last[1]!.trim();
  return !OUTPUT_LABEL.test(label) && NON_PRODUCT_LABEL.test(label);
}

/** After an English process word: the works of that trade (job shops, plants, mills, companies, customers). */
const ENGLISH_WORKS_AFTER =
  /^\s+(?:job\s+)?(?:shops?|plants?|factories|factory|mills?|companies|company|firms?|customers?|clients?|industry|sector)\b/;
/** …where its clause sends something to them or serves them (go to, for, supply, sell to, customers such as). */
const ENGLISH_TO_OTHERS =
  /\b(?:to|for|serv(?:e|es|ing)|suppl(?:y|ies|ying)|sell(?:s|ing)?|customers?|clients?|buyers?|users?|such as|including)\b/;
/** Right before a trade's works: a count of firms (11家, 两百多家, 几十家). */
// (not 一家: 我们是一家印染厂 is the lead)
const COUNTED_WORKS_BEFORE = /((?<!\d)[2-9]|\d{2,}|[两三四五六七八九几]|[一二两三四五六七八九几]?[十百千])[多余]?家$/;
/** …and the works themselves right after the trade's word (印染厂, 电镀企业, 化工公司, 染整工厂). */
const WORKS_AFTER = /^(厂|企业|公司|工厂|厂家)|^的?(厂|企业)/;
/**
 * Where a list of the machines the lead buys or installs to run opens (拟购置扩散炉、PECVD…; 引进; 主要设备：染缸20台、定型机;
 * 新上设备：酸洗槽3个): a purchase verb, or a label of the equipment.
 */
const EQUIPMENT_OPENER =
  /(?:购置|购买|采购|新购|添置|购进)(?:了|的)?|(?:主要|生产|工艺|核心|关键|新上|新增|配套)?(?:生产)?(?:设备|装备)(?:清单|明细|配置|情况|包括|主要有|有|为)?[：:]|(?:主要|生产|工艺|核心|关键)(?:生产)?(?:设备|装备)(?:包括|主要有|有(?!限)|为|是)|(?:新上|新增|配置|配备|安装)(?:了)?(?:设备|装备)/g;
/** …and what closes it: 等(生产)设备, or an output or a use after it (，年产…, 用于…). */
const EQUIPMENT_CLOSED =
  /等[^，,。；;\n]{0,6}?(设备|装备|设施|仪器|机台)|年产|月产|产能|产量|[，,](?:生产|用于|主要生产|产品|形成|达产|建成后)/;
/** A sentence where the lead sells, trades or builds machines for others: its machines are products, not equipment. */
const MACHINES_FOR_OTHERS = /销售|代理|经销|贸易|出口|供应商|制造商|生产商|集成商|整线交付|为客户|给客户|帮客户|卖给/;
/** A machine a process word names (染色机, 扩散炉, 酸洗槽, 电镀线, 喷漆房, 反应釜): right after the word, with at most two characters between. */
const MACHINE_AFTER = /^[\u4e00-\u9fff]{0,2}?(机组|机|炉|槽|釜|罐|缸|线|房|塔|设备|装备)(?![厂商构关场])/;

/**
 * Does the word stand in a list of machines the lead buys or installs to run (拟购置制绒清洗机、扩散炉、PECVD、丝网印刷机等生产设备;
 * 主要设备：染缸20台、定型机3台)? Within its sentence, at most 80 characters after the opener, before the list closes; not where
 * the sentence sells or builds machines for others.
 */
export function inEquipmentList(text: string, start: number): boolean {
  const [s] = sentenceBounds(text, start);
  const from = Math.max(s, start - 80);
  const window = text.slice(from, start);
  let opened = -1;
  for (const m of window.matchAll(EQUIPMENT_OPENER)) opened = m.index + m[0].length;
  if (opened < 0) return false;
  if (listClosedAt(window.slice(opened)) < window.length - opened) return false;
  return !MACHINES_FOR_OTHERS.test(text.slice(...sentenceBounds(text, start)));
}

/** A machine's word: what a plant installs and runs (注塑机, 凹印机, 中频炉, 回转窑, 反应釜, 压铸岛, 加工中心, 机床). */
const MACHINE_WORD = /(机|机组|炉|窑|釜|罐|岛|槽|缸|机床|车床|加工中心)$/;
/** A count of machines right after the word (注塑机40台, 注塑机：80台, 染缸 20 只), not a yearly or monthly rate (400台/年). */
const COUNT_AFTER =
  /^\s*[：:]?\s*(?:约|共|各|合计|计)?\s*[\d０-９一二两三四五六七八九十百几]+[多余]?\s*(?:台|套|个|座|条|只|组|部)(?!\s*(?:\/|每)?\s*(?:年|月|天|日))/;
/** …or before it, with at most a few words of model between (两台新月型卫生纸机, 40台溢流机, 有 8 台成衣染色机). */
const COUNT_BEFORE = /[\d０-９一二两三四五六七八九十百几]+[多余]?\s*(?:台|套|个|座|条|只|组|部)[^\d０-９，,。；;：:、\s]{0,6}$/;
/** A job at the machine right after it (溢流染色机挡车工, 注塑机操作工): the plant runs it. */
const MACHINE_JOB_AFTER = /^(?:挡车工|操作工|操作员|机长|保全工|机修工)/;
/** In the clause before a count: the machines are the lead's output or sales, not what it runs (年产注塑机400台, 已交付染色机120台). */
const MACHINES_OUT =
  /年产|月产|日产|产能|年销|销售|销量|出货|交付|订单|卖了?|售出|出口|装机量|累计|整线|供货|生产和?销售|研发|制造|生产[^线设]/;

/**
 * Is the machine word (注塑机, 凹印机, 中频炉) one the lead runs, told by a count of the machines it has or installs
 * (注塑机40台, 两台新月型卫生纸机, 八色凹印机三台) or by a job at it (溢流染色机挡车工)? Then it is the lead's equipment: an
 * input, whose class (塑料加工专用设备, 印刷专用设备) is not the lead's, and the process it names is done on site. Not where
 * the clause counts machines made, sold or delivered (年产注塑机400台, 已交付120台染色机), nor in a sentence that sells or
 * builds machines for others.
 */
export function countedMachineInUse(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  let close = end;
  // (the machine may follow the word a character or two later: 染色 + 机, 压铸 + 岛)
  if (!MACHINE_WORD.test(word)) {
    const m = /^[\u4e00-\u9fff]{0,2}?(机组|机|炉|窑|釜|罐|岛|槽|缸)/.exec(text.slice(end, end + 4));
    if (!m) return false;
    close = end + m[0].length;
  }
  const after = text.slice(close, close + 16);
  const [c0] = clauseBounds(text, start, close);
  const before = text.slice(Math.max(c0, start - 14), start);
  if (!(COUNT_AFTER.test(after) || COUNT_BEFORE.test(before) || MACHINE_JOB_AFTER.test(after))) return false;
  if (MACHINES_OUT.test(text.slice(c0, start))) return false;
  return !MACHINES_FOR_OTHERS.test(text.slice(...sentenceBounds(text, start)));
}

/**
 * Where a list of machines opened at the start of `rest` closes: 等…设备, an output, or a clause that is not one more
 * machine counted (引进卫生纸机4台，以外购商品木浆板为原料 closes at the comma; 数控车床20台，加工中心10台 runs on).
 */
function listClosedAt(rest: string): number {
  const closed = EQUIPMENT_CLOSED.exec(rest);
  let end = closed ? closed.index : rest.length;
  for (let at = rest.search(/[，,]/); at >= 0 && at < end;) {
    const next = rest.slice(at + 1).search(/[，,]/);
    const clause = rest.slice(at + 1, next < 0 ? rest.length : at + 1 + next);
    if (!(clause.length <= 16 && /[\d一二两三四五六七八九十]+\s*(台|套|条|组|个|只|座)/.test(clause))) {
      end = at;
      break;
    }
    at = next < 0 ? -1 : at + 1 + next;
  }
  return end;
}

/** The text with its lists of machines bought or installed blanked (for a guess from characters: a list names no product). */
export function blankEquipmentLists(text: string, fill = '　'): string {
  if (!/购|引进|设备|装备/.test(text)) return text;
  let out = text;
  for (const m of text.matchAll(EQUIPMENT_OPENER)) {
    const from = m.index + m[0].length;
    const [, se] = sentenceBounds(text, from);
    if (MACHINES_FOR_OTHERS.test(text.slice(...sentenceBounds(text, m.index)))) continue;
    const rest = text.slice(from, Math.min(se, from + 80));
    const to = from + listClosedAt(rest);
    out = out.slice(0, from) + '\u3000'.repeat(to - from) + out.slice(to);
  }
  return fill === '\u3000' ? out : out.replace(/\u3000+/g, fill);
}

/** An English sentence where the lead trades what the word names: we sell, distribute, supply, market, export, license. */
const ENGLISH_TRADES =
  /\b(?:sell|sells|distribute|distributes|supply|supplies|market|markets|export|exports|license|licenses|licence|licences|resell|resells|we trade|they trade)\b[^.;:\n]*$/;
/** …governing the word right after it (we trade black-mass, we sell tyre pyrolysis reactors). */
const ENGLISH_TRADES_RIGHT_BEFORE =
  /\b(?:sell|sells|distribute|distributes|supply|supplies|market|markets|export|exports|resell|resells|we trade|they trade)\s+(?:[a-z-]+\s+){0,2}$/;
/** …or where what the word names is bought in, made or run by others: bought from, made by, from suppliers who run. */
const ENGLISH_FROM_OTHERS =
  /\bpre-(?:painted|plated|coated|anodi[sz]ed|galvani[sz]ed|treated|dyed)\b(?:[\s,]+[a-z-]+){0,4}\s+$|\b(?:(?:buy|buys|bought|purchase[sd]?|source[sd]?|procure[sd]?|get|use|uses|used)\b[^.;:\n]*\b(?:from|made by|produced by|via)|(?:made|produced|supplied|applied|done|run|operated|collected|handled|performed)\s+by|(?:suppliers?|vendors?|contractors?|subcontractors?|partners?)\s+(?:make|makes|made|produce|produces|does|do|handles?|runs?|operates?|performs?|uses?)|(?:is|are|was|were)\s+sent\s+to|\b(?:sent|shipped|received|come|comes|came|delivered)\s+from\s+(?:[a-z-]+\s+){0,2}$|from\s+(?:the\s+)?(?:park's|a|an|our|their|local)?\s*(?:suppliers?|vendors?|producers?|contractors?)?\s*(?:who|that)\s+(?:run|runs|operate|operates|do|does|use|uses)|(?:is|are)\s+sent\s+(?:out\s+)?for|sends?\s+(?:[a-z-]+\s+){0,3}for)\s+(?:[a-z-]+\s+){0,3}$/;
/**
 * Before an English process word, others who do it: works that do it (mills that do the indigo dyeing, a subcontractor
 * that uses solvent glue), a material bought after it (buy cotton yarn after mercerization), a waste that goes to one (goes
 * to a licensed rotary kiln incinerator), a partner's facility (tested at a partner's P3 laboratory), what the lead makes
 * or builds for it (cathode plates for copper electrorefining).
 */
const ENGLISH_OTHERS_DO_BEFORE =
  /\b(?:suppliers?|subcontractors?|contractors?|partners?|vendors?|mills?|plants?|factories|firms?|companies|foundries|tanneries|refiners?|refineries|recyclers?|manufacturers?|cdmos?|processors?)\s+(?:that|which|who)\s+(?:do|does|did|run|runs|use|uses|operate|operates|handle|handles|perform|performs|carry out|carries out)\s+(?:the\s+|their\s+|its\s+)?$|\b(?:buy|buys|bought|purchase[sd]?|source[sd]?|imports?|imported|receive[sd]?)\b[^.;\n]{0,40}\bafter\s+$|\b(?:goes|go|went|is\s+taken|are\s+taken|is\s+shipped|are\s+shipped)\s+to\s+(?:a\s+|an\s+|the\s+)?(?:licensed\s+|local\s+|third[- ]party\s+|certified\s+|nearby\s+|external\s+)*$|\bat\s+(?:a|an|the|our)\s+(?:[a-z-]+\s+)?(?:partner|university|third[- ]party|supplier|contractor|customer|client|cro|cdmo)(?:'s|s'|’s)\s+(?:[a-z-]+\s+)?$/;
/** …a supplier's or another works' doing: the supplier's anodising line, arrive finished from, trucked to, a mill that descales it by. */
const ENGLISH_THEIRS_BEFORE =
  /\b(?:done|carried out|performed|handled|made|applied)\s+by\s+(?:a|an|the|our)\s+(?:[a-z-]+\s+){0,2}?(?:contractor|subcontractor|supplier|vendor|partner|specialist|plater|company|firm|shop)s?\s+(?:in|at|near)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$|\b(?:the|a|an|its|their)\s+(?:[a-z-]+\s+)?(?:mill|supplier|partner|vendor|subcontractor|contractor|customer|client)(?:'s|s'|’s)\s+$|\b(?:come|comes|came|arrive|arrives|arrived|sourced|bought|purchased|delivered|shipped)\s+(?:already\s+)?(?:[a-z-]+\s+){0,2}?from\s+(?:a\s+|an\s+|the\s+|our\s+)?(?:[a-z-]+(?:'s|’s)?\s+){0,2}$|\b(?:trucked|sent|shipped|transported|taken|delivered|sent\s+out)\s+to\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?(?:for\s+)?$|\b(?:steel\s+mill|supplier|partner|vendor|subcontractor|contractor|outside\s+[a-z]+|external\s+[a-z]+)s?\s+(?:that|which|who)\s+(?:[a-z-]+\s+){0,4}?(?:by|in|with|through|using)?\s*$|\b(?:steel\s+mill|supplier|partner|vendor|subcontractor)s?\s+(?:produces?|makes?|does|runs?)\s+(?:[a-z-]+\s+){0,2}?(?:by|in|with|on)\s+$/;
/** …and lines or plants the lead built or delivered for another works (built the sand moulding line for a foundry). */
const ENGLISH_BUILT_BEFORE = /\b(?:built|delivered|supplied|commissioned)\b[^.;\n]{0,40}$/;
const ENGLISH_FOR_WORKS_AFTER =
  /^[^.;\n]{0,40}\b(?:for|to)\s+(?:a\s+|an\s+|the\s+)?(?:[a-z-]+\s+){0,2}?(?:customers?|clients?|mills?|refiner(?:y|ies)|plants?|foundry|foundries|smelters?|tanner(?:y|ies)|institutes?|universit(?:y|ies)|oems?)\b/;
const ENGLISH_MADE_FOR_BEFORE =
  /\b(?:make|makes|made|produce|produces|produced|manufacture[sd]?|supply|supplies|supplied|sell|sells|sold|design|designs|designed|build|builds|built|deliver|delivers|delivered)\b[^.;\n]{0,60}\bfor\s+(?:the\s+|a\s+|an\s+)?$/;
/** …and after it: done by others (is run by our toll manufacturer, is carried out at our partner's site, is contracted to). */
const ENGLISH_DONE_BY_OTHERS_AFTER =
  /^[^.;\n]{0,32}?\b(?:is|are|was|were|will be|gets|get)\s+(?:run|done|carried out|performed|handled|contracted|outsourced|subcontracted|toll[- ]manufactured|made)\s+(?:out\s+)?(?:by|at|to)\s+(?!our\s+own\b|us\b|our\s+(?:plant|site|factory|line|own)\b)/;
/** …or plainly handed out, no doer named (anodizing subcontracted; nickel plating is outsourced; painting farmed out). */
const ENGLISH_HANDED_OUT_AFTER =
  /^s?\s*(?:\([^)]{0,20}\)\s*)?(?:is\s+|are\s+|was\s+|were\s+|gets\s+|get\s+|will\s+be\s+|stays\s+|remains\s+)?(?:all\s+|fully\s+|entirely\s+)?(?:subcontracted|outsourced|farmed\s+out|contracted\s+out|sent\s+out|done\s+(?:outside|externally|off[- ]site)|handled\s+externally|bought\s+in)\b/;
/** A verb of enabling others right before a process verb: its doers are the others (lets producers esterify). */
const ENGLISH_CAUSED_BEFORE =
  /\b(?:lets?|letting|helps?|helping|helped|allows?|allowing|allowed|enables?|enabling|enabled)\s+((?:[a-z0-9'-]+\s+){0,4}?)(?:to\s+)?$/;
/** …and a relative clause about the firms the lead sells to or serves (sell vessels to breweries, which ferment on site). */
const ENGLISH_THEIR_CLAUSE =
  /\b(?:to|for|serves?|serving|supply|supplies|sells?|selling)\s+(?:[a-z-]+\s+){0,4}?[a-z-]+s\s*,?\s+(?:which|who)\s+(?:then\s+|also\s+|will\s+|can\s+|still\s+)?$/;
/** …or after it: the supplier or a contractor does it (which our supplier applies; to a contractor). */
const ENGLISH_BY_OTHERS_AFTER =
  /^[^.;\n]{0,48}?\b(?:(?:our|a|the|their)\s+(?:suppliers?|vendors?|contractors?|subcontractors?|partners?)\s+(?:applies|apply|does|do|performs?|handles?|runs?)|to\s+(?:a|an|our|the)\s+(?:contractors?|subcontractors?|suppliers?|partners?|university|third[- ]party))\b/;
/** What an English sentence's word names for others: equipment, parts and services sold to those who run it. */
const ENGLISH_OBJECT_AFTER =
  /^s?[\s-]+(?:[a-z-]+\s+){0,2}?(?:valves?|reactors?|dyes?|rectifiers?|extruders?|furnaces?|kettles?|liners?|catalysts?|licen[cs]es?|technology|technologies|electrodes?|tapes?|burners?|grade|demonstrations?|projects?|courses?|equipment|lines?)\b/;

// (governing the word: at most three words between — not 'we make fasteners and run an electroplating line')
const ENGLISH_MAKES =
  /\b(?:manufacture|manufactures|fabricate|fabricates|build|builds|make|makes|produce|produces|design|designs|supply|supplies)\s+(?:[a-z0-9-]+\s+){0,3}$/;
const ENGLISH_NOT_RUN_AFTER =
  /^s?[\s-]+(?:policy|policies|fee|fees|scheme|schemes|programmes?|programs?|demonstrations?|courses?|classes|museum|tours?)\b/;
/** Is an English process word bought in, run by others, or what the lead trades (we sell alkylation unit valves)? */
function englishElsewhere(text: string, start: number, end: number, kind: 'process' | 'product'): Actor | null {
  const [s] = sentenceBounds(text, start);
  const before = text.slice(Math.max(s, start - 120), start);
  if (ENGLISH_FROM_OTHERS.test(before) || ENGLISH_BY_OTHERS_AFTER.test(text.slice(end, end + 60))) return 'offSite';
  // (…or said to be handed out right after it, whoever to: anodizing subcontracted, nickel plating is outsourced)
  if (ENGLISH_HANDED_OUT_AFTER.test(text.slice(end, end + 40))) return 'offSite';
  // (a thing that comes already done: reach us already anodised)
  if (/\balready\s+$/.test(before)) return 'offSite';
  if (
    ENGLISH_OTHERS_DO_BEFORE.test(before) ||
    ENGLISH_THEIRS_BEFORE.test(before) ||
    ENGLISH_DONE_BY_OTHERS_AFTER.test(text.slice(end, end + 80)) ||
    /^[^.;\n]{0,24}?\bat\s+(?:the|a|our|their)\s+(?:supplier|vendor|partner|subcontractor|mill)s?\b/.test(text.slice(end, end + 48))
  )
    return 'offSite';
  // (…and what the lead's product lets or helps others do: lets biodiesel producers esterify, helps paper mills deink)
  const caused = ENGLISH_CAUSED_BEFORE.exec(before);
  if ((caused && !/\b(?:us|our|ourselves|we)\b/.test(caused[1]!)) || ENGLISH_THEIR_CLAUSE.test(before)) return 'customer';
  // (a product the lead buys or uses is its input: remelts purchased copper cathode, we source TOPCon cells)
  if (
    kind === 'product' &&
    /\b(?:buy|buys|bought|buying|purchase[sd]?|purchasing|source[sd]?|sourcing|imports?|imported|importing|procure[sd]?|uses?|using)\s+(?:[a-z-]+\s+){0,2}$/.test(
      before,
    )
  )
    return 'input';
  // (a product the lead sells or makes is its product: the rest is about processes)
  if (kind === 'product') return null;
  if (
    ENGLISH_TRADES.test(before) &&
    (ENGLISH_OBJECT_AFTER.test(text.slice(end, end + 40)) ||
      ENGLISH_TRADES_RIGHT_BEFORE.test(before) ||
      /\bfor\s+(?:[a-z-]+\s+)?$/.test(before))
  )
    return 'modifier';
  // (…and machines or lines for it the lead makes, or what it builds for others: fabricates galvanising kettles, builds
  // biosafety level 3 labs for customers)
  const word = text.slice(start, end);
  if (
    ENGLISH_MAKES.test(before) &&
    (/(kettle|line|reactor|furnace|machine|plant|lab)s?$/.test(word) ||
      /^s?[\s-]+(?:[a-z-]+\s+){0,2}?(?:kettles?|lines?|reactors?|furnaces?|machines?|machinery|equipment|plants?|labs?|laborator(?:y|ies))\b/.test(
        text.slice(end, end + 40),
      ) ||
      /^[^.;\n]{0,40}\b(?:for|to)\s+(?:our\s+|a\s+|an\s+|the\s+)?(?:[a-z-]+\s+){0,2}?(?:customers?|clients?|others|recyclers?|mills?|refiners?|refinery|refineries|plants?|foundry|foundries|smelters?|tannery|tanneries|institutes?|universities|university|oems?)\b/.test(
        text.slice(end, end + 60),
      ))
  )
    return 'modifier';
  // (…and what the lead makes for it: stainless cathode plates for copper electrorefining; lines it built for a works)
  if (ENGLISH_MADE_FOR_BEFORE.test(before)) return 'modifier';
  if (ENGLISH_BUILT_BEFORE.test(before) && ENGLISH_FOR_WORKS_AFTER.test(text.slice(end, end + 60))) return 'modifier';
  // (…and a word naming no process run: a policy, a fee, a programme, a demonstration, what a product is designed for)
  if (
    ENGLISH_NOT_RUN_AFTER.test(text.slice(end, end + 24)) ||
    /\b(?:designed|made|intended|built)\s+for\s+(?:[a-z-]+\s+){0,2}$/.test(before)
  )
    return 'modifier';
  return null;
}

/** Right after a product: a station that fills, repacks or hands it out, not a works that makes it. */
const DEPOT_AFTER = /^(充装站|充装点|配送点|配送站|配送中心|分装站|供应站|经营部|门市部|销售点)/;
/** Right after a material: a step that melts it, or slushes a pulp board (熔化后压铸, 熔炼成, 重熔; 浆板碎解). */
const MELTED_AFTER = /^[^，,。；;\n]{0,2}?(熔化|熔炼|重熔|融化|熔融|碎解|水力碎浆|疏解)/;
/** Right after a word: a small weight (约20kg, 几公斤), and its sentence keeps it (存在…柜里, 存放, 储存). */
const SMALL_WEIGHT_AFTER = /^[^，,。；;\n\d]{0,3}?(约|大约|大概)?\s*(\d+(?:\.\d+)?|几)\s*(kg|公斤|千克|克|g)(?![a-z])/;
function heldAfter(text: string, start: number, end: number): boolean {
  if (!SMALL_WEIGHT_AFTER.test(text.slice(end, end + 12))) return false;
  let e = end;
  while (e < text.length && !'。；;!?！？\n'.includes(text[e]!)) e++;
  return /存在|存放|储存|贮存|放在|存于|库存/.test(text.slice(end, e));
}

/** After a craft: a class or show for visitors (体验课, 研学, 手作, DIY). */
const CRAFT_CLASS_AFTER = /^(?:体验|研学|手作|diy|课程|教学|表演)/;
/** Before goods: a store and an open bracket listing what it holds (冷库（, 仓库（主要存放). */
const STORE_BRACKET_BEFORE = /(?:冷库|仓库|库房|仓储|储存|存放|冷藏库)[^，,。；;\n（(]{0,3}[（(][^）)]*$/;
/** Right after a process: its off-gas or heat, which the lead takes (兰炭尾气发电, 焦炉煤气制氢, 炼钢余热回收). */
const OFFGAS_AFTER = /^(?:厂|装置|炉|企业)?的?(?:尾气|荒煤气|焦炉煤气|煤气|余热|余气|余压|烟气|驰放气|解吸气|副产氢)/;
/** …from another's works the text names beside the lead (回收隔壁兰炭厂排出的荒煤气, 利用周边焦化企业的焦炉煤气). */
const NEIGHBOUR_WORKS =
  /(?:隔壁|邻近|相邻|周边|附近|毗邻|紧邻|旁边|其他|园区内)(?:的)?[^，,。；;\n]{0,8}?(?:厂|企业|装置|公司|集团)[^，,。；;\n]{0,4}?(?:排出|排放|产生|外排|副产|富余|放散)/;
export function actorOf(text: string, start: number, end: number, kind: 'process' | 'product' = 'process'): Actor {
  // the clause before the word, as many checks below read it (cut once, when first asked)
  let before: string | undefined;
  const clauseBefore = () => (before ??= text.slice(clauseBounds(text, start, end)[0], start));
  if (start > 0 && NOT_DONE.includes(text[start - 1]!)) return 'notDone';
  // a material the next words melt, or hold by a small weight in store, is fed in or kept, not made (铝锭熔化后压铸成型; 金属锂带
  // 约20kg…都存在惰性气氛柜里)
  if (kind === 'product' && (MELTED_AFTER.test(text.slice(end, end + 6)) || heldAfter(text, start, end))) return 'input';
  // …and a product before a station that only fills or hands it out (气体充装站, 工业气体配送点) names what the station handles
  if (kind === 'product' && DEPOT_AFTER.test(text.slice(end, end + 5))) return 'modifier';
  // exported by a trader (博原贸易做原料药出口): traded, where its sentence says of no making (not 原料药生产出口, 年产…)
  if (
    /^(的)?(出口|进出口)(?!基地|加工|型)/.test(text.slice(end, end + 4)) &&
    !/生产|制造|年产|合成|产能|工厂|车间/.test(text.slice(...clauseBounds(text, start, end)))
  )
    return 'modifier';
  // a lab's grade in brackets right after it (高等级生物安全实验室（BSL-3）) is said of that lab: who runs the lab runs it
  if (LAB_GRADE.test(text.slice(start, end)) && /实验室\s*[（(]$/.test(text.slice(Math.max(0, start - 5), start))) {
    const at = text.lastIndexOf('实验室', start);
    return actorOf(text, at, at + 3, kind);
  }
  // (…and a Chinese word in an English sentence is read by its English: a contractor in the local 电镀园区)
  if (isLatinAt(text, start) || /[a-z]\s*$/.test(text.slice(Math.max(0, start - 3), start))) {
    const other = englishElsewhere(text, start, end, kind);
    if (other) return other;
  }
  // a step handed to a works right after it (电镀（镀白金/镀金）交深圳水贝电镀厂): that works does it
  if (kind === 'process' && STEP_HANDED_AFTER.test(text.slice(end, end + 40))) return 'offSite';
  // exhaust burnt in its treatment unit (废气经TNV焚烧处理, RTO蓄热焚烧): an emission control, no waste incinerated
  if (kind === 'process' && /焚烧|焚化/.test(text.slice(start, end)) && EXHAUST_BURNT_BEFORE.test(clauseBefore())) return 'modifier';
  // the lead's own waste handled as hazardous waste (实验室废液约5t/a按危废处置): a licensed firm disposes of it
  if (kind === 'process' && /^(危废|危险废物)/.test(text.slice(start, end)) && /(按|按照|作为|属于|列为)\s*$/.test(clauseBefore()))
    return 'offSite';
  // a field that says where the lead came from or whom to call (来源：展会, 推荐人：电镀协会王会长) is not what it does
  if (inContactField(text, start)) return 'customer';
  // a craft taught or shown to visitors (扎染体验课, 蓝染研学, 陶艺手作体验): a class, not a works
  if (kind === 'process' && CRAFT_CLASS_AFTER.test(text.slice(end, end + 4))) return 'modifier';
  // goods named in brackets after a store (1.5万吨冷库（黄酒、冻品）): stored, not made
  if (kind === 'product' && STORE_BRACKET_BEFORE.test(text.slice(Math.max(0, start - 14), start))) return 'modifier';
  // …and a drink's lees made into other food (黄酒糟腌制品, 酒糟鱼): the lees, not the drink
  if (kind === 'product' && text[end] === '糟') return 'modifier';
  // a pulp moulded into goods (纸浆模塑餐盒, 纸浆模压): the moulding of bought pulp board, a paper product's trade, not pulping
  if (kind === 'process' && /^(模塑|模压)/.test(text.slice(end, end + 2))) return 'modifier';
  // a process whose off-gas the lead takes from a neighbour's works (兰炭尾气发电…回收隔壁兰炭厂排出的荒煤气): the neighbour runs it
  if (OFFGAS_AFTER.test(text.slice(end, end + 6)) && NEIGHBOUR_WORKS.test(text)) return 'customer';
  // an English trade's works the lead ships to or serves (shipments go to electroplating job shops, we supply dyeing
  // mills): other firms — not a plain statement of the lead (Electroplating plant relocating from Shenzhen), nor its own
  // (our electroplating plant, we run a dyeing mill)
  if (
    kind === 'process' &&
    ENGLISH_WORKS_AFTER.test(text.slice(end, end + 24)) &&
    ENGLISH_TO_OTHERS.test(clauseBefore()) &&
    !/\b(?:our|in-house|own|we (?:run|operate|are|have|own)(?: an?)?)\s+(?:\S+\s+)?$/.test(text.slice(Math.max(0, start - 30), start))
  )
    return 'customer';
  // works counted (托管运营11家印染厂、3家电镀企业的污水站, 服务两百多家电镀厂): other firms, whatever the lead does for them
  if (
    COUNTED_WORKS_BEFORE.test(text.slice(Math.max(0, start - 8), start)) &&
    (WORKS_AFTER.test(text.slice(end, end + 3)) || /(厂|企业|公司|厂家)$/.test(text.slice(start, end))) &&
    // (…not the lead's own, 我们有两家印染厂, 旗下三家电镀厂)
    !/我们|我司|本公司|自己|旗下|自有|拥有/.test(clauseBefore())
  )
    return 'customer';
  // the machines of a process the lead buys or installs to run are its own process (拟购置扩散炉、PECVD…等生产设备; 主要设备：
  // 染缸20台（高温高压溢流染色机）), and any machine the list names is used, not made
  if (
    kind === 'process' &&
    MACHINE_AFTER.test(text.slice(end, end + 5)) &&
    (inEquipmentList(text, start) || countedMachineInUse(text, start, end))
  )
    return 'own';
  // (…but the work a listed machine does is the lead's: 购置10色高速凹版印刷机4台 prints, 车铣复合等设备 machines)
  // (…and a machine the lead counts among its own, 注塑机40台, 两台卫生纸机, or staffs, 溢流染色机挡车工: used, not made)
  if (kind === 'product' && MACHINE_WORD.test(text.slice(start, end)) && countedMachineInUse(text, start, end)) return 'input';
  if (kind === 'product' && inEquipmentList(text, start))
    return text[end] !== '等' &&
      MACHINE_AFTER.test(text.slice(end, end + 5)) &&
      !/(机|机组|炉|槽|釜|罐|缸|设备|装备|中心|台)$/.test(text.slice(start, end))
      ? 'own'
      : 'input';
  // a process named in a field of the lead's products before a machine, a line or an installation (产品：全自动电镀生产线；
  // 产品：电镀废水、线路板废水处理成套设备): what the lead makes is equipment for it
  if (kind === 'process' && (equipmentProduct(text, start, end) || softwareObject(text, start, end) || linesMade(text, start, end)))
    return 'modifier';
  // (…and a product before a line the lead makes is that line's work: 退役动力电池自动拆解线、破碎分选设备制造)
  if (kind === 'product' && linesMade(text, start, end)) return 'modifier';
  // what an English mail says the product is used in or sold to (widely used in hospitals, hotels and data centers;
  // customers include paper mills): the customers' trades, not the firm's
  if (kind === 'product' && englishApplied(text, start)) return 'customer';
  // a field of what the product is for or who buys it (用途：电镀液循环过滤; 下游｜制革厂; a table's 用途 column)
  if (inUseField(text, start)) return 'customer';
  // a shareholder's or parent's trade (第一大股东是个石化集团，但我们自己做的是…)
  if (SHAREHOLDER_BEFORE.test(clauseBefore())) return 'offSite';
  if (RELATED_HAS_BEFORE.test(clauseBefore())) return 'offSite';
  // (…or the group's plant that does it, where a later clause says what this project is: 集团安徽工厂做原料药，本次上海项目是
  // 研发注册中心)
  if (GROUP_PLANT_BEFORE.test(clauseBefore()) && THIS_PROJECT.test(text.slice(end))) return 'offSite';
  // the firm a thing is sold to, with the thing between (卖物料搬运车给电镀厂, 提供清洗设备给印染厂)
  if (SOLD_TO_BEFORE.test(clauseBefore())) return 'customer';
  // (…or a bare 供 of supplying, right before what is supplied for: 空心杯电机，主要供灵巧手; 供新能源车企使用)
  if (kind === 'product' && SUPPLIES_FOR_BEFORE.test(clauseBefore())) return 'customer';
  // a park of a trade the lead went to see (去平湖看了一个电镀园区, 参观印染园区): a place visited, not its step
  if (
    kind === 'process' &&
    (PARK_AFTER.test(text.slice(end, end + 4)) || /(园区|集中区|集聚区|工业园|产业园)$/.test(text.slice(start, end))) &&
    VISITED_BEFORE.test(clauseBefore())
  )
    return 'offSite';
  if (
    kind === 'process' &&
    (PARK_AFTER.test(text.slice(end, end + 4)) || /(园区|集中区|集聚区|工业园|产业园)$/.test(text.slice(start, end))) &&
    SERVES_PARK_BEFORE.test(clauseBefore())
  )
    return 'customer';
  // a former works' building the lead takes over (租下原印染厂房, 原电镀车间改造为研发楼): a place, not its step
  if (
    kind === 'process' &&
    /(原|原来的|以前的|之前的|老)$/.test(text.slice(Math.max(0, start - 4), start)) &&
    (FORMER_SITE_AFTER.test(text.slice(end, end + 6)) || (text[end - 1] === '厂' && /^(房|区|址)/.test(text.slice(end, end + 1))))
  )
    return 'customer';
  // …and an English product word naming the works a product is for (machines for lead-acid battery plants, inks for tire
  // makers): the customer's trade — not the parts of it (structural parts for aircraft OEMs are aircraft parts)
  if (
    isLatinAt(text, start) &&
    ENGLISH_FOR.test(text.slice(Math.max(0, start - 16), start)) &&
    !/\b(?:parts?|components?|assemblies|modules?|spares)\b[^.;:\n]{0,50}$/.test(text.slice(Math.max(0, start - 70), start)) &&
    /^[\s-]+(?:plants?|factories|makers?|manufacturers?|producers?|oems?|fabs?|mills?|works)\b/.test(text.slice(end, end + 20))
  )
    return 'customer';
  // …and an English process word that names what the product is for, or whose trade the lead serves (rectifiers for
  // electroplating lines, dyeing chemicals, plating wastewater treatment; customers include dye houses)
  if (kind === 'process' && isLatinAt(text, start)) {
    if (ENGLISH_PROCESS_HEAD.test(text.slice(end, end + 40))) return 'modifier';
    // (…the works of that process the product is for or sold to: rectifiers for electroplating lines, sell to plating shops)
    if (
      ENGLISH_FOR.test(text.slice(Math.max(0, start - 16), start)) &&
      (ENGLISH_WORKS.test(text.slice(end, end + 16)) ||
        ENGLISH_WORKS_WORD.test(text.slice(start, end).replace(/ies$/, 'y').replace(/s$/, '')))
    )
      return 'customer';
    if (englishApplied(text, start)) return 'customer';
  }
  // a figure of speech, not the process: 携手同行 铸造辉煌 (a slogan), 话题持续发酵
  if (
    FIGURATIVE.test(text.slice(start, end + 4)) ||
    (text.endsWith('发酵', end) && /(持续|继续|迅速|进一步|逐渐|正在)$/.test(text.slice(Math.max(0, start - 3), start))) ||
    // (…and 镀金 of a career: 以前大家觉得出国是镀金, 镀金不值钱了)
    (text.endsWith('镀金', end) &&
      (/(出国|留学|海外|挂职|基层|履历)[^，,。；;]{0,4}$/.test(text.slice(Math.max(0, start - 8), start)) ||
        /^(不值钱|的经历|一圈|几年)/.test(text.slice(end, end + 4))))
  )
    return 'modifier';
  // what a field of inputs lists (原辅材料：…, a table headed 原辅材料) is taken in (a process word there may be what the
  // lead does with it: 原料 瓶片 回收PET瓶破碎清洗)
  if (kind === 'product' && inInputField(text, start)) return 'input';
  // …and what a verb of using or buying governs right before it (熔化是用铝锭直接熔, 采用进口伺服电机, 外购电芯)
  if (kind === 'product' && USED_BEFORE.test(text.slice(Math.max(clauseBounds(text, start, end)[0], start - 6), start))) return 'input';
  // (…or what it brings in from another works: 从纸厂进大轴原纸回来, 从日本进口光刻胶)
  if (kind === 'product' && /从[^，,。；;\n]{1,10}?(?:进口|订购|采购|购买|买|进)[^，,。；;\n]{0,6}$/.test(clauseBefore())) return 'input';
  // what is made for a process, or for the firms that run it: 铸造用覆膜砂, 印染企业的…, 发酵罐销售 (constant-time looks)
  if (kind === 'process' && (madeForUse(text, end) || ofFirms(text, end) || equipmentTraded(text, start, end))) return 'modifier';
  // 精细化工、制药项目的工程设计与EPC: the projects a design or consulting firm works on are its clients'
  if (kind === 'process' && PROJECT_SERVICE_AFTER.test(text.slice(end, end + 16)) && !OWN_PROJECT_BEFORE.test(clauseBefore()))
    return 'modifier';
  if (kind === 'product' && COUNTED.test(text.slice(end, end + 8)) && !text.slice(Math.max(0, start - 4), start).includes('产'))
    return 'input';
  // 智能锁那家, 做软包装的那家: a product word naming the firm the note is about is the lead's, whatever its clause
  // says of the firm's steps (智能锁那家电镀是外协的)
  if (kind === 'product' && FIRM_REFERENCE.test(text.slice(end, end + 3)) && !servesReferenced(text, start, end)) return 'own';
  // 走集采和民营医院渠道, 通过商超渠道: what names a sales channel is where the lead sells, not what it makes
  if (kind === 'product' && salesChannel(text, start, end)) return 'customer';
  // 以纯铝锭、工业硅为原料: what a list ending in 为原料 names is used up
  if (kind === 'product' && AS_FEEDSTOCK.test(text.slice(end, clauseBounds(text, start, end)[1]))) return 'input';
  // (…and the source itself, after it: 葡萄糖为碳源)
  if (
    kind === 'product' &&
    /^(碳源|氮源|底物)$/.test(text.slice(start, end)) &&
    /(为|作为|做|当)$/.test(text.slice(Math.max(0, start - 2), start))
  )
    return 'input';
  // servicing a product is not making it (CNC机床维修、翻新, 电梯维保): only right after the word
  if (kind === 'product' && SERVICED_AFTER.test(text.slice(end, end + 3))) return 'modifier';
  // a part or material applied in a step (偏光片贴合, 导热胶点胶, 灌封胶灌封) is used, not made
  if (kind === 'product' && APPLIED_AFTER.test(text.slice(end, end + 3))) return 'input';
  // …and a paste, glue, slurry, ink, powder or paint (names ending 膏, 胶, 浆, 墨, 粉, 剂, 漆) printed, coated or sprayed
  // (锡膏印刷, 银浆丝印, 导电胶涂布): the lead applies it
  if (kind === 'product' && MATERIAL_END.test(text[end - 1] ?? '') && SPREAD_AFTER.test(text.slice(end, end + 3))) return 'input';
  // 在国产GPU上做推理框架, 依托…平台: what the lead builds on is what it uses, not what it makes
  if (kind === 'product' && builtOn(text, start, end)) return 'input';
  // 依托浙大P3实验室开展研发: a lab the lead relies on is someone else's; P3实验室装修工程: work done on a lab, not one run
  if (kind === 'process' && reliesOnLab(text, start, end)) return 'offSite';
  if (kind === 'process' && labWork(text, start, end)) return 'modifier';
  // 他们有8台椭圆印花机: machines of the process counted as the lead's own run it
  if (
    kind === 'process' &&
    /^[^，,。；;\n]{0,2}?机/.test(text.slice(end, end + 3)) &&
    /[\d一二两三四五六七八九十]+\s*(台|套|组)[^，,。；;\n]{0,6}$/.test(clauseBefore()) &&
    !/年产|生产|制造|销售|卖|出口|代理/.test(clauseBefore())
  )
    return 'own';
  // 植鞣皮具, 铬鞣牛皮做的包: leather of a tannage, made into goods by a lead that says its leather is bought in
  if (
    kind === 'process' &&
    /鞣$/.test(text.slice(start, end)) &&
    TANNED_GOODS_AFTER.test(text.slice(end, end + 3)) &&
    LEATHER_BOUGHT.test(text)
  )
    return 'input';
  // 电解铝锭, 电解铜锭: an ingot of what a process makes is a material bought in, not the process run
  if (kind === 'process' && text[end] === '锭') return 'input';
  // 铸造铝合金锭, 铸造用镁合金: a casting grade of an alloy, not casting done
  if (
    kind === 'process' &&
    /铸造$/.test(text.slice(start, end)) &&
    /^用?(铝|镁|锌|铜|钛)?合金(锭|棒|材料|液)/.test(text.slice(end, end + 7))
  )
    return 'modifier';
  // 原料药由客户提供: what someone else supplies is an input (even to a lead that takes work in: 来料加工)
  if (
    /^[^，,。；;\n]{0,3}?(由|是)(?!我们|我司|自己|本公司|本厂|公司自)[^，,。；;\n]{0,8}?(提供|供应(?!商)|供给|来料)(?!工件|来料|毛坯|坯件)/.test(
      text.slice(end, end + 16),
    )
  )
    return 'input';
  // 团队来自电镀厂, 原为印染厂的厂房: where a team or a building comes from, not what the lead does
  if (ORIGIN_BEFORE.test(clauseBefore())) return 'customer';
  // (the checks below look for words most texts hold none of: one look per text says which can apply)
  const has = cuesOf(text);
  // a material another's process made (用的镀锌板, 电镀件外购) is taken in, where the lead neither makes nor processes it
  // (年产电镀件, 电镀件加工 are the lead's plating)
  // (only where the text says it uses it: 冷轧带钢，年产20万吨 is the lead's rolling)
  if (
    kind === 'process' &&
    has.uses &&
    PROCESSED_MATERIAL_AFTER.test(text.slice(end, end + 4)) &&
    /(用|使用|采用|选用)的?[^，,。；;\n]{0,3}$/.test(clauseBefore())
  )
    return 'input';
  // (…and one it says it buys, a processed material named by its process: 买成品色织布和印花布, 外购镀锌板 — not one it buys
  // the means to make: 买设备做印花布)
  if (
    kind === 'process' &&
    end - start >= 3 &&
    /[布板件纸膜纱革]$/.test(text.slice(start, end)) &&
    /(?<!不)(买|采购|购买|外购|购进|购入|外采)(?:的是)?[^，,。；;\n做产加印染制造镀涂喷]{0,12}$/.test(clauseBefore())
  )
    return 'input';
  // research on a process at lab scale (5L—50L发酵工艺研究), not the process run: unless its clause speaks of a pilot or output
  if (
    kind === 'process' &&
    has.research &&
    /^(工艺)?(研究|开发|优化)/.test(text.slice(end, end + 4)) &&
    !/中试|量产|生产|产线|投产|年产|吨|批量/.test(text.slice(...sentenceBounds(text, start)))
  )
    return 'modifier';
  // the supplier the lead buys from (从日宰2000头的屠宰场采购胴体): its process is the supplier's
  if (
    has.from &&
    /从[^，,。；;\n]{0,6}$/.test(text.slice(Math.max(0, start - 8), start)) &&
    FROM_SUPPLIER_AFTER.test(text.slice(end, end + 16))
  )
    return 'offSite';
  // (…and the old works a site was: 原第三印染厂旧厂房改造, 染料厂旧址, 原申江炼钢厂改造的文创园)
  if (has.oldSite && OLD_SITE_AFTER.test(text.slice(end, end + 4))) return 'customer';
  // (…whatever the works is called and however its site was turned over: 原丝绸印染厂腾退后改造, 原杭州一家造纸厂老厂房改造,
  // 原染色车间改造后的3号楼)
  if (
    has.oldSite &&
    // (原 the former: not 原料, 原材料, 原辅料 — 原料是回收的旧周转箱 names a feed, not an old works)
    /原(?![料材辅液浆纸药矿])[^，,。；;\n的]{0,8}$/.test(text.slice(Math.max(0, start - 10), start)) &&
    /^(厂|车间)?的?[^，,。；;\n]{0,3}?(旧|改造|改建|遗|原址|地块|变身|腾退|老厂房)/.test(text.slice(end, end + 8))
  )
    return 'customer';
  // a facility of the park the lead sends its waste to or relies on (废水纳管排入园区废水集中处理厂)
  // (not the lead's own waste sent to its own station: 含氰废水…排入综合废水站)
  if (kind === 'process' && has.infra && !WASTES.includes(text.slice(start, end)) && INFRA_USED_BEFORE.test(clauseBefore()))
    return 'customer';
  // in a text the lead tells in its own voice (我们自己做…), a clause whose subject is 他们 is another's: 房东是印染厂，他们染整
  // 车间在厂区另一头照常生产 (not a staff note, where 他们 is the lead: 他们要建P3实验室)
  if (kind === 'process' && /^[\s（(]*(他们|她们|对方|人家)/.test(clauseBefore()) && LEAD_VOICE.test(text)) return 'customer';
  // a neighbour, a former tenant: 地块东侧为一家印染企业, 那栋楼之前租给一家做阳极氧化的
  // (…not the lead's own plant beside it, 东侧是我们一期的电镀车间, nor a line it takes over, 原租户的电镀线我们整体收购)
  if (
    has.neighbour &&
    (NEIGHBOUR_BEFORE.test(clauseBefore()) ||
      NEIGHBOUR_AFTER.test(text.slice(end, end + 6)) ||
      (RENTS_FROM_BEFORE.test(clauseBefore()) && SPARE_BUILDING_AFTER.test(text.slice(end, end + 14)))) &&
    // (我们隔壁 places the neighbour by the lead; it does not make it the lead's)
    !OWNS_IT.test(
      text
        .slice(...clauseBounds(text, start, end))
        .replace(
          /(我们|我司|公司)(的)?(隔壁|旁边|对面|东侧|西侧|南侧|北侧|边上|附近)|(我们|我司|公司)(想|要|准备|打算|计划)?(租|租用|租下|租了)(的是)?/g,
          '',
        ),
    )
  )
    return 'customer';
  // what the users of the lead's machine do with it: 染色是医院病理科自己用
  if (
    has.users &&
    USERS_DO_AFTER.test(text.slice(end, end + 16)) &&
    !/我们[^，,。；;\n]{0,4}(自己|厂内)|厂内(自己)?(做|完成)/.test(text.slice(...sentenceBounds(text, start)))
  )
    return 'customer';
  // 仅收集、暂存，不做利用处置: a waste a collector only gathers and stores is worked up by the licensed plant it goes on to
  // (名录 第101项: 单纯收集、贮存的除外)
  if (/^(废|危废|危险废物|医废|医疗废物)/.test(text.slice(start, end)) && COLLECTS_ONLY.test(text))
    return kind === 'product' ? 'input' : 'offSite';
  // 回收的铅酸电池交有资质单位处置, 废酸委托…处理: what the lead hands over to be disposed of is not made or processed here
  if (has.disposed && DISPOSED_AFTER.test(text.slice(end, end + 20))) return kind === 'product' ? 'input' : 'offSite';
  // 对新认定的总部企业给予最高1亿元奖励: whom a policy rewards is its target, not a lead
  if (policyTarget(text, start, end)) return 'customer';
  // 投资机构推荐的项目, 商会介绍的企业: who brought the lead in, not the lead
  if (kind === 'product' && REFERRER_AFTER.test(text.slice(end, end + 4))) return 'customer';
  // 做印染厂的MES, 化工企业的安全软件: the firms a product or service is for are its customers
  if (kind === 'product' && /(厂|企业|公司|工厂)$/.test(text.slice(start, end)) && FOR_FIRMS_AFTER.test(text.slice(end, end + 10)))
    return 'customer';

  // the works where the lead's product goes or is used, and the works that use or qualify it (部署于印染厂定型机出口, 装在电镀厂
  // 排口, 全国两百多家染厂在用, 两家晶圆厂的验证机会), and what the customers' own works have (那些工厂自己有镀金、镀银线; 密炼、
  // 硫化是在讲客户车间)
  if (cuesOf(text).customers && customersWorks(text, start, end)) return 'customer';
  // an English sentence's material used or bought (the slurry uses NMP; consumes about 60 t/yr of e-coat paint), or a
  // yearly tonnage of it where nothing is said to be made (a line … about 60 t/yr of paint)
  if (kind === 'product' && /[a-z]/.test(text[start] ?? '') && englishConsumed(text, start)) return 'input';
  // most clauses hold no cue at all: then only a head after the word can make it not the lead's
  if (!cued(text, start, end))
    return (kind === 'product'
      ? modifies(text, start, end, EQUIPMENT_HEADS, PRODUCT_END_HEADS)
      : modifies(text, start, labEnd(text, start, end), HEADS) && !broughtIn(text, start, end)) ||
      (kind === 'process' && suppliesLine(text, start, end))
      ? 'modifier'
      : 'own';
  if (alreadyDone(text, start, end)) return 'input';
  if (servesOthers(text, start, end)) return 'customer';
  // (…or the customer does the step itself: 坯布交客户自行染整, 由客户自己电镀)
  if (CUSTOMER_DOES_BEFORE.test(text.slice(Math.max(clauseBounds(text, start, end)[0], start - 8), start))) return 'customer';
  if (
    kind === 'product'
      ? modifies(text, start, end, EQUIPMENT_HEADS, PRODUCT_END_HEADS)
      : modifies(text, start, labEnd(text, start, end), HEADS) && !broughtIn(text, start, end)
  )
    return 'modifier';
  if (kind === 'process' && suppliesLine(text, start, end)) return 'modifier';
  if (objectOf(BOUGHT, text, start) && !(kind === 'process' && stepOnBought(text, start, end))) return 'offSite';
  if (boughtAfter(text, start, end)) return 'offSite';
  // (a bare 用 consumes only a material, 外观件用粉末涂料; 新能源汽车用铜箔 names the foil's field, 化妆品用的玻璃瓶 the bottle's)
  if (
    kind === 'product' &&
    (objectOf(CONSUMED, text, start) || (usedUp(text, start) && /[膏胶浆墨粉剂漆料油液]$/.test(text.slice(start, end))))
  )
    return 'input';
  // (…and a material's role named, then what fills it: 发泡剂采用环戊烷, 溶剂使用乙酸乙酯, 清洗剂用的是碳氢)
  if (kind === 'product' && /[剂料液]$/.test(text.slice(start, end)) && ROLE_FILLED_AFTER.test(text.slice(end, end + 5))) return 'input';
  // what the lead's product is used in: 用于IGBT散热 (a product), 用于电镀的整流电源 (a process)
  if (objectOf(APPLIED, text, start)) return 'customer';
  // …a place the word names, where things are carried or the lead comes from (运到白银一家镀锌厂, 来自铜陵): not a product
  if (
    kind === 'product' &&
    PLACE_VERB_BEFORE.test(text.slice(Math.max(0, start - 3), start)) &&
    /^(一家|某|的|那边|这边|那里|市|县|区|[，,。；;])/.test(text.slice(end, end + 2))
  )
    return 'offSite';
  // …a chemical a step of the lead's uses (正极涂布用NMP, 清洗用异丙醇, 制冷用液氨): consumed, not made
  if (kind === 'product' && STEP_USES_BEFORE.test(text.slice(Math.max(clauseBounds(text, start, end)[0], start - 10), start)))
    return 'input';
  // …a works the lead only supplies (跟轮胎厂只是配套关系, 与整车厂是配套关系): its customer
  if (/^(?:厂|企业|公司)?(?:只是|是|属于|仅是)?配套关系/.test(text.slice(end, end + 8))) return 'customer';
  // …or put on or into (贴在机器人手指上, 装在新能源车的电池包里): the thing it goes on is another's product
  if (kind === 'product' && PUT_ON_BEFORE.test(clauseBefore()) && PUT_ON_AFTER.test(text.slice(end, end + 8))) return 'customer';
  if (FUND.test(text) && objectOf(FUND_TARGET, text, start) && !/建设|新建|扩建|改造/.test(clauseBefore())) return 'customer';
  if (handedOff(text, start, end)) return 'offSite';
  return 'own';
}
