/** Runs the utterance table through POST /api/chat and scores every turn (intent, fields, absent fields, industry). */
import type { TestApp } from '../helpers/app.js';

export interface UtteranceTurn {
  say: string;
  intent?: string;
  expect?: Record<string, unknown>;
  absent?: string[];
  industry?: string;
}
export interface UtteranceConversation {
  id: string;
  note?: string;
  turns: UtteranceTurn[];
}
export interface TurnResult {
  id: string;
  turn: number;
  say: string;
  pass: boolean;
  misses: string[];
}

/** A turn's id in known-miss lists: `conversation#turn`, turns counted from 1. */
export const turnId = (conversation: string, turn: number): string => `${conversation}#${turn}`;

/** Table conventions: arrays compare as sets, numbers to 2 decimals, dotted keys reach nested fields. */
const norm = (v: unknown): unknown => {
  if (typeof v === 'number') return Math.round(v * 100) / 100;
  if (Array.isArray(v))
    return v
      .map(norm)
      .map((x) => JSON.stringify(x))
      .sort();
  return v;
};
const same = (a: unknown, b: unknown) => JSON.stringify(norm(a)) === JSON.stringify(norm(b));
const get = (o: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o);
const isUnset = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

export async function runConversation(t: TestApp, c: UtteranceConversation): Promise<TurnResult[]> {
  let id: string | undefined;
  const out: TurnResult[] = [];
  for (const [i, turn] of c.turns.entries()) {
    const r = await t.post('/api/chat', { message: turn.say, ...(id ? { conversationId: id } : {}) });
    const misses: string[] = [];
    if (r.status !== 200) misses.push(`status ${r.status}: ${JSON.stringify(r.body)}`);
    else {
      id = r.body.conversationId;
      const lead = (r.body.understood ?? {}) as Record<string, unknown>;
      if (turn.intent && r.body.intent !== turn.intent) misses.push(`intent ${r.body.intent} ≠ ${turn.intent}`);
      for (const [k, v] of Object.entries(turn.expect ?? {}))
        if (!same(get(lead, k), v)) misses.push(`${k}=${JSON.stringify(get(lead, k))} ≠ ${JSON.stringify(v)}`);
      for (const k of turn.absent ?? [])
        if (!isUnset(get(lead, k))) misses.push(`${k} should be absent, got ${JSON.stringify(get(lead, k))}`);
      if (turn.industry) {
        const names = ((r.body.understanding?.industries ?? []) as { name: string }[]).map((x) => x.name);
        if (!names.includes(turn.industry)) misses.push(`industry ${turn.industry} not in [${names.join(',')}]`);
      }
    }
    out.push({ id: c.id, turn: i + 1, say: turn.say, pass: misses.length === 0, misses });
  }
  return out;
}
