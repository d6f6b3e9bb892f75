/**
 * The in-memory knowledge base the API scores and searches with: compiled knowledge, the park index
 * and the taxonomy fallback. Built from the database at start-up and rebuilt after data changes.
 */
import { compileKnowledge, type Knowledge, type KnowledgeInput } from '../domain/knowledge.js';
import { createParkIndex, type ParkIndex } from './park.index.js';
import { createIndustryGuesser, type IndustryGuesser } from './taxonomy.index.js';
import { buildPlaceIndex, type PlaceIndex } from '../nlu/places.js';
import { loadNgramClassifier } from '../db/ngram-file.js';

export interface KnowledgeBase {
  k: Knowledge;
  parks: ParkIndex;
  guessIndustries: IndustryGuesser;
  places: PlaceIndex;
  builtAt: string;
}

export function buildKnowledgeBase(input: KnowledgeInput): KnowledgeBase {
  const k = compileKnowledge(input);
  return {
    k,
    parks: createParkIndex(k),
    guessIndustries: createIndustryGuesser(k, () => loadNgramClassifier()),
    places: buildPlaceIndex(input.parks),
    builtAt: new Date().toISOString(),
  };
}
