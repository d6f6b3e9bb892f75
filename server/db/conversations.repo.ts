/** Chat conversations: the lead understood so far and every message, persisted together. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Db } from './client.js';
import { writeTx } from './client.js';
import * as t from './schema.js';
import type { Lead } from '../domain/lead.schema.js';

export interface Conversation {
  id: string;
  lead: Lead | null;
  messages: { role: 'user' | 'assistant'; text: string; at: string }[];
}

export function getConversation(db: Db, id: string): Conversation | null {
  const row = db.select().from(t.conversations).where(eq(t.conversations.id, id)).get();
  if (!row) return null;
  const messages = db.select().from(t.messages).where(eq(t.messages.conversationId, id)).orderBy(asc(t.messages.id)).all();
  const lead = row.lead as Lead;
  return {
    id,
    lead: Object.keys(lead).length ? lead : null,
    messages: messages.map((m) => ({ role: m.role as 'user' | 'assistant', text: m.text, at: m.at })),
  };
}

/** Records one exchange (creating the conversation when id is null) in one transaction; returns the id. */
export function saveExchange(db: Db, id: string | null, lead: Lead | null, user: string, assistant: string): string {
  return writeTx(db, (tx) => {
    const now = new Date().toISOString();
    const convId = id ?? randomUUID();
    if (id)
      tx.update(t.conversations)
        .set({ lead: lead ?? {}, updatedAt: now })
        .where(eq(t.conversations.id, id))
        .run();
    else
      tx.insert(t.conversations)
        .values({ id: convId, lead: lead ?? {}, createdAt: now, updatedAt: now })
        .run();
    tx.insert(t.messages)
      .values([
        { conversationId: convId, role: 'user', text: user, at: now },
        { conversationId: convId, role: 'assistant', text: assistant, at: now },
      ])
      .run();
    return convId;
  });
}

/** Who started the conversation: undefined for an unknown id, null for one from before accounts. */
export function conversationOwner(db: Db, id: string): string | null | undefined {
  const row = db.select({ createdBy: t.conversations.createdBy }).from(t.conversations).where(eq(t.conversations.id, id)).get();
  return row ? row.createdBy : undefined;
}

/** Marks a new conversation as the user's (only while it has no owner). */
export function claimConversation(db: Db, id: string, username: string): void {
  db.update(t.conversations)
    .set({ createdBy: username })
    .where(and(eq(t.conversations.id, id), isNull(t.conversations.createdBy)))
    .run();
}
