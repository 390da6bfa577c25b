/**
 * Starting the Node server: listen, print a banner that says where it runs and which origin cards
 * and links carry, and turn the usual start-up failures (port taken, no permission, an address
 * this machine does not have) into one line that says what to change, not a stack trace.
 */
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { YuluError } from '../../errors.ts';
import { listeningOrigin, serverConfig, type ServerConfig } from './origin.ts';

export interface ListenOptions extends ServerConfig {
  fetch: (request: Request) => Response | Promise<Response>;
  quoteCount: number;
  sampleId: string | undefined;
  /** Connections the kernel may hold completed but not yet accepted (see LISTEN_BACKLOG). */
  backlog?: number;
}

/**
 * The listen backlog: connections the kernel completes and holds until the event loop accepts
 * them. The loop accepts on every turn, and renders run off it, so the queue only has to carry
 * the connections that arrive while one turn is slow: the hardening suite holds /healthz p99 at
 * 200 ms, and 200 ms of a 5,000-connections-a-second burst is 1,000. Beyond that a deeper queue
 * only parks clients in the kernel, unanswered, where the connection cap (YULU_MAX_CONNECTIONS,
 * 4,096, server.ts) cannot see or evict them; Linux also caps it at net.core.somaxconn (4,096 by
 * default). Stated here rather than left to Node's implicit 511 so the bound is deliberate and
 * visible (`ss -ltn` shows it as Send-Q). YULU_LISTEN_BACKLOG overrides it.
 */
export const LISTEN_BACKLOG = 1_024;

/** YULU_LISTEN_BACKLOG as a positive whole number ≤ 65,535, else LISTEN_BACKLOG. */
export function backlogFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.YULU_LISTEN_BACKLOG);
  return Number.isInteger(value) && value > 0 && value <= 65_535 ? value : LISTEN_BACKLOG;
}

/** Listens; on success prints the banner, on a start-up failure prints one line and exits 1. */
export function listen(options: ListenOptions): ServerType {
  const { fetch, port, host } = options;
  const server = createAdaptorServer({ fetch });
  server.listen({ port, host, backlog: options.backlog ?? LISTEN_BACKLOG }, () => {
    console.log(banner(options, (server.address() as AddressInfo).port));
  });
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(`yulu: ${startFailure(error, host, port)}`);
    process.exit(1);
  });
  return server;
}

/** The server's settings, or one line naming the bad variable and exit 2. */
export function serverConfigOrExit(env: NodeJS.ProcessEnv): ServerConfig {
  try {
    return serverConfig(env);
  } catch (error) {
    if (!(error instanceof YuluError)) throw error;
    console.error(`yulu: ${error.message}`);
    process.exit(2);
  }
}

/** What `npm start` prints once it listens. */
export function banner(options: ListenOptions, port: number): string {
  const local = listeningOrigin(options.host, port);
  const lines = [
    `Yulu is running at ${local}/ (${options.quoteCount} quotes)`,
    `  try ${local}/api/quotes?limit=5`,
    `  and ${local}/cards/${options.sampleId ?? ''}.png?size=og`,
  ];
  if (!options.fromYuluBaseUrl)
    lines.push(
      `  cards and links carry ${local} — set YULU_BASE_URL to the public origin when serving for real`,
    );
  else
    lines.push(
      `  cards and links carry ${options.publicOrigin} (YULU_BASE_URL)${options.publicOrigin === local ? '' : `, not ${local}`}`,
    );
  return lines.join('\n');
}

/** One line for an error from listen(): what happened and which variable changes it. */
export function startFailure(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use (another npm start?); choose another with PORT, e.g. PORT=${port === 65535 ? 8788 : port + 1} npm start`;
    case 'EACCES':
      return `no permission to listen on port ${port}; choose a port above 1023 with PORT, e.g. PORT=8787 npm start`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot listen on HOST=${host}: this machine has no such address; use e.g. HOST=127.0.0.1 (loopback), HOST=::1 or HOST=0.0.0.0 (every interface)`;
    default:
      return `cannot listen on ${host}:${port}: ${error.message}`;
  }
}
