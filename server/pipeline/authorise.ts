/**
 * The ONE place where authorisation is decided (DESIGN.md §6a: in the use case, not scattered over
 * handlers). Every use case that writes or exports calls `authorise` before it touches anything.
 *
 * There are no accounts yet: the actor is the name the request gives (or 'api' for uploads), and
 * today's policy, `allowAll`, lets everyone do everything. A later issue adds users, sessions and
 * roles: the actor then comes from the session (never from the body) and the policy from the roles.
 */
import { AppError, paramsOf } from '../domain/errors.js';

/** Who asks. Today a name the request gives, or `API_ACTOR`; null when the request names nobody. */
export interface Actor {
  readonly name: string | null;
}

/** The actor of requests that name nobody and have no field for it (uploads, imports). */
export const API_ACTOR: Actor = { name: 'api' };
export const actorNamed = (name: string | null | undefined): Actor => ({ name: name ?? null });

/** Every use case that writes or exports, by name. */
export type Action =
  | 'lead.create'
  | 'lead.update'
  | 'routing.commit'
  | 'routing.accept'
  | 'routing.reject'
  | 'routing.withdraw'
  | 'job.create'
  | 'job.export'
  | 'job.delete'
  | 'parks.import'
  | 'spaces.import'
  | 'parks.export'
  | 'spaces.export';

/** What the action is about, when it is about something in particular. */
export interface Target {
  leadIds?: readonly string[];
  parkIds?: readonly string[];
  jobId?: string;
}

/** Whether `actor` may do `action` (to `target`). */
export type Policy = (actor: Actor, action: Action, target?: Target) => boolean;

/** Today's policy: no accounts exist yet, so everyone may do everything. */
export const allowAll: Policy = () => true;

/** Throws AppError('forbidden') when the policy says no; call before writing anything. */
export function authorise(policy: Policy, actor: Actor, action: Action, target?: Target): void {
  if (!policy(actor, action, target))
    throw new AppError('forbidden', paramsOf({ action, actor: actor.name }), `${actor.name ?? 'nobody'} may not ${action}`);
}

/** Who asks and under which policy: part of every writing use case's input (the policy defaults to allowAll). */
export interface Caller {
  actor: Actor;
  policy?: Policy;
}

export const authoriseCaller = (c: Caller, action: Action, target?: Target): void =>
  authorise(c.policy ?? allowAll, c.actor, action, target);
