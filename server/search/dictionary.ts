/**
 * A word dictionary matched against text in one pass (a character trie walked from every position):
 * O(text length × longest word), independent of the number of words. It finds every dictionary word
 * in the text and keeps only maximal matches (a word inside a longer matched word is dropped, so
 * "数码印花" hides "印花" and "智能传感器" hides "传感器" when both are words).
 */
import { normalizeText } from './normalize.js';

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
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

export function createDictionary<T>(entries: Iterable<{ word: string; value: T }>): Dictionary<T> {
  const root = node<T>();
  let size = 0;
  for (const { word, value } of entries) {
    const w = normalizeText(word).trim();
    if (!w) continue;
    let n = root;
    for (const ch of w) {
      let m = n.next.get(ch);
      if (!m) n.next.set(ch, (m = node<T>()));
      n = m;
    }
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
      const all: DictMatch<T>[] = [];
      for (let i = 0; i < text.length; i++) {
        let n: TrieNode<T> | undefined = root;
        let longest: DictMatch<T> | null = null;
        for (let j = i; j < text.length; j++) {
          n = n.next.get(text[j]!);
          if (!n) break;
          if (n.values) longest = { word: n.word!, start: i, end: j + 1, values: n.values };
        }
        if (longest) all.push(longest);
      }
      // keep maximal matches: drop any match inside an earlier-starting (or equal-start longer) match
      const out: DictMatch<T>[] = [];
      let coveredTo = -1;
      for (const m of all) {
        if (m.end <= coveredTo) continue;
        out.push(m);
        coveredTo = Math.max(coveredTo, m.end);
      }
      return out;
    },
  };
}
