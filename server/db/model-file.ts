/**
 * A learnt model's file in data/lexicon/ (ngram-model.json, context-model.json), read from the working directory as
 * the other lexicon files are (server/db/lexicon-file.ts): its contents checked, and the classifier built from it
 * once per directory. A missing file reads as null: the caller goes without that model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ModelFile<M, C> {
  /** The file's contents, or null when it is missing. Throws when it is there but not such a model. */
  read(dir?: string): M | null;
  /** The classifier built from the file, cached per directory; null when the file is missing. */
  load(dir?: string): C | null;
}

export function modelFile<M, C>(name: string, format: string, isModel: (m: M) => boolean, create: (m: M) => C): ModelFile<M, C> {
  const cache = new Map<string, C | null>();
  const read = (dir = 'data/lexicon'): M | null => {
    const file = join(dir, name);
    if (!existsSync(file)) return null;
    const model = JSON.parse(readFileSync(file, 'utf8')) as M;
    if (!isModel(model)) throw new Error(`${file} is not a ${format} model`);
    return model;
  };
  return {
    read,
    load(dir = 'data/lexicon') {
      if (!cache.has(dir)) {
        const model = read(dir);
        cache.set(dir, model ? create(model) : null);
      }
      return cache.get(dir)!;
    },
  };
}
