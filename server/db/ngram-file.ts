/**
 * The n-gram classifier's model (data/lexicon/ngram-model.json, built by scripts/build-ngram.ts; see
 * docs/NGRAM.md), read once per process (server/db/model-file.ts). A missing file reads as null: the caller goes
 * without the classifier.
 */
import { createNgramClassifier, type NgramClassifier, type NgramModel } from '../text/ngram.js';
import { modelFile } from './model-file.js';

const file = modelFile<NgramModel, NgramClassifier>(
  'ngram-model.json',
  'luodi-ngram/1',
  (m) => m.format === 'luodi-ngram/1' && Array.isArray(m.classes) && Array.isArray(m.features),
  createNgramClassifier,
);

/** The model file's contents, or null when it is missing. Throws when it is there but not a model. */
export const readNgramModel = (dir?: string): NgramModel | null => file.read(dir);

/** The classifier built from `<dir>/ngram-model.json`, cached per directory; null when the file is missing. */
export const loadNgramClassifier = (dir?: string): NgramClassifier | null => file.load(dir);
