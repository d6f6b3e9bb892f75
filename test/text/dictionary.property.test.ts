import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createDictionary } from '../../server/text/dictionary.js';

const alnum = (c: string | undefined) => c !== undefined && /[a-z0-9]/i.test(c);
/** A Latin letter or digit at a word's edge must not continue into the text there. */
const onBoundary = (w: string, text: string, i: number) =>
  !(alnum(w[0]) && alnum(text[i - 1])) && !(alnum(w[w.length - 1]) && alnum(text[i + w.length]));

/** The definition, written plainly: at each position the longest word starting there (on Latin word boundaries), then only matches not inside an earlier one. */
function reference(words: string[], text: string) {
  const all: { word: string; start: number; end: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const w = words.filter((x) => text.startsWith(x, i) && onBoundary(x, text, i)).sort((a, b) => b.length - a.length)[0];
    if (w) all.push({ word: w, start: i, end: i + w.length });
  }
  let coveredTo = -1;
  return all.filter((m) => (m.end <= coveredTo ? false : ((coveredTo = m.end), true)));
}

// a small alphabet so that words overlap and nest often; 𠮷 is outside the BMP (two UTF-16 code units)
const ALPHABET = ['电', '镀', '印', '花', '数', '码', '智', '能', '传', '感', '器', '𠮷', 'a', '1', 'b'];
const word = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));

describe('dictionary', () => {
  it('finds exactly the maximal matches the definition gives, with every value of the word', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 25 }),
        fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }),
        (words, chars) => {
          const text = chars.join('');
          const d = createDictionary(
            words.flatMap((w, i) => [
              { word: w, value: i },
              { word: w, value: -i },
            ]),
          );
          const got = d.match(text);
          expect(got.map(({ word: w, start, end }) => ({ word: w, start, end }))).toEqual(reference(words, text));
          for (const m of got) expect(m.values).toEqual([words.indexOf(m.word), -words.indexOf(m.word)]);
          expect(d.size).toBe(words.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('normalises its words (full-width, case) and skips empty ones', () => {
    const d = createDictionary([
      { word: 'ＡＢＣ', value: 1 },
      { word: '  ', value: 2 },
      { word: '数码印花', value: 3 },
      { word: '印花', value: 4 },
    ]);
    expect(d.size).toBe(3);
    expect(d.match('abc的数码印花和印花').map((m) => [m.word, m.start, m.end])).toEqual([
      ['abc', 0, 3],
      ['数码印花', 4, 8],
      ['印花', 9, 11],
    ]);
  });

  it('matches Latin words on word boundaries only', () => {
    const d = createDictionary([
      { word: 'ct', value: 1 },
      { word: 'PCB', value: 2 },
      { word: '5G模组', value: 3 },
      { word: 'NB-IoT', value: 4 },
    ]);
    const words = (t: string) => d.match(t).map((m) => m.word);
    expect(words('smart factory')).toEqual([]);
    expect(words('pcba贴片')).toEqual([]);
    expect(words('做pcb和ct设备')).toEqual(['pcb', 'ct']);
    expect(words('15g模组')).toEqual([]);
    expect(words('5g模组和nb-iot模块')).toEqual(['5g模组', 'nb-iot']);
  });

  it('an English plural still ends the word (cameras, PCBs, boxes), and nothing longer does (cameraman, acts)', () => {
    const d = createDictionary([
      { word: 'ptz camera', value: 1 },
      { word: 'pcb', value: 2 },
      { word: 'box', value: 3 },
      { word: 'ct', value: 4 },
    ]);
    const found = (t: string) => d.match(t).map((m) => [m.word, m.start, m.end]);
    expect(found('4k ptz cameras with ndi')).toEqual([['ptz camera', 3, 13]]);
    expect(found('pcbs and boxes')).toEqual([
      ['pcb', 0, 3],
      ['box', 9, 12],
    ]);
    expect(found('a cameraman acts')).toEqual([]);
    expect(found('ptz camerass')).toEqual([]);
  });
  it('with inflect, finds an English verb inflected (ferments, fermenting, fermented in; bake → baking), not before a noun', () => {
    const d = createDictionary(
      [
        { word: 'ferment', value: 1 },
        { word: 'bake', value: 2 },
        { word: 'dye', value: 3 },
      ],
      { inflect: true },
    );
    const words = (t: string) => d.match(t).map((m) => t.slice(m.start, m.end));
    // (a plural or third-person -s is found as the word, as without the option)
    expect(words('the mash ferments for six months')).toEqual(['ferment']);
    expect(words('fermenting tanks; fermented in steel tanks.')).toEqual(['fermenting', 'fermented']);
    expect(words('we bake bread, baking daily, baked on site')).toEqual(['bake', 'baking', 'baked']);
    expect(words('we dyed with reactive colours; dyeing')).toEqual(['dyed', 'dyeing']);
    // (a past participle before a noun names a thing bought, not a step run: fermented soybean meal)
    expect(words('we buy fermented soybean meal and baked goods')).toEqual([]);
    // (…and a longer word is still no inflection: fermentative, bakery)
    expect(words('fermentative bakery dyestuff')).toEqual([]);
    // without the option, only the plural (a y-word's too: antibody → antibodies)
    const ab = createDictionary([{ word: 'monoclonal antibody', value: 1 }]);
    expect(ab.match('cdmo for monoclonal antibodies.').map((m) => m.word)).toEqual(['monoclonal antibody']);
    expect(ab.match('monoclonal antibodiesx')).toEqual([]);
    const plain = createDictionary([{ word: 'ferment', value: 1 }]);
    expect(plain.match('ferments fermented in').map((m) => m.word)).toEqual(['ferment']);
  });
});
