/** Reads for the dashboard: every lead of a jurisdiction, the stage moves of its leads, the rule changes of the audit trail. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import * as t from './schema.js';
import { toStoredLead, type StoredLead } from './leads.repo.js';

/** Every lead (with `jurisdictionId`, that jurisdiction's only). */
export function listAllLeads(db: Db, jurisdictionId?: string): StoredLead[] {
  const q = db.select().from(t.leads);
  return (jurisdictionId === undefined ? q : q.where(eq(t.leads.jurisdictionId, jurisdictionId)))
    .orderBy(t.leads.createdAt, t.leads.id)
    .all()
    .map(toStoredLead);
}

export interface StageMove {
  leadId: string;
  at: string;
  to: string;
}

/** Every recorded stage change of the leads (with `jurisdictionId`, of that jurisdiction's leads), oldest first. */
export function listStageMoves(db: Db, jurisdictionId?: string): StageMove[] {
  const where: SQL[] = [sql`json_extract(${t.leadHistory.change}, '$.stage.to') IS NOT NULL`];
  if (jurisdictionId !== undefined) where.push(eq(t.leads.jurisdictionId, jurisdictionId));
  return db
    .select({ leadId: t.leadHistory.leadId, at: t.leadHistory.at, to: sql<string>`json_extract(${t.leadHistory.change}, '$.stage.to')` })
    .from(t.leadHistory)
    .innerJoin(t.leads, eq(t.leads.id, t.leadHistory.leadId))
    .where(and(...where))
    .orderBy(t.leadHistory.id)
    .all();
}

export interface RuleChangeRow {
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
}

/**
 * The latest changes to rules and positionings as the audit trail records them (actions `rule.*`,
 * `rules.*`, `positioning.*`); with `jurisdictionId`, those made by that jurisdiction's users or by
 * the system administrator.
 */
export function listRuleChanges(db: Db, limit: number, jurisdictionId?: string): RuleChangeRow[] {
  const where: SQL[] = [
    sql`(substr(${t.audit.action}, 1, 5) = 'rule.' OR substr(${t.audit.action}, 1, 6) = 'rules.' OR substr(${t.audit.action}, 1, 12) = 'positioning.')`,
  ];
  if (jurisdictionId !== undefined)
    where.push(
      sql`${t.audit.actor} IN (SELECT ${t.users.username} FROM ${t.users} WHERE ${t.users.jurisdictionId} = ${jurisdictionId} OR ${t.users.jurisdictionId} IS NULL)`,
    );
  return db
    .select()
    .from(t.audit)
    .where(and(...where))
    .orderBy(desc(t.audit.id))
    .limit(limit)
    .all()
    .map((r) => ({ at: r.at, actor: r.actor, action: r.action, target: r.object, detail: r.detail ?? null }));
}
