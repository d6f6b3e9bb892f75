/**
 * The 流转 ledger and unit reservations. A commit reserves every unit and appends one ledger row per
 * lead in ONE `BEGIN IMMEDIATE` transaction, checking each unit's status inside it: two commits racing
 * for the same unit are serialised by SQLite's write lock, and the second sees the unit taken and
 * fails as a whole with SpaceConflictError (nothing of it is written). Decisions append rows; they
 * never update or delete one.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { writeTx, type Db } from './client.js';
import * as t from './schema.js';
import { setPlacementTx, toStoredLead, type StoredLead } from './leads.repo.js';
import { toSpaceSeed } from './parks.repo.js';
import { asRoutingStatus } from './enums.js';
import type { SpaceSeed } from '../domain/space.schema.js';
import type { RoutingStatus } from '../domain/pipeline.schema.js';
import { decide, type Decision } from '../domain/routing/ledger.js';
import { AppError, paramsOf } from '../domain/errors.js';

type RoutingRecord = typeof t.routings.$inferSelect;
/** A ledger row, its status narrowed to the contract's enum. */
export interface RoutingRow extends Omit<RoutingRecord, 'status'> {
  status: RoutingStatus;
}
const toRoutingRow = (r: RoutingRecord): RoutingRow => ({ ...r, status: asRoutingStatus(r.status) });

/** A unit someone else holds (or that is gone): the commit is refused as a whole. `path` names the request field that asked for it. */
export class SpaceConflictError extends AppError {
  constructor(
    readonly spaceId: string,
    readonly leadId: string,
    readonly heldBy: string | null,
    readonly status: string | null,
    path?: string,
  ) {
    super(
      'space_conflict',
      paramsOf({ spaceId, leadId, heldBy, status, path }),
      `space ${spaceId} is not vacant (${status ?? 'missing'}${heldBy ? `, held by ${heldBy}` : ''})`,
    );
  }

  /** The same conflict, naming the request field that asked for the unit. */
  at(path: string): SpaceConflictError {
    return new SpaceConflictError(this.spaceId, this.leadId, this.heldBy, this.status, path);
  }
}

/** A decision the lead's ledger state does not allow (e.g. accepting what nobody proposed). */
export class RoutingStateError extends AppError {
  constructor(
    readonly leadId: string,
    readonly current: RoutingStatus | null,
    readonly decision: Decision,
  ) {
    super('routing_state', paramsOf({ leadId, current, decision }), `cannot ${decision} lead ${leadId} in state ${current ?? 'none'}`);
  }
}

export class LeadMissingError extends AppError {
  constructor(readonly leadId: string) {
    super('lead_not_found', { leadId }, `lead ${leadId} not found`);
  }
}

const newId = (prefix: string) => `${prefix}-${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const now = () => new Date().toISOString();

/** Units by id, with who holds them. */
export function spacesByIds(db: Db, ids: readonly string[]): Map<string, SpaceSeed & { reservedBy: string | null }> {
  const out = new Map<string, SpaceSeed & { reservedBy: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of db
      .select()
      .from(t.spaces)
      .where(inArray(t.spaces.id, ids.slice(i, i + 500) as string[]))
      .all())
      out.set(r.id, { ...toSpaceSeed(r), reservedBy: r.reservedBy });
  }
  return out;
}

/** The ledger rows of one lead, oldest first. */
export function listLedger(db: Db, leadId: string): RoutingRow[] {
  return db
    .select()
    .from(t.routings)
    .where(eq(t.routings.leadId, leadId))
    .orderBy(sql`rowid`)
    .all()
    .map(toRoutingRow);
}

/** The latest ledger row of each lead (its routing state). */
export function latestRoutings(db: Db, leadIds: readonly string[]): Map<string, RoutingRow> {
  const out = new Map<string, RoutingRow>();
  for (let i = 0; i < leadIds.length; i += 500) {
    const rows = db
      .select()
      .from(t.routings)
      .where(inArray(t.routings.leadId, leadIds.slice(i, i + 500) as string[]))
      .orderBy(sql`rowid`)
      .all();
    for (const r of rows) out.set(r.leadId, toRoutingRow(r));
  }
  return out;
}

export interface LedgerFilter {
  leadId?: string;
  creditTown?: string;
  status?: RoutingStatus;
  /** Only the rows of this jurisdiction's leads. */
  jurisdictionId?: string;
  limit: number;
  offset: number;
}

/** The district's ledger, newest first. */
export function listLedgerAll(db: Db, f: LedgerFilter): { items: RoutingRow[]; total: number } {
  const where: SQL[] = [];
  if (f.leadId) where.push(eq(t.routings.leadId, f.leadId));
  if (f.creditTown) where.push(eq(t.routings.creditTown, f.creditTown));
  if (f.status) where.push(eq(t.routings.status, f.status));
  if (f.jurisdictionId !== undefined)
    where.push(sql`${t.routings.leadId} IN (SELECT ${t.leads.id} FROM ${t.leads} WHERE ${t.leads.jurisdictionId} = ${f.jurisdictionId})`);
  const cond = where.length ? and(...where) : undefined;
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(t.routings)
      .where(cond)
      .get()?.n ?? 0;
  const items = db
    .select()
    .from(t.routings)
    .where(cond)
    .orderBy(desc(sql`rowid`))
    .limit(f.limit)
    .offset(f.offset)
    .all()
    .map(toRoutingRow);
  return { items, total };
}

export interface CommitItem {
  leadId: string;
  toParkId: string;
  toTown: string;
  spaceId: string | null;
  score: number;
  reasons: string[];
  reviewLevel: string | null;
}

export interface CommitResult {
  committed: { leadId: string; routingId: string; parkId: string; spaceId: string | null }[];
  /** Leads the commit would leave where they are (no row written). */
  unchanged: string[];
}

/** Reserves `spaceId` for `leadId` unless someone else holds it (checked inside the transaction). */
function reserveTx(tx: Db, spaceId: string, leadId: string, at: string): void {
  const res = tx
    .update(t.spaces)
    .set({ status: 'reserved', reservedBy: leadId, updatedAt: at })
    .where(and(eq(t.spaces.id, spaceId), eq(t.spaces.status, 'vacant')))
    .run();
  if (res.changes === 1) return;
  const s = tx.select({ status: t.spaces.status, reservedBy: t.spaces.reservedBy }).from(t.spaces).where(eq(t.spaces.id, spaceId)).get();
  if (s && s.reservedBy === leadId && s.status !== 'vacant') return; // already this lead's
  throw new SpaceConflictError(spaceId, leadId, s?.reservedBy ?? null, s?.status ?? null);
}

/** Gives `spaceId` back to the vacancy if `leadId` holds it. */
function releaseTx(tx: Db, spaceId: string, leadId: string, at: string): void {
  tx.update(t.spaces)
    .set({ status: 'vacant', reservedBy: null, updatedAt: at })
    .where(and(eq(t.spaces.id, spaceId), eq(t.spaces.reservedBy, leadId)))
    .run();
}

/**
 * Commits placements: in one IMMEDIATE transaction, releases the units of leads that move, reserves
 * the new units (a unit another lead holds aborts everything), moves each lead and appends one
 * `proposed` ledger row per lead with from, to, who, why, the credit town and the review level.
 */
export function commitRoutings(db: Db, input: { planId: string | null; actor: string; items: readonly CommitItem[] }): CommitResult {
  return writeTx(db, (tx) => {
    const at = now();
    const leads = new Map<string, StoredLead>();
    for (const r of tx
      .select()
      .from(t.leads)
      .where(
        inArray(
          t.leads.id,
          input.items.map((i) => i.leadId),
        ),
      )
      .all())
      leads.set(r.id, toStoredLead(r));
    const moving = input.items.filter((it) => {
      const l = leads.get(it.leadId);
      if (!l) throw new LeadMissingError(it.leadId);
      return l.parkId !== it.toParkId || l.spaceId !== it.spaceId;
    });
    // releases first, so that leads swapping units within one commit both succeed
    for (const it of moving) {
      const l = leads.get(it.leadId)!;
      if (l.spaceId && l.spaceId !== it.spaceId) releaseTx(tx, l.spaceId, l.id, at);
    }
    for (const it of moving) if (it.spaceId) reserveTx(tx, it.spaceId, it.leadId, at);
    const parkTown = new Map(
      tx
        .select({ id: t.parks.id, town: t.parks.town })
        .from(t.parks)
        .all()
        .map((p) => [p.id, p.town]),
    );
    const committed: CommitResult['committed'] = [];
    for (const it of moving) {
      const l = leads.get(it.leadId)!;
      const routingId = newId('rt');
      tx.insert(t.routings)
        .values({
          id: routingId,
          leadId: l.id,
          planId: input.planId,
          fromTown: l.parkId ? (parkTown.get(l.parkId) ?? l.sourceTown) : l.sourceTown,
          fromParkId: l.parkId,
          toParkId: it.toParkId,
          toTown: it.toTown,
          spaceId: it.spaceId,
          score: it.score,
          status: 'proposed',
          actor: input.actor,
          reasons: it.reasons,
          creditTown: l.sourceTown,
          reviewLevel: it.reviewLevel,
          at,
        })
        .run();
      setPlacementTx(tx, l, it.toParkId, it.spaceId, input.actor, at);
      committed.push({ leadId: l.id, routingId, parkId: it.toParkId, spaceId: it.spaceId });
    }
    if (committed.length)
      tx.insert(t.audit).values({ at, actor: input.actor, action: 'routing.commit', object: input.planId, detail: { committed } }).run();
    const moved = new Set(moving.map((m) => m.leadId));
    return { committed, unchanged: input.items.filter((i) => !moved.has(i.leadId)).map((i) => i.leadId) };
  });
}

/** Appends a decision row (accept, reject, withdraw); reject and withdraw release the unit and clear the placement. */
export function decideTx(tx: Db, leadId: string, d: Decision, actor: string, reasons: string[], at = now()): RoutingRow {
  const row = tx.select().from(t.leads).where(eq(t.leads.id, leadId)).get();
  if (!row) throw new LeadMissingError(leadId);
  const lead = toStoredLead(row);
  const latest = tx
    .select()
    .from(t.routings)
    .where(eq(t.routings.leadId, leadId))
    .orderBy(desc(sql`rowid`))
    .limit(1)
    .get();
  const current = latest ? asRoutingStatus(latest.status) : null;
  const next = decide(current, d);
  if (!latest || !next) throw new RoutingStateError(leadId, current, d);
  const entry: RoutingRecord = {
    ...latest,
    id: newId('rt'),
    status: next.status,
    actor,
    reasons,
    creditTown: lead.sourceTown ?? latest.creditTown,
    at,
  };
  tx.insert(t.routings).values(entry).run();
  if (next.releases) {
    if (lead.spaceId) releaseTx(tx, lead.spaceId, lead.id, at);
    setPlacementTx(tx, lead, null, null, actor, at);
  }
  tx.insert(t.audit)
    .values({ at, actor, action: `routing.${d}`, object: leadId, detail: { routingId: entry.id, status: next.status } })
    .run();
  return toRoutingRow(tx.select().from(t.routings).where(eq(t.routings.id, entry.id)).get() ?? entry);
}

export function decideRouting(db: Db, leadId: string, d: Decision, actor: string, reasons: string[]): RoutingRow {
  return writeTx(db, (tx) => decideTx(tx, leadId, d, actor, reasons));
}

/** The lead's latest routing status inside a transaction (null when it has not been routed). */
export function routingStatusTx(tx: Db, leadId: string): RoutingStatus | null {
  const latest = tx
    .select({ status: t.routings.status })
    .from(t.routings)
    .where(eq(t.routings.leadId, leadId))
    .orderBy(desc(sql`rowid`))
    .limit(1)
    .get();
  return latest ? asRoutingStatus(latest.status) : null;
}

/** Gives the lead's unit back and clears its placement (no ledger row: for a lead not routed yet). */
export function clearPlacementTx(tx: Db, lead: StoredLead, actor: string | null, at = now()): void {
  if (lead.spaceId) releaseTx(tx, lead.spaceId, lead.id, at);
  setPlacementTx(tx, lead, null, null, actor, at);
}

/** Marks the lead's unit occupied (construction started) or back to reserved. */
export function markOccupiedTx(tx: Db, lead: StoredLead, occupied: boolean, at = now()): void {
  if (!lead.spaceId) return;
  tx.update(t.spaces)
    .set({ status: occupied ? 'occupied' : 'reserved', updatedAt: at })
    .where(and(eq(t.spaces.id, lead.spaceId), eq(t.spaces.reservedBy, lead.id)))
    .run();
}
