/**
 * The HTTP server's timeouts, set deliberately instead of Node's defaults (headers 60 s, whole request
 * 300 s, checked only every 30 s), which let a slow sender hold a socket for a minute or more.
 * Values and reasons: docs/OPERATIONS.md § Limits.
 */
import type { ServerOptions } from 'node:http';

export interface ServerTimeouts {
  /** Until the request's headers are in; a slowloris sender is cut off with 408. */
  headersTimeout: number;
  /** Until the whole request (headers and body: a 20 MiB upload on a slow office line) is in. */
  requestTimeout: number;
  /** How long an idle keep-alive socket waits for the next request. */
  keepAliveTimeout: number;
  /** How often the server checks the two timeouts above (Node's default is 30 s). */
  connectionsCheckingInterval: number;
}

export const SERVER_TIMEOUTS: ServerTimeouts = {
  headersTimeout: 10_000,
  requestTimeout: 120_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
};

/** Options for http.createServer (through @hono/node-server's `serverOptions`). */
export function serverOptions(t: ServerTimeouts = SERVER_TIMEOUTS): ServerOptions {
  return {
    headersTimeout: t.headersTimeout,
    requestTimeout: t.requestTimeout,
    keepAliveTimeout: t.keepAliveTimeout,
    connectionsCheckingInterval: t.connectionsCheckingInterval,
  };
}
