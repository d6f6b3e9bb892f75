/**
 * The chat: one message in, the conversation's lead updated, an answer out. Understanding is pure
 * (server/nlu), scoring is pure (server/domain), replies are templates (reply.ts, library.ts); this
 * module only orchestrates and persists each exchange in one transaction.
 *
 * The lead is what the chips show (issue 16): it is scored as it stands (`chips` understanding), never
 * re-read from earlier text, so a removed value stays removed; edits are recorded in Chinese.
 */
import type { Db } from '../db/client.js';
import { getConversation, saveExchange } from '../db/conversations.repo.js';
import type { KnowledgeBase } from '../search/knowledge-base.js';
import { normalizeText } from '../text/normalize.js';
import { negatedSpans, isNegated } from '../text/negation.js';
import { LeadSchema, type Lead } from '../domain/lead.schema.js';
import { bestInPreferred, excludedParks, rankFeatures, rankWithContext, type MatchOutcome, type ParkResult } from '../domain/match.js';
import { pollutionFromText, understandLead } from '../domain/lead.features.js';
import type { CompiledPark } from '../domain/knowledge.js';
import { applyTurn, readTurn, type Turn } from '../nlu/turn.js';
import type { Intent } from '../nlu/intent.js';
import { AppError, type Issue } from '../domain/errors.js';
import { verdictOf } from '../domain/verdict.js';
import { INDUSTRY_STRENGTH } from '../domain/scoring.constants.js';
import { answerLibrary, type LibraryPark } from './library.js';
import {
  describeEdit,
  replyForGreeting,
  replyForMatch,
  replyForPark,
  replyForReset,
  replyForUnchanged,
  replyForUnclear,
  replyForWhy,
  replyNeedProject,
} from './reply.js';

export interface ChatInput {
  message: string;
  conversationId?: string;
  /** Direct edits of the understood lead (the UI's chips): a value sets a field, null removes it. */
  edit?: Partial<Record<keyof Lead, unknown>>;
}

/** The best option in the lead's preferred districts (shown even when it is not among the top). */
export interface Preferred {
  districts: string[];
  result: ParkResult | null;
}

export interface ChatOutput {
  conversationId: string;
  intent: Intent | 'edit';
  understood: Lead | null;
  reply: string;
  outcome: MatchOutcome | null;
  /** The honest answer (API.md v2); for a turn without a project, unknownIndustry. */
  judged: Judged;
  preferred: Preferred | null;
  /** For a library question: the parks the answer names (no scores: no need was invented). */
  library: LibraryPark[] | null;
}

type Judged = ReturnType<typeof verdictOf>;
const NO_PROJECT: Judged = {
  verdict: { kind: 'unknownIndustry', parkId: null, text: '还没有项目信息，无法判断该落在哪个园区。请先说明项目做什么产品或服务。' },
  nearMisses: [],
};

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

/** Whether text names (un-negated) a process a rule is about. */
function namesProcess(kb: KnowledgeBase, text: string): boolean {
  const t = normalizeText(text);
  const spans = negatedSpans(t);
  return kb.k.processDict.match(t).some((m) => !isNegated(spans, m.start, m.end) && m.values.some((h) => h.t === 'rule'));
}

const options = (kb: KnowledgeBase, usdCnyRate: number, limit: number) => ({
  limit,
  usdCnyRate,
  guessIndustries: kb.guessIndustries,
  chips: true,
});

/** The chat's answer to a lead as the chips hold it: its ranking, a few excluded parks explained, the verdict and the preferred district's best. */
export function answerLead(
  kb: KnowledgeBase,
  lead: Lead,
  usdCnyRate: number,
  limit = 5,
): { outcome: MatchOutcome; excluded: ParkResult[]; judged: Judged; preferred: Preferred | null } {
  const opts = options(kb, usdCnyRate, limit);
  const f = understandLead(lead, kb.k, opts);
  const { outcome, c } = rankWithContext(f, kb.k, opts);
  const excluded = excludedParks(c, Math.min(outcome.excludedCount, 12));
  const judged = verdictOf(outcome, kb.k, excluded);
  // a guess is not a recommendation: no preferred park either
  const preferred = judged.verdict.kind === 'unknownIndustry' ? null : bestInPreferred(f, kb.k, opts);
  return { outcome, excluded, judged, preferred };
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

/** The industries the lead is read for now (named, not guessed): what the industry chips show. */
function industriesOf(kb: KnowledgeBase, lead: Lead, usdCnyRate: number): string[] {
  const f = understandLead(lead, kb.k, options(kb, usdCnyRate, 1));
  return [...new Set(f.industries.filter((i) => i.strength > INDUSTRY_STRENGTH.guess).map((i) => i.name))];
}

function applyEdit(lead: Lead, edit: ChatInput['edit']): Lead {
  const next: Record<string, unknown> = { ...lead };
  for (const [k, v] of Object.entries(edit ?? {})) {
    if (v === null) {
      // removing every industry chip: the lead has no industry (not the summary's words again)
      if (k === 'industries') next[k] = [];
      else delete next[k];
      if (k === 'floorAreaM2') delete next.needs;
    } else next[k] = v;
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
  /** A turn that does not (re)match the project: saved with the lead it leaves, judged on the answer shown. */
  const answer = (
    understood: Lead | null,
    text: string,
    shown: ReturnType<typeof answerLead> | null,
    library: LibraryPark[] | null = null,
  ): ChatOutput => ({
    conversationId: saveExchange(db, conv?.id ?? null, understood, message, text),
    intent,
    understood,
    reply: text,
    outcome: shown?.outcome ?? null,
    judged: shown?.judged ?? NO_PROJECT,
    preferred: shown?.preferred ?? null,
    library,
  });
  const current = () => (prev ? answerLead(kb, scope(prev), usdCnyRate) : null);

  let turn: Turn | null = null;
  if (input.edit) {
    intent = 'edit';
    if (!prev) throw new InvalidEdit([{ path: 'edit', message: '会话中还没有项目，无法修改 / nothing to edit yet' }]);
    lead = applyEdit(prev, input.edit);
  } else {
    turn = readTurn(message, {
      hasConversation: !!prev,
      places: kb.places,
      describesProject: (t) => describesProject(kb, t),
      namesProcess: (t) => namesProcess(kb, t),
      pollutionOf: (t) => pollutionFromText(t, kb.k),
      usdCnyRate,
    });
    intent = turn.intent;
    if (intent === 'reset') return answer(null, replyForReset(), null);
    // a greeting is answered with a greeting and an example, never with parks
    if (intent === 'greeting') return answer(prev, replyForGreeting(!!prev), null);
    if (intent === 'unclear') return answer(prev, replyForUnclear(), null);
    if (intent === 'library') {
      const allowed = scope({ summary: '园区库' }).districts ?? null;
      const lib = answerLibrary(kb.k, turn.ask ?? 'industryParks', message, turn.places, allowed);
      return answer(prev, lib.reply, null, lib.parks);
    }
    if (intent === 'parkQuestion') {
      const { parks } = targetsOf(kb, turn);
      return answer(prev, parks.map((cp) => replyForPark(cp, kb.k, message)).join('\n\n'), current());
    }
    if (intent === 'whyExcluded') {
      if (!prev) return answer(prev, replyNeedProject(), null);
      const { parks, label } = targetsOf(kb, turn);
      const opts = { ...options(kb, usdCnyRate, kb.k.parks.length), includeExcluded: true };
      const all = rankFeatures(understandLead(scope(prev), kb.k, opts), kb.k, opts).results;
      return answer(prev, replyForWhy(parks, label, all, prev), current());
    }
    lead = applyTurn(intent === 'refine' ? prev : null, turn);
    // industries the user set on the chips stay; what this message names is added (a restated project reads afresh)
    if (intent === 'refine' && prev?.industries !== undefined && turn.describes) {
      if (turn.summary === 'replace') delete lead.industries;
      else lead.industries = [...new Set([...prev.industries, ...industriesOf(kb, { summary: turn.text }, usdCnyRate)])].slice(0, 20);
    }
  }
  const checked = LeadSchema.safeParse(lead);
  if (!checked.success) return answer(prev, replyNeedProject(), null);
  lead = checked.data;
  // a refinement that changes nothing was not understood: say so, never "已按您的补充重新匹配"
  if (intent === 'refine' && prev && turn && !turn.describes && sameLead(prev, lead)) return answer(prev, replyForUnchanged(), current());
  const ranked = answerLead(kb, scope(lead), usdCnyRate);
  const reply = replyForMatch(lead, ranked.outcome, ranked.excluded, {
    refined: intent === 'edit' ? 'edit' : intent === 'refine',
    verdict: ranked.judged.verdict,
    preferred: ranked.preferred,
    k: kb.k,
  });
  const said = message || describeEdit(input.edit ?? {}, prev ?? {});
  const conversationId = saveExchange(db, conv?.id ?? null, lead, said, reply);
  return {
    conversationId,
    intent,
    understood: lead,
    reply,
    outcome: ranked.outcome,
    judged: ranked.judged,
    preferred: ranked.preferred,
    library: null,
  };
}

/** The same lead, whatever the summary says (a summary appended with nothing read changes nothing scored). */
function sameLead(a: Lead, b: Lead): boolean {
  const { summary: _a, ...x } = a;
  const { summary: _b, ...y } = b;
  return canonical(x) === canonical(y);
}

/** JSON with object keys sorted at every depth. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}
