/**
 * An impact preview's thread (issue 18): builds the knowledge before and after the change from the
 * plain records in workerData, re-scores its share of the open leads against both and posts the
 * impact back. One thread per share; nothing is written anywhere.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { computeImpact } from '../domain/impact.js';
import { compileKnowledge, withRules } from '../domain/knowledge.js';
import { createIndustryGuesser } from '../search/taxonomy.index.js';
import { loadNgramClassifier } from '../db/ngram-file.js';
import { readLexiconData } from '../db/lexicon-file.js';
import type { ImpactTask } from './impact-thread.js';

const task = workerData as ImpactTask;
const port = parentPort!;
try {
  const input = { ...task.before, ...readLexiconData() };
  const before = compileKnowledge(input);
  // a rule change rebuilds only what depends on the rules; a positioning change the whole knowledge
  const after =
    task.patch.rules && !task.patch.parks ? withRules(before, input, task.patch.rules) : compileKnowledge({ ...input, ...task.patch });
  // the same industry fallback as the API (the n-gram classifier): leads read as the match reads them
  const guessIndustries = createIndustryGuesser(before, () => loadNgramClassifier());
  const impact = computeImpact(before, after, task.leads, task.change, { guessIndustries, usdCnyRate: task.usdCnyRate });
  port.postMessage({ impact });
} catch (e) {
  port.postMessage({ error: (e as Error).message || String(e) });
}
