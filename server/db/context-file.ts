/**
 * The context model (data/lexicon/context-model.json, built by scripts/build-context-model.ts; see docs/CONTEXT.md),
 * read once per process (server/db/model-file.ts). A missing file reads as null: the reading of words alone.
 */
import { createContextClassifier, type ContextClassifier, type ContextModel } from '../text/context.js';
import { modelFile } from './model-file.js';

const file = modelFile<ContextModel, ContextClassifier>(
  'context-model.json',
  'luodi-context/1',
  (m) => m.format === 'luodi-context/1' && Array.isArray(m.classes) && typeof m.features === 'object',
  createContextClassifier,
);

/** The model file's contents, or null when it is missing. Throws when it is there but not a model. */
export const readContextModel = (dir?: string): ContextModel | null => file.read(dir);

/** The classifier built from `<dir>/context-model.json`, cached per directory; null when the file is missing. */
export const loadContextClassifier = (dir?: string): ContextClassifier | null => file.load(dir);
