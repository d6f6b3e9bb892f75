/**
 * For the benchmarks that start the real server (`dist/index.mjs`) as a child process: the first
 * administrator's password they start it with, and waiting for it to answer, then signing in.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** LUODI_ADMIN_PASSWORD for the benchmark's own server. */
export const BENCH_PASSWORD = 'bench-admin-Passw0rd';

/** Waits until `GET /api/health` answers, signs in as the first administrator and returns the `Cookie` header value. */
export async function signedIn(url: string): Promise<string> {
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    await sleep(50);
  }
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: BENCH_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('sign-in set no cookie');
  return cookie;
}
