/**
 * The Node HTTP server, bounded: time limits on every phase of a connection and a cap on how many
 * are open at once. What an attacker can hold open is what this file allows, nothing more.
 *
 * - `headersTimeout` / `requestTimeout`: a client must send its headers, and its whole request,
 *   within these (slowloris and slow bodies).
 * - `idleMs` (socket inactivity, `server.timeout`): a socket that says nothing — before its first
 *   request or between keep-alive requests — is closed.
 * - `maxConnections`: at the cap a new connection evicts the longest-idle one (a socket with no
 *   request in progress); only when every socket is busy is the new one refused. Thousands of
 *   idle sockets therefore never lock out a client that actually asks for something.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Context } from 'hono';
import { TokenBucketLimiter } from '../../card/admission.ts';
import { renderPool } from './render-pool.ts';

export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  idleMs: number;
  keepAliveMs: number;
  maxConnections: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleMs: 15_000,
  keepAliveMs: 5_000,
  maxConnections: 4_096,
};

/** Limits from the environment (YULU_MAX_CONNECTIONS, YULU_IDLE_TIMEOUT_MS, …) over the defaults. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerLimits {
  const num = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return env[name] && Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    headersTimeoutMs: num('YULU_HEADERS_TIMEOUT_MS', DEFAULT_LIMITS.headersTimeoutMs),
    requestTimeoutMs: num('YULU_REQUEST_TIMEOUT_MS', DEFAULT_LIMITS.requestTimeoutMs),
    idleMs: num('YULU_IDLE_TIMEOUT_MS', DEFAULT_LIMITS.idleMs),
    keepAliveMs: num('YULU_KEEPALIVE_TIMEOUT_MS', DEFAULT_LIMITS.keepAliveMs),
    maxConnections: num('YULU_MAX_CONNECTIONS', DEFAULT_LIMITS.maxConnections),
  };
}

/** The client a request came from, for per-client limits: the socket's address. */
export function socketClient(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'unknown';
}

export interface ConnectionStats {
  open: number;
  evicted: number;
  refused: number;
}

/** Applies the limits to a Node HTTP server; returns live connection counts. */
export function boundServer(server: Server, limits: ServerLimits): ConnectionStats {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveMs;
  // Inactivity counts only while no request is in progress (a queued render may take seconds
  // to answer); Node's own handler destroys a socket whose timeout nobody else listens to.
  server.timeout = 0;
  const stats: ConnectionStats = { open: 0, evicted: 0, refused: 0 };
  // Insertion order = age; a socket moves to the end whenever a request on it ends.
  const idle = new Set<Socket>();
  const busy = new Map<Socket, number>();
  server.on('connection', (socket: Socket) => {
    if (stats.open >= limits.maxConnections) {
      const oldest = idle.values().next().value;
      if (oldest) {
        idle.delete(oldest);
        oldest.destroy();
        stats.evicted++;
      } else {
        stats.refused++;
        socket.destroy();
        return;
      }
    }
    stats.open++;
    idle.add(socket);
    socket.setTimeout(limits.idleMs);
    socket.once('close', () => {
      stats.open--;
      idle.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (request: IncomingMessage, response) => {
    const socket = request.socket;
    idle.delete(socket);
    socket.setTimeout(0);
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      if (left > 0) busy.set(socket, left);
      else {
        busy.delete(socket);
        if (!socket.destroyed) {
          idle.add(socket);
          socket.setTimeout(limits.idleMs);
        }
      }
    });
  });
  return stats;
}

/**
 * Renders for `npm start`: the worker-thread pool and a per-client token bucket on uncached
 * renders. YULU_RENDER_THREADS (default: cores), YULU_RENDER_QUEUE (renders waiting at most,
 * default 64), YULU_RENDER_WAIT_MS (the longest a render waits for a thread, default 1,000),
 * YULU_RENDER_BUDGET (pixel weight drawn at once, default 12),
 * YULU_RENDER_RATE renders/s per client in OG-card units (default 20; 0 turns the limit off),
 * YULU_RENDER_BURST (default 60: a desk page of 30 previews, twice).
 */
export function nodeRendering(baseUrl: string, env: NodeJS.ProcessEnv = process.env) {
  const num = (name: string, fallback: number) =>
    env[name] !== undefined && env[name] !== '' && Number.isFinite(Number(env[name]))
      ? Number(env[name])
      : fallback;
  const threads = num('YULU_RENDER_THREADS', 0) || undefined;
  const queue = num('YULU_RENDER_QUEUE', 0) || undefined;
  const waitMs = num('YULU_RENDER_WAIT_MS', 0) || undefined;
  const budget = num('YULU_RENDER_BUDGET', 0) || undefined;
  const render = renderPool({
    baseUrl,
    ...(threads ? { threads } : {}),
    ...(queue ? { queue } : {}),
    ...(waitMs ? { waitMs } : {}),
    ...(budget ? { budget } : {}),
  });
  const rate = num('YULU_RENDER_RATE', 20);
  const limiter =
    rate > 0 ? new TokenBucketLimiter({ rate, burst: num('YULU_RENDER_BURST', 60) }) : undefined;
  return { render, ...(limiter ? { limiter } : {}) };
}
