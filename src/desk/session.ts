/**
 * Editor sessions, runtime-free (Web Crypto in Node and workerd). Signing in compares the
 * submitted token with EDITOR_TOKEN in constant time (HMAC both, compare with
 * `crypto.subtle.verify`); the session lives on the server (the editorial store's `sessions`
 * table), the cookie carries only its random ID, and every write must echo its CSRF token.
 */
import { base64url } from '../text/base64url.ts';

export interface Session {
  editor: string;
  csrf: string;
  expires: number;
}

export const SESSION_COOKIE = 'yulu_editor';
export const SESSION_SECONDS = 12 * 60 * 60;

const encoder = new TextEncoder();

async function key(secret: string) {
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(`yulu-session:${secret}`),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
}

/** Constant-time check of a submitted token against the configured one. */
export async function tokenMatches(submitted: string, configured: string): Promise<boolean> {
  if (!configured) return false;
  const k = await key(configured);
  const expected = await crypto.subtle.sign('HMAC', k, encoder.encode(configured));
  return crypto.subtle.verify('HMAC', k, expected, encoder.encode(submitted));
}

/**
 * Server-side sessions (issue 15). The cookie carries a random 256-bit ID; the store keeps only
 * its SHA-256 with the editor's name, the CSRF token and the expiry, so a session can be revoked
 * (signing out ends it everywhere at once; all of an editor's sessions can be ended together).
 */
export interface ServerSession {
  /** The random ID the cookie carries (never stored). */
  id: string;
  idHash: string;
  editor: string;
  csrf: string;
  expires: number;
}

function randomToken(bytes: number): string {
  const random = new Uint8Array(bytes);
  crypto.getRandomValues(random);
  return base64url(random);
}

/** SHA-256 of a cookie's session ID, as the store keys it; null for a value that is no ID. */
export async function sessionIdHash(id: string | undefined): Promise<string | null> {
  if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(id))));
}

export async function newServerSession(editor: string, now = Date.now()): Promise<ServerSession> {
  const id = randomToken(32);
  return {
    id,
    idHash: (await sessionIdHash(id)) as string,
    editor,
    csrf: randomToken(18),
    expires: now + SESSION_SECONDS * 1000,
  };
}

/**
 * The session cookie for a public origin: on https it is `__Host-yulu_editor` — Secure, Path=/,
 * no Domain, so no other host or plain-http page can set or read it — otherwise `yulu_editor`.
 */
export function sessionCookie(publicOrigin: string): {
  name: string;
  options: {
    httpOnly: true;
    sameSite: 'Strict';
    secure: boolean;
    path: '/';
    maxAge: number;
  };
} {
  const secure = publicOrigin.startsWith('https:');
  return {
    name: secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE,
    options: { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge: SESSION_SECONDS },
  };
}

/** The origin (scheme://host[:port]) of a configured public base URL. */
export function publicOrigin(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl.replace(/\/+$/, '');
  }
}
