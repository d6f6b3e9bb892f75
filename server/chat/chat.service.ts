/**
 * The chat: one message in, the conversation's lead updated, an answer out. Understanding is pure
 * (server/nlu), scoring is pure (server/domain), replies are templates (reply.ts); this module only
 * orchestrates and persists each exchange in one transaction.
 */
import type { Db } from '../db/client.js';
import { getConversation, saveExchange } from '../db/conversations.repo.js';
import type { KnowledgeBase } from '../search/knowledge-base.js';
import { normalizeText } from '../text/normalize.js';
import { negatedSpans, isNegated } from '../text/negation.js';
import { LeadSchema, type Lead } from '../domain/lead.schema.js';
import { excludedParks, matchLead, rankWithContext, type MatchOutcome, type ParkResult } from '../domain/match.js';
import { pollutionFromText, understandLead } from '../domain/lead.features.js';
import type { CompiledPark } from '../domain/knowledge.js';
import { applyTurn, readTurn, type Turn } from '../nlu/turn.js';
import type { Intent } from '../nlu/intent.js';
import { AppError, type Issue } from '../domain/errors.js';
import { verdictOf } from '../domain/verdict.js';
import { replyForMatch, replyForPark, replyForReset, replyForWhy, replyNeedProject } from './reply.js';

export interface ChatInput {
  message: string;
  conversationId?: string;
  /** Direct edits of the understood lead (the UI's chips): a value sets a field, null removes it. */
  edit?: Partial<Record<keyof Lead, unknown>>;
}

export interface ChatOutput {
  conversationId: string;
  intent: Intent | 'edit';
  understood: Lead | null;
  reply: string;
  outcome: MatchOutcome | null;
  /** The honest answer (API.md v2); for a turn without a project, unknownIndustry. */
  judged: Judged;
}

type Judged = ReturnType<typeof verdictOf>;
const NO_PROJECT: Judged = {
  verdict: { kind: 'unknownIndustry', parkId: null, text: '还没有项目信息，无法判断该落在哪个园区。请先说明项目做什么产品或服务。' },
  nearMisses: [],
};
const judge = (kb: KnowledgeBase, o: MatchOutcome | null): Judged => (o ? verdictOf(o, kb.k) : NO_PROJECT);

export class UnknownConversation extends AppError {
  constructor(readonly conversationId: string) {
    super('conversation_not_found', { conversationId }, `conversation ${conversationId} not found`);
  }
}
/** An edit of the understood lead that does not make a valid lead: every field named. */
export class InvalidEdit extends AppError {
  constructor(issues: readonly Issue[]) {
    super('invalid_request', {}, 'invalid edit', issues);
  }
}

/** Whether text names an industry, product, chain link or rule-relevant process (un-negated). */
function describesProject(kb: KnowledgeBase, text: string): boolean {
  const t = normalizeText(text);
  const spans = negatedSpans(t);
  if (kb.k.dict.match(t).some((m) => !isNegated(spans, m.start, m.end))) return true;
  return kb.k.processDict.match(t).some((m) => m.values.some((h) => h.t === 'rule'));
}

function match(kb: KnowledgeBase, lead: Lead, usdCnyRate: number, all = false): MatchOutcome {
  return matchLead(lead, kb.k, {
    limit: all ? kb.k.parks.length : 5,
    includeExcluded: all,
    usdCnyRate,
    guessIndustries: kb.guessIndustries,
  });
}

/**
 * The answer's ranking and a few excluded parks explained (the 已排除 line), from one understanding
 * of the lead and one ranking: the excluded ones come from the per-rule park sets (as bulk scoring's
 * summary does), not from a second match explaining every park.
 */
function matchWithExcluded(kb: KnowledgeBase, lead: Lead, usdCnyRate: number): { outcome: MatchOutcome; excluded: ParkResult[] } {
  const opts = { limit: 5, usdCnyRate, guessIndustries: kb.guessIndustries };
  const { outcome, c } = rankWithContext(understandLead(lead, kb.k, opts), kb.k, opts);
  return { outcome, excluded: excludedParks(c, Math.min(outcome.excludedCount, 12)) };
}

function targetsOf(kb: KnowledgeBase, turn: Turn): { parks: CompiledPark[]; label: string } {
  const parkIds = turn.places.mentions.flatMap((m) => (m.hit.t === 'park' ? [m.hit.parkId] : []));
  if (parkIds.length)
    return {
      parks: parkIds.map((id) => kb.k.parkById.get(id)!).filter(Boolean),
      label: turn.places.mentions.find((m) => m.hit.t === 'park')!.word,
    };
  const districts = turn.places.mentions.map((m) => m.hit.district);
  return { parks: kb.k.parks.filter((p) => districts.includes(p.park.district)), label: districts[0] ?? '' };
}

function applyEdit(lead: Lead, edit: ChatInput['edit']): Lead {
  const next: Record<string, unknown> = { ...lead };
  for (const [k, v] of Object.entries(edit ?? {})) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  const r = LeadSchema.safeParse(next);
  if (!r.success) throw new InvalidEdit(r.error.issues.map((i) => ({ path: `edit.${i.path.join('.')}`, message: i.message })));
  return r.data;
}

/**
 * One chat turn. `scope` narrows a lead to the parks the user may see (its jurisdiction's districts) before it
 * is matched, so that the answer, its verdict and the parks it names stay within them; the lead shown
 * (`understood`) stays as the user said it.
 */
export function chat(db: Db, kb: KnowledgeBase, input: ChatInput, usdCnyRate: number, scope: (lead: Lead) => Lead = (l) => l): ChatOutput {
  const conv = input.conversationId ? getConversation(db, input.conversationId) : null;
  if (input.conversationId && !conv) throw new UnknownConversation(input.conversationId);
  const prev = conv?.lead ?? null;
  const message = input.message.trim();

  let lead: Lead | null = prev;
  let intent: ChatOutput['intent'];
  let reply: string;
  let outcome: MatchOutcome | null = null;
  /** A turn that does not (re)match the project: saved with the lead it leaves, judged on the outcome shown. */
  const answer = (understood: Lead | null, text: string, shown: MatchOutcome | null): ChatOutput => ({
    conversationId: saveExchange(db, conv?.id ?? null, understood, message, text),
    intent,
    understood,
    reply: text,
    outcome: shown,
    judged: judge(kb, shown),
  });

  if (input.edit) {
    intent = 'edit';
    if (!prev) throw new InvalidEdit([{ path: 'edit', message: '会话中还没有项目，无法修改 / nothing to edit yet' }]);
    lead = applyEdit(prev, input.edit);
  } else {
    const turn = readTurn(message, {
      hasConversation: !!prev,
      places: kb.places,
      describesProject: (t) => describesProject(kb, t),
      pollutionOf: (t) => pollutionFromText(t, kb.k),
      usdCnyRate,
    });
    intent = turn.intent;
    if (intent === 'reset') {
      lead = null;
      reply = replyForReset();
      return answer(null, reply, null);
    }
    if (intent === 'parkQuestion') {
      const { parks } = targetsOf(kb, turn);
      reply = parks.map((cp) => replyForPark(cp, kb.k, message)).join('\n\n');
      outcome = prev ? match(kb, scope(prev), usdCnyRate) : null;
      return answer(prev, reply, outcome);
    }
    if (intent === 'whyExcluded') {
      if (!prev) reply = replyNeedProject();
      else {
        const { parks, label } = targetsOf(kb, turn);
        const all = match(kb, scope(prev), usdCnyRate, true);
        reply = replyForWhy(parks, label, all.results, prev);
        outcome = match(kb, scope(prev), usdCnyRate);
      }
      return answer(prev, reply, outcome);
    }
    lead = applyTurn(intent === 'refine' ? prev : null, turn);
  }
  const checked = LeadSchema.safeParse(lead);
  if (!checked.success) {
    reply = replyNeedProject();
    return answer(prev, reply, null);
  }
  lead = checked.data;
  const ranked = matchWithExcluded(kb, scope(lead), usdCnyRate);
  outcome = ranked.outcome;
  const judged = verdictOf(outcome, kb.k, ranked.excluded);
  reply = replyForMatch(lead, outcome, ranked.excluded, {
    refined: intent === 'refine' || intent === 'edit',
    verdict: judged.verdict,
  });
  const conversationId = saveExchange(
    db,
    conv?.id ?? null,
    lead,
    message || `（修改：${Object.keys(input.edit ?? {}).join('、')}）`,
    reply,
  );
  return { conversationId, intent, understood: lead, reply, outcome, judged };
}
