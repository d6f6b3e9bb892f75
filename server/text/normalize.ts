import { TRADITIONAL_PAIRS } from './traditional-chars.js';

/**
 * Traditional characters (台资 and 港资 firms' letters, 敬啟者…錶殼與錶帶自製，製程含…電鍍) read as their simplified forms, one
 * character for one so offsets stay as written: the lexicon, negation and actors are simplified. From OpenCC's table
 * (traditional-chars.ts); a character also written in simplified text is not in it.
 */
const TRADITIONAL = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) TRADITIONAL.set(TRADITIONAL_PAIRS[i]!, TRADITIONAL_PAIRS[i + 1]!);
const TRADITIONAL_CHAR = new RegExp(`[${[...TRADITIONAL.keys()].join('')}]`, 'g');

/**
 * Cantonese written words with a one-character Mandarin equivalent, as 珠三角 staff and bosses write them in WeChat
 * (佢哋唔做电镀, 冇废水, 喺东区, 发去江门嘅电镀园): each is replaced by the Mandarin word of the same length (他们不做,
 * 无, 在, 的), so negation, actors and the lexicon read them as they read Mandarin. Only characters written in Cantonese
 * alone (a Mandarin text never holds them); ambiguous ones are left as written (咁, 胶), or read by their neighbours (系 after
 * an adverb is 是 — 仲系, 都系, 净系 — not in 系统; 仲 before a verb is 还, not in 仲裁).
 * (编写, from general knowledge of written Cantonese.)
 */
const CANTONESE: Readonly<Record<string, string>> = {
  嘅: '的',
  唔: '不',
  冇: '无',
  佢: '他',
  哋: '们',
  喺: '在',
  啲: '些',
  咗: '了',
  嚟: '来',
  揾: '找',
  睇: '看',
  嗰: '那',
  俾: '给',
  畀: '给',
};
const CANTONESE_CHAR = /[嘅唔冇佢哋喺啲咗嚟揾睇嗰俾畀]/g;
const HAS_CANTONESE = /[嘅唔冇佢哋喺啲咗嚟揾睇嗰俾畀]/;

/** 系 as Cantonese's copula 是 after an adverb (仲系, 都系, 就系, 净系, 唔系), not in 系统, 系列, 体系. */
const COPULA = /(?<=[仲还都就净唔不也又只])系(?![统列数谱族带])/g;
/** …and the adverbs before it or before a verb (仲系 还是, 仲有 还有, 净系 只是). */
const ADVERB = /仲(?=[系是有要未做在])|净(?=系)/g;
const HAS_COPULA = /[仲都就净唔不也又只]系|仲[有要未做在]/;

/** A space between two Chinese characters. */
const HAN_SPACE = /(?<=\p{Script=Han}) (?=\p{Script=Han})/gu;
const WORD_SPACED = /\p{Script=Han} \p{Script=Han}/u;
/**
 * A transcript a speech recogniser wrote word by word (对 就是 做 新能源 相关 的 嗯 但是 具体 他们 没 说): a space between
 * most words, not at the pauses. Where spaces stand between Chinese characters once every three characters or more often,
 * they are no pauses and are taken out (对就是做新能源相关的嗯但是具体他们没说), so that words and clauses read as typed
 * text's do; a pause-spaced note (一台七十五吨的循环流化床 一台…) keeps its spaces. Offsets then differ from the text as
 * written — the only normalisation that changes them, for such texts alone.
 */
function joinSpacedWords(t: string): string {
  const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
  const spaces = t.match(HAN_SPACE)?.length ?? 0;
  return han >= 20 && spaces * 3 >= han ? t.replace(HAN_SPACE, '') : t;
}

/**
 * Text normalisation shared by the index, the dictionary and the chat: NFKC (full-width → half-width), lower case, and
 * written Cantonese's function words as Mandarin's (one character for one: offsets stay those of the text as written, but
 * for a transcript spaced word by word, joinSpacedWords).
 */
export function normalizeText(s: string): string {
  let t = s.normalize('NFKC').toLowerCase();
  if (t.length >= 20 && WORD_SPACED.test(t)) t = joinSpacedWords(t);
  t = t.replace(TRADITIONAL_CHAR, (c) => TRADITIONAL.get(c)!);
  if (HAS_CANTONESE.test(t)) t = t.replace(CANTONESE_CHAR, (c) => CANTONESE[c]!);
  if (HAS_COPULA.test(t)) t = t.replace(ADVERB, (c) => (c === '仲' ? '还' : '只')).replace(COPULA, '是');
  return t;
}

/** Park names as the API returns them: line breaks and runs of spaces removed. */
export function cleanName(s: string): string {
  return s.replace(/\s+/g, '');
}
