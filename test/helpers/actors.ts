/** Who performs a word where it first stands in a text, as the reading asks it (server/text/actors.ts), on the normalised text. */
import { actorOf } from '../../server/text/actors.js';
import { normalizeText } from '../../server/text/normalize.js';

export function actorIn(text: string, word: string, kind: 'process' | 'product' = 'process') {
  const t = normalizeText(text);
  const at = t.indexOf(word);
  if (at < 0) throw new Error(`${word} not in ${text}`);
  return actorOf(t, at, at + word.length, kind);
}
