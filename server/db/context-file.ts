/**
 * The context model (data/lexicon/context-model.json, built by scripts/build-context-model.ts; see
 * docs/CONTEXT.md), read once per process from the working directory as the other lexicon files are. A missing
 * file reads as null: the caller goes without it (the reading of words alone).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContextClassifier, type ContextClassifier, type ContextModel } from '../text/context.js';

const cache = new Map<string, ContextClassifier | null>();

/** The model file's contents, or null when it is missing. Throws when it is there but not a model. */
export function readContextModel(dir = 'data/lexicon'): ContextModel | null {
  const file = join(dir, 'context-model.json');
  if (!existsSync(file)) return null;
  const model = JSON.parse(readFileSync(file, 'utf8')) as ContextModel;
  if (model.format !== 'luodi-context/1' || !Array.isArray(model.classes) || typeof model.features !== 'object') {
    throw new Error(`${file} is not a luodi-context/1 model`);
  }
  return model;
}

/** The classifier built from `<dir>/context-model.json`, cached per directory; null when the file is missing. */
export function loadContextClassifier(dir = 'data/lexicon'): ContextClassifier | null {
  if (!cache.has(dir)) {
    const model = readContextModel(dir);
    cache.set(dir, model ? createContextClassifier(model) : null);
  }
  return cache.get(dir)!;
}
