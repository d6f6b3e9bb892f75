/**
 * Chat conversations as a use case: a conversation is its starter's (and the admins'); another user's
 * id answers as unknown (conversation_not_found), so conversations cannot be read or continued by
 * guessing ids. Every message is recorded in the audit.
 */
import { answerLead, chat, type ChatInput, type ChatOutput } from '../chat/chat.service.js';
import { appendAudit } from '../db/audit.js';
import { claimConversation, conversationOwner, getConversation, type Conversation } from '../db/conversations.repo.js';
import { AppError } from '../domain/errors.js';
import { permits, type Caller } from './authorise.js';
import type { PipelineDeps } from './context.js';
import { parkInScope, scopeOf, scopedDistricts } from './jurisdictions.js';

/** Throws conversation_not_found unless the conversation exists and the caller may see it. */
function checkConversation(deps: Pick<PipelineDeps, 'db'>, caller: Caller, id: string): void {
  const owner = conversationOwner(deps.db, id);
  if (owner === undefined || !permits(caller, 'chat.read', { owner: { username: owner, town: null } }))
    throw new AppError('conversation_not_found', { conversationId: id });
}

/** One chat turn in the caller's conversation (a new one without an id). */
export function converse(deps: PipelineDeps, caller: Caller, input: ChatInput): ChatOutput {
  if (input.conversationId) checkConversation(deps, caller, input.conversationId);
  // the parks matched, named and shown stay within the user's jurisdiction
  const scope = scopeOf(deps, caller);
  const found = chat(
    deps.db,
    deps.kb(),
    input,
    deps.env.USD_CNY_RATE,
    scope ? (l) => ({ ...l, districts: scopedDistricts(scope, l.districts) }) : undefined,
  );
  const out =
    scope && found.outcome
      ? {
          ...found,
          outcome: { ...found.outcome, results: found.outcome.results.filter((r) => parkInScope(scope, r.park.district)) },
          preferred: found.preferred?.result && !parkInScope(scope, found.preferred.result.park.district) ? null : found.preferred,
        }
      : found;
  if (!input.conversationId) claimConversation(deps.db, out.conversationId, caller.actor.name);
  appendAudit(deps.db, {
    actor: caller.actor.name,
    action: 'chat.message',
    object: out.conversationId,
    detail: { new: !input.conversationId, intent: out.intent, ...(input.edit ? { edit: Object.keys(input.edit) } : {}) },
  });
  return out;
}

/** The caller's conversation with the answer its lead gets now (scored as the chips hold it, in the caller's jurisdiction). */
export function readConversationAnswer(
  deps: PipelineDeps,
  caller: Caller,
  id: string,
): { conv: Conversation; answer: ReturnType<typeof answerLead> | null } {
  const conv = readConversation(deps, caller, id);
  if (!conv.lead) return { conv, answer: null };
  const scope = scopeOf(deps, caller);
  const lead = scope ? { ...conv.lead, districts: scopedDistricts(scope, conv.lead.districts) } : conv.lead;
  return { conv, answer: answerLead(deps.kb(), lead, deps.env.USD_CNY_RATE) };
}

/** The caller's conversation with every message. */
export function readConversation(deps: Pick<PipelineDeps, 'db'>, caller: Caller, id: string): Conversation {
  checkConversation(deps, caller, id);
  const conv = getConversation(deps.db, id);
  if (!conv) throw new AppError('conversation_not_found', { conversationId: id });
  return conv;
}
