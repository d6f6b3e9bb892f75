/**
 * Accounts and sessions (API.md v2): signing in (throttled per username and per address; unknown user
 * and wrong password answered alike and taking as long), signing out, the user of a session, creating
 * and listing users (admins), and the first administrator on first start.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { appendAudit } from '../db/audit.js';
import { createSession, deleteSession, findUser, insertUser, listUsers, sessionUser, userCount } from '../db/users.repo.js';
import { AppError, invalidInput } from '../domain/errors.js';
import type { PipelineDeps } from './context.js';
import { jurisdictionExists, jurisdictionForLead } from './jurisdictions.js';
import type { User, UserCreate } from '../domain/account.schema.js';
import type { LoginThrottle } from '../auth/throttle.js';
import { dummyHash, hashPassword, hashPasswordSync, verifyPassword } from '../auth/password.js';
import { authoriseCaller, SYSTEM_ACTOR, type Caller } from './authorise.js';

export interface AccountDeps {
  db: Db;
  throttle: LoginThrottle;
  /** Session lifetime after sign-in. */
  sessionTtlMs: number;
}

export interface SignInInput {
  username: string;
  password: string;
  /** The client's address (for throttling and the audit). */
  address: string;
}

export interface SignedIn {
  user: User;
  token: string;
  expiresAt: string;
}

/** Checks the password and opens a session; every outcome but a lock-out is recorded in the audit. */
export async function signIn(deps: AccountDeps, input: SignInInput): Promise<SignedIn> {
  const { username, address } = input;
  const wait = deps.throttle.retryAfterMs(username, address);
  if (wait > 0) throw new AppError('too_many_attempts', { retryAfterS: Math.ceil(wait / 1000) });
  const stored = findUser(deps.db, username);
  const ok = await verifyPassword(input.password, stored?.passwordHash ?? dummyHash());
  if (!stored || !ok) {
    deps.throttle.fail(username, address);
    appendAudit(deps.db, { actor: 'anonymous', action: 'auth.failed', object: username.slice(0, 40), detail: { address } });
    throw new AppError('invalid_credentials');
  }
  deps.throttle.succeed(username);
  const { passwordHash: _h, ...user } = stored;
  const s = createSession(deps.db, user.username, deps.sessionTtlMs);
  appendAudit(deps.db, { actor: user.username, action: 'auth.login', object: user.username, detail: { address, expiresAt: s.expiresAt } });
  return { user, token: s.token, expiresAt: s.expiresAt };
}

/** Ends the session (recorded when it belonged to someone). */
export function signOut(deps: Pick<AccountDeps, 'db'>, token: string): void {
  const user = sessionUser(deps.db, token);
  deleteSession(deps.db, token);
  if (user) appendAudit(deps.db, { actor: user.username, action: 'auth.logout', object: user.username });
}

/** The signed-in user of a session token, or null. */
export const userOfSession = (deps: Pick<AccountDeps, 'db'>, token: string): User | null => sessionUser(deps.db, token);

/** Creates a user (admins; an admin of a jurisdiction only within it). The password is stored as a scrypt hash. */
export async function addUser(deps: Pick<AccountDeps, 'db'> & Pick<PipelineDeps, 'kb'>, caller: Caller, input: UserCreate): Promise<User> {
  // the jurisdiction: as given, else the creating admin's, else (town staff) the one of the town
  const jurisdictionId =
    input.jurisdictionId ??
    caller.actor.jurisdictionId ??
    (input.role === 'town' && input.town ? jurisdictionForLead(deps, { actor: SYSTEM_ACTOR }, input.town) : null);
  authoriseCaller(caller, 'users.create', { jurisdictions: [jurisdictionId] });
  if (jurisdictionId !== null && !jurisdictionExists(deps, jurisdictionId))
    throw invalidInput([{ path: 'jurisdictionId', message: `没有编号为 ${jurisdictionId} 的辖区 / no jurisdiction ${jurisdictionId}` }]);
  const user: User = {
    username: input.username,
    displayName: input.displayName ?? input.username,
    role: input.role,
    jurisdictionId,
    town: input.role === 'town' ? (input.town ?? null) : null,
  };
  if (findUser(deps.db, user.username)) throw new AppError('username_taken', { username: user.username });
  const passwordHash = await hashPassword(input.password);
  if (!insertUser(deps.db, { ...user, passwordHash }, caller.actor.name)) throw new AppError('username_taken', { username: user.username });
  return user;
}

/** Every user (admins; an admin of a jurisdiction sees its own). */
export function findUsers(deps: Pick<AccountDeps, 'db'>, caller: Caller): User[] {
  authoriseCaller(caller, 'users.list');
  const j = caller.actor.jurisdictionId;
  return listUsers(deps.db).filter((u) => j === null || u.jurisdictionId === j);
}

/**
 * On first start (no users at all): the system administrator `admin`, with `password` or, when none
 * is given, a random one that the caller prints once. Returns null when users exist.
 */
export function ensureFirstAdmin(db: Db, password: string | undefined): { username: string; password: string; generated: boolean } | null {
  if (userCount(db) > 0) return null;
  const generated = password === undefined;
  const pw = password ?? randomBytes(12).toString('base64url');
  insertUser(
    db,
    { username: 'admin', displayName: '系统管理员', role: 'admin', jurisdictionId: null, town: null, passwordHash: hashPasswordSync(pw) },
    SYSTEM_ACTOR.name,
  );
  return { username: 'admin', password: pw, generated };
}

/** A user created by a script (`npm run user:add`), recorded as done by the system. */
export function addUserSync(db: Db, input: UserCreate): User {
  const user: User = {
    username: input.username,
    displayName: input.displayName ?? input.username,
    role: input.role,
    jurisdictionId: input.jurisdictionId ?? null,
    town: input.role === 'town' ? (input.town ?? null) : null,
  };
  if (!insertUser(db, { ...user, passwordHash: hashPasswordSync(input.password) }, SYSTEM_ACTOR.name))
    throw new AppError('username_taken', { username: user.username });
  return user;
}
