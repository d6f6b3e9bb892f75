/**
 * 第98项 专业实验室、研发（试验）基地 — 报告书: P3、P4生物安全实验室；转基因实验室. Leads rarely name the lab's class; they
 * tell its work. Two kinds of work are read here, each by two cues in one sentence, so that neither cue alone decides:
 *
 * - **genetic modification of an organism** (转基因实验室): a cue of modifying genes (基因编辑, CRISPR/Cas9, 敲除, knock-in,
 *   gene-edited, 农杆菌转化, 显微注射) and an organism built or bred (小鼠品系, 菌株, 水稻, mouse lines, strains);
 * - **work with live high-consequence pathogens** (P3): a cue of live infection (攻毒, 感染模型, 野毒株, 活病毒, live virus,
 *   challenge studies) and a pathogen the 《人间传染的病原微生物名录》 puts in its first or second class, or the word
 *   高致病性 itself (结核分枝杆菌, 布鲁氏菌, 高致病性禽流感 H5/H7, SARS-CoV-2 野毒株, 狂犬病毒, 炭疽).
 *
 * Only cue words are returned with their place; the caller decides whether the lead does the work itself (not negated,
 * not handed to a contractor — 攻毒实验委托外部P3平台; not software for it — sgRNA设计软件). Pure.
 */

export interface LabWork {
  /** The cue of the work (基因编辑, 攻毒) and where it stands in the text. */
  word: string;
  at: number;
  /** The 名录 clause it falls under. */
  title: '转基因实验室' | 'P3、P4生物安全实验室';
}

const MODIFIES =
  /基因编辑|转基因|基因敲除|基因敲入|敲除|敲入|碱基编辑|先导编辑|基因改造|遗传改造|基因修饰|多基因通路整合|农杆菌(?:介导)?转化|显微注射|crispr|cas9|cas12|base[- ]editors?|prime[- ]editing|knock-?outs?|knock-?ins?|gene[- ]edit(?:ed|ing)?|genetically[- ](?:modified|engineered)|transgenic|agrobacterium|microinjection/g;
const ORGANISM =
  /小鼠|大鼠|品系|株系|菌株|底盘菌|工程菌|细胞系|植株|水稻|玉米|大豆|斑马鱼|猴|家蚕|果蝇|兔|胚胎|受精卵|酵母|大肠杆菌|(?<![a-z])(?:mouse|mice|rats?|lines|strains?|rice|maize|soybean|plants?|zebrafish|zygotes?|embryos?|yeast|e\.\s?coli)(?![a-z])/;
/** Not the modification but software, a test, a sale or goods for it (sgRNA设计软件, 转基因成分检测, 转基因小鼠饲料; cages, not a
 * facility's count of them: for 20,000 cages). */
const ABOUT_IT =
  /软件|算法|设计平台|数据库|预测|检测|成分|非转基因|试剂销售|销售|代理|饲料|垫料|笼具|笼盒|设备|仪器|耗材|(?<![a-z])(?:feed|bedding|equipment|instruments?)(?![a-z])|(?<![a-z]|\d[\d,]*\s*)cages?(?![a-z])|(?<![a-z])(?:software|saas|algorithm|prediction|design tool|testing|assay kits?)(?![a-z])/;

const CHALLENGE =
  /攻毒|感染模型|动物感染|感染实验|感染试验|野毒株|野毒|活病毒|病毒分离培养|病毒培养|(?<![a-z])(?:live[- ]virus|challenge (?:studies|study|models?|tests?)|infection models?|wild[- ]type virus)(?![a-z])/g;
/** A pathogen of the first or second class of 《人间传染的病原微生物名录》, or 高致病性 said. */
const HIGH_PATHOGEN =
  /高致病性|结核|布鲁氏|布病|禽流感|h5n1|h5|h7n9|新冠|sars|mers|狂犬|炭疽|鼠疫|埃博拉|艾滋|hiv|口蹄疫|非洲猪瘟|(?<![a-z])(?:tuberculosis|brucella|anthrax|ebola|rabies|avian influenza|sars-cov-2)(?![a-z])/;
/** Not live: an inactivated or pseudotyped agent (假病毒, 灭活抗原, pseudovirus). */
const NOT_LIVE = /假病毒|灭活(?:抗原|疫苗|样本)|pseudo-?virus|inactivated/;

const SENTENCE_END = /[。；;!?！？\n]|\.(?=\s|$)/g;

/** The sentences of a text as [start, end) spans (。；;!?！？, a line break, a full stop before a space): shared by nuclides.ts. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    out.push([s, m.index]);
    s = m.index + m[0].length;
  }
  out.push([s, text.length]);
  return out;
}

/** The cues of lab work of 第98项 in the text (lower-cased, as the reading normalises it), sentence by sentence. */
export function labWork(text: string): LabWork[] {
  if (!/基因|转|敲|crispr|cas|edit|genetic|transgenic|agrobact|microinj|攻毒|感染|毒|virus|challenge|infection/.test(text)) return [];
  const out: LabWork[] = [];
  for (const [s, e] of sentences(text)) {
    const sentence = text.slice(s, e);
    if (ORGANISM.test(sentence) && !ABOUT_IT.test(sentence))
      for (const m of sentence.matchAll(MODIFIES)) {
        // (非转基因 is a claim of the opposite)
        if (sentence.slice(Math.max(0, m.index - 1), m.index) === '非') continue;
        out.push({ word: m[0], at: s + m.index, title: '转基因实验室' });
      }
    if (HIGH_PATHOGEN.test(sentence) && !NOT_LIVE.test(sentence))
      for (const m of sentence.matchAll(CHALLENGE)) out.push({ word: m[0], at: s + m.index, title: 'P3、P4生物安全实验室' });
  }
  return out;
}
