/**
 * Accounts (API.md v2 "Accounts, sessions and origins"): the three roles and the request schemas of
 * the sign-in and user endpoints. Pure: no I/O.
 */
import { z } from 'zod';

/** admin: a 招商 centre (everything in its jurisdiction); town: 镇街招商 staff of one town; viewer: read only (领导查看). */
export const ROLES = ['admin', 'town', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABEL: Record<Role, string> = { admin: '招商中心管理员', town: '镇街招商', viewer: '只读查看' };

/** A signed-in user as API.md names it. */
export interface User {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: string | null;
  town: string | null;
}

export const USERNAME_RE = /^[A-Za-z0-9_.-]{2,40}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export const LoginSchema = z
  .strictObject({
    username: z.string().trim().min(1, '请填写用户名 / username is required').max(40, '用户名不能超过 40 个字符'),
    password: z.string().min(1, '请填写密码 / password is required').max(PASSWORD_MAX, `密码不能超过 ${PASSWORD_MAX} 个字符`),
  })
  .meta({ id: 'Login' });

const text = (max: number) => z.string().trim().min(1).max(max, `不能超过 ${max} 个字符 / at most ${max} characters`);

export const UserCreateSchema = z
  .strictObject({
    username: z.string().regex(USERNAME_RE, '用户名为 2–40 位字母、数字或 _ . - / username: 2–40 letters, digits, _ . -'),
    password: z
      .string()
      .min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 位 / at least ${PASSWORD_MIN} characters`)
      .max(PASSWORD_MAX, `密码不能超过 ${PASSWORD_MAX} 个字符`),
    displayName: text(40).optional(),
    role: z.enum(ROLES, { error: `角色必须是 ${ROLES.join('、')} 之一 / role must be one of ${ROLES.join(', ')}` }),
    jurisdictionId: text(64).nullable().optional(),
    town: text(40).nullable().optional(),
  })
  .refine((u) => u.role !== 'town' || !!u.town, { message: '镇街账号必须填写所属镇街 / a town account needs its town', path: ['town'] })
  .refine((u) => u.role === 'town' || !u.town, { message: '只有镇街账号填写镇街 / only town accounts have a town', path: ['town'] })
  .meta({ id: 'UserCreate' });
export type UserCreate = z.infer<typeof UserCreateSchema>;
