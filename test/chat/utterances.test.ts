/**
 * The chat utterance table (test/chat/utterances.json, ≥ 100 turns incl. multi-turn refinements and
 * the public chat cases): every turn through POST /api/chat. Accuracy is printed; the bar is 90 %.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createTestApp } from '../helpers/app.js';
import { runConversation, type TurnResult, type UtteranceConversation } from './utterance-lib.js';

const FILE = new URL('./utterances.json', import.meta.url);
const table = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as { conversations: UtteranceConversation[] }) : { conversations: [] };

describe('chat utterance table', () => {
  it('has at least 100 turns, multi-turn conversations among them', () => {
    const turns = table.conversations.reduce((s, c) => s + c.turns.length, 0);
    expect(turns).toBeGreaterThanOrEqual(100);
    expect(table.conversations.filter((c) => c.turns.length > 1).length).toBeGreaterThanOrEqual(10);
  });

  it('understands at least 90 % of the turns (misses listed)', async () => {
    const t = createTestApp();
    const results: TurnResult[] = [];
    for (const c of table.conversations) results.push(...(await runConversation(t, c)));
    const passed = results.filter((r) => r.pass).length;
    const misses = results.filter((r) => !r.pass).map((r) => `${r.id}#${r.turn} 「${r.say}」 ${r.misses.join('; ')}`);
    console.log(`utterance table: ${passed}/${results.length} turns (${((100 * passed) / results.length).toFixed(1)} %)`);
    expect(passed / results.length, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
