/**
 * Rules and park positionings as managed data (issue 18): the current rule rows and the append-only
 * versions of rules and positionings (knowledge_versions; the database refuses UPDATE and DELETE on it).
 * A change writes the new current row and appends its version in one transaction, with an audit row.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import * as t from './schema.js';
import type { RuleSeed } from '../domain/rule.schema.js';
import { appendAudit } from './audit.js';

type RuleRow = typeof t.rules.$inferSelect;

/** The stored row of a rule record. */
export const toRuleRow = (r: RuleSeed): RuleRow => ({
  id: r.id,
  name: r.name,
  scopeLevel: r.scope.level,
  scopeValue: r.scope.value,
  effect: r.effect,
  match: r.match,
  threshold: r.threshold,
  reviewLevel: r.reviewLevel,
  envClasses: r.envClasses,
  reason: r.reason,
  source: r.source,
  jurisdictionId: r.jurisdictionId,
  reference: r.reference,
  origin: r.origin,
  sample: r.sample,
  adoption: r.adoption,
  status: r.status,
  version: r.version,
});

export const fromRuleRow = (r: RuleRow): RuleSeed => ({
  id: r.id,
  name: r.name,
  scope: { level: r.scopeLevel as RuleSeed['scope']['level'], value: r.scopeValue },
  effect: r.effect as RuleSeed['effect'],
  match: r.match as RuleSeed['match'],
  threshold: r.threshold as RuleSeed['threshold'],
  reviewLevel: r.reviewLevel as RuleSeed['reviewLevel'],
  envClasses: r.envClasses as RuleSeed['envClasses'],
  reason: r.reason,
  source: r.source,
  jurisdictionId: r.jurisdictionId,
  reference: r.reference,
  origin: r.origin,
  sample: r.sample,
  adoption: r.adoption ?? null,
  status: r.status as RuleSeed['status'],
  version: r.version,
});

/** Every stored rule (retired ones too), in id order. */
export function listRules(db: Db): RuleSeed[] {
  return db.select().from(t.rules).orderBy(asc(t.rules.id)).all().map(fromRuleRow);
}

export function getRule(db: Db, id: string): RuleSeed | null {
  const r = db.select().from(t.rules).where(eq(t.rules.id, id)).get();
  return r ? fromRuleRow(r) : null;
}

export type VersionKind = 'rule' | 'positioning';
export type VersionAction = 'create' | 'change' | 'retire' | 'adopt';

export interface KnowledgeVersion {
  id: number;
  kind: VersionKind;
  subjectId: string;
  version: number;
  action: VersionAction;
  jurisdictionId: string | null;
  actor: string;
  at: string;
  reason: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  impact: Record<string, unknown> | null;
}

const toVersion = (r: typeof t.knowledgeVersions.$inferSelect): KnowledgeVersion => ({
  ...r,
  kind: r.kind as VersionKind,
  action: r.action as VersionAction,
  before: r.before ?? null,
  impact: r.impact ?? null,
});

/** The versions of one rule or park positioning, oldest first. */
export function listVersions(db: Db, kind: VersionKind, subjectId: string): KnowledgeVersion[] {
  return db
    .select()
    .from(t.knowledgeVersions)
    .where(and(eq(t.knowledgeVersions.kind, kind), eq(t.knowledgeVersions.subjectId, subjectId)))
    .orderBy(asc(t.knowledgeVersions.version))
    .all()
    .map(toVersion);
}

/** The latest changes (newest first), of the jurisdictions given (null: national ones) or of all. */
export function recentVersions(db: Db, limit: number, jurisdictions?: readonly (string | null)[]): KnowledgeVersion[] {
  const ids = jurisdictions?.filter((j): j is string => j !== null) ?? [];
  const cond = jurisdictions
    ? jurisdictions.includes(null)
      ? sql`(${t.knowledgeVersions.jurisdictionId} IS NULL OR ${ids.length ? inArray(t.knowledgeVersions.jurisdictionId, ids) : sql`0`})`
      : ids.length
        ? inArray(t.knowledgeVersions.jurisdictionId, ids)
        : sql`0`
    : undefined;
  return db.select().from(t.knowledgeVersions).where(cond).orderBy(desc(t.knowledgeVersions.id)).limit(limit).all().map(toVersion);
}

/** A version to append: everything but its row id and number (appendVersion is given the number). */
export type NewVersion = Omit<KnowledgeVersion, 'id' | 'version'>;

/** The next version number of a subject: one past its last version, or past `current` (the seeded version) when it has none. */
export function nextVersion(db: Db, kind: VersionKind, subjectId: string, current = 0): number {
  const last = db
    .select({ v: sql<number | null>`max(${t.knowledgeVersions.version})` })
    .from(t.knowledgeVersions)
    .where(and(eq(t.knowledgeVersions.kind, kind), eq(t.knowledgeVersions.subjectId, subjectId)))
    .get()?.v;
  return Math.max(last ?? 0, current) + 1;
}

/** Appends one version and its audit row (inside the caller's transaction). */
export function appendVersion(tx: Db, v: NewVersion & { version: number }): void {
  tx.insert(t.knowledgeVersions).values(v).run();
  appendAudit(tx, {
    at: v.at,
    actor: v.actor,
    action: `${v.kind}.${v.action}`,
    object: v.subjectId,
    detail: { version: v.version, reason: v.reason, before: v.before, after: v.after, impact: v.impact },
  });
}

/** Writes the rule's current row (insert or replace). */
export function putRuleRow(tx: Db, r: RuleSeed): void {
  const row = toRuleRow(r);
  tx.insert(t.rules).values(row).onConflictDoUpdate({ target: t.rules.id, set: row }).run();
}
