/**
 * The ONE place where authorisation is decided (DESIGN.md §6a: in the use case, not scattered over
 * handlers). Every use case that writes, exports or shows confidential fields asks the policy, naming
 * its action and what it is about, before it touches anything.
 *
 * The actor is the signed-in user (API.md v2), taken from the session by the HTTP edge — never from a
 * request body. `rolePolicy` is the policy of the three roles:
 * - admin (招商中心): everything;
 * - town (镇街招商): creates and changes the leads its town reports, accepts or declines placements
 *   into its town, uploads lead spreadsheets and sees its town's uploads; sees other towns' leads only
 *   as the board shows them (`lead.read.full` refused);
 * - viewer (领导查看): reads; no write, no upload, no export but the dashboard's aggregate figures.
 * A chat conversation is its starter's (and the admins').
 */
import { AppError, paramsOf } from '../domain/errors.js';
import type { Role, User } from '../domain/account.schema.js';

/** Who asks: the signed-in user. */
export interface Actor {
  readonly name: string;
  readonly role: Role;
  readonly town: string | null;
  readonly jurisdictionId: string | null;
}

export const actorOf = (u: User): Actor => ({ name: u.username, role: u.role, town: u.town, jurisdictionId: u.jurisdictionId });

/** The actor of start-up and scripts (seed loads, the first administrator, `npm run user:add`). */
export const SYSTEM_ACTOR: Actor = { name: 'system', role: 'admin', town: null, jurisdictionId: null };

/** Every use case that writes, exports or reads confidential fields, by name. */
export type Action =
  | 'lead.create'
  | 'lead.update'
  /** moving a lead's stage back (or out of 流失): admins, with a reason */
  | 'lead.stage.back'
  /** every field of a lead (other towns' leads otherwise show only what the board needs) */
  | 'lead.read.full'
  | 'routing.commit'
  | 'routing.accept'
  | 'routing.reject'
  | 'routing.withdraw'
  | 'job.create'
  /** a bulk job's status, results and row errors: its uploader's town and the admins */
  | 'job.read'
  | 'job.export'
  | 'job.delete'
  | 'parks.import'
  | 'spaces.import'
  | 'parks.export'
  | 'spaces.export'
  /** reading or continuing a chat conversation: its starter and the admins */
  | 'chat.read'
  /** the dashboard's figures as a workbook: aggregates of the caller's jurisdiction only (no lead names or contacts), every role */
  | 'dashboard.export'
  | 'users.create'
  | 'users.list'
  | 'audit.read'
  /** creating, changing, retiring or adopting a rule, changing a park's positioning (and previewing it): the admins of the rule's jurisdiction */
  | 'rules.write';

/** What the action is about, when it is about something in particular. */
export interface Target {
  leadIds?: readonly string[];
  parkIds?: readonly string[];
  jobId?: string;
  /** The towns the action touches: a lead's reporting town (before and after a change), a placement's receiving town. */
  towns?: readonly (string | null)[];
  /** Who uploaded the job, and that user's town. */
  owner?: { username: string | null; town: string | null };
  /** The jurisdictions the action touches (a new user's). */
  jurisdictions?: readonly (string | null)[];
}

/** Whether `actor` may do `action` (to `target`). */
export type Policy = (actor: Actor, action: Action, target?: Target) => boolean;

const TOWN_OWN: ReadonlySet<Action> = new Set(['lead.create', 'lead.update', 'lead.read.full', 'routing.accept', 'routing.reject']);
const UPLOADER_OWN: ReadonlySet<Action> = new Set(['job.read', 'job.export', 'job.delete']);
const VIEWER: ReadonlySet<Action> = new Set(['lead.read.full', 'dashboard.export']);

/** Whether the target's owner is the actor itself. */
const ownedBy = (actor: Actor, target?: Target) => !!target?.owner?.username && target.owner.username === actor.name;

/** The policy of the three roles (API.md v2). */
export const rolePolicy: Policy = (actor, action, target) => {
  switch (actor.role) {
    case 'admin':
      // the system administrator (no jurisdiction) does everything; an admin of a jurisdiction stays within it
      return actor.jurisdictionId === null || (target?.jurisdictions ?? []).every((j) => j === actor.jurisdictionId);
    case 'viewer':
      if (action === 'chat.read') return ownedBy(actor, target);
      return VIEWER.has(action);
    case 'town': {
      if (action === 'chat.read') return ownedBy(actor, target);
      if (action === 'job.create') return actor.town !== null;
      if (action === 'dashboard.export') return true;
      if (TOWN_OWN.has(action)) return actor.town !== null && (target?.towns ?? [null]).every((t) => t === actor.town);
      if (UPLOADER_OWN.has(action)) {
        const o = target?.owner;
        return !!o && (o.username === actor.name || (actor.town !== null && o.town === actor.town));
      }
      return false;
    }
    default:
      return false;
  }
};

/** Throws AppError('forbidden') when the policy says no; call before writing anything. */
export function authorise(policy: Policy, actor: Actor, action: Action, target?: Target): void {
  if (!policy(actor, action, target))
    throw new AppError('forbidden', paramsOf({ action, actor: actor.name, role: actor.role }), `${actor.name} may not ${action}`);
}

/** Who asks and under which policy: part of every use case's input (the policy defaults to rolePolicy). */
export interface Caller {
  actor: Actor;
  policy?: Policy;
}

export const authoriseCaller = (c: Caller, action: Action, target?: Target): void =>
  authorise(c.policy ?? rolePolicy, c.actor, action, target);

/** The policy's answer without throwing: for what a use case shows (the board view of other towns' leads). */
export const permits = (c: Caller, action: Action, target?: Target): boolean => (c.policy ?? rolePolicy)(c.actor, action, target);
