/**
 * A word dictionary matched against text in one pass (a character trie walked from every position):
 * O(text length × longest word), independent of the number of words. It finds every dictionary word
 * in the text and keeps only maximal matches (a word inside a longer matched word is dropped, so
 * "数码印花" hides "印花" and "智能传感器" hides "传感器" when both are words). A word that begins or
 * ends with a Latin letter or digit matches only on a word boundary there: "ct" is not found in
 * "smart factory", nor "PCB" in "PCBA", while "5G模组" and "NB-IoT" are found as written.
 */
import { normalizeText } from './normalize.js';

interface TrieNode<T> {
  /** Children by UTF-16 code unit (words and texts are walked by code unit, so astral characters match too). */
  next: Map<number, TrieNode<T>>;
  values: T[] | null;
  word: string | null;
}

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

const node = <T>(): TrieNode<T> => ({ next: new Map(), values: null, word: null });

/** ASCII letter or digit (text is normalised: lower case, half-width). */
const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

export function createDictionary<T>(entries: Iterable<{ word: string; value: T }>): Dictionary<T> {
  const root = node<T>();
  /** One bit per UTF-16 code unit that starts a word: most positions of a text start none. */
  const starts = new Uint32Array(65536 / 32);
  let size = 0;
  for (const { word, value } of entries) {
    const w = normalizeText(word).trim();
    if (!w) continue;
    let n = root;
    for (let i = 0; i < w.length; i++) {
      const ch = w.charCodeAt(i);
      let m = n.next.get(ch);
      if (!m) n.next.set(ch, (m = node<T>()));
      n = m;
    }
    starts[w.charCodeAt(0) >>> 5]! |= 1 << (w.charCodeAt(0) & 31);
    if (!n.values) {
      n.values = [];
      n.word = w;
      size++;
    }
    n.values.push(value);
  }
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
        let n: TrieNode<T> | undefined = root;
        let longest: TrieNode<T> | null = null;
        let end = 0;
        for (let j = i; j < text.length; j++) {
          const c = text.charCodeAt(j);
          n = n.next.get(c);
          if (!n) break;
          // nor does one ending with a Latin letter or digit end inside one
          if (n.values && !(isAlnum(c) && j + 1 < text.length && isAlnum(text.charCodeAt(j + 1)))) {
            longest = n;
            end = j + 1;
          }
        }
        // keep maximal matches: drop any match inside an earlier-starting (or equal-start longer) match
        if (!longest || end <= coveredTo) continue;
        out.push({ word: longest.word!, start: i, end, values: longest.values! });
        coveredTo = end;
      }
      return out;
    },
  };
}
