/**
 * The n-gram classifier's model (data/lexicon/ngram-model.json, built by scripts/build-ngram.ts; see
 * docs/NGRAM.md), read once per process from the working directory as the other lexicon files are
 * (server/db/lexicon-file.ts). A missing file reads as null: the caller goes without the classifier.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNgramClassifier, type NgramClassifier, type NgramModel } from '../text/ngram.js';

const cache = new Map<string, NgramClassifier | null>();

/** The model file's contents, or null when it is missing. Throws when it is there but not a model. */
export function readNgramModel(dir = 'data/lexicon'): NgramModel | null {
  const file = join(dir, 'ngram-model.json');
  if (!existsSync(file)) return null;
  const model = JSON.parse(readFileSync(file, 'utf8')) as NgramModel;
  if (model.format !== 'luodi-ngram/1' || !Array.isArray(model.classes) || !Array.isArray(model.features)) {
    throw new Error(`${file} is not a luodi-ngram/1 model`);
  }
  return model;
}

/** The classifier built from `<dir>/ngram-model.json`, cached per directory; null when the file is missing. */
export function loadNgramClassifier(dir = 'data/lexicon'): NgramClassifier | null {
  if (!cache.has(dir)) {
    const model = readNgramModel(dir);
    cache.set(dir, model ? createNgramClassifier(model) : null);
  }
  return cache.get(dir)!;
}
