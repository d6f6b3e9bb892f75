/**
 * An impact preview thread (issue 18), long-lived: holds the current knowledge it was last sent
 * (built once per knowledge version and kept warm), builds the knowledge after each change asked
 * (for a rule change only what depends on the rules), re-scores its share of the open leads against
 * both and posts the impact back. Nothing is written anywhere.
 */
import { parentPort } from 'node:worker_threads';
import { computeImpact, primeImpact, type ImpactMemo } from '../domain/impact.js';
import { compileKnowledge, withPark, withRules, type Knowledge, type KnowledgeInput } from '../domain/knowledge.js';
import { createIndustryGuesser, type IndustryGuesser } from '../search/taxonomy.index.js';
import { loadNgramClassifier } from '../db/ngram-file.js';
import { loadContextClassifier } from '../db/context-file.js';
import { readLexiconData } from '../db/lexicon-file.js';
import type { ImpactMessage, ImpactReply } from './impact-thread.js';

const port = parentPort!;
let held: { token: number; input: KnowledgeInput; k: Knowledge; guess: IndustryGuesser; memo: ImpactMemo } | null = null;

/** Leads kept read against the knowledge before, at most (about 4–5 KB each: ≈ 110 MB; two threads keep 50,000 open leads, five times the goal). */
const MEMO_MAX = 25_000;

port.on('message', (m: ImpactMessage) => {
  let reply: ImpactReply;
  const ms = { knowledge: 0, ngram: 0, after: 0, impact: 0 };
  let t = performance.now();
  const lap = (key: keyof typeof ms) => {
    const now = performance.now();
    ms[key] = Math.round(now - t);
    t = now;
  };
  try {
    if (m.before) {
      const input = { ...m.before, ...readLexiconData() };
      const k = compileKnowledge(input);
      // the same industry fallback as the API (the n-gram classifier): leads read as the match reads them
      held = {
        token: m.token,
        input,
        k,
        guess: createIndustryGuesser(
          k,
          () => loadNgramClassifier(),
          () => loadContextClassifier(),
        ),
        memo: new Map(),
      };
      lap('knowledge');
      loadNgramClassifier(); // read once per thread (it is cached): here, so the figures say what it costs
      loadContextClassifier();
      lap('ngram');
    }
    if (!held || held.token !== m.token) throw new Error('knowledge version not held');
    const h = held;
    const after = m.patch.rules ? withRules(h.k, h.input, m.patch.rules) : m.patch.park ? withPark(h.k, h.input, m.patch.park) : h.k;
    lap('after');
    if (h.memo.size + m.leads.length > MEMO_MAX) h.memo.clear();
    const opts = { guessIndustries: h.guess, usdCnyRate: m.usdCnyRate };
    // getting ready (no change): read and rank every lead once, so the previews that follow do only what their change touches
    if (m.prime) primeImpact(h.k, m.leads, h.memo, opts);
    const impact = computeImpact(h.k, after, m.leads, m.change, opts, h.memo);
    lap('impact');
    reply = { id: m.id, impact, ms };
  } catch (e) {
    reply = { id: m.id, error: (e as Error).message || String(e) };
  }
  port.postMessage(reply);
});
