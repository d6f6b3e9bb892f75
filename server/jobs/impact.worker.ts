/**
 * An impact preview thread (issue 18), long-lived: holds the current knowledge it was last sent
 * (built once per knowledge version and kept warm), builds the knowledge after each change asked
 * (for a rule change only what depends on the rules), re-scores its share of the open leads against
 * both and posts the impact back. Nothing is written anywhere.
 */
import { parentPort } from 'node:worker_threads';
import { computeImpact } from '../domain/impact.js';
import { compileKnowledge, withPark, withRules, type Knowledge, type KnowledgeInput } from '../domain/knowledge.js';
import { createIndustryGuesser, type IndustryGuesser } from '../search/taxonomy.index.js';
import { loadNgramClassifier } from '../db/ngram-file.js';
import { readLexiconData } from '../db/lexicon-file.js';
import type { ImpactMessage, ImpactReply } from './impact-thread.js';

const port = parentPort!;
let held: { token: number; input: KnowledgeInput; k: Knowledge; guess: IndustryGuesser } | null = null;

port.on('message', (m: ImpactMessage) => {
  let reply: ImpactReply;
  try {
    if (m.before) {
      const input = { ...m.before, ...readLexiconData() };
      const k = compileKnowledge(input);
      // the same industry fallback as the API (the n-gram classifier): leads read as the match reads them
      held = { token: m.token, input, k, guess: createIndustryGuesser(k, () => loadNgramClassifier()) };
    }
    if (!held || held.token !== m.token) throw new Error('knowledge version not held');
    const h = held;
    const after = m.patch.rules ? withRules(h.k, h.input, m.patch.rules) : m.patch.park ? withPark(h.k, h.input, m.patch.park) : h.k;
    reply = { id: m.id, impact: computeImpact(h.k, after, m.leads, m.change, { guessIndustries: h.guess, usdCnyRate: m.usdCnyRate }) };
  } catch (e) {
    reply = { id: m.id, error: (e as Error).message || String(e) };
  }
  port.postMessage(reply);
});
