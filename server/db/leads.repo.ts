/**
 * Leads of the pipeline and their change history. Every write is one IMMEDIATE transaction that also
 * appends the change (field → {from, to}) to lead_history: nothing is overwritten without a trace.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { writeTx, type Db } from './client.js';
import * as t from './schema.js';
import type { Lead } from '../domain/lead.schema.js';
import { OPEN_STAGES, type Stage } from '../domain/pipeline.schema.js';
import { asStage } from './enums.js';
import { appendAudit } from './audit.js';

export interface StoredLead {
  id: string;
  lead: Lead;
  stage: Stage;
  sourceTown: string | null;
  owner: string | null;
  reviewLevel: string | null;
  parkId: string | null;
  spaceId: string | null;
  /** The jurisdiction whose pipeline holds it (null: unknown). */
  jurisdictionId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: string | null;
  change: Record<string, { from: unknown; to: unknown }>;
}

type LeadRow = typeof t.leads.$inferSelect;

export const toStoredLead = (r: LeadRow): StoredLead => ({
  id: r.id,
  lead: r.lead as Lead,
  stage: asStage(r.stage),
  sourceTown: r.sourceTown,
  owner: r.owner,
  reviewLevel: r.reviewLevel,
  parkId: r.parkId,
  spaceId: r.spaceId,
  jurisdictionId: r.jurisdictionId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const newLeadId = () => `ld-${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const now = () => new Date().toISOString();

export interface NewLead {
  lead: Lead;
  stage: Stage;
  owner: string | null;
  reviewLevel: string | null;
  actor: string | null;
  jurisdictionId?: string | null;
}

export function createLead(db: Db, n: NewLead): StoredLead {
  return writeTx(db, (tx) => {
    const at = now();
    const row: LeadRow = {
      id: newLeadId(),
      name: n.lead.name ?? null,
      company: n.lead.company ?? null,
      lead: n.lead as Record<string, unknown>,
      stage: n.stage,
      sourceTown: n.lead.sourceTown ?? null,
      owner: n.owner,
      reviewLevel: n.reviewLevel,
      parkId: null,
      spaceId: null,
      jurisdictionId: n.jurisdictionId ?? null,
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(t.leads).values(row).run();
    const change: HistoryEntry['change'] = { stage: { from: null, to: n.stage } };
    for (const [key, v] of Object.entries(n.lead)) change[key] = { from: null, to: v };
    if (n.owner) change.owner = { from: null, to: n.owner };
    if (n.reviewLevel) change.reviewLevel = { from: null, to: n.reviewLevel };
    tx.insert(t.leadHistory)
      .values({ leadId: row.id, at, actor: n.actor ?? n.owner, change })
      .run();
    appendAudit(tx, { at, actor: n.actor ?? 'system', action: 'lead.create', object: row.id, detail: change });
    return toStoredLead(row);
  });
}

export function getLead(db: Db, id: string): StoredLead | null {
  const r = db.select().from(t.leads).where(eq(t.leads.id, id)).get();
  return r ? toStoredLead(r) : null;
}

/** The stored leads for ids (missing ones are absent from the map). */
export function getLeads(db: Db, ids: readonly string[]): Map<string, StoredLead> {
  const out = new Map<string, StoredLead>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of db
      .select()
      .from(t.leads)
      .where(inArray(t.leads.id, ids.slice(i, i + 500) as string[]))
      .all())
      out.set(r.id, toStoredLead(r));
  }
  return out;
}

/** Every open lead (before 在建, not 流失), in reporting order; with `jurisdictionId`, that jurisdiction's only. */
export function listOpenLeads(db: Db, jurisdictionId?: string): StoredLead[] {
  const open = inArray(t.leads.stage, OPEN_STAGES as Stage[]);
  return db
    .select()
    .from(t.leads)
    .where(jurisdictionId === undefined ? open : and(open, eq(t.leads.jurisdictionId, jurisdictionId)))
    .orderBy(t.leads.createdAt, t.leads.id)
    .all()
    .map(toStoredLead);
}

/** How many open leads there are (every jurisdiction). */
export function countOpenLeads(db: Db): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(t.leads)
      .where(inArray(t.leads.stage, OPEN_STAGES as Stage[]))
      .get()?.n ?? 0
  );
}

export interface LeadFilter {
  stage?: Stage;
  open?: boolean;
  /** Part of the reporting town's name. */
  town?: string;
  parkId?: string;
  /** Text in the name, company or summary. */
  q?: string;
  /** When set, `q` searches company and summary only in this town's leads (other towns' by name only: town staff must not find them by what they cannot see). */
  qFullTextTown?: string;
  /** Only this jurisdiction's leads. */
  jurisdictionId?: string;
  limit: number;
  offset: number;
}

export function listLeads(db: Db, f: LeadFilter): { items: StoredLead[]; total: number } {
  const where: SQL[] = [];
  if (f.stage) where.push(eq(t.leads.stage, f.stage));
  if (f.open) where.push(inArray(t.leads.stage, OPEN_STAGES as Stage[]));
  // the town filter matches part of the name (东栅 finds 东栅街道); instr: % and _ stay plain characters
  if (f.town) where.push(sql`instr(coalesce(${t.leads.sourceTown}, ''), ${f.town}) > 0`);
  if (f.parkId) where.push(eq(t.leads.parkId, f.parkId));
  if (f.jurisdictionId !== undefined) where.push(eq(t.leads.jurisdictionId, f.jurisdictionId));
  // instr, not LIKE: the user's % and _ are plain characters
  if (f.q) {
    const full = sql`instr(coalesce(${t.leads.name}, '') || ' ' || coalesce(${t.leads.company}, '') || ' ' || coalesce(json_extract(${t.leads.lead}, '$.summary'), ''), ${f.q}) > 0`;
    where.push(
      f.qFullTextTown === undefined
        ? full
        : sql`((${t.leads.sourceTown} = ${f.qFullTextTown} AND ${full}) OR instr(coalesce(${t.leads.name}, ''), ${f.q}) > 0)`,
    );
  }
  const cond = where.length ? and(...where) : undefined;
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(t.leads)
      .where(cond)
      .get()?.n ?? 0;
  const items = db
    .select()
    .from(t.leads)
    .where(cond)
    .orderBy(desc(t.leads.createdAt), desc(t.leads.id))
    .limit(f.limit)
    .offset(f.offset)
    .all()
    .map(toStoredLead);
  return { items, total };
}

export function listHistory(db: Db, leadId: string): HistoryEntry[] {
  return db
    .select()
    .from(t.leadHistory)
    .where(eq(t.leadHistory.leadId, leadId))
    .orderBy(t.leadHistory.id)
    .all()
    .map((r) => ({ id: r.id, at: r.at, actor: r.actor, change: r.change }));
}

export interface LeadChanges {
  lead?: Lead;
  stage?: Stage;
  owner?: string | null;
  reviewLevel?: string | null;
  /** Why (a stage moved back): recorded with the change as `reason`. */
  note?: string;
}

/**
 * Applies a change computed from the stored lead inside the transaction (so two concurrent edits never
 * lose one another), records every field that changed, and lets `after` write related rows in the same
 * transaction (e.g. releasing a unit when a lead is lost). Returns null for an unknown id.
 */
export function updateLead(
  db: Db,
  id: string,
  actor: string | null,
  compute: (current: StoredLead) => LeadChanges,
  after?: (tx: Db, before: StoredLead, after: StoredLead) => void,
): { lead: StoredLead; change: HistoryEntry['change'] } | null {
  return writeTx(db, (tx) => {
    const row = tx.select().from(t.leads).where(eq(t.leads.id, id)).get();
    if (!row) return null;
    const before = toStoredLead(row);
    const next = compute(before);
    const change: HistoryEntry['change'] = {};
    if (next.lead) {
      const keys = new Set([...Object.keys(before.lead), ...Object.keys(next.lead)]);
      for (const key of [...keys].sort()) {
        const a = (before.lead as Record<string, unknown>)[key];
        const b = (next.lead as Record<string, unknown>)[key];
        if (JSON.stringify(a) !== JSON.stringify(b)) change[key] = { from: a ?? null, to: b ?? null };
      }
    }
    if (next.stage !== undefined && next.stage !== before.stage) change.stage = { from: before.stage, to: next.stage };
    if (next.owner !== undefined && next.owner !== before.owner) change.owner = { from: before.owner, to: next.owner };
    if (next.reviewLevel !== undefined && next.reviewLevel !== before.reviewLevel)
      change.reviewLevel = { from: before.reviewLevel, to: next.reviewLevel };
    if (Object.keys(change).length === 0) return { lead: before, change };
    if (next.note) change.reason = { from: null, to: next.note };
    const lead = next.lead ?? before.lead;
    const updated: StoredLead = {
      ...before,
      lead,
      stage: next.stage ?? before.stage,
      sourceTown: lead.sourceTown ?? null,
      owner: next.owner !== undefined ? next.owner : before.owner,
      reviewLevel: next.reviewLevel !== undefined ? next.reviewLevel : before.reviewLevel,
      updatedAt: now(),
    };
    tx.update(t.leads)
      .set({
        lead: updated.lead as Record<string, unknown>,
        name: updated.lead.name ?? null,
        company: updated.lead.company ?? null,
        stage: updated.stage,
        sourceTown: updated.sourceTown,
        owner: updated.owner,
        reviewLevel: updated.reviewLevel,
        updatedAt: updated.updatedAt,
      })
      .where(eq(t.leads.id, id))
      .run();
    tx.insert(t.leadHistory).values({ leadId: id, at: updated.updatedAt, actor, change }).run();
    appendAudit(tx, { at: updated.updatedAt, actor: actor ?? 'system', action: 'lead.update', object: id, detail: change });
    after?.(tx, before, updated);
    const final = tx.select().from(t.leads).where(eq(t.leads.id, id)).get();
    return { lead: final ? toStoredLead(final) : updated, change };
  });
}

/** Records a placement change (park, unit) in the lead and its history; used by the ledger in its transaction. */
export function setPlacementTx(
  tx: Db,
  lead: StoredLead,
  parkId: string | null,
  spaceId: string | null,
  actor: string | null,
  at: string,
): void {
  if (lead.parkId === parkId && lead.spaceId === spaceId) return;
  tx.update(t.leads).set({ parkId, spaceId, updatedAt: at }).where(eq(t.leads.id, lead.id)).run();
  const change: HistoryEntry['change'] = {};
  if (lead.parkId !== parkId) change.parkId = { from: lead.parkId, to: parkId };
  if (lead.spaceId !== spaceId) change.spaceId = { from: lead.spaceId, to: spaceId };
  tx.insert(t.leadHistory).values({ leadId: lead.id, at, actor, change }).run();
}
