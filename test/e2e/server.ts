/** Starts the real server (as `npm start` does) in a child process on a free port with a temp database. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn, TEST_ADMIN_PASSWORD } from '../helpers/sign-in.js';

export interface RunningServer {
  url: string;
  /** The `Cookie` header of the first administrator's session (for setting up data over the API). */
  cookie: string;
  /** The first administrator's password (LUODI_ADMIN_PASSWORD), for signing in through the page. */
  adminPassword: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'luodi-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/index.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'e2e.db'),
      LOG_LEVEL: 'warn',
      LUODI_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('server did not become ready in 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    cookie: await signIn(url),
    adminPassword: TEST_ADMIN_PASSWORD,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
