/** Signing in to a real server (child process) in tests: the first administrator's password and a cookie. */

/** The LUODI_ADMIN_PASSWORD the tests start real servers with. */
export const TEST_ADMIN_PASSWORD = 'test-admin-Passw0rd';

/** Signs in over HTTP and returns the `Cookie` header value of the session. */
export async function signIn(base: string, username = 'admin', password = TEST_ADMIN_PASSWORD): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in as ${username} failed: ${r.status} ${await r.text()}`);
  const cookie = r.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('sign-in set no cookie');
  return cookie;
}
