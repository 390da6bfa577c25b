/**
 * The desk's sign-in, sessions and request guard (issue 15), runtime-free, for the desk routes to
 * call: sign-in with per-client backoff, server-side sessions in the editorial store (sign-out
 * revokes, so the cookie dies everywhere), the `__Host-` Secure cookie on an https public origin,
 * Origin checked against the configured public origin (a TLS-terminating proxy makes the
 * request's own URL http:), HEAD/OPTIONS treated as safe, and `no-store` on every desk response.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  newServerSession,
  publicOrigin,
  sessionCookie,
  sessionIdHash,
  tokenMatches,
  type Session,
} from '../desk/session.ts';
import { SignInThrottle } from '../desk/sign-in-throttle.ts';
import { SHORTCUT_EDITOR } from '../desk/editors.ts';
import { ACCESS_HEADER, accessCsrf, type AccessGate } from '../desk/access.ts';
import type { EditorialStore } from '../desk/store.ts';
import { YuluError } from '../errors.ts';

export interface DeskSessionOptions {
  store: () => Promise<EditorialStore>;
  /** The configured public base URL (YULU_BASE_URL / PUBLIC_BASE_URL). */
  baseUrl: string;
  token: string | undefined;
  /** Who is asking (socket address, CF-Connecting-IP); default: one client for everyone. */
  clientKey?: ((c: Context) => string) | undefined;
  throttle?: SignInThrottle;
  /** Where failed sign-ins are logged. */
  log?: (line: string) => void;
  /**
   * Cloudflare Access in front (src/desk/access.ts): every request must carry a valid Access JWT,
   * whose identity is the editor; tokens and stored sessions are not used.
   */
  access?: AccessGate | undefined;
}

/** Methods that never write: no CSRF token, no Origin check. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function deskSessions(options: DeskSessionOptions) {
  const origin = publicOrigin(options.baseUrl);
  const cookie = sessionCookie(origin);
  const throttle = options.throttle ?? new SignInThrottle();
  const setup: SessionSetup = {
    options,
    cookie,
    throttle,
    client: options.clientKey ?? (() => 'anonymous'),
    log: options.log ?? ((line: string) => console.warn(line)),
  };

  return {
    throttle,
    cookieName: cookie.name,
    /** Whether cookies are Secure (an https public origin). */
    secure: cookie.options.secure,
    /** Whether Cloudflare Access signs editors in (no tokens, no stored sessions). */
    access: Boolean(options.access),

    /** Writes must come from the public origin (a cross-site form is refused before CSRF). */
    checkOrigin(c: Context): void {
      const sent = c.req.header('Origin');
      if (sent && sent !== origin)
        throw new YuluError(
          'forbidden',
          `cross-site request from ${sent.slice(0, 100)} refused; the desk accepts writes from ${origin}`,
          { status: 403 },
        );
    },

    /**
     * Checks a submitted token under the client's backoff. `true`: signed in (cookie set);
     * `false`: wrong token (logged). While the client must wait, throws 429 with Retry-After
     * without checking the token at all.
     */
    signIn: (c: Context, submitted: string): Promise<boolean> => signIn(setup, c, submitted),

    /**
     * The live session of this request's cookie, or null (missing, unknown, expired, revoked, or
     * of a named editor revoked since signing in). Behind Access: the JWT's editor, or a 401/403
     * YuluError.
     */
    read: (c: Context): Promise<Session | null> => readSession(setup, c),

    /** Ends this request's session on the server (every copy of the cookie stops working). */
    async signOut(c: Context): Promise<void> {
      const idHash = await sessionIdHash(getCookie(c, cookie.name));
      if (idHash) await (await options.store()).revokeSession(idHash);
      deleteCookie(c, cookie.name, { path: '/', secure: cookie.options.secure });
    },
  };
}

/** What the session steps share: the options, the cookie, the backoff and the log. */
interface SessionSetup {
  options: DeskSessionOptions;
  cookie: ReturnType<typeof sessionCookie>;
  throttle: SignInThrottle;
  client: (c: Context) => string;
  log: (line: string) => void;
}

/**
 * Who a submitted token signs in as: `editor` for EDITOR_TOKEN (the single-editor shortcut),
 * else the named editor whose token it is (src/desk/editors.ts), else nobody. With no
 * EDITOR_TOKEN configured the desk is closed to everyone.
 */
async function editorFor(options: DeskSessionOptions, submitted: string): Promise<string | null> {
  if (!options.token) return null;
  if (await tokenMatches(submitted, options.token)) return SHORTCUT_EDITOR;
  if (!submitted) return null;
  return (await options.store()).editors().signIn(submitted);
}

async function signIn(
  { options, cookie, throttle, client, log }: SessionSetup,
  c: Context,
  submitted: string,
): Promise<boolean> {
  const who = client(c);
  const wait = throttle.admit(who);
  if (wait > 0)
    throw new YuluError(
      'rate_limited',
      `too many wrong tokens from this address; try again in ${wait} s`,
      { retryAfter: wait },
    );
  const editor = await editorFor(options, submitted);
  if (!editor) {
    log(`yulu: failed sign-in to the desk from ${who} (${throttle.failures(who)} in a row)`);
    return false;
  }
  throttle.succeeded(who);
  const session = await newServerSession(editor);
  await (await options.store()).createSession(session);
  setCookie(c, cookie.name, session.id, cookie.options);
  return true;
}

async function readSession({ options, cookie }: SessionSetup, c: Context): Promise<Session | null> {
  if (options.access) {
    // Access: the JWT is the session (a missing or refused one is a 401/403 page).
    const jwt = c.req.header(ACCESS_HEADER) ?? '';
    const who = await options.access.verify(jwt);
    return { editor: who.editor, csrf: await accessCsrf(jwt), expires: who.expires };
  }
  const idHash = await sessionIdHash(getCookie(c, cookie.name));
  if (!idHash) return null;
  const store = await options.store();
  const stored = await store.session(idHash);
  if (!stored) return null;
  if (stored.editor !== SHORTCUT_EDITOR && !(await store.editors().active(stored.editor)))
    return null;
  return { editor: stored.editor, csrf: stored.csrf, expires: stored.expires };
}

export type DeskSessions = ReturnType<typeof deskSessions>;

/** `Cache-Control: no-store` on every desk response (pages carry CSRF tokens and editorial state). */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
};
