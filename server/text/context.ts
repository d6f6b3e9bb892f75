/**
 * The context model: which of the 34 positionings a whole lead text is about, learned from how people who
 * never saw this code labelled leads they wrote (the blind dev sets in test/heldout/, never the test sets).
 * The reading of words (lexicon, n-gram classifier, rules) finds the candidates and their evidence; the context
 * model weighs the rest of the text — the customers, the use, the kind of firm, the news boilerplate — and so
 * settles what words alone cannot: 电池包 for a 主机厂's chassis supplier (智能零部件) or for an EV maker
 * (新能源汽车), 研发中心 of a software firm (软件信息) or of a contract lab (科技研发). It also says when nothing
 * in the text decides: a reading it cannot settle is a guess (the lead's industry is then unknown and the chat asks).
 *
 * Method (docs/CONTEXT.md has the measured figures): multinomial Naive Bayes over the distinct character
 * bigrams of the text's Han runs and its Latin words, with a class "∅" for texts that say nothing about what the
 * project makes; scripts/build-context-model.ts counts them, and its parameters (smoothing, temperature, how much the
 * reading of words weighs, the margin below which a reading is a guess) were chosen by leave-one-set-out
 * cross-validation on the dev sets.
 *
 * Pure: no I/O; `server/db/context-file.ts` reads the model file.
 */
import { nameSpans } from './names.js';
import { normalizeText } from './normalize.js';

/** The class that means "the text does not say what the project makes". */
export const NOTHING = '∅';

export interface ContextParams {
  /** Additive smoothing of the per-class feature counts (used when mu is 0). */
  alpha: number;
  /**
   * Dirichlet smoothing: each class's feature distribution is pulled towards the overall one with this weight (in
   * feature counts), so that a word every kind of lead uses (签约、仪式、项目) says little whichever class happened to
   * use it more, and a rare specific one (医院、主机厂) keeps its say. 0: additive smoothing with alpha.
   */
  mu: number;
  /** The model's log-likelihoods are divided by this before they are added to the reading of words. */
  temperature: number;
  /** Weight of a candidate's strength from the reading of words (0.85 lexicon, 0.9 term…). */
  readerWeight: number;
  /** Subtracted per rank of a candidate in the reading of words (the first named goes first). */
  rankPenalty: number;
  /** Below this margin between the best and second-best positioning the reading is a guess. */
  margin: number;
  /** A positioning the words did not name is read from context alone only this far above 'nothing' (∅). */
  nothingMargin: number;
  /**
   * The scores of a text with more than LENGTH_UNIT known features are scaled by (LENGTH_UNIT / features known)^lengthPower:
   * Naive Bayes adds up every feature as if each were independent news, so a long text's margins grow with its length
   * whether or not it says more (0: no scaling; a shorter text is never scaled up).
   */
  lengthPower: number;
  /** Two readings the words both named that the context cannot tell apart are a mixed lead, not an unknown one. */
  mixedKeep: boolean;
  /**
   * The context may put first a positioning the words did not name only where the words' own first reading is weaker
   * than this (a product named outright, 0.95, is not overruled by the rest of the text: that is then a guess).
   */
  outsideBelow: number;
  /** Where no word named a positioning but some were guessed (a word several positionings share), the context picks among those only. */
  aloneAmongGuesses: boolean;
  /**
   * A text with fewer known features than this is left to the words (另外还做传感器, 智能门锁研发中心): the context says too
   * little to overrule them or to make their reading a guess. 0 or absent: every text is weighed.
   */
  minKnown?: number;
  /**
   * Where the best positioning is the words' own first reading, a margin over the second this large keeps it, though it is
   * below `margin` (the context agrees with the words, only less surely than it must to overrule them). Absent: `margin`.
   */
  keepMargin?: number;
}

/** The number of known features of a typical lead text (the scaling of lengthPower leaves such a text as it is). */
export const LENGTH_UNIT = 20;

/**
 * The counts a head is learnt from: per feature, per class, the number of texts that have it (scripts/build-context-model.ts;
 * every feature, even one seen once: leaving out those seen once or twice read 42 and 53 fewer dev leads right).
 */
export function countFeatures(xs: readonly { label: string; features: readonly string[] }[], classes: string[]): NaiveBayesCounts {
  const totals = classes.map(() => 0);
  const counts = new Map<string, Map<number, number>>();
  for (const x of xs) {
    const c = classes.indexOf(x.label);
    for (const f of x.features) {
      const m = counts.get(f) ?? new Map<number, number>();
      counts.set(f, m);
      m.set(c, (m.get(c) ?? 0) + 1);
      totals[c]!++;
    }
  }
  const features: Record<string, number[]> = {};
  for (const f of [...counts.keys()].sort()) features[f] = [...counts.get(f)!].sort((a, b) => a[0] - b[0]).flat();
  return { classes, totals, vocabulary: counts.size, features };
}

/** A Naive Bayes head's counts. */
export interface NaiveBayesCounts {
  classes: string[];
  /** Per class: the number of feature occurrences counted (for the smoothing's denominator). */
  totals: number[];
  /** The vocabulary size the smoothing spreads over. */
  vocabulary: number;
  /** Per feature: [class index, count, class index, count, …]. */
  features: Record<string, number[]>;
}

/**
 * The on-site head: whether a lead reads like one that runs a heavy-pollution process or holds a hazardous stock on
 * site (the sets' mustExclude leads) or like a near-miss or an ordinary lead (mustKeep, fit). Where the words fire an
 * exclusion and the whole text reads as a near-miss by more than `veto`, the exclusion is doubted: the lead is not
 * ruled out on it but flagged (需环保核实) with the words that decided.
 */
export interface OnsiteHead extends NaiveBayesCounts {
  /** ['keep', 'exclude']. */
  classes: string[];
  mu: number;
  /** log P(text | exclude) − log P(text | keep) below this doubts the words' exclusion (negative). */
  veto: number;
  /**
   * …and above this, where the words fire no exclusion, the text is suspected of an on-site heavy-pollution process or
   * a hazardous stock the words did not name: flagged 需环保核实 (never an exclusion: that needs a clause and a process).
   */
  suspect: number;
  /**
   * A text with fewer known features than this is never doubted: a plain short statement (年产5万吨电镀加工项目，拟租用厂房)
   * is the words' to read, not the whole text's tone (fifteenth session; absent in older models: 0).
   */
  minKnown?: number;
  /**
   * The score scaled to a text of HEAD_REF_KNOWN known features, (HEAD_REF_KNOWN / known)^lengthPower times: a long
   * signing news or visit record sums many features that say nothing of the process (company names, officials, money),
   * and without it reads far more strongly either way than a short note does (twenty-third session; absent: 0).
   */
  lengthPower?: number;
  /** The cross-validated figures the veto was chosen on. */
  source: string;
}

export interface ContextModel {
  format: 'luodi-context/1';
  /** Where the training texts came from (set names and counts): the dev sets only. */
  source: string;
  params: ContextParams;
  /** The positionings by name, and NOTHING. */
  classes: string[];
  totals: number[];
  vocabulary: number;
  features: Record<string, number[]>;
  onsite?: OnsiteHead;
}

/**
 * The text the model reads: normalised, with company and place names blanked (信息港小镇, 杭州瞳析智能科技有限公司 say
 * where a project goes and who signs, not what it makes: DESIGN.md §4a).
 */
export function contextText(text: string): string {
  const t = normalizeText(text);
  const spans = nameSpans(t);
  if (!spans.length) return t;
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    out += `${t.slice(at, s)}${'　'.repeat(e - s)}`;
    at = e;
  }
  return out + t.slice(at);
}

/**
 * The text with the given words blanked wherever they stand: the words the reading of words found negated or not the
 * lead's own (不喷漆, 外协电镀, 智能锁外协) say nothing of what the lead itself makes, to the context either.
 */
export function maskWords(text: string, words: Iterable<string>): string {
  let t = text;
  for (const w of words) if (w.length >= 2) t = t.split(w).join('　'.repeat(w.length));
  return t;
}

/** The features of a text: its distinct Han bigrams and its Latin words (w:pcb), names left out (contextText). */
export function contextFeatures(text: string): string[] {
  const t = contextText(text);
  const out = new Set<string>();
  for (const m of t.matchAll(/[a-z][a-z0-9+-]*/g)) out.add(`w:${m[0]}`);
  for (const run of t.match(/[\u4e00-\u9fff]+/g) ?? []) for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  return [...out];
}

export interface ContextReading {
  /** Per class (ContextModel.classes order): the log-likelihood of the text, divided by the temperature. */
  scores: Float64Array;
  /** How many of the text's features the model knows. */
  known: number;
}

export interface ContextClassifier {
  readonly model: ContextModel;
  classIndex: ReadonlyMap<string, number>;
  /** The text's scores per class (its first 600 characters; or its keys, keysOf, when they are at hand). */
  read(input: string | TextKeys): ContextReading;
  /** Up to n stretches of the text, as written, whose features speak most for class a over class b (the evidence shown). */
  evidence(text: string, a: number, b: number, n?: number): string[];
  /** With an on-site head: null, or the doubt the whole text casts on an exclusion the words fired (score < veto). */
  doubt?(text: string, keys?: TextKeys): { score: number; evidence: string[]; known: number } | null;
  /** With an on-site head: null, or the suspicion of an on-site polluter the words did not name (score > suspect). */
  suspect?(text: string, keys?: TextKeys): { score: number; evidence: string[] } | null;
}

/** A Han bigram as a small integer (both characters in U+4E00–U+9FFF): a key V8 hashes without boxing it. */
const pairKey = (c: number, d: number) => (c - 0x4e00) * 0x5200 + (d - 0x4e00);

/** Text past this many characters adds nothing the first part did not say (the training texts are ≤ 250). */
const MAX_CHARS = 600;

/** A text's features as the heads look them up: its distinct Han bigrams as small integers, its distinct Latin words. */
export interface TextKeys {
  pairs: number[];
  words: string[];
}

/** contextFeatures, keyed for lookup without building a string per bigram (read once, shared by both heads). */
export function keysOf(text: string): TextKeys {
  const t = contextText(text.slice(0, MAX_CHARS));
  const pairs = new Set<number>();
  const words = new Set<string>();
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0x4e00 && d <= 0x9fff) pairs.add(pairKey(c, d));
    } else if (c >= 0x61 && c <= 0x7a) {
      let j = i + 1;
      while (j < t.length && /[a-z0-9+-]/.test(t[j]!)) j++;
      words.add(t.slice(i, j));
      i = j - 1;
    }
  }
  return { pairs: [...pairs], words: [...words] };
}

/** Naive Bayes over one set of classes (a head): the text's scores and the evidence for one class over another. */
function naiveBayes(model: NaiveBayesCounts, alpha: number, mu: number, temperature: number): Pick<ContextClassifier, 'read' | 'evidence'> {
  const n = model.classes.length;
  // additive: log((count + α) / (total + αV)) = base[class] + log((count + α) / α);
  // Dirichlet: log((count + μp) / (total + μ)) = log(μp) + base[class] + log(1 + count / (μp)), p the feature's overall
  // share, log(μp) the same for every class (left out). Either way a feature adds base to every class and a sparse
  // bonus to the classes that saw it.
  const all = model.totals.reduce((a, b) => a + b, 0);
  const base = model.totals.map((t) => (mu > 0 ? -Math.log(t + mu) : Math.log(alpha / (t + alpha * model.vocabulary))));
  // every feature's (class, bonus) pairs in two flat arrays, entry e spanning [start[e], start[e + 1]): a few typed
  // arrays rather than one pair of them per feature (28k features, two heads)
  const entries = Object.entries(model.features);
  const start = new Int32Array(entries.length + 1);
  entries.forEach(([, pairs], e) => (start[e + 1] = start[e]! + pairs.length / 2));
  const cls = new Int32Array(start[entries.length]!);
  const add = new Float64Array(start[entries.length]!);
  // …keyed for reading without building strings: a Han bigram by its two char codes, a Latin word by itself
  const byPair = new Map<number, number>();
  const byWord = new Map<string, number>();
  entries.forEach(([f, pairs], e) => {
    let seen = 0;
    for (let i = 1; i < pairs.length; i += 2) seen += pairs[i]!;
    const prior = (mu * seen) / all;
    for (let i = 0; i < pairs.length; i += 2) {
      cls[start[e]! + i / 2] = pairs[i]!;
      add[start[e]! + i / 2] = mu > 0 ? Math.log1p(pairs[i + 1]! / prior) : Math.log((pairs[i + 1]! + alpha) / alpha);
    }
    if (f.startsWith('w:')) byWord.set(f.slice(2), e);
    else if (f.length === 2) byPair.set(pairKey(f.charCodeAt(0), f.charCodeAt(1)), e);
  });
  const entryOf = (f: string) =>
    f.startsWith('w:') ? byWord.get(f.slice(2)) : f.length === 2 ? byPair.get(pairKey(f.charCodeAt(0), f.charCodeAt(1))) : undefined;
  return {
    read(input: string | TextKeys) {
      const { pairs, words } = typeof input === 'string' ? keysOf(input) : input;
      const scores = new Float64Array(n);
      let known = 0;
      const count = (e: number | undefined) => {
        if (e === undefined) return;
        known++;
        for (let i = start[e]!; i < start[e + 1]!; i++) scores[cls[i]!]! += add[i]!;
      };
      for (const key of pairs) count(byPair.get(key));
      for (const w of words) count(byWord.get(w));
      for (let c = 0; c < n; c++) scores[c] = (scores[c]! + known * base[c]!) / temperature;
      return { scores, known };
    },
    evidence(text: string, a: number, b: number, k = 3) {
      const weight = (e: number, c: number) => {
        for (let i = start[e]!; i < start[e + 1]!; i++) if (cls[i] === c) return add[i]! + base[c]!;
        return base[c]!;
      };
      const speaks = (f: string) => {
        const e = entryOf(f);
        return e === undefined ? 0 : weight(e, a) - weight(e, b);
      };
      // the stretches of the text whose bigrams speak for a, as written (备件服务, 上门维保), the strongest first
      const runs: { text: string; d: number; at: number }[] = [];
      const t = contextText(text.slice(0, MAX_CHARS));
      for (const m of t.matchAll(/[a-z][a-z0-9+-]*|[\u4e00-\u9fff]+/g)) {
        if (!/[\u4e00-\u9fff]/.test(m[0])) {
          const d = speaks(`w:${m[0]}`);
          if (d > 0) runs.push({ text: m[0], d, at: m.index });
          continue;
        }
        let from = -1;
        let sum = 0;
        for (let i = 0; i + 1 <= m[0].length; i++) {
          const d = i + 2 <= m[0].length ? speaks(m[0].slice(i, i + 2)) : 0;
          if (d > 0) {
            if (from < 0) [from, sum] = [i, 0];
            sum += d;
          } else if (from >= 0) {
            runs.push({ text: m[0].slice(from, i + 1), d: sum, at: m.index + from });
            from = -1;
          }
        }
      }
      return runs
        .sort((x, y) => y.d - x.d || x.at - y.at)
        .slice(0, k)
        .sort((x, y) => x.at - y.at)
        .map((r) => r.text.slice(0, 8));
    },
  };
}

/** The on-site head's features a typical lead note has: its score is scaled to a text of this many (OnsiteHead.lengthPower). */
export const HEAD_REF_KNOWN = 60;
/** The on-site head's score of a text with `known` known features, scaled to HEAD_REF_KNOWN of them. */
export function headScore(score: number, known: number, lengthPower = 0): number {
  return lengthPower > 0 ? score * Math.pow(HEAD_REF_KNOWN / Math.max(known, 1), lengthPower) : score;
}
export function createContextClassifier(model: ContextModel): ContextClassifier {
  const { alpha, mu, temperature } = model.params;
  const head = naiveBayes(model, alpha, mu, temperature);
  const onsite = model.onsite;
  const doubtHead = onsite && naiveBayes(onsite, 0, onsite.mu, 1);
  return {
    // (without its counts, which the heads hold in their own form: the parsed file would double the memory)
    model: { ...model, features: {}, ...(onsite ? { onsite: { ...onsite, features: {} } } : {}) },
    classIndex: new Map(model.classes.map((c, i) => [c, i])),
    ...head,
    ...(onsite && doubtHead
      ? {
          doubt(text: string, keys?: TextKeys) {
            // the classes are [keep, exclude]: how much more the text reads like a near-miss than like an on-site polluter
            const r = doubtHead.read(keys ?? text);
            const score = headScore(r.scores[1]! - r.scores[0]!, r.known, onsite.lengthPower);
            if (r.known < (onsite.minKnown ?? 0)) return null;
            return score < onsite.veto ? { score, evidence: doubtHead.evidence(text, 0, 1), known: r.known } : null;
          },
          suspect(text: string, keys?: TextKeys) {
            const r = doubtHead.read(keys ?? text);
            const score = headScore(r.scores[1]! - r.scores[0]!, r.known, onsite.lengthPower);
            return score > onsite.suspect ? { score, evidence: doubtHead.evidence(text, 1, 0) } : null;
          },
        }
      : {}),
  };
}

/** A candidate positioning from the reading of words, in its order there. */
export interface WordReading {
  name: string;
  strength: number;
  /** The word is the positioning's own name (新材料项目): that reading stands whatever the context says (the blind writers never named a fit lead's positioning, so the context has not learnt such texts). */
  via?: string;
}

export type ContextDecision =
  /** The words' first reading stands. */
  | { kind: 'keep' }
  /** Another positioning goes first: one the words named (evidence empty) or one the context alone reads (evidence: its features). */
  | { kind: 'promote'; name: string; evidence: string[] }
  /** Nothing decides between the readings: the lead's industry is a guess. */
  | { kind: 'guess' };

/** The decision without its evidence: the classes by index (best, and the one it was weighed against). */
export type Decision = { kind: 'keep' } | { kind: 'guess' } | { kind: 'promote'; best: number; against: number; byWords: boolean };

/**
 * Weigh the reading of words against the context's scores (ContextClassifier.read). `confident` is the strength
 * above which a reading of words is taken as the lead's (INDUSTRY_STRENGTH.guess): only those are candidates.
 * `params` defaults to the model's (scripts/build-context-model.ts passes others when it chooses them).
 */
export function decide(
  classes: readonly string[],
  classIndex: ReadonlyMap<string, number>,
  reading: ContextReading,
  words: readonly WordReading[],
  confident: number,
  params: ContextParams,
): Decision {
  const { readerWeight, rankPenalty, margin, nothingMargin, lengthPower, mixedKeep, outsideBelow, aloneAmongGuesses } = params;
  // (…and a word whose head is the positioning's own name names it too: 工业机器人, 协作机器人 — 机器人)
  if (
    words[0] &&
    words[0].strength > confident &&
    (words[0].via === words[0].name ||
      (words[0].via !== undefined && words[0].via.length > words[0].name.length && words[0].via.endsWith(words[0].name)))
  )
    return { kind: 'keep' };
  if (params.minKnown && reading.known < params.minKnown) return { kind: 'keep' };
  const strongest = words.reduce((m, w) => Math.max(m, w.strength), 0);
  const nothing = classIndex.get(NOTHING);
  // (only ever shrinking: a short text is not made surer than its few features say — hello萧山 is not a lead)
  const scale = lengthPower ? Math.min(1, (LENGTH_UNIT / Math.max(1, reading.known)) ** lengthPower) : 1;
  const total = Float64Array.from(reading.scores);
  let max = -Infinity;
  for (let i = 0; i < total.length; i++) if (i !== nothing && total[i]! > max) max = total[i]!;
  for (let i = 0; i < total.length; i++) total[i] = (total[i]! - max) * scale;
  const byWords = new Set<number>();
  let named = 0;
  let first = -1;
  const mentions: string[] = [];
  for (const w of words) {
    if (w.strength <= confident) continue;
    // one mention counts once: a reading whose word lies inside a stronger one's (内窥镜 of 医用内窥镜, read again for the
    // positioning's parent 智慧医疗) adds no evidence the first did not
    if (w.via && mentions.some((m) => m.includes(w.via!))) continue;
    if (w.via) mentions.push(w.via);
    const i = classIndex.get(w.name);
    if (i !== undefined) {
      total[i]! += readerWeight * w.strength - rankPenalty * named;
      if (first < 0) first = i;
      byWords.add(i);
    }
    named++;
  }
  let best = -1;
  let second = -1;
  for (let i = 0; i < total.length; i++) {
    if (i === nothing) continue;
    if (best < 0 || total[i]! > total[best]!) [best, second] = [i, best];
    else if (second < 0 || total[i]! > total[second]!) second = i;
  }
  if (best < 0) return { kind: 'keep' };
  const sure = second < 0 || total[best]! - total[second]! > margin;
  if (!named) {
    // no word named a positioning: the context alone reads one only when it is sure and the text is about something
    // (and, if the words guessed at some and aloneAmongGuesses, one of those)
    const aboutSomething = nothing === undefined || (reading.scores[best]! - reading.scores[nothing]!) * scale > nothingMargin;
    const guessed = words.filter((w) => w.strength > 0).map((w) => classIndex.get(w.name));
    if (aloneAmongGuesses && guessed.length && !guessed.includes(best)) return { kind: 'keep' };
    return sure && aboutSomething ? { kind: 'promote', best, against: nothing ?? second, byWords: false } : { kind: 'keep' };
  }
  const agrees = best === first && params.keepMargin !== undefined && (second < 0 || total[best]! - total[second]! > params.keepMargin);
  if (!sure && !agrees && !(mixedKeep && byWords.has(best) && byWords.has(second))) return { kind: 'guess' };
  if (!byWords.has(best) && strongest >= outsideBelow) return { kind: 'guess' };
  if (best === first) return { kind: 'keep' };
  return { kind: 'promote', best, against: first >= 0 ? first : second, byWords: byWords.has(best) };
}

/** Weigh the reading of words against the context of the whole text, with the model's parameters. */
export function decideWithContext(
  c: ContextClassifier,
  text: string,
  words: readonly WordReading[],
  confident: number,
  keys?: TextKeys,
): ContextDecision {
  const reading = c.read(keys ?? text);
  const d = decide(c.model.classes, c.classIndex, reading, words, confident, c.model.params);
  if (d.kind !== 'promote') return d;
  return { kind: 'promote', name: c.model.classes[d.best]!, evidence: d.byWords ? [] : c.evidence(text, d.best, d.against) };
}
