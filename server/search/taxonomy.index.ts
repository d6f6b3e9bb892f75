/**
 * Text search over the taxonomy, the fallback when no dictionary word names a lead's industry:
 * positionings (names, aliases, terms) and GB/T 4754 classes (names and official remarks), each GB/T
 * hit mapped to the positioning that covers its code.
 */
import MiniSearch from 'minisearch';
import type { Knowledge } from '../domain/knowledge.js';
import { positioningsForCode } from '../domain/taxonomy.js';
import { tokenize } from './tokenizer.js';
import type { NgramClassifier } from '../text/ngram.js';
import type { ContextClassifier } from '../text/context.js';
import { INDUSTRY_STRENGTH, NGRAM } from '../domain/scoring.constants.js';

/**
 * A positioning read without a dictionary word: by the n-gram classifier (with its class and strength; idx -1
 * when no positioning covers the class) or by text search (a guess).
 */
export type IndustryGuesser = ((text: string) => { idx: number; via: string; strength?: number; code?: string }[]) & {
  /** The context model that weighs the reading of words against the whole text (server/text/context.ts). */
  context?: () => ContextClassifier | null;
};

/** Below this BM25 score a guess is noise (one shared bigram). */
const MIN_SCORE = 6;
/** A guess scoring under this share of the best guess is dropped. */
const RELATIVE_CUT = 0.6;
/** At most this many query bigrams, the rarest first. */
const MAX_TERMS = 12;
/** Query bigrams found in more than this share of documents (需要, 制造, 生产 …) carry no signal. */
const MAX_DF = 0.02;

/**
 * Part-like heads that stand after many kinds of product (彩超整机, 电驱总成): the classifier weighs the last
 * characters of a word most, so it reads the word without them (彩超整机 would read as a computer). 设备 and
 * 系统 stay: they say the product is hardware (边缘计算设备 is not a data service).
 */
const GENERIC_HEADS = /整机|主机|总成|模组|组件|零部件|部件|配件/g;
/**
 * …and the words that end how a lead came or a label, not a product (朋友介绍, 经商会引荐, 产品介绍：): read as heads they
 * make a 中介 (职业中介服务) of any referral.
 */
// (…and the kind of document a note is titled as: 可研摘要, 项目建议书摘录, 周报, 会议纪要, 项目公示; and a hand-off, whose 协 or 发
// would read as a head: 镜体导管外协)
const NO_PRODUCT_HEADS =
  /(?:介绍|引荐|牵线|推介|(?:可研)?(?:摘要|摘录)|简报|周报|月报|纪要|建议书|公示|招聘|诚聘|急聘)(?=[\s，,。；;：:！!？?、）)】\]]|$)|外协|委外|外发/g;

/**
 * The fallback reading: first the n-gram classifier (data/lexicon/ngram-model.json, docs/NGRAM.md), trusted
 * at p ≥ NGRAM.decide as a class of its own strength; else the text search below, which only guesses.
 * `classifier` is called when first needed (the model takes about a second to compile).
 */
export function createIndustryGuesser(
  k: Knowledge,
  classifier: () => NgramClassifier | null = () => null,
  context: () => ContextClassifier | null = () => null,
): IndustryGuesser {
  const search = createTextSearchGuesser(k);
  const guess: IndustryGuesser = (text: string) => {
    // only a reading at p ≥ decide is used: the classifier skips the chunks that cannot reach it
    const r = classifier()?.classifySpans(text.slice(0, 500).replace(GENERIC_HEADS, '，').replace(NO_PRODUCT_HEADS, '，'), NGRAM.decide);
    if (r && r.p >= NGRAM.decide) {
      // a class no positioning covers is still what the lead makes (idx -1: known, but no park is positioned for it)
      const idx = k.positioningOf(r.code) ?? -1;
      return [
        {
          idx,
          via: `${r.span.text.slice(0, 20)}（推断：${k.taxonomy.gbt.get(r.code)?.name ?? r.code}，p=${r.p.toFixed(2)}）`,
          strength: INDUSTRY_STRENGTH.ngram,
          code: r.code,
        },
      ];
    }
    return search(text);
  };
  guess.context = context;
  return guess;
}

function createTextSearchGuesser(k: Knowledge): IndustryGuesser {
  const ms = new MiniSearch<{ id: string; text: string; pos: number; label: string }>({
    fields: ['text'],
    storeFields: ['pos', 'label'],
    tokenize,
    processTerm: (t) => t,
    searchOptions: { tokenize, processTerm: (t) => t, combineWith: 'OR' },
  });
  const docs: { id: string; text: string; pos: number; label: string }[] = [];
  for (const p of k.taxonomy.positionings)
    docs.push({ id: `p${p.idx}`, text: [p.name, ...p.aliases, ...p.terms].join(' '), pos: p.idx, label: p.name });
  for (const g of k.taxonomy.gbt.values()) {
    if (g.level < 3) continue;
    const pos = positioningsForCode(k.taxonomy, g.code)[0];
    if (pos === undefined) continue;
    docs.push({ id: `g${g.code}`, text: `${g.name} ${g.remark}`, pos, label: g.name });
  }
  ms.addAll(docs);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(tokenize(d.text))) df.set(t, (df.get(t) ?? 0) + 1);
  const maxDf = Math.max(2, docs.length * MAX_DF);
  return (text: string) => {
    // (the rarest MAX_TERMS bigrams carry the signal: an OR query over every bigram of a long text costs a lot and adds
    // only common ones)
    const terms = [...new Set(tokenize(text.slice(0, 500)))]
      .filter((t) => (df.get(t) ?? 0) > 0 && df.get(t)! <= maxDf)
      .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, MAX_TERMS);
    if (terms.length === 0) return [];
    const seen = new Set<number>();
    const out: { idx: number; via: string }[] = [];
    const hits = ms.search(terms.join(' '));
    const best = hits[0]?.score ?? 0;
    for (const r of hits) {
      if (r.score < MIN_SCORE || r.score < best * RELATIVE_CUT) break;
      // (one shared bigram is a word in common, not a reading: 什么时候方便带看 shares 方便 with 方便面制造)
      if (r.terms.length < 2) continue;
      const pos = r.pos as number;
      if (seen.has(pos)) continue;
      seen.add(pos);
      out.push({ idx: pos, via: `文本检索：${r.label}` });
      if (out.length >= 3) break;
    }
    return out;
  };
}
