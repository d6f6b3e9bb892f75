/**
 * A character n-gram classifier: a product word (彩超, 水质在线监测仪, 造纸装备) → a GB/T 4754-2017 小类
 * with a calibrated probability. The model (data/lexicon/ngram-model.json) is built by
 * scripts/build-ngram.ts from the lexicon's product forms plus a "none" class of generic lead words
 * and noise; docs/NGRAM.md has the method and the measured figures.
 *
 * Method: multinomial Naive Bayes over the features of each text segment (a run of Han characters, or
 * a Latin word such as led/5g/mp3, which is one W feature): U unigrams, B bigrams, T trigrams, P the first one/two characters and E the
 * last one/two (Chinese compounds are head-final: 仪/机/剂/膜/泵 say what kind of thing it is). Each
 * kind is its own multinomial with a Dirichlet prior centred on the feature's overall frequency,
 * weighted per kind; the 4-digit class score adds the 3-digit group's and 2-digit division's scores
 * (λ3, λ2) so that a class with one or two forms borrows from its neighbours. Features never seen
 * in training carry no evidence; the "none" class (generic words, place names, random strings)
 * takes what is not product-like. Two calibrated parts make the probability: which class, given that it
 * is a product word (a softmax over the classes with a temperature fitted on held-out forms), times
 * whether it is a product word at all (Platt scaling of the classes-vs-none log-odds, fitted on held-out
 * forms against held-out noise).
 *
 * Pure: no I/O; `server/db/ngram-file.ts` reads the model file.
 */
import { normalizeText } from './normalize.js';

/** The class that means "not a product word". */
export const NONE_CLASS = 'none';

export const FEATURE_KINDS = ['U', 'B', 'T', 'P', 'E', 'W'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

export interface NgramParams {
  /** Dirichlet concentration (in feature counts) of each class's distribution around the overall one. */
  alpha: number;
  /** Weight of each feature kind's log-likelihood. */
  weights: Record<FeatureKind, number>;
  /** Weight of the 3-digit group's and the 2-digit division's scores added to a class's own. */
  lambda3: number;
  lambda2: number;
  /** Weight of log(training forms) as the class prior. */
  prior: number;
  /** Scores are divided by this before the softmax over the classes (fitted on held-out forms). */
  temperature: number;
  /**
   * P(product word) = σ(productScale · L + productBias), L = log Σ_classes e^score − score(none): Platt
   * scaling of the products-vs-none log-odds, fitted on held-out forms against held-out noise.
   */
  productScale: number;
  productBias: number;
}

export interface NgramModel {
  format: 'luodi-ngram/1';
  params: NgramParams;
  /** 4-digit codes in code order, then NONE_CLASS. */
  classes: string[];
  /** Training texts per class (same order). */
  docs: number[];
  /**
   * One row per feature, sorted: `<kind><gram>\t<Δclass>:<count>,…` where the class indices are
   * delta-encoded (the first absolute) and `:<count>` is left out when the count is 1.
   */
  features: string[];
}

export interface NgramAlternative {
  code: string;
  p: number;
}

export interface NgramResult {
  code: string;
  /** Calibrated probability that `code` is the text's class: P(product word) · P(code | product word). */
  p: number;
  /** The next most probable classes (up to 4), most probable first. */
  alternatives: NgramAlternative[];
  /** Calibrated probability that the text is not a product word (1 − P(product word)). */
  pNone: number;
  /** The features that weighed most for `code`, most first (e.g. `E仪` = ends in 仪, `B彩超`). */
  evidence: string[];
}

export interface NgramSpanResult extends NgramResult {
  span: { start: number; end: number; text: string };
}

export interface NgramClassifier {
  classify(text: string): NgramResult | null;
  /** The whole text and each of its maximal runs of CJK/Latin/digits; the most probable, with its span. */
  classifySpans(text: string, minP?: number): NgramSpanResult | null;
  /** The calibrated probability of one class (or NONE_CLASS) for the text; null when no feature is known. For measuring. */
  probabilityOf(text: string, code: string): number | null;
  /** The uncalibrated scores in the model's `classes` order; null when no feature is known. For fitting the calibration. */
  rawScores(text: string): Float64Array | null;
  /** The known features of a text (those of textFeatures that the model has), in order. */
  knownFeatures(text: string): string[];
  /** Classes the model knows (without the none class). */
  readonly codes: readonly string[];
}

/** 0 separator, 1 Han, 2 Latin letter, 3 digit (after NFKC + lower case). */
function charClass(cp: number): 0 | 1 | 2 | 3 {
  if (cp >= 0x30 && cp <= 0x39) return 3;
  if (cp >= 0x61 && cp <= 0x7a) return 2;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff)) return 1;
  return 0;
}

export interface Segment {
  /** `han`: a run of Han characters; `word`: a run of Latin letters and digits with at least one letter. */
  kind: 'han' | 'word';
  /** The Han characters one by one, or the whole word as one element. */
  chars: string[];
  /** Index of the chunk (a run between separators: spaces, punctuation, symbols, emoji) it belongs to. */
  chunk: number;
  /** UTF-16 offsets into the NFKC + lower-case text. */
  start: number;
  end: number;
}

/**
 * The segments of a text after NFKC + lower case: runs of Han characters, and runs of Latin letters and
 * digits that hold a letter (5g, led, mp3); digits alone, spaces, punctuation, symbols and emoji separate.
 */
export function segments(text: string): Segment[] {
  const norm = normalizeText(text);
  const out: Segment[] = [];
  let chunk = 0;
  let kind = 0; // class of the current run: 0 none, 1 Han, 2 alnum
  let start = 0;
  let hasLetter = false;
  const flush = (end: number) => {
    if (kind === 1) out.push({ kind: 'han', chars: Array.from(norm.slice(start, end)), chunk, start, end });
    else if (kind === 2 && hasLetter) out.push({ kind: 'word', chars: [norm.slice(start, end)], chunk, start, end });
    kind = 0;
    hasLetter = false;
  };
  let i = 0;
  while (i < norm.length) {
    const cp = norm.codePointAt(i)!;
    const c = charClass(cp);
    const runKind = c === 0 ? 0 : c === 1 ? 1 : 2;
    if (runKind !== kind) {
      flush(i);
      if (runKind === 0) {
        if (out.length && out[out.length - 1]!.chunk === chunk) chunk++;
      } else {
        kind = runKind;
        start = i;
      }
    }
    if (c === 2) hasLetter = true;
    i += cp > 0xffff ? 2 : 1;
  }
  flush(norm.length);
  return out;
}

/** The features of one segment (see the header), as `<kind><gram>` strings, with repeats. */
export function segmentFeatures(seg: Segment, out: string[] = []): string[] {
  const s = seg.chars;
  const n = s.length;
  if (!n) return out;
  if (seg.kind === 'word') {
    out.push('W' + s[0]);
    return out;
  }
  for (let i = 0; i < n; i++) {
    out.push('U' + s[i]);
    if (i + 1 < n) out.push('B' + s[i] + s[i + 1]);
    if (i + 2 < n) out.push('T' + s[i] + s[i + 1] + s[i + 2]);
  }
  out.push('P' + s[0]);
  out.push('E' + s[n - 1]);
  if (n >= 2) {
    out.push('P' + s[0] + s[1]);
    out.push('E' + s[n - 2] + s[n - 1]);
  }
  return out;
}

/** The features of a text: those of each of its segments. */
export function textFeatures(text: string): string[] {
  const out: string[] = [];
  for (const seg of segments(text)) segmentFeatures(seg, out);
  return out;
}

const KIND_INDEX: Record<string, number> = { U: 0, B: 1, T: 2, P: 3, E: 4, W: 5 };

/** Parses a feature row's class list: `3:2,5,1:4` → [[3,2],[8,1],[9,4]]. */
export function parseEntries(list: string): [number, number][] {
  const out: [number, number][] = [];
  let idx = 0;
  for (const part of list.split(',')) {
    const colon = part.indexOf(':');
    idx += Number(colon < 0 ? part : part.slice(0, colon));
    out.push([idx, colon < 0 ? 1 : Number(part.slice(colon + 1))]);
  }
  return out;
}

interface CompiledFeature {
  key: string;
  kind: number;
  /**
   * Its entries are from..to-1 of the classifier's two flat tables: `slots` (indices into the score
   * accumulator: classes [0,K), 3-digit groups [K,K+G3), divisions after; ascending) and `deltas`. One
   * pair of tables instead of two typed arrays per feature: about a tenth of the memory per thread.
   */
  from: number;
  to: number;
  /** For pruning in classifySpans: where its division entries start (its slots ascend, divisions last); -1 until first needed. */
  from2: number;
  /** What it adds to the none class's score, net of the none class's cost of one feature of its kind. */
  noneGain: number;
}

/** `stringPath`: look features up by their strings only (the path a model too large for the integer ids takes; for tests). */
export function createNgramClassifier(model: NgramModel, opts: { stringPath?: boolean } = {}): NgramClassifier {
  if (model.format !== 'luodi-ngram/1') throw new Error(`unknown n-gram model format ${String(model.format)}`);
  const { params, classes } = model;
  const K = classes.length;
  const nKinds = FEATURE_KINDS.length;
  const weights = FEATURE_KINDS.map((k) => params.weights[k]);
  const lambdas = [1, params.lambda3, params.lambda2];

  // Groups at the three levels; the none class is its own group at each.
  const groupKey = (code: string, level: number) => (code === NONE_CLASS ? NONE_CLASS : code.slice(0, [4, 3, 2][level]));
  const groupIndex: Map<string, number>[] = [new Map(), new Map(), new Map()];
  const classGroup: Int32Array[] = [new Int32Array(K), new Int32Array(K), new Int32Array(K)];
  let offset = 0;
  const levelOffset = [0, 0, 0];
  for (let level = 0; level < 3; level++) {
    levelOffset[level] = offset;
    const m = groupIndex[level]!;
    for (let c = 0; c < K; c++) {
      const key = groupKey(classes[c]!, level);
      if (!m.has(key)) m.set(key, offset + m.size);
      classGroup[level]![c] = m.get(key)!;
    }
    offset += m.size;
  }
  const S = offset;

  // Counts per feature per slot, totals per slot per kind, totals per kind.
  // Every feature's (class, count) entries parsed once into flat tables: row r's are entry[rowFrom[r]..rowFrom[r+1]).
  const rowKeys: string[] = [];
  const rowKinds: number[] = [];
  const rowFrom: number[] = [0];
  let entryClass = new Int32Array(1 << 16);
  let entryCount = new Float64Array(1 << 16);
  let nEntries = 0;
  const slotTotals = new Float64Array(S * nKinds);
  const kindTotals = new Float64Array(nKinds);
  for (const row of model.features) {
    const tab = row.indexOf('\t');
    const key = row.slice(0, tab);
    const kind = KIND_INDEX[key[0]!];
    if (kind === undefined) continue;
    let idx = 0;
    for (const part of row.slice(tab + 1).split(',')) {
      const colon = part.indexOf(':');
      idx += Number(colon < 0 ? part : part.slice(0, colon));
      const n = colon < 0 ? 1 : Number(part.slice(colon + 1));
      if (nEntries === entryClass.length) {
        const c2 = new Int32Array(nEntries * 2);
        c2.set(entryClass);
        entryClass = c2;
        const n2 = new Float64Array(nEntries * 2);
        n2.set(entryCount);
        entryCount = n2;
      }
      entryClass[nEntries] = idx;
      entryCount[nEntries++] = n;
      kindTotals[kind]! += n;
      for (let level = 0; level < 3; level++) slotTotals[classGroup[level]![idx]! * nKinds + kind]! += n;
    }
    rowKeys.push(key);
    rowKinds.push(kind);
    rowFrom.push(nEntries);
  }

  const alpha = params.alpha;
  const features = new Map<string, CompiledFeature>();
  let allSlots = new Int32Array(nEntries * 3);
  let allDeltas = new Float64Array(nEntries * 3);
  let at = 0;
  // per feature: the count at each slot it touches (slotCount), the slots touched (used), reset after
  const slotCount = new Float64Array(S);
  let used = new Int32Array(64);
  for (let r = 0; r < rowKeys.length; r++) {
    const kind = rowKinds[r]!;
    let total = 0;
    let nUsed = 0;
    for (let e = rowFrom[r]!; e < rowFrom[r + 1]!; e++) {
      const c = entryClass[e]!;
      const n = entryCount[e]!;
      total += n;
      for (let level = 0; level < 3; level++) {
        const slot = classGroup[level]![c]!;
        if (slotCount[slot] === 0) {
          if (nUsed === used.length) {
            const u2 = new Int32Array(nUsed * 2);
            u2.set(used);
            used = u2;
          }
          used[nUsed++] = slot;
        }
        slotCount[slot]! += n;
      }
    }
    const aq = (alpha * total) / kindTotals[kind]!; // α·q_f
    const touched = used.subarray(0, nUsed).sort();
    const from = at;
    for (let j = 0; j < nUsed; j++) {
      const slot = touched[j]!;
      const level = slot >= levelOffset[2]! ? 2 : slot >= levelOffset[1]! ? 1 : 0;
      allSlots[at] = slot;
      allDeltas[at++] = weights[kind]! * lambdas[level]! * Math.log1p(slotCount[slot]! / aq);
      slotCount[slot] = 0;
    }
    features.set(rowKeys[r]!, { key: rowKeys[r]!, kind, from, to: at, from2: -1, noneGain: 0 });
  }
  // the tables trimmed to what was written (entries of one slot shared by levels count once)
  allSlots = allSlots.slice(0, at);
  allDeltas = allDeltas.slice(0, at);
  const slotsOf = allSlots;
  const deltasOf = allDeltas;

  // Lookup tables for the hot path, so that no feature string is built: Han characters get ids, a bigram
  // (a pair of ids) an id, a trigram is looked up by its first bigram's id and its last character's id.
  const CH = 8192;
  const charId = new Map<number, number>();
  const idOf = (cp: number) => {
    let id = charId.get(cp);
    if (id === undefined) charId.set(cp, (id = charId.size));
    return id;
  };
  const bigramId = new Map<number, number>();
  const bigramOf = (a: number, b: number) => {
    let id = bigramId.get(a * CH + b);
    if (id === undefined) bigramId.set(a * CH + b, (id = bigramId.size));
    return id;
  };
  const uni: (CompiledFeature | undefined)[][] = [[], [], []]; // U, P, E by char id
  const bi: (CompiledFeature | undefined)[][] = [[], [], []]; // B, P, E by bigram id
  const tri = new Map<number, CompiledFeature>();
  const words = new Map<string, CompiledFeature>();
  for (const cf of features.values()) {
    const kind = cf.key[0]!;
    if (kind === 'W') {
      words.set(cf.key.slice(1), cf);
      continue;
    }
    const ids = Array.from(cf.key.slice(1), (ch) => idOf(ch.codePointAt(0)!));
    const slot = kind === 'U' || kind === 'B' ? 0 : kind === 'P' ? 1 : 2;
    if (ids.length === 1) uni[slot]![ids[0]!] = cf;
    else if (ids.length === 2) bi[slot]![bigramOf(ids[0]!, ids[1]!)] = cf;
    else tri.set(bigramOf(ids[0]!, ids[1]!) * CH + ids[2]!, cf);
  }
  /** Small integer keys only (V8 keeps them unboxed); a model too large for them takes the string path. */
  const fast = !opts.stringPath && charId.size < CH && bigramId.size * CH + CH < 2 ** 30;
  /** charId as a table over the Basic Multilingual Plane (every Han character charClass knows is in it); -1 unknown. */
  const charIdBmp = new Int32Array(0x10000).fill(-1);
  for (const [cp, id] of charId) if (cp < 0x10000) charIdBmp[cp] = id;
  const [uniU, uniP, uniE] = uni as [(CompiledFeature | undefined)[], (CompiledFeature | undefined)[], (CompiledFeature | undefined)[]];
  const [biB, biP, biE] = bi as [(CompiledFeature | undefined)[], (CompiledFeature | undefined)[], (CompiledFeature | undefined)[]];
  const big = (a: number, b: number) => (a >= 0 && b >= 0 ? (bigramId.get(a * CH + b) ?? -1) : -1);

  /** The known features of a Han run given as char ids (-1 = unknown), in the order of segmentFeatures. */
  function hanHits(ids: Int32Array, n: number, out: CompiledFeature[]): void {
    for (let i = 0; i < n; i++) {
      const a = ids[i]!;
      if (a >= 0) {
        const f = uniU[a];
        if (f) out.push(f);
      }
      if (i + 1 < n) {
        const bg = big(a, ids[i + 1]!);
        if (bg >= 0) {
          const f = biB[bg];
          if (f) out.push(f);
          if (i + 2 < n && ids[i + 2]! >= 0) {
            const t = tri.get(bg * CH + ids[i + 2]!);
            if (t) out.push(t);
          }
        }
      }
    }
    const first = ids[0]!;
    const last = ids[n - 1]!;
    if (first >= 0) {
      const f = uniP[first];
      if (f) out.push(f);
    }
    if (last >= 0) {
      const f = uniE[last];
      if (f) out.push(f);
    }
    if (n >= 2) {
      const p = big(first, ids[1]!);
      if (p >= 0 && biP[p]) out.push(biP[p]);
      const e = big(ids[n - 2]!, last);
      if (e >= 0 && biE[e]) out.push(biE[e]);
    }
  }

  let idBuf = new Int32Array(64);
  /** The known features of a text, as textFeatures + lookup would give them, without building strings. */
  function textHits(text: string, out: CompiledFeature[]): CompiledFeature[] {
    if (!fast) {
      for (const f of textFeatures(text)) {
        const cf = features.get(f);
        if (cf) out.push(cf);
      }
      return out;
    }
    const norm = normalizeText(text);
    if (idBuf.length < norm.length) idBuf = new Int32Array(norm.length);
    let run = 0;
    let wordStart = -1;
    let hasLetter = false;
    const flushWord = (end: number) => {
      if (wordStart >= 0 && hasLetter) {
        const f = words.get(norm.slice(wordStart, end));
        if (f) out.push(f);
      }
      wordStart = -1;
      hasLetter = false;
    };
    let i = 0;
    while (i < norm.length) {
      const cp = norm.codePointAt(i)!;
      const c = charClass(cp);
      if (c === 1) {
        flushWord(i);
        idBuf[run++] = charIdBmp[cp]!; // c === 1: cp < 0x10000
      } else {
        if (run) hanHits(idBuf, run, out);
        run = 0;
        if (c === 0) flushWord(i);
        else {
          if (wordStart < 0) wordStart = i;
          if (c === 2) hasLetter = true;
        }
      }
      i += cp > 0xffff ? 2 : 1;
    }
    if (run) hanHits(idBuf, run, out);
    flushWord(norm.length);
    return out;
  }

  // Per class: the prior, and per kind the cost of one feature not seen with the class.
  const prior = new Float64Array(K);
  const norm = FEATURE_KINDS.map(() => new Float64Array(K));
  for (let c = 0; c < K; c++) {
    prior[c] = params.prior * Math.log(Math.max(1, model.docs[c] ?? 1));
    for (let kind = 0; kind < nKinds; kind++) {
      let v = 0;
      for (let level = 0; level < 3; level++) v += lambdas[level]! * Math.log(slotTotals[classGroup[level]![c]! * nKinds + kind]! + alpha);
      norm[kind]![c] = weights[kind]! * v;
    }
  }
  const normRM = new Float64Array(K * nKinds);
  for (let c = 0; c < K; c++) for (let kind = 0; kind < nKinds; kind++) normRM[c * nKinds + kind] = norm[kind]![c]!;
  const noneIndex = classes.indexOf(NONE_CLASS);
  const codes = classes.filter((c) => c !== NONE_CLASS);
  const invT = 1 / params.temperature;

  const acc = new Float64Array(S);
  const scores = new Float64Array(K);
  const kindCounts = new Float64Array(nKinds);

  /** Scores every class from the known features of a text; false when there are none. */
  function scoreHits(hits: readonly CompiledFeature[], from = 0, to = hits.length): boolean {
    acc.fill(0);
    kindCounts.fill(0);
    const known = to - from;
    for (let i = from; i < to; i++) {
      const cf = hits[i]!;
      kindCounts[cf.kind]! += 1;
      for (let j = cf.from, end = cf.to; j < end; j++) acc[slotsOf[j]!]! += deltasOf[j]!;
    }
    if (!known) return false;
    // One pass over the classes: the six kinds' costs unrolled (FEATURE_KINDS has six).
    const g1 = classGroup[1]!;
    const g2 = classGroup[2]!;
    const k0 = kindCounts[0]!;
    const k1 = kindCounts[1]!;
    const k2 = kindCounts[2]!;
    const k3 = kindCounts[3]!;
    const k4 = kindCounts[4]!;
    const k5 = kindCounts[5]!;
    let max = -Infinity;
    for (let c = 0, b = 0; c < K; c++, b += 6) {
      const v =
        prior[c]! +
        acc[c]! +
        acc[g1[c]!]! +
        acc[g2[c]!]! -
        (k0 * normRM[b]! + k1 * normRM[b + 1]! + k2 * normRM[b + 2]! + k3 * normRM[b + 3]! + k4 * normRM[b + 4]! + k5 * normRM[b + 5]!);
      scores[c] = v;
      if (v > max && c !== noneIndex) max = v;
    }
    cal.max = max;
    return true;
  }

  /** Terms below e^-20 of the largest are left out of the sums: at most 1,400 · 2e-9 of the total, invisible in a probability. */
  const CUTOFF = 20;
  const cal = { max: 0, z: 0, pProduct: 0 };
  /** The five best classes of the last calibrated() call, best first. */
  const top: number[] = [];
  /**
   * From `scores` (and cal.max, set by scoreHits): the softmax normaliser over the classes (temperature
   * applied), P(product word), and the five best classes.
   */
  function calibrated(): void {
    const max = cal.max;
    let z = 0;
    let z1 = 0;
    const cutT = -CUTOFF * params.temperature;
    top.length = 0;
    for (let c = 0; c < K; c++) {
      if (c === noneIndex) continue;
      const v = scores[c]!;
      const d = v - max;
      if (d < cutT) continue; // also out of the top 5, unless fewer than 5 classes are near (filled below)
      z += Math.exp(d * invT);
      if (d > -CUTOFF) z1 += Math.exp(d);
      if (top.length === 5 && v <= scores[top[4]!]!) continue;
      let k = Math.min(top.length, 4);
      if (top.length < 5) top.push(c);
      while (k > 0 && scores[top[k - 1]!]! < v) {
        top[k] = top[k - 1]!;
        k--;
      }
      top[k] = c;
    }
    if (top.length < 5) fillTop();
    const L = noneIndex >= 0 ? max + Math.log(z1) - scores[noneIndex]! : Infinity;
    cal.z = z;
    cal.pProduct = 1 / (1 + Math.exp(-(params.productScale * L + params.productBias)));
  }
  /** The top five over all classes (when fewer than five are near the best). */
  function fillTop(): void {
    top.length = 0;
    for (let c = 0; c < K; c++) {
      if (c === noneIndex) continue;
      const v = scores[c]!;
      if (top.length === 5 && v <= scores[top[4]!]!) continue;
      let k = Math.min(top.length, 4);
      if (top.length < 5) top.push(c);
      while (k > 0 && scores[top[k - 1]!]! < v) {
        top[k] = top[k - 1]!;
        k--;
      }
      top[k] = c;
    }
  }
  const prob = (c: number) => (c === noneIndex ? 1 - cal.pProduct : (cal.pProduct * Math.exp((scores[c]! - cal.max) * invT)) / cal.z);

  /** Where feature cf's entries hold slot v (they are ascending), or -1. */
  function holds(cf: CompiledFeature, v: number): number {
    const a = slotsOf;
    let lo = cf.from;
    let hi = cf.to - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = a[mid]!;
      if (x === v) return mid;
      if (x < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  function classifyHits(hits: readonly CompiledFeature[], from = 0, to = hits.length): NgramResult | null {
    if (!scoreHits(hits, from, to)) return null;
    return resultOfScores(hits, from, to);
  }

  /** The result for hits[from..to) from `scores` as scoreHits left them for those hits. */
  function resultOfScores(hits: readonly CompiledFeature[], from: number, to: number): NgramResult {
    calibrated();
    const best = top[0]!;
    // Evidence: the features with the largest contribution to the best class.
    const b1 = best;
    const b2 = classGroup[1]![best]!;
    const b3 = classGroup[2]![best]!;
    const weight = new Map<string, number>();
    for (let i = from; i < to; i++) {
      const cf = hits[i]!;
      const f = cf.key;
      let w = 0;
      for (const slot of [b1, b2, b3]) {
        const j = holds(cf, slot);
        if (j >= 0) w += deltasOf[j]!;
      }
      if (w > 0) weight.set(f, Math.max(weight.get(f) ?? 0, w));
    }
    const evidence = [...weight]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 5)
      .map(([f]) => f);
    return {
      code: classes[best]!,
      p: prob(best),
      alternatives: top.slice(1).map((c) => ({ code: classes[c]!, p: prob(c) })),
      pNone: noneIndex >= 0 ? prob(noneIndex) : 0,
      evidence,
    };
  }

  const buf: CompiledFeature[] = [];
  function classify(text: string): NgramResult | null {
    buf.length = 0;
    return classifyHits(textHits(text, buf));
  }

  // classifySpans reads every chunk of a lead; most chunks are not product words. Two bounds skip a chunk
  // that cannot beat the best so far (or the caller's minP) without changing the answer: before scoring,
  // an upper bound of P(product word) from each feature's largest gain; while summing the softmax
  // normaliser, the best class's p = P(product word) / z ≤ 1 / z.
  // Per division (2-digit slot): the largest prior and, per kind, the smallest cost of one feature among its
  // product classes; the same costs per 3-digit group.
  const maxPriorOf = new Float64Array(S).fill(-Infinity);
  const minCost = new Float64Array(S * nKinds).fill(Infinity);
  const isNoneSlot = new Uint8Array(S);
  /** The division of each 3-digit group's slot. */
  const divisionOf = new Int32Array(S);
  for (let c = 0; c < K; c++) {
    if (c === noneIndex) {
      for (let level = 0; level < 3; level++) isNoneSlot[classGroup[level]![c]!] = 1;
      continue;
    }
    const d = classGroup[2]![c]!;
    maxPriorOf[d] = Math.max(maxPriorOf[d]!, prior[c]!);
    divisionOf[classGroup[1]![c]!] = d;
    for (let kind = 0; kind < nKinds; kind++)
      for (let level = 1; level < 3; level++) {
        const at = classGroup[level]![c]! * nKinds + kind;
        minCost[at] = Math.min(minCost[at]!, norm[kind]![c]!);
      }
  }
  const divisions: number[] = [];
  for (let slot = levelOffset[2]!; slot < S; slot++) if (!isNoneSlot[slot]) divisions.push(slot);
  /**
   * Per division entry of a feature: the most the feature adds to the score of a product class of that
   * division, net of the class's cost of one feature, plus the division's smallest such cost (so ≥ 0, and
   * 0 for a division the feature does not touch). Exact for the classes it names, by their group's or the
   * division's cheapest class for the others: a bound, not always reached.
   */
  const divisionBonus = new Float64Array(deltasOf.length);
  const noneCost = noneIndex >= 0 ? FEATURE_KINDS.map((_, kind) => norm[kind]![noneIndex]!) : null;
  const slotDelta = new Float64Array(S);
  const divMax = new Float64Array(S).fill(-Infinity);
  /** A feature's pruning bounds (from2, noneGain, its divisionBonus entries), made the first time a lead holds it. */
  function boundFeature(cf: CompiledFeature): void {
    const kind = cf.kind;
    const from = cf.from;
    const to = cf.to;
    const level1 = levelOffset[1]!;
    const level2 = levelOffset[2]!;
    const g1 = classGroup[1]!;
    const g2 = classGroup[2]!;
    let none = noneCost ? -noneCost[kind]! : 0;
    let from2 = to;
    for (let j = from; j < to; j++) {
      const slot = slotsOf[j]!;
      slotDelta[slot] = deltasOf[j]!;
      if (from2 === to && slot >= level2) from2 = j;
    }
    // per division, the most the feature adds to one of its classes, net of that class's cost
    for (let j = from; j < from2; j++) {
      const slot = slotsOf[j]!;
      const d = deltasOf[j]!;
      if (isNoneSlot[slot]) {
        none += d;
        continue;
      }
      let v: number;
      let div: number;
      if (slot < level1) {
        v = d + slotDelta[g1[slot]!]! - normRM[slot * nKinds + kind]!; // a class it names: exact (its division's delta is added below)
        div = g2[slot]!;
      } else {
        v = d - minCost[slot * nKinds + kind]!; // the group's other classes: by the group's cheapest
        div = divisionOf[slot]!;
      }
      if (v > divMax[div]!) divMax[div] = v;
    }
    for (let j = from2; j < to; j++) {
      const slot = slotsOf[j]!;
      const d = deltasOf[j]!;
      if (isNoneSlot[slot]) {
        none += d;
        continue;
      }
      const base = minCost[slot * nKinds + kind]!; // the division's other classes: by its cheapest
      divisionBonus[j] = d + Math.max(divMax[slot]!, -base) + base;
    }
    for (let j = from; j < to; j++) {
      slotDelta[slotsOf[j]!] = 0;
      divMax[slotsOf[j]!] = -Infinity;
    }
    cf.noneGain = none;
    cf.from2 = from2;
  }
  /** log of the most the sum z1 over the product classes can reach (each term ≤ e^0), with room for rounding. */
  const logZ1Max = Math.log(Math.max(1, codes.length)) + 1e-6;
  const divAcc = new Float64Array(S);
  const boundCounts = new Float64Array(nKinds);
  /** Could the best class of hits[from..to) reach p ≥ below? False only when surely not (p ≤ P(product word) < below). */
  function mayReach(hits: readonly CompiledFeature[], from: number, to: number, below: number): boolean {
    if (below <= 0 || noneIndex < 0 || !(params.productScale > 0)) return true;
    let none = prior[noneIndex]!;
    boundCounts.fill(0);
    for (let i = from; i < to; i++) {
      const cf = hits[i]!;
      if (cf.from2 < 0) boundFeature(cf);
      none += cf.noneGain;
      boundCounts[cf.kind]! += 1;
      for (let j = cf.from2; j < cf.to; j++) divAcc[slotsOf[j]!]! += divisionBonus[j]!;
    }
    // the best score a class of each division can reach
    let best = -Infinity;
    for (const d of divisions) {
      let v = maxPriorOf[d]! + divAcc[d]!;
      for (let kind = 0; kind < nKinds; kind++) v -= boundCounts[kind]! * minCost[d * nKinds + kind]!;
      if (v > best) best = v;
      divAcc[d] = 0;
    }
    // rounding in these sums and in scoreHits' differs by far less than the margin allowed
    const L = best + logZ1Max - none + 1e-6 * (1 + Math.abs(best) + Math.abs(none));
    const pUpper = 1 / (1 + Math.exp(-(params.productScale * L + params.productBias)));
    return pUpper >= below;
  }
  /**
   * After scoreHits: the best class's p exactly as calibrated() and prob(top[0]) compute it (the same sums in the
   * same order; its own term is e^0 = 1), or -1 as soon as the normaliser shows that it is under `below`.
   */
  function bestProbability(below: number): number {
    const max = cal.max;
    let z = 0;
    let z1 = 0;
    const cutT = -CUTOFF * params.temperature;
    const zStop = below > 0 ? (1 / below) * (1 + 1e-9) : Infinity;
    for (let c = 0; c < K; c++) {
      if (c === noneIndex) continue;
      const d = scores[c]! - max;
      if (d < cutT) continue;
      z += Math.exp(d * invT);
      if (d > -CUTOFF) z1 += Math.exp(d);
      if (z > zStop) return -1; // p = P(product word) / z ≤ 1 / z < below
    }
    const L = noneIndex >= 0 ? max + Math.log(z1) - scores[noneIndex]! : Infinity;
    const pProduct = 1 / (1 + Math.exp(-(params.productScale * L + params.productBias)));
    return (pProduct * Math.exp(0 * invT)) / z;
  }

  // The chunks of the last scanChunks: the known features of chunk i are spanHits[chunkFrom[i] .. chunkFrom[i+1]),
  // its span chunkStart[i] .. chunkEnd[i] (from its first segment's start to its last one's end).
  const spanHits: CompiledFeature[] = [];
  const chunkFrom: number[] = [];
  const chunkStart: number[] = [];
  const chunkEnd: number[] = [];
  /** Starts a segment: a new chunk when a separator came since the last segment (segments' chunk numbering). */
  let sepSeen = false;
  function openSegment(start: number, end: number): void {
    const n = chunkFrom.length;
    if (n === 0 || sepSeen) {
      chunkFrom.push(spanHits.length);
      chunkStart.push(start);
      chunkEnd.push(end);
    } else chunkEnd[n - 1] = end;
    sepSeen = false;
  }
  /** Fills the chunk tables for the normalised text, as segments() and segmentFeatures() + lookup would. */
  function scanChunks(text: string, norm: string): void {
    spanHits.length = 0;
    chunkFrom.length = 0;
    chunkStart.length = 0;
    chunkEnd.length = 0;
    sepSeen = false;
    if (!fast) {
      for (const seg of segments(text)) {
        if (seg.chunk !== (chunkFrom.length ? chunkFrom.length - 1 : 0)) sepSeen = true;
        openSegment(seg.start, seg.end);
        for (const f of segmentFeatures(seg)) {
          const cf = features.get(f);
          if (cf) spanHits.push(cf);
        }
      }
      return;
    }
    if (idBuf.length < norm.length) idBuf = new Int32Array(norm.length);
    let run = 0;
    let runStart = 0;
    let wordStart = -1;
    let hasLetter = false;
    const flushWord = (end: number) => {
      if (wordStart >= 0 && hasLetter) {
        openSegment(wordStart, end);
        const f = words.get(norm.slice(wordStart, end));
        if (f) spanHits.push(f);
      }
      wordStart = -1;
      hasLetter = false;
    };
    let i = 0;
    while (i < norm.length) {
      const cp = norm.codePointAt(i)!;
      const c = charClass(cp);
      if (c === 1) {
        flushWord(i);
        if (run === 0) runStart = i;
        idBuf[run++] = charIdBmp[cp]!; // c === 1: cp < 0x10000
      } else {
        if (run) {
          openSegment(runStart, i);
          hanHits(idBuf, run, spanHits);
        }
        run = 0;
        if (c === 0) {
          flushWord(i);
          sepSeen = true;
        } else {
          if (wordStart < 0) wordStart = i;
          if (c === 2) hasLetter = true;
        }
      }
      i += cp > 0xffff ? 2 : 1;
    }
    if (run) {
      openSegment(runStart, norm.length);
      hanHits(idBuf, run, spanHits);
    }
    flushWord(norm.length);
  }

  const bestScores = new Float64Array(K);
  let bestMax = 0;
  function classifySpans(text: string, minP = 0): NgramSpanResult | null {
    const norm = normalizeText(text);
    scanChunks(text, norm);
    const n = chunkFrom.length;
    if (!n) return null;
    // Offsets are into the normalised text; NFKC keeps most Chinese text's length, then they hold for `text` too.
    const src = norm.length === text.length ? text : norm;
    // The whole text and each chunk (when there are several): the first most probable in that order wins. The
    // chunks are read first so that the whole text, the longest to score, meets the highest bar; it wins ties.
    let bestFrom = -1;
    let bestTo = -1;
    let bestStart = 0;
    let bestEnd = 0;
    let bestP = -Infinity;
    const consider = (from: number, to: number, start: number, end: number, winsTies: boolean) => {
      if (from === to) return; // no known feature: no reading
      const below = Math.max(minP, bestP);
      if (!mayReach(spanHits, from, to, below)) return; // p < below for sure
      scoreHits(spanHits, from, to);
      const p = bestProbability(below);
      if (p < 0 || !(bestFrom < 0 || p > bestP || (winsTies && p === bestP))) return;
      // (the best span's scores are kept: the result is read from them, not scored again)
      bestScores.set(scores);
      bestMax = cal.max;
      bestP = p;
      bestFrom = from;
      bestTo = to;
      bestStart = start;
      bestEnd = end;
    };
    if (n > 1)
      for (let i = 0; i < n; i++)
        consider(chunkFrom[i]!, i + 1 < n ? chunkFrom[i + 1]! : spanHits.length, chunkStart[i]!, chunkEnd[i]!, false);
    consider(0, spanHits.length, chunkStart[0]!, chunkEnd[n - 1]!, true);
    if (bestFrom < 0 || bestP < minP) return null;
    scores.set(bestScores);
    cal.max = bestMax;
    const r = resultOfScores(spanHits, bestFrom, bestTo);
    return { ...r, span: { start: bestStart, end: bestEnd, text: src.slice(bestStart, bestEnd) } };
  }

  function probabilityOf(text: string, code: string): number | null {
    buf.length = 0;
    if (!scoreHits(textHits(text, buf))) return null;
    const c = classes.indexOf(code);
    if (c < 0) return 0;
    calibrated();
    return prob(c);
  }

  function rawScores(text: string): Float64Array | null {
    buf.length = 0;
    return scoreHits(textHits(text, buf)) ? scores.slice() : null;
  }

  /** The known features of a text the slow way (feature strings), for checking the fast path. */
  function knownFeatures(text: string): string[] {
    buf.length = 0;
    return textHits(text, buf).map((cf) => cf.key);
  }

  return { classify, classifySpans, probabilityOf, rawScores, knownFeatures, codes };
}
