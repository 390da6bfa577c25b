/**
 * Origins for the Node runtime: the address the server listens on, and the public origin that
 * cards print and QR codes point to (`YULU_BASE_URL`, never a request's Host header).
 */
import { isIP } from 'node:net';
import { YuluError } from '../../errors.ts';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

/**
 * `http://host:port` for a listening address. IPv6 literals get brackets (`http://[::1]:8787`),
 * without which `new URL()` throws; a wildcard address (0.0.0.0, ::) is shown as loopback, the
 * address a browser on this machine can open.
 */
export function listeningOrigin(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const bare = reachable.replace(/^\[(.*)\]$/u, '$1');
  return `http://${isIP(bare) === 6 ? `[${bare}]` : bare}:${port}`;
}

/**
 * The public origin from `YULU_BASE_URL`, else the listening origin. A value that is not an
 * absolute http(s) URL is an error naming the variable; a path or trailing slash is dropped, since
 * links are built as `{origin}/q/{id}`.
 */
export function publicOrigin(configured: string | undefined, fallback: string): string {
  if (configured === undefined || configured.trim() === '') return fallback;
  let url: URL;
  try {
    url = new URL(configured.trim());
  } catch {
    throw new YuluError(
      'invalid_argument',
      `YULU_BASE_URL="${configured}" is not a URL; set it to the public origin, e.g. YULU_BASE_URL=https://yulu.example`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new YuluError(
      'invalid_argument',
      `YULU_BASE_URL="${configured}" must start with http:// or https://, e.g. YULU_BASE_URL=https://yulu.example`,
    );
  return url.origin;
}

/** Whether an origin only this machine can reach (localhost, 127.0.0.0/8, ::1, wildcards). */
export function isLoopbackOrigin(origin: string): boolean {
  const host = new URL(origin).hostname.replace(/^\[(.*)\]$/u, '$1').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/u.test(host) ||
    host === '::1' ||
    host === '0.0.0.0' ||
    host === '::'
  );
}

/** `PORT` as a TCP port number, or an error naming the variable and what is allowed. */
export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new YuluError(
      'invalid_argument',
      `PORT="${value}" is not a port; allowed: an integer 0–65535 (0 picks a free one), e.g. PORT=8788`,
    );
  return port;
}

export interface ServerConfig {
  port: number;
  host: string;
  /** What cards print and QR codes encode. */
  publicOrigin: string;
  /** Whether publicOrigin came from YULU_BASE_URL (else it is the listening origin). */
  fromYuluBaseUrl: boolean;
}

/** `npm start`'s settings from PORT, HOST and YULU_BASE_URL; a bad value is a YuluError. */
export function serverConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = parsePort(env.PORT);
  const host = env.HOST?.trim() || DEFAULT_HOST;
  const fromYuluBaseUrl = (env.YULU_BASE_URL ?? '').trim() !== '';
  return {
    port,
    host,
    publicOrigin: publicOrigin(env.YULU_BASE_URL, listeningOrigin(host, port)),
    fromYuluBaseUrl,
  };
}
