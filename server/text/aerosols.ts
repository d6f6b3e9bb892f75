/**
 * Aerosols kept as a stock (GB 18218-2018 表2 W3: 气溶胶 类别1和类别2, 150 t net): a store of filled cans counted with
 * each one's net content (成品库存约60万罐，每罐净含量300克; would hold around 600,000 cans of 300 g net each) or given in
 * tonnes net. Their flammability is what the text says — by their propellant (丙丁烷, LPG, 二甲醚, hydrocarbon propellant) or
 * their category (类别1) — or, left unsaid, taken as flammable and said so in the reason (以SDS为准): nearly every consumer
 * and car-care aerosol is filled with a hydrocarbon or DME propellant, and every blind writer who met an aerosol store of
 * unsaid flammability at or above 150 t net ruled it out (twenty-eighth session: dev57 PR077, dev70 RE168, fresh25 QC113,
 * fresh26 QD060 and others). One said non-flammable (不燃, 氮气 or CO2 propellant, 类别3: no 表2 row) is not read.
 *
 * Pure, over normalised text (lower case, half-width digits); linear in the text's length.
 */
export interface AerosolStock {
  /** Tonnes net held at once. */
  t: number;
  /** The cans counted and each one's net content (t), where the stock was counted so. */
  count?: number;
  each?: number;
  /** The text's word for the aerosols, and what says they are flammable ('' where the text leaves it unsaid: assumed). */
  word: string;
  flammable: string;
}

const AEROSOL = /气雾剂|气雾罐|喷雾罐|气溶胶|自喷漆|手喷漆|aerosols?\b|spray cans?\b/;
const FLAMMABLE =
  /丙丁烷|异丁烷|丙烷|丁烷|液化石油气|lpg\b|二甲醚|\bdme\b|hydrocarbon|\bpropane\b|\bbutane\b|isobutane|dimethyl ether|易燃|(?<!non-?)flammable|(?:气溶胶|aerosols?)[^，,。；;.\n]{0,6}?(?:类别|category)\s*[12一二](?![\d.])/;
const NOT_FLAMMABLE =
  /不燃|非易燃|non-?flammable|(?:二氧化碳|氮气|压缩空气)(?:作为|为|作)?抛射|(?:co2|nitrogen|compressed[- ]air)[- ]propellant|(?:类别|category)\s*3/;
/** A sentence about a stock held at once, not a yearly output. */
const STOCK_CUE = /库存|仓库|成品库|存放|储存|常备|最多|压着|囤|\bhold|warehouse|in stock|stock of|at peak|on hand|\bstored?\b/;
const YEARLY_BEFORE = /(年产|一年|每年|全年|年销)[^，,。；;\n]{0,6}$/;
const YEARLY_AFTER = /^[^.;,\n]{0,12}?\b(a|per) (year|annum)\b|^[^.;,\n]{0,12}?\bannual(ly)?\b/;
const NUM = '(\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?)';
const CANS = new RegExp(`${NUM}\\s*(万|million|thousand)?\\s*(?:(罐|瓶|支)|\\s(?:[a-z-]+\\s+){0,2}?(?:cans|canisters|units)\\b)`, 'g');
const EACH = new RegExp(
  `(?:(?:每|单)(?:罐|瓶|支)?[^，,。；;\\n\\d]{0,6}?|净含量\\s*|净重\\s*|\\bnet(?:\\s+(?:content|weight|fill))?\\s*(?:of\\s*)?(?:about\\s*|approx\\.?\\s*|around\\s*)?|\\beach\\s*(?:of\\s*)?)${NUM}\\s*(克|g\\b|grams?\\b|毫升|ml\\b|千克|公斤|kg\\b)|${NUM}\\s*(克|g\\b|grams?\\b|毫升|ml\\b)\\s*(?:net|each|净)`,
);
const TONNES_NET = new RegExp(
  `${NUM}\\s*(吨|t\\b|tonnes?\\b|tons?\\b)\\s*[（(]?\\s*(?:净重|净含量|net)|(?:净重|净含量|\\bnet(?:\\s+weight)?)\\s*(?:约|大约|合计|折合约?|about|approx\\.?)?\\s*${NUM}\\s*(?:吨|t\\b|tonnes?\\b|tons?\\b)`,
);

/** Cans counted by the case (7万箱，每箱24罐; 70,000 cases of 24 cans; 24 cans per case): cases × cans in each. */
const CASES = new RegExp(`${NUM}\\s*(万|million|thousand)?\\s*(?:箱|件|cases?\\b|cartons?\\b)`, 'g');
const PER_CASE = new RegExp(
  `(?:每(?:箱|件)|一箱)\\s*${NUM}\\s*(?:罐|瓶|支)|\\b(?:cases?|cartons?)\\s+of\\s+${NUM}\\s*(?:cans|canisters|units)\\b|${NUM}\\s*(?:cans|canisters|units)\\s*(?:per|a|each)\\s*(?:case|carton)\\b`,
);

const number = (s: string) => Number(s.replace(/,/g, ''));
const grams = (n: number, unit: string) => (/^(千克|公斤|kg)$/.test(unit) ? n * 1000 : n);

export function aerosolStock(text: string): AerosolStock | null {
  const aerosol = AEROSOL.exec(text);
  if (!aerosol) return null;
  // (where the text leaves their flammability unsaid they are taken as flammable: consumer and car-care aerosols are filled
  // with hydrocarbon or DME propellant; a non-flammable one is said so, 不燃, 氮气/CO2 propellant, 类别3)
  const flammable = FLAMMABLE.exec(text);
  if (NOT_FLAMMABLE.test(text)) return null;
  let best: AerosolStock | null = null;
  for (const m of text.matchAll(/[^。.;；!?！？\n]+/g)) {
    const sentence = m[0];
    if (!STOCK_CUE.test(sentence)) continue;
    const net = TONNES_NET.exec(sentence);
    let t: number | null = net ? number(net[1] ?? net[3]!) : null;
    let count: number | undefined;
    let each: number | undefined;
    if (t === null) {
      const e = EACH.exec(sentence);
      if (!e) continue;
      const [n, unit] = e[1] !== undefined ? [e[1], e[2]!] : [e[3]!, e[4]!];
      each = grams(number(n), unit) / 1e6;
      for (const c of sentence.matchAll(CANS)) {
        if (e.index !== undefined && c.index! >= e.index && c.index! < e.index + e[0].length) continue;
        if (YEARLY_BEFORE.test(sentence.slice(0, c.index)) || YEARLY_AFTER.test(sentence.slice(c.index! + c[0].length))) continue;
        const n0 = number(c[1]!);
        const k = c[2] === '万' ? 10_000 : c[2] === 'million' ? 1e6 : c[2] === 'thousand' ? 1000 : 1;
        if (Number.isFinite(n0) && n0 * k > (count ?? 0)) count = n0 * k;
      }
      const per = PER_CASE.exec(sentence);
      if (per)
        for (const c of sentence.matchAll(CASES)) {
          if (YEARLY_BEFORE.test(sentence.slice(0, c.index)) || YEARLY_AFTER.test(sentence.slice(c.index! + c[0].length))) continue;
          const k = c[2] === '万' ? 10_000 : c[2] === 'million' ? 1e6 : c[2] === 'thousand' ? 1000 : 1;
          const cans = number(c[1]!) * k * number(per[1] ?? per[2] ?? per[3]!);
          if (Number.isFinite(cans) && cans > (count ?? 0)) count = cans;
        }
      if (!count || count < 2) continue;
      t = Math.round(count * each * 1000) / 1000;
    }
    if (t !== null && t > 0 && (!best || t > best.t))
      best = { t, ...(count ? { count, each: Math.round(each! * 1e7) / 1e7 } : {}), word: aerosol[0], flammable: flammable?.[0] ?? '' };
  }
  return best;
}
