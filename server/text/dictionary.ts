/**
 * A word dictionary matched against text in one pass (a character trie walked from every position):
 * O(text length × longest word), independent of the number of words. It finds every dictionary word
 * in the text and keeps only maximal matches (a word inside a longer matched word is dropped, so
 * "数码印花" hides "印花" and "智能传感器" hides "传感器" when both are words). A word that begins or
 * ends with a Latin letter or digit matches only on a word boundary there: "ct" is not found in
 * "smart factory", nor "PCB" in "PCBA", while "5G模组" and "NB-IoT" are found as written.
 */
import { normalizeText } from './normalize.js';

export interface DictMatch<T> {
  word: string;
  start: number;
  end: number; // exclusive
  values: T[];
}

export interface Dictionary<T> {
  readonly size: number;
  /** All maximal matches in `text`, in order of position. `text` must already be normalised. */
  match(text: string): DictMatch<T>[];
}

/** ASCII letter or digit (text is normalised: lower case, half-width). */
const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
/** An English plural ending right after a word ending at `j` (cameras, PCBs, boxes): the word still ends there. */
const pluralAt = (text: string, j: number) => {
  if (!isLetter(text.charCodeAt(j))) return false;
  const a = text.charCodeAt(j + 1) | 0x20;
  if (a === 0x73) return !isAlnum(text.charCodeAt(j + 2)); // camera|s
  return a === 0x65 && (text.charCodeAt(j + 2) | 0x20) === 0x73 && !isAlnum(text.charCodeAt(j + 3)); // box|es
};

/**
 * An English verb ending right after a word ending at `j` (ferments, fermented in, fermenting; dye → dyed with): the
 * process word is still there. -ed only where a preposition, a conjunction or a clause's end follows (dyed with reactive
 * dyes, fermented in tanks): before a noun it is the past participle of a bought thing (galvanized steel, fermented
 * soybean meal). Returns the end of the ending, or -1.
 */
const VERB_AFTER_ED =
  /^(?:\s+(?:in|into|with|by|on|at|to|using|under|for|from|and|or|then|before|after|until|over|inside|here|there|on-site|onsite|in-house)\b|\s*[,.;:!?)\n]|$)/;
function verbEndingAt(text: string, j: number, wordEndsE: boolean): number {
  if (!isLetter(text.charCodeAt(j))) return -1;
  const rest = text.slice(j + 1, j + 5).toLowerCase();
  for (const suffix of wordEndsE ? ['d', 's', 'ing'] : ['ing', 'ed', 'es', 's']) {
    if (!rest.startsWith(suffix)) continue;
    const end = j + 1 + suffix.length;
    if (isAlnum(text.charCodeAt(end))) continue;
    if (suffix.endsWith('d') && !VERB_AFTER_ED.test(text.slice(end, end + 12))) continue;
    return end;
  }
  return -1;
}

/**
 * The trie is kept compact: nodes are numbers (0 is the root), and every edge is one entry of a single
 * Map keyed by node × alphabet + the character's index in the dictionary's alphabet (a small integer,
 * so lookups hash a small integer). A Map per node cost about 15 MB for the 18,700 words of the
 * product lexicon, in each thread that scores (measured); this costs a few. Built, the Map is copied into an
 * open-addressing table of two typed arrays (about as large): a lookup per character is then a probe or two
 * instead of a Map lookup (the held-out leads' four dictionary scans: 8.8 → 5.9 µs per text).
 */
export function createDictionary<T>(
  entries: Iterable<{ word: string; value: T }>,
  options: {
    /**
     * English words are also found inflected as verbs (ferment → ferments, fermented in, fermenting; dye → dyed with,
     * dyeing; bake → baking): for process words, which firms write as what they do.
     */
    inflect?: boolean;
  } = {},
): Dictionary<T> {
  const inflect = options.inflect === true;
  const words: string[] = [];
  const vals: T[] = [];
  for (const { word, value } of entries) {
    const w = normalizeText(word).trim();
    if (!w) continue;
    words.push(w);
    vals.push(value);
  }
  /** Per UTF-16 code unit, its index in the alphabet (0: in no word). */
  const alpha = new Uint16Array(65536);
  // a hyphen between English words is their space (liquid-oxygen tanks, liquid oxygen; die casting, die-casting)
  alpha[0x20] = alpha[0x2d] = 1;
  let letters = 1;
  for (const w of words) for (let i = 0; i < w.length; i++) if (alpha[w.charCodeAt(i)] === 0) alpha[w.charCodeAt(i)] = ++letters;
  const width = letters + 1;
  const edges = new Map<number, number>();
  /** Per node: the values and the word of a word ending there (null: none). */
  const values: (T[] | null)[] = [null];
  const wordAt: (string | null)[] = [null];
  /** One bit per UTF-16 code unit that starts a word: most positions of a text start none. */
  const starts = new Uint32Array(65536 / 32);
  let size = 0;
  for (let e = 0; e < words.length; e++) {
    const w = words[e]!;
    let n = 0;
    for (let i = 0; i < w.length; i++) {
      const key = n * width + alpha[w.charCodeAt(i)]!;
      let m = edges.get(key);
      if (m === undefined) {
        m = values.length;
        edges.set(key, m);
        values.push(null);
        wordAt.push(null);
      }
      n = m;
    }
    starts[w.charCodeAt(0) >>> 5]! |= 1 << (w.charCodeAt(0) & 31);
    if (!values[n]) {
      values[n] = [];
      wordAt[n] = w;
      size++;
    }
    values[n]!.push(vals[e]!);
  }
  // the edges again as an open-addressing table in two typed arrays: a probe instead of a Map lookup per character
  let bits = 4;
  while (1 << bits < edges.size * 2) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  const edgeKey = new Float64Array(1 << bits).fill(-1);
  const edgeTo = new Int32Array(1 << bits);
  for (const [key, to] of edges) {
    let h = Math.imul(key | 0, 0x9e3779b1) >>> shift;
    while (edgeKey[h] !== -1) h = (h + 1) & mask;
    edgeKey[h] = key;
    edgeTo[h] = to;
  }
  edges.clear();
  /** The node the edge of letter index `a` leads to from node `n`, or -1 (for the rare endings; the main loop inlines it). */
  const step = (n: number, a: number): number => {
    const key = n * width + a;
    let h = Math.imul(key | 0, 0x9e3779b1) >>> shift;
    let k = edgeKey[h]!;
    while (k !== key && k !== -1) k = edgeKey[(h = (h + 1) & mask)]!;
    return k === -1 ? -1 : edgeTo[h]!;
  };
  return {
    size,
    match(text: string): DictMatch<T>[] {
      const out: DictMatch<T>[] = [];
      let coveredTo = -1;
      for (let i = 0; i < text.length; i++) {
        const c0 = text.charCodeAt(i);
        if ((starts[c0 >>> 5]! & (1 << (c0 & 31))) === 0) continue;
        // a word starting with a Latin letter or digit does not start inside a Latin word
        if (isAlnum(c0) && i > 0 && isAlnum(text.charCodeAt(i - 1))) continue;
        let n = 0;
        let longest = -1;
        let end = 0;
        for (let j = i; j < text.length; j++) {
          const c = text.charCodeAt(j);
          const a = alpha[c]!;
          // (the probe inline on this path: it runs once per character read)
          let next = -1;
          if (a !== 0) {
            const key = n * width + a;
            let h = Math.imul(key | 0, 0x9e3779b1) >>> shift;
            let k = edgeKey[h]!;
            while (k !== key && k !== -1) k = edgeKey[(h = (h + 1) & mask)]!;
            if (k !== -1) next = edgeTo[h]!;
          }
          if (next === -1) {
            // (a plural of a word ending in y, antibody → antibodies; with inflect, a verb whose e is dropped before -ing,
            // bake → baking — -ed keeps the e's place: bake → baked)
            if (c === 0x69 && j > i && isLetter(text.charCodeAt(j - 1)) && !isAlnum(text.charCodeAt(j + 3))) {
              const y = text.startsWith('ies', j) && alpha[0x79] !== 0 ? step(n, alpha[0x79]!) : -1;
              const e = y < 0 && inflect && text.startsWith('ing', j) && alpha[0x65] !== 0 ? step(n, alpha[0x65]!) : -1;
              const to = y >= 0 ? y : e;
              if (to >= 0 && values[to] !== null) {
                longest = to;
                end = j + 3;
              }
            }
            break;
          }
          n = next;
          // nor does one ending with a Latin letter or digit end inside one
          if (values[n] !== null) {
            if (!(isAlnum(c) && j + 1 < text.length && isAlnum(text.charCodeAt(j + 1)) && !pluralAt(text, j))) {
              longest = n;
              end = j + 1;
            } else if (inflect) {
              const e = verbEndingAt(text, j, c === 0x65);
              if (e > 0) {
                longest = n;
                end = e;
              }
            }
          }
        }
        // keep maximal matches: drop any match inside an earlier-starting (or equal-start longer) match
        if (longest < 0 || end <= coveredTo) continue;
        out.push({ word: wordAt[longest]!, start: i, end, values: values[longest]! });
        coveredTo = end;
      }
      return out;
    },
  };
}
