/**
 * `npx tsx scripts/build-context-model.ts [--out DIR]`: learns the context model (server/text/context.ts) from the
 * blind **dev** sets in test/heldout/ (scripts/heldout-sets.ts draws the line: no test case is ever read here) and
 * writes data/lexicon/context-model.json.
 *
 * Its parameters are chosen by leave-one-set-out cross-validation: each dev set in turn is read by a model learned
 * from the others (its writer never contributed), with the reading of words as the product makes it; the
 * parameters that read the most leads right, a confidently wrong reading counting as two missed ones (an honest
 * "unknown" asks one question; a wrong industry sends the lead to the wrong parks), are kept. The figures it
 * prints are those cross-validated ones; docs/CONTEXT.md records them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSeedSet } from '../server/db/seed-files.js';
import { loadNgramClassifier } from '../server/db/ngram-file.js';
import { understandLead } from '../server/domain/lead.features.js';
import { INDUSTRY_STRENGTH } from '../server/domain/scoring.constants.js';
import { normalizeText } from '../server/text/normalize.js';
import { blankScopeBoilerplate } from '../server/text/business-scope.js';
import { buildKnowledgeBase } from '../server/search/knowledge-base.js';
import { createIndustryGuesser } from '../server/search/taxonomy.index.js';
import {
  contextFeatures,
  countFeatures,
  createContextClassifier,
  decide,
  maskWords,
  keysOf,
  type TextKeys,
  NOTHING,
  type ContextModel,
  type ContextParams,
  type OnsiteHead,
  headScore,
  HEAD_REF_KNOWN,
  type WordReading,
} from '../server/text/context.js';
import { readArrival, readHeldOutSets, splitOfCase, type HeldOut } from './heldout-sets.js';

const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1]! : 'data/lexicon';
/**
 * A confidently wrong reading costs this many right ones — from issue 14's goals, each shortfall weighed by what its goal
 * allows: industry right ≥ 95 % allows 5 points of leads not read right, confidently wrong ≤ 2 % allows 2. A lead read
 * right instead of guessed gains 1/5; read wrong instead of guessed it costs 1/2 (a wrong reading is a miss of both
 * goals, but the guess it replaces already missed the first): 2.5 (until the seventeenth session 2, chosen by hand).
 */
const WRONG_COST = 2.5;
/**
 * The on-site head by the same rule: exclusion recall ≥ 95 % allows 5 points, false exclusions ≤ 2 % allow 2. A false
 * exclusion lifted gains 1/2; a right one doubted (flagged 需环保核实 instead of excluded) costs at most 1/5: a lifted
 * wrong one is worth 2.5 right ones doubted (until the seventeenth session a right one doubted counted as two lifted).
 */
const LOST_COST = 0.4;

const kb = buildKnowledgeBase(readSeedSet('data/seed'));
const positionings = new Set(kb.k.taxonomy.positionings.map((p) => p.name));
// the reading of words as the product makes it, without a context model (the one being learned)
const words = createIndustryGuesser(kb.k, () => loadNgramClassifier());

interface Example {
  fold: string;
  label: string;
  /** Scored for the industry read (fit and near-miss leads with a positioning, and leads that name nothing). */
  scored: boolean;
  text: string;
  keys: TextKeys;
  features: string[];
  reader: WordReading[];
}
const examples: Example[] = [];
/** The dev leads for the on-site head: mustExclude against mustKeep and fit, and whether the words fire an exclusion. */
const onsiteExamples: {
  fold: string;
  label: 'exclude' | 'keep';
  text: string;
  features: string[];
  fires: boolean;
  /** Whether the words fired on it when its set arrived (test/heldout/arrival.json), where that was recorded. */
  firedOnArrival?: boolean;
  /** Today's words fire only stock rules (a hazardous chemical at its 临界量), no process's: for the `ONSITE_BY_KIND` tally. */
  stockOnly?: boolean;
  /** Today's words read only 第98项 (P3/P4, transgenic labs) of the 名录: for the `ONSITE_BY_KIND` tally. */
  labOnly?: boolean;
}[] = [];
/**
 * How the words read each dev set on its arrival, before any change it informed (test/heldout/arrival.json): the
 * parameters and the veto are chosen on these readings. Chosen on today's reading of the dev sets instead, they drift:
 * every session fixes the words on the dev sets' misses, so the reader the cross-validation sees is better than the one
 * text nobody fixed the words on meets (docs/CONTEXT.md, fifteenth session). `READER=today` uses today's reading.
 */
const arrival = readArrival().sets;
const ON_ARRIVAL = process.env.READER !== 'today';
/** Arrival firings of sets older than devN are left out of the veto (`ARRIVAL_FROM=N`, for experiments; all by default). */
const ARRIVAL_FROM = Number(process.env.ARRIVAL_FROM ?? 0);
const perSet = new Map<string, number>();
/** Dev sets left out of learning (`NOT_LEARNT=dev28,…`, for experiments; none by default). */
const NOT_LEARNT = new Set((process.env.NOT_LEARNT ?? '').split(',').filter(Boolean));
for (const { name, cases } of readHeldOutSets()) {
  if (NOT_LEARNT.has(name)) continue;
  for (const c of cases as HeldOut[]) {
    if (splitOfCase(name, c.id) !== 'dev') continue;
    const u = understandLead({ summary: c.text.slice(0, 2000) }, kb.k, { guessIndustries: words });
    // (the text as understandLead gives it to the context: the words it found negated or not the lead's blanked)
    const unsaid = [...u.notOwnWords.map((w) => w.word), ...u.negatedWords].map(normalizeText);
    const text = maskWords(blankScopeBoilerplate(normalizeText(`${c.text.slice(0, 2000)}。`)), unsaid);
    if (c.group !== 'unknown')
      onsiteExamples.push({
        fold: /^dev\d+$/.test(name) ? name : 'briefs+news',
        label: c.group === 'mustExclude' ? 'exclude' : 'keep',
        text,
        features: contextFeatures(text),
        fires: [...u.fired.keys()].some((idx) => kb.k.rules[idx]!.effect === 'exclude' && kb.k.gating[idx] === 1),
        stockOnly: (() => {
          const gates = [...u.fired.keys()].filter((idx) => kb.k.rules[idx]!.effect === 'exclude' && kb.k.gating[idx] === 1);
          return gates.length > 0 && gates.every((idx) => /hazchem|hazard/.test(kb.k.rules[idx]!.id));
        })(),
        labOnly: u.eia.length > 0 && u.eia.every((e) => e.items.every((n) => n === 98)),
        firedOnArrival: arrival[name] && Number(name.slice(3)) >= ARRIVAL_FROM ? arrival[name].fired.includes(c.id) : undefined,
      });
    const label = c.group === 'unknown' ? NOTHING : c.positioning;
    if (!label || (label !== NOTHING && !positionings.has(label))) continue;
    // (the reader's first positioning and GB/T groups as features besides: 8 points better, within the noise; not kept)
    examples.push({
      fold: /^dev\d+$/.test(name) ? name : 'briefs+news',
      label,
      scored: c.group === 'unknown' || c.group === 'fit' || c.group === 'mustKeep',
      text,
      keys: keysOf(text),
      features: contextFeatures(text),
      reader:
        (ON_ARRIVAL ? arrival[name]?.readings[c.id]?.map(([n, strength, via]) => ({ name: n, strength, via })) : undefined) ??
        u.industries.map((i) => ({ name: i.name, strength: i.strength, via: i.via })),
    });
    perSet.set(name, (perSet.get(name) ?? 0) + 1);
  }
}
const classes = [...positionings, NOTHING];

/**
 * The public acceptance examples' verdicts (test/eval/public-cases.json, v2 "verdict") must come out as they require: the
 * existing evals stay at 100 %. A `fit` example whose words read an industry confidently must stay read so; an
 * `unknownIndustry` one must not be given an industry by the context alone. A model of the grid that breaks one is not a
 * candidate (twenty-fourth session: the 56-fold build's first choice, margin 19, made PV3's 研发生产医用内窥镜 a guess —
 * 医疗器械 0.85 against 智慧医疗 0.7 for 内窥镜 — and the verdict noFit).
 */
const publicCases = JSON.parse(readFileSync('test/eval/public-cases.json', 'utf8')) as {
  v2?: { verdict?: { id: string; summary: string; kind: string }[] };
};
const evalExamples = (publicCases.v2?.verdict ?? []).flatMap((c) => {
  if (c.kind !== 'fit' && c.kind !== 'unknownIndustry') return [];
  const u = understandLead({ summary: c.summary }, kb.k, { guessIndustries: words });
  const top = u.industries[0];
  if (c.kind === 'fit' && (!top || top.strength <= INDUSTRY_STRENGTH.guess)) return [];
  const unsaid = [...u.notOwnWords.map((w) => w.word), ...u.negatedWords].map(normalizeText);
  const text = maskWords(blankScopeBoilerplate(normalizeText(`${c.summary}。`)), unsaid);
  const reader = u.industries.map((i) => ({ name: i.name, strength: i.strength, via: i.via }));
  return [{ id: c.id, kind: c.kind, text, keys: keysOf(text), reader }];
});

/** The parameters of a model read for its scores alone (the decision's parameters are weighed afterwards, per candidate). */
const countsOnly = (mu: number): Omit<ContextParams, 'alpha'> => ({
  mu,
  temperature: 1,
  readerWeight: 0,
  rankPenalty: 0,
  margin: 0,
  nothingMargin: 0,
  lengthPower: 0,
  mixedKeep: false,
  outsideBelow: 0,
  aloneAmongGuesses: false,
});
function learn(xs: Example[], alpha: number, params: Omit<ContextParams, 'alpha'>, source: string): ContextModel {
  return { format: 'luodi-context/1', source, params: { alpha, ...params }, ...countFeatures(xs, classes) };
}

const folds = [...new Set(examples.map((x) => x.fold))];
const foldOf = new Map<string, number>(folds.map((f, i) => [f, i]));
const confident = INDUSTRY_STRENGTH.guess;
const grid = {
  // [alpha, mu]: additive smoothing, or Dirichlet towards the overall distribution
  smoothing: [
    ...(process.env.SMOOTH
      ? process.env.SMOOTH.split(',').map((p) => p.split(':').map(Number))
      : process.env.MU_ONLY
        ? [[0, 30]]
        : [
            [0.01, 0],
            [0, 10],
            [0, 30],
            [0, 100],
          ]),
  ],
  readerWeight: [20, 40, 80],
  rankPenalty: [4, 8, 16],
  margin: Array.from({ length: 31 }, (_, i) => i),
  lengthPower: [0, 0.5, 1],
  // (measured with --kinds, μ 30, length power 0.5, on the 16 dev sets: keeping two readings the words both named
  // when the context cannot tell them apart read 44 more leads right and 44 more confidently wrong)
  mixedKeep: [false],
  // (a product named outright, 0.95, not overruled by a positioning the words did not name: 4 fewer right, the same
  // wrong; always overruling, 2; never, 0: 45 fewer right)
  outsideBelow: [0.95],
  // (picking only among the words' guesses: 5 fewer right, 1 fewer wrong)
  aloneAmongGuesses: [false],
  nothingMargin: process.env.ALONE === '0' ? [Infinity] : [10, 20, 40, 80],
  // (a text of fewer known features left to the words: measured with --kinds on the 21 dev groups, right − 2 × wrong
  // 1960 for 0 and 4, 1958 for 6, 1956 for 8, 1953 for 10, 1940 for 12 — the dev sets hold few such texts, the chat's
  // follow-up turns are nearly all such texts (另外还做传感器): 8, at a cost of 4 points, so that a short turn naming a
  // product is not made a guess)
  minKnown: [8],
  // (the words' own first reading kept where the context puts it first by less than the margin but more than this: tried
  // at 0, 4, 8 and 12 on 98 folds, thirty-second session — the best cross-validated score stayed 9,070, the margin alone's;
  // Infinity is the margin alone)
  keepMargin: [Infinity],
  // (an English mail left to the words' confident reading where a share of its features are Latin words, tried on 58
  // folds at margin 18: at shares 0.3, 0.5, 0.7, 20–24 fewer right and 193–210 more confidently wrong — the context reads
  // English mails better than their words alone; not kept, twenty-fifth session)
};
// (any dimension narrowed for an experiment: GRID_margin=19 GRID_readerWeight=20 …)
for (const key of Object.keys(grid))
  if (process.env[`GRID_${key}`] && key !== 'smoothing')
    (grid as Record<string, unknown[]>)[key] = process.env[`GRID_${key}`]!.split(',').map((v) =>
      v === 'true' ? true : v === 'false' ? false : Number(v),
    );
type Tally = { right: number; wrong: number; guessed: number; unknownSure: number };
let best: { params: ContextParams; tally: Tally; score: number } | undefined;
/**
 * Every model of the grid with its score per fold, for the one-standard-error rule (Hastie, Tibshirani & Friedman, *The
 * Elements of Statistical Learning*, §7.10): among the models whose cross-validated score is within one standard error of
 * the best one's, the one with the fewest confident mistakes is kept — the product prefers an honest "I don't know" to a
 * confident guess, and score differences smaller than the folds' spread are noise (twenty-third session: the builds on
 * 52 and 54 folds chose margins 19 and 16, a few points apart). `ONE_SE=0` keeps the best score instead.
 */
const candidates: { params: ContextParams; tally: Tally; score: number; perFold: Float64Array }[] = [];
/** The best of each kind of model (smoothing, length scaling, the two switches): how much each choice weighs. */
const bestOf = new Map<string, { params: ContextParams; tally: Tally; score: number }>();
/** Per count of confident mistakes (wrong + unknown read as an industry), the model that reads the most leads right. */
const frontier = new Map<number, { params: ContextParams; tally: Tally; score: number }>();
const readerTally: Tally = { right: 0, wrong: 0, guessed: 0, unknownSure: 0 };
/** Models of the grid left out because they change a confident reading of an acceptance example. */
let evalRejected = 0;
for (const x of examples.filter((e) => e.scored)) {
  const top = x.reader[0];
  const sure = top !== undefined && top.strength > confident;
  if (x.label === NOTHING) readerTally.unknownSure += sure ? 1 : 0;
  else if (sure && top.name === x.label) readerTally.right++;
  else if (sure) readerTally.wrong++;
  else readerTally.guessed++;
}
for (const [alpha, mu] of grid.smoothing) {
  // each fold read by the model of the others, once per smoothing (the other parameters only weigh the scores)
  const readings = new Map<Example, ReturnType<ReturnType<typeof createContextClassifier>['read']>>();
  for (const fold of folds) {
    const held = examples.filter((x) => x.fold === fold);
    const c = createContextClassifier(
      learn(
        examples.filter((x) => x.fold !== fold),
        alpha!,
        countsOnly(mu!),
        '',
      ),
    );
    for (const x of held) if (x.scored) readings.set(x, c.read(x.keys));
  }
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  // (the model of every fold together, as shipped: how it reads the acceptance examples)
  const full = createContextClassifier(learn(examples, alpha!, countsOnly(mu!), ''));
  const evalReadings = evalExamples.map((x) => ({ x, reading: full.read(x.keys) }));
  for (const readerWeight of grid.readerWeight)
    for (const rankPenalty of grid.rankPenalty)
      for (const margin of grid.margin)
        for (const nothingMargin of grid.nothingMargin)
          for (const lengthPower of grid.lengthPower)
            for (const mixedKeep of grid.mixedKeep)
              for (const outsideBelow of grid.outsideBelow)
                for (const aloneAmongGuesses of grid.aloneAmongGuesses)
                  for (const minKnown of grid.minKnown)
                    for (const keepMargin of grid.keepMargin) {
                      const params: ContextParams = {
                        alpha: alpha!,
                        mu: mu!,
                        temperature: 1,
                        readerWeight,
                        rankPenalty,
                        margin,
                        nothingMargin,
                        lengthPower,
                        mixedKeep,
                        outsideBelow,
                        aloneAmongGuesses,
                        minKnown,
                        ...(Number.isFinite(keepMargin) ? { keepMargin } : {}),
                      };
                      const t: Tally = { right: 0, wrong: 0, guessed: 0, unknownSure: 0 };
                      const perFold = new Float64Array(folds.length);
                      for (const [x, reading] of readings) {
                        const d = decide(classes, classIndex, reading, x.reader, confident, params);
                        const top = x.reader[0];
                        const readerSure = top !== undefined && top.strength > confident;
                        const name = d.kind === 'promote' ? classes[d.best]! : d.kind === 'keep' && readerSure ? top.name : null;
                        const f = foldOf.get(x.fold)!;
                        if (x.label === NOTHING) {
                          t.unknownSure += name ? 1 : 0;
                          if (name) perFold[f]! -= WRONG_COST;
                        } else if (name === x.label) {
                          t.right++;
                          perFold[f]! += 1;
                        } else if (name) {
                          t.wrong++;
                          perFold[f]! -= WRONG_COST;
                        } else t.guessed++;
                      }
                      const score = t.right - WRONG_COST * (t.wrong + t.unknownSure);
                      // (the acceptance examples' confident readings stand, or the model is not a candidate)
                      const keepsEvals = evalReadings.every(({ x, reading }) => {
                        const d = decide(classes, classIndex, reading, x.reader, confident, params);
                        if (x.kind === 'unknownIndustry') return d.kind !== 'promote';
                        return d.kind === 'keep' || (d.kind === 'promote' && classes[d.best] === x.reader[0]!.name);
                      });
                      if (!keepsEvals) {
                        evalRejected++;
                        continue;
                      }
                      candidates.push({ params, tally: t, score, perFold });
                      const wrongAll = t.wrong + t.unknownSure;
                      if (!((frontier.get(wrongAll)?.tally.right ?? -1) >= t.right)) frontier.set(wrongAll, { params, tally: t, score });
                      // (equal scores: the one that reads more leads, and asks fewer questions)
                      if (!best || score > best.score || (score === best.score && t.right > best.tally.right))
                        best = { params, tally: t, score };
                      const kind = `mu=${mu} lengthPower=${lengthPower} mixedKeep=${mixedKeep} outsideBelow=${outsideBelow} aloneAmongGuesses=${aloneAmongGuesses} minKnown=${minKnown}`;
                      if (!((bestOf.get(kind)?.score ?? -Infinity) >= score)) bestOf.set(kind, { params, tally: t, score });
                    }
}
// the one-standard-error rule: the standard error of the score difference to the best, from the folds' differences
const bestScored = best!;
const bestFolds = candidates.find((c) => c.params === bestScored.params)!.perFold;
let oneSe: { params: ContextParams; tally: Tally; score: number; se: number } | undefined;
for (const c of candidates) {
  const d = bestFolds.map((b, i) => b - c.perFold[i]!);
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  const se = Math.sqrt((d.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, d.length - 1)) * d.length);
  if (bestScored.score - c.score > se) continue;
  const mistakes = c.tally.wrong + c.tally.unknownSure;
  const held = oneSe ? oneSe.tally.wrong + oneSe.tally.unknownSure : Infinity;
  if (!oneSe || mistakes < held || (mistakes === held && c.score > oneSe.score)) oneSe = { ...c, se };
}
const bestScore = bestScored.score;
if (process.env.ONE_SE !== '0' && oneSe) best = { params: oneSe.params, tally: oneSe.tally, score: oneSe.score };
candidates.length = 0;
// (MISSES=1: every dev lead the cross-validated reading gets wrong or guesses, with what the words read)
if (process.env.MISSES) {
  const p = best!.params;
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  for (const fold of folds) {
    const c = createContextClassifier(
      learn(
        examples.filter((x) => x.fold !== fold),
        p.alpha,
        p,
        '',
      ),
    );
    for (const x of examples.filter((e) => e.fold === fold && e.scored && e.label !== NOTHING)) {
      const d = decide(classes, classIndex, c.read(x.keys), x.reader, confident, p);
      const top = x.reader[0];
      const sure = top !== undefined && top.strength > confident;
      const name = d.kind === 'promote' ? classes[d.best]! : d.kind === 'keep' && sure ? top.name : null;
      if (name === x.label) continue;
      const words = x.reader
        .slice(0, 3)
        .map((w) => `${w.name}:${w.strength}`)
        .join(' ');
      console.log(`MISS ${name ? 'wrong' : 'guess'}\t${x.label}\t${name ?? '—'}\t${words}\t${x.text.slice(0, 70).replace(/\s+/g, ' ')}`);
    }
  }
}
const named = examples.filter((x) => x.scored && x.label !== NOTHING).length;
const unknown = examples.filter((x) => x.scored && x.label === NOTHING).length;
const line = (t: Tally) =>
  `industry right ${t.right}/${named}, confidently wrong ${t.wrong}/${named}, guessed ${t.guessed}/${named}, ` +
  `unknown read as an industry ${t.unknownSure}/${unknown}`;
const { params, tally } = best!;
const sets = [...perSet].map(([s, n]) => `${s} ${n}`).join('、');
const source =
  `学习自 test/heldout/ 的开发集（盲写，${examples.length} 条：${sets}）；测试集从不参与。参数由留一集交叉验证选定：` +
  `${line(tally)}（词语读法单独：${line(readerTally)}）`;
// the on-site head: each fold's leads whose words fire an exclusion, read by a head learnt from the other folds; the veto
// that lifts the most wrong exclusions, a right one lifted counting as LOST_COST (it is flagged, not lost)
const ONSITE = ['keep', 'exclude'];
/**
 * Plain statements of an on-site polluter the doubt must never lift: the product's must-hold probes
 * (test/domain/process-reading.test.ts, the second readings' probes) that a whole-text reading can mistake for near-misses
 * by a cue word the words already judged (客户 as the courted firm, 外部 handing nothing off). Chosen on the arrival
 * firings alone, the veto was −10 (fifteenth session), which lifts the first three of these. μ, the veto and the head's
 * minKnown (a text with fewer known features is never doubted) are chosen together: the best on the arrival firings
 * among the choices that lift none of them under the head learnt from all dev leads.
 */
const MUST_HOLD = [
  '项目名称为年产5万吨电镀加工项目，拟租用厂房。',
  '客户：嘉兴某印染企业，拟扩产',
  '外部专家指导下建设铸造熔炼车间',
  '客户：某电镀厂，想搬迁扩建，需要30亩',
  // (…and a plain polluter with a word of compliance after it, a job plater whose clients bring the parts, a staff-defined
  // rule's process (test/http/rules.test.ts): the eighteenth session's vetoes of 0 and −5 lifted them)
  '公司主营汽车零部件电镀，年镀件500万件。环保方面，无电镀污泥乱堆',
  '电镀、阳极氧化均由客户提供工件，我司负责加工',
  '零部件生产，车间采用测试庚工艺，需要厂房2000平方米',
  // (…and every lead the product's own match cases expect excluded: test/eval/match-cases.json, the specification)
  ...(
    JSON.parse(readFileSync('test/eval/match-cases.json', 'utf8')) as {
      cases: { lead: { summary?: string }; expect: { excluded?: unknown[] } }[];
    }
  ).cases
    .filter((c) => c.expect.excluded?.length && c.lead.summary)
    .map((c) => c.lead.summary!),
];
const onsiteGrid = {
  mu: [30, 100, 300, 1000, 3000],
  lengthPower: [0, 0.5, 1],
  veto: Array.from({ length: 21 }, (_, i) => -5 * i),
  minKnown: [0, 10, 15, 20, 25, 30, 40, 60],
};
/**
 * Under the head of smoothing μ learnt from every dev lead, the lowest score of a must-hold probe the doubt would read
 * (one with at least minKnown known features): the veto must not pass it.
 */
function mustHoldFloor(mu: number, minKnown: number, lengthPower: number): number {
  const head: OnsiteHead = { ...countFeatures(onsiteExamples, ONSITE), mu, veto: Infinity, suspect: 0, source: '', lengthPower };
  const doubt = createContextClassifier({ ...learn([], 0.01, params, ''), onsite: head }).doubt!;
  let floor = Infinity;
  for (const t of MUST_HOLD) {
    const u = understandLead({ summary: t }, kb.k, { guessIndustries: words });
    const text = maskWords(blankScopeBoilerplate(normalizeText(`${t}。`)), [...u.notOwnWords.map((w) => w.word), ...u.negatedWords]);
    const d = doubt(text)!;
    if (d.known >= minKnown) floor = Math.min(floor, d.score);
  }
  return floor;
}
/** Per dev lead, the features of its text a head learnt from the other folds knows (the doubt's minKnown counts them). */
const knownOf = new Map<(typeof onsiteExamples)[number], number>();
/** Per dev lead, log P(text | exclude) − log P(text | keep) under a head of smoothing μ learnt from the other folds. */
const onsiteScores = new Map<number, Map<(typeof onsiteExamples)[number], number>>();
function onsiteScoresAt(mu: number) {
  if (!onsiteScores.has(mu)) {
    const scores = new Map<(typeof onsiteExamples)[number], number>();
    for (const fold of folds) {
      const counts = countFeatures(
        onsiteExamples.filter((x) => x.fold !== fold),
        ONSITE,
      );
      // (a veto above every score: doubt() returns each text's score)
      const head: OnsiteHead = { ...counts, mu, veto: Infinity, suspect: 0, source: '' };
      const doubt = createContextClassifier({ ...learn([], 0.01, params, ''), onsite: head }).doubt!;
      for (const x of onsiteExamples.filter((e) => e.fold === fold)) {
        const d = doubt(x.text)!;
        scores.set(x, d.score);
        knownOf.set(x, d.known);
      }
    }
    onsiteScores.set(mu, scores);
  }
  return onsiteScores.get(mu)!;
}
let onsite: { mu: number; veto: number; minKnown: number; lengthPower: number; lifted: number; lost: number; score: number } | undefined;
// chosen on the arrival records (the leads the words fired on when their set arrived); today's firing is printed beside
const firing = onsiteExamples.filter((x) => x.fires);
const firingOnArrival = onsiteExamples.filter((x) => x.firedOnArrival === true);
const tallyAt = (
  xs: typeof onsiteExamples,
  scores: Map<(typeof onsiteExamples)[number], number>,
  veto: number,
  minKnown: number,
  lengthPower = 0,
) => {
  const doubted = (x: (typeof onsiteExamples)[number]) =>
    headScore(scores.get(x)!, knownOf.get(x)!, lengthPower) < veto && knownOf.get(x)! >= minKnown;
  return {
    lifted: xs.filter((x) => x.label === 'keep' && doubted(x)).length,
    lost: xs.filter((x) => x.label === 'exclude' && doubted(x)).length,
  };
};
for (const mu of onsiteGrid.mu) {
  const scores = onsiteScoresAt(mu);
  for (const lengthPower of onsiteGrid.lengthPower)
    for (const minKnown of onsiteGrid.minKnown) {
      const floor = mustHoldFloor(mu, minKnown, lengthPower);
      for (const veto of onsiteGrid.veto) {
        if (veto > floor) continue; // (it would lift a must-hold probe)
        const { lifted, lost } = tallyAt(firingOnArrival, scores, veto, minKnown, lengthPower);
        const score = lifted - LOST_COST * lost;
        if (!onsite || score > onsite.score) onsite = { mu, veto, minKnown, lengthPower, lifted, lost, score };
        if (process.env.VETO_CURVE && veto >= -40) {
          const today = tallyAt(firing, scores, veto, minKnown, lengthPower);
          console.log(
            `veto μ ${mu} p ${lengthPower} minKnown ${minKnown} ${veto}: on arrival lifts ${lifted} wrong, ${lost} right; today ${today.lifted} wrong, ${today.lost} right`,
          );
        }
      }
    }
}
// (ONSITE_BY_KIND=1: at the chosen head, what it lifts among today's firings by stock rules only and by the others)
if (process.env.ONSITE_BY_KIND) {
  const scores = onsiteScoresAt(onsite!.mu);
  for (const [kind, xs] of [
    ['stock only', firing.filter((x) => x.stockOnly)],
    ['a process', firing.filter((x) => !x.stockOnly)],
    ['a lab of 第98项 only', firing.filter((x) => x.labOnly && !x.stockOnly)],
  ] as const) {
    const t = tallyAt(xs, scores, onsite!.veto, onsite!.minKnown, onsite!.lengthPower);
    console.log(
      `on-site head by kind, ${kind}: ${xs.length} firings today (${xs.filter((x) => x.label === 'exclude').length} mustExclude); lifts ${t.lifted} wrong, ${t.lost} right`,
    );
  }
}
// the suspicion: on the leads the words fired no exclusion on when their set arrived, the threshold that flags the most
// mustExclude leads the words missed for the fewest others (one for one)
const silent = onsiteExamples.filter((x) => x.firedOnArrival === false);
const silentScores = onsiteScoresAt(onsite!.mu);
let suspect: { at: number; caught: number; flagged: number; score: number } | undefined;
for (const at of Array.from({ length: 30 }, (_, i) => 5 * i)) {
  const scaled = (x: (typeof silent)[number]) => headScore(silentScores.get(x)!, knownOf.get(x)!, onsite!.lengthPower);
  const caught = silent.filter((x) => x.label === 'exclude' && scaled(x) > at).length;
  const flagged = silent.filter((x) => x.label === 'keep' && scaled(x) > at).length;
  if (!suspect || caught - flagged > suspect.score) suspect = { at, caught, flagged, score: caught - flagged };
}
const missed = silent.filter((x) => x.label === 'exclude').length;
const suspectLine =
  `on their sets' arrival the words fired none on ${silent.length} dev leads (${missed} mustExclude they missed); suspecting those that read as ` +
  `on-site polluters by more than ${suspect!.at} flags ${suspect!.caught} of the ${missed} and ${suspect!.flagged} of the ` +
  `${silent.length - missed} others`;
const arrivalSets = [...new Set(firingOnArrival.map((x) => x.fold))].length;
const wrongEx = firingOnArrival.filter((x) => x.label === 'keep').length;
const rightEx = firingOnArrival.filter((x) => x.label === 'exclude').length;
const onsiteLine =
  `on the arrival of ${arrivalSets} dev sets the words fired an exclusion on ${firingOnArrival.length} leads (${rightEx} mustExclude, ${wrongEx} near-misses or ordinary leads); ` +
  `doubting those with at least ${onsite!.minKnown} known features that read as near-misses by more than ${-onsite!.veto} (the score scaled to ${HEAD_REF_KNOWN} known features to the power ${onsite!.lengthPower}) lifts ${onsite!.lifted} of the ${wrongEx} wrong ones ` +
  `and ${onsite!.lost} of the ${rightEx} right ones (flagged instead)`;
const model: ContextModel = {
  ...learn(examples, params.alpha, params, source),
  onsite: {
    ...countFeatures(onsiteExamples, ONSITE),
    mu: onsite!.mu,
    veto: onsite!.veto,
    minKnown: onsite!.minKnown,
    lengthPower: onsite!.lengthPower,
    suspect: suspect!.at,
    source: `学习自同一批开发集（${onsiteExamples.length} 条）；留一集交叉验证：${onsiteLine}; ${suspectLine}`,
  },
};
writeFileSync(join(out, 'context-model.json'), `${JSON.stringify(model)}\n`);
console.log(`dev examples: ${examples.length} (${sets}); folds: ${folds.length}`);
console.log(`parameters: ${JSON.stringify(params)}`);
console.log(`cross-validated, the reading of words alone: ${line(readerTally)}`);
console.log(`cross-validated, with the context model:      ${line(tally)}`);
console.log(
  `acceptance examples (v2 verdicts): ${evalExamples.map((x) => x.id).join(', ')}; ${evalRejected} models of the grid left out for changing one`,
);
console.log(
  `one-standard-error rule: best score ${bestScore}, kept ${best!.score} (within ${oneSe ? oneSe.se.toFixed(1) : '—'}; ${process.env.ONE_SE === '0' ? 'off' : 'on'})`,
);
console.log(
  `on-site head (μ ${onsite!.mu}, veto ${onsite!.veto}, minKnown ${onsite!.minKnown}, lengthPower ${onsite!.lengthPower}), cross-validated: ${onsiteLine}`,
);
console.log(`on-site suspicion (above ${suspect!.at}), cross-validated: ${suspectLine}`);
console.log(`wrote ${join(out, 'context-model.json')}: ${model.vocabulary} features`);
if (process.env.FRONTIER)
  for (const [w, b] of [...frontier].sort((x, y) => x[0] - y[0]))
    console.log(
      `frontier ${w}: ${line(b.tally)} mu ${b.params.mu} margin ${b.params.margin} nothingMargin ${b.params.nothingMargin} lengthPower ${b.params.lengthPower}`,
    );
if (process.argv.includes('--kinds'))
  for (const [kind, b] of [...bestOf].sort((x, y) => y[1].score - x[1].score))
    console.log(`${b.score}  ${kind}: ${line(b.tally)} (margin ${b.params.margin}, readerWeight ${b.params.readerWeight})`);
