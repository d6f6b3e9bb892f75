/**
 * 第172项 核技术利用建设项目 — 报告书: 生产放射性同位素的（制备PET用放射性药物的除外）; 甲级非密封放射性物质工作场所. Leads
 * name the nuclides and the verb, seldom the 名录's words: 回旋加速器生产碘-123、铊-201、锗-68等医用放射性同位素, 镥-177、碘-131
 * 同位素要自己生产, a 30 MeV cyclotron … 生产 I-123、Tl-201、In-111 等 SPECT 核素, 放射性工作场所按甲级设计. Read here:
 *
 * - **production of a radionuclide**: a verb of producing (生产, 制备, 自产, produce, manufacture) and a nuclide after it in its
 *   sentence (同位素, 核素, radioisotope, or an element and its mass number: 碘-131, Lu-177, Tc-99m), or the nuclide first and
 *   the verb right after it (同位素要自己生产). Only nuclides of PET drugs (氟-18, FDG, 碳-11, 氮-13, 氧-15, 镓-68) are the
 *   名录's own exception and not read;
 * - **a 甲级 unsealed-source workplace**: 甲级 said of 非密封 or of the radioactive workplace.
 *
 * Only cue words are returned with their place; the caller decides whether the lead does the work itself (not negated, not
 * bought in — 外购镥-177 is a user's). Pure, over normalised (lower-case) text; linear in its length.
 */

import { sentences } from './biosafety.js';

export interface NuclideWork {
  /** The cue (the verb of producing, or the 甲级 phrase) and where it stands in the text. */
  word: string;
  at: number;
  /** What the reason shows: the verb with the nuclide it produces (生产碘-123), or the 甲级 phrase. */
  shown: string;
  title: '生产放射性同位素的（制备PET用放射性药物的除外）' | '甲级非密封放射性物质工作场所';
}

const ELEMENT_CN = '碘|镥|锝|钼|铊|铟|锗|镓|钇|锕|镭|铅|铜|锶|钐|氟|碳|氮|氧|钴|铱|铯|钬';
const ELEMENT_EN = 'i|lu|tc|mo|tl|in|ge|ga|y|ac|ra|pb|cu|sr|sm|f|c|n|o|co|ir|cs|ho';
const NUCLIDE = new RegExp(
  `(?:放射性)?同位素|核素|radio-?isotopes?|radio-?nuclides?|(?<![a-z])isotopes?(?![a-z])|(?:${ELEMENT_CN})-?\\s?\\d{2,3}m?|(?<![a-z0-9])(?:${ELEMENT_EN})-\\s?\\d{2,3}m?(?![a-z0-9])`,
  'g',
);
/** Nuclides of PET drugs, the 名录's exception (制备PET用放射性药物的除外). */
const PET_NUCLIDE = /^(?:氟-?18|f-18|碳-?11|c-11|氮-?13|n-13|氧-?15|o-15|镓-?68|ga-68)$/;
const PRODUCE = /生产|制备|自产|自制|(?<![a-z])(?:produc(?:e|es|ing|tion)|manufactur(?:e|es|ing))(?![a-z])/g;
const CLASS_A = /甲级(?:非密封|放射性(?:物质)?工作场所|放射性场所|场所)|(?:非密封|放射性(?:物质)?工作场所)[^，,。；;\n]{0,12}?甲级/g;
/** Between a nuclide and the verb after it, only adverbs (同位素要自己生产), not another noun (同位素检测仪器的生产). */
const ADVERBS_ONLY = /^[要也都将均还可全部自己行厂内本地来]*$/;
/** Between the verb and the nuclide it produces, no clause break (生产碘-123、铊-201…; not 生产防护用品，客户是同位素企业). */
const SAME_CLAUSE = /^[^，,：:；;]{0,20}$/;

const NOT_RADIOACTIVE = /稳定同位素|无放射性|非放射性|不具放射性|stable isotopes?|non-?radioactive/;
const FIRM_AFTER = /^(企业|厂家|厂商|单位|商)/;

/** The cues of 第172项 nuclear-technique work in the text, sentence by sentence. */
export function nuclideWork(text: string): NuclideWork[] {
  if (!/同位素|核素|isotope|nuclide|甲级|[碘镥锝钼铊铟锗镓钇锕镭铅铜锶钐氟碳氮氧钴铱铯钬]-?\s?\d{2,3}|[a-z]-\s?\d{2,3}/.test(text))
    return [];
  const out: NuclideWork[] = [];
  for (const [s, e] of sentences(text)) {
    const sentence = text.slice(s, e);
    for (const m of sentence.matchAll(CLASS_A))
      out.push({ word: m[0], at: s + m.index, shown: m[0], title: '甲级非密封放射性物质工作场所' });
    // (stable isotopes are no radionuclides: 稳定同位素氧-18水, 碳-13标记, 无放射性)
    if (NOT_RADIOACTIVE.test(sentence)) continue;
    const nuclides = [...sentence.matchAll(NUCLIDE)];
    if (!nuclides.length) continue;
    // (a sentence naming only PET nuclides, or FDG, is the 名录's exception)
    const named = nuclides.map((n) => n[0].replace(/\s/g, '')).filter((n) => /\d/.test(n));
    if (named.length && named.every((n) => PET_NUCLIDE.test(n))) continue;
    if (!named.length && /pet|fdg|氟代脱氧葡萄糖/.test(sentence)) continue;
    for (const v of sentence.matchAll(PRODUCE)) {
      const end = v.index + v[0].length;
      // (a verb that names a kind of firm is no work: 客户是同位素生产企业)
      if (FIRM_AFTER.test(sentence.slice(end, end + 2))) continue;
      // the nuclide after the verb in its sentence (生产碘-123、铊-201…等同位素), or right before it (同位素要自己生产)
      const nuclide =
        nuclides.find((n) => n.index >= end && SAME_CLAUSE.test(sentence.slice(end, n.index))) ??
        nuclides.find((n) => n.index + n[0].length <= v.index && ADVERBS_ONLY.test(sentence.slice(n.index + n[0].length, v.index)));
      if (nuclide) {
        const shown = /[a-z]/.test(v[0]) ? `${v[0]} ${nuclide[0]}` : `${v[0]}${nuclide[0]}`;
        out.push({ word: v[0], at: s + v.index, shown, title: '生产放射性同位素的（制备PET用放射性药物的除外）' });
        break;
      }
    }
  }
  return out;
}
