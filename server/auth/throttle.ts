/**
 * Sign-in throttling (API.md v2: repeated failures for one username or one address are locked for a
 * while). In memory, per process: after `maxPerUser` failures for a username, or `maxPerAddress` for an
 * address, within `windowMs`, further attempts are refused until `lockMs` after the last failure. A
 * success clears the username's count. The README states the figures.
 */
export interface ThrottleOptions {
  maxPerUser: number;
  maxPerAddress: number;
  windowMs: number;
  lockMs: number;
  now?: () => number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxPerUser: 5, maxPerAddress: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

interface Count {
  failures: number[];
}

export interface LoginThrottle {
  /** Milliseconds until the username or address may try again (0: now). */
  retryAfterMs(username: string, address: string): number;
  fail(username: string, address: string): void;
  succeed(username: string): void;
}

export function createLoginThrottle(opts: ThrottleOptions = DEFAULT_THROTTLE): LoginThrottle {
  const now = opts.now ?? Date.now;
  const users = new Map<string, Count>();
  const addresses = new Map<string, Count>();
  const recent = (m: Map<string, Count>, key: string): number[] => {
    const c = m.get(key);
    if (!c) return [];
    const since = now() - Math.max(opts.windowMs, opts.lockMs);
    c.failures = c.failures.filter((t) => t > since);
    if (!c.failures.length) m.delete(key);
    return c.failures;
  };
  const wait = (failures: number[], max: number): number => {
    const inWindow = failures.filter((t) => t > now() - opts.windowMs);
    if (inWindow.length < max) return 0;
    return Math.max(0, failures[failures.length - 1]! + opts.lockMs - now());
  };
  const add = (m: Map<string, Count>, key: string) => {
    const c = m.get(key) ?? { failures: [] };
    c.failures.push(now());
    if (c.failures.length > 1000) c.failures.shift();
    m.set(key, c);
    if (m.size > 100_000) m.delete(m.keys().next().value!); // bounded memory under a flood of names
  };
  const userKey = (u: string) => u.trim().toLowerCase();
  return {
    retryAfterMs: (username, address) =>
      Math.max(wait(recent(users, userKey(username)), opts.maxPerUser), wait(recent(addresses, address), opts.maxPerAddress)),
    fail: (username, address) => {
      add(users, userKey(username));
      add(addresses, address);
    },
    succeed: (username) => void users.delete(userKey(username)),
  };
}
