/**
 * The in-memory knowledge base the API scores and searches with: compiled knowledge, the park index
 * and the taxonomy fallback. Built from the database at start-up and rebuilt after data changes.
 */
import { compileKnowledge, type Knowledge, type KnowledgeInput } from '../domain/knowledge.js';
import { createParkIndex, createParkIndexInSlices, type ParkIndex } from './park.index.js';
import { createIndustryGuesser, type IndustryGuesser } from './taxonomy.index.js';
import { buildPlaceIndex, type PlaceIndex } from '../nlu/places.js';
import { loadNgramClassifier } from '../db/ngram-file.js';
import { loadContextClassifier } from '../db/context-file.js';

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
    guessIndustries: createIndustryGuesser(
      k,
      () => loadNgramClassifier(),
      () => loadContextClassifier(),
    ),
    places: buildPlaceIndex(input.parks),
    builtAt: new Date().toISOString(),
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The same knowledge base, built in slices with a turn of the event loop between them (compile, park
 * index a hundred parks at a time, text search, places), so that requests keep being answered while an
 * import or a rule change rebuilds it.
 */
export async function buildKnowledgeBaseInSlices(input: KnowledgeInput): Promise<KnowledgeBase> {
  const k = compileKnowledge(input);
  await nextTurn();
  const parks = await createParkIndexInSlices(k);
  await nextTurn();
  const guessIndustries = createIndustryGuesser(
    k,
    () => loadNgramClassifier(),
    () => loadContextClassifier(),
  );
  await nextTurn();
  return { k, parks, guessIndustries, places: buildPlaceIndex(input.parks), builtAt: new Date().toISOString() };
}
