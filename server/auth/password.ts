/**
 * Password hashing with node:crypto scrypt (memory-hard; never a plain or fast hash). Stored as
 * `scrypt$N$r$p$salt$key` (salt and key base64), so the cost can rise later without breaking old hashes;
 * compared in constant time.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1: ~32 MiB and some tens of ms per hash. */
export const SCRYPT = { N: 1 << 15, r: 8, p: 1, keyLen: 32 } as const;
const maxmem = (N: number, r: number) => 256 * N * r;

const scryptAsync = (password: string, salt: Buffer, keyLen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password, salt, keyLen, opts, (err, key) => (err ? reject(err) : resolve(key))));

function format(N: number, r: number, p: number, salt: Buffer, key: Buffer): string {
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** A new hash (synchronous: start-up and scripts). */
export function hashPasswordSync(password: string, cost: { N: number; r: number; p: number } = SCRYPT): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, SCRYPT.keyLen, { ...cost, maxmem: maxmem(cost.N, cost.r) });
  return format(cost.N, cost.r, cost.p, salt, key);
}

/** A new hash, off the event loop's thread. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLen } = SCRYPT;
  const salt = randomBytes(16);
  return format(N, r, p, salt, await scryptAsync(password, salt, keyLen, { N, r, p, maxmem: maxmem(N, r) }));
}

/** A stored hash that no password matches: checked for unknown users, so that they take as long as wrong passwords. */
let dummy: string | null = null;
export const dummyHash = (): string => (dummy ??= hashPasswordSync(randomBytes(16).toString('hex')));

/** Whether `password` matches `stored` (timing-safe; a malformed stored value never matches). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) return false;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const salt = Buffer.from(m[4]!, 'base64');
  const want = Buffer.from(m[5]!, 'base64');
  if (N < 2 || N > 1 << 20 || r < 1 || r > 32 || p < 1 || p > 16 || want.length < 16) return false;
  const got = await scryptAsync(password, salt, want.length, { N, r, p, maxmem: maxmem(N, r) });
  return timingSafeEqual(got, want);
}
