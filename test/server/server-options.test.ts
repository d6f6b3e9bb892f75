/** The HTTP server's timeouts: a slow sender is cut off, an idle keep-alive socket is closed (behaviour, not time). */
import { describe, it, expect } from 'vitest';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { SERVER_TIMEOUTS, serverOptions } from '../../server/server-options.js';

const short = { headersTimeout: 300, requestTimeout: 600, keepAliveTimeout: 200, connectionsCheckingInterval: 50 };

function start() {
  const app = new Hono().get('/api/health', (c) => c.json({ ok: true }));
  return new Promise<{ port: number; close: () => void }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: serverOptions(short) }, (info) =>
      resolve({ port: (info as AddressInfo).port, close: () => server.close() }),
    );
  });
}

/** Everything the server sent until it closed the socket. */
const untilClosed = (s: Socket) =>
  new Promise<string>((resolve) => {
    let got = '';
    s.on('data', (d) => (got += d.toString()));
    s.on('close', () => resolve(got));
    s.on('error', () => undefined);
  });

describe('server timeouts', () => {
  it('are set deliberately: headers well under Node’s 60 s, the whole request bounded, idle keep-alive short', () => {
    const o = serverOptions();
    expect(o).toMatchObject(SERVER_TIMEOUTS);
    expect(SERVER_TIMEOUTS.headersTimeout).toBeLessThanOrEqual(10_000);
    expect(SERVER_TIMEOUTS.requestTimeout).toBeGreaterThan(SERVER_TIMEOUTS.headersTimeout);
    expect(SERVER_TIMEOUTS.keepAliveTimeout).toBeLessThan(SERVER_TIMEOUTS.headersTimeout);
    expect(SERVER_TIMEOUTS.connectionsCheckingInterval).toBeLessThan(SERVER_TIMEOUTS.headersTimeout);
  });

  it('cuts off a sender that never finishes its headers with 408 and closes the socket', async () => {
    const srv = await start();
    try {
      const s = connect(srv.port, '127.0.0.1');
      const closed = untilClosed(s);
      s.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: a');
      const got = await closed;
      expect(got).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      srv.close();
    }
  });

  it('answers a complete request, then closes the idle keep-alive socket', async () => {
    const srv = await start();
    try {
      const s = connect(srv.port, '127.0.0.1');
      const closed = untilClosed(s);
      s.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n');
      const got = await closed;
      expect(got).toMatch(/^HTTP\/1\.1 200/);
      expect(got).toContain('{"ok":true}');
    } finally {
      srv.close();
    }
  });
});
