/**
 * Cloudflare Access in front of the desk, runtime-free (Web Crypto in workerd and Node). Access
 * signs every request it lets through with an RS256 JWT in the `Cf-Access-Jwt-Assertion` header;
 * a request that reaches the Worker another way (the workers.dev route, a misconfigured policy)
 * has none or a forged one. So the desk checks, on every request: the signature against the
 * team's keys, the audience (the Access application's AUD tag), the issuer (the team domain),
 * and the expiry and not-before times within a small clock skew. The editor is the identity Access
 * vouched for: the user's email, or a service token's common name.
 *
 * Keys come from the team's JWKS URL (`https://<team>/cdn-cgi/access/certs`), cached (at most
 * MAX_KEYS keys, refreshed after KEYS_TTL_MS, an unknown `kid` refetches at most once per
 * REFETCH_MS), or from a fixed JWKS given in configuration (tests, offline).
 */
import { YuluError } from '../errors.ts';
import { base64url, fromBase64url } from '../text/base64url.ts';

export interface AccessConfig {
  /** The team domain, `yulu.cloudflareaccess.com` (an `https://` prefix is accepted). */
  teamDomain: string;
  /** The Access application's audience (AUD) tag. */
  aud: string;
  /** A fixed key set (JWKS JSON); without it keys are fetched from the team's certs URL. */
  jwks?: string | undefined;
  /** How to fetch the certs URL (the runtime's fetch by default). */
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  now?: () => number;
}

/** Who Access let in. */
export interface AccessIdentity {
  /** The name the desk records: the email, or a service token's common name. */
  editor: string;
  /** The token's expiry (ms since the epoch). */
  expires: number;
}

/** What the desk asks of Access: the identity of a request's JWT, or a 401/403/503 YuluError. */
export interface AccessGate {
  verify(jwt: string | undefined | null): Promise<AccessIdentity>;
}

/** Access configured wrongly: the desk stays closed (503 naming the problem), never open. */
export function closedAccess(why: string): AccessGate {
  return {
    verify: () =>
      Promise.reject(
        new YuluError('store_unavailable', `the desk is closed: ${why}`, { status: 503 }),
      ),
  };
}

export const ACCESS_HEADER = 'Cf-Access-Jwt-Assertion';
/** Clock skew tolerated on exp and nbf (Access and the Worker's clocks are both NTP-synced). */
export const SKEW_SECONDS = 60;
const MAX_JWT_LENGTH = 8 * 1024;
const MAX_JWKS_BYTES = 64 * 1024;
const MAX_KEYS = 16;
const KEYS_TTL_MS = 10 * 60 * 1000;
const REFETCH_MS = 60 * 1000;
const FETCH_TIMEOUT_MS = 5_000;
const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

type VerifyKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const refused = (why: string) =>
  new YuluError('forbidden', `the Cloudflare Access token was refused: ${why}`, { status: 403 });

function decodeJson(part: string, what: string): Record<string, unknown> {
  const bytes = fromBase64url(part);
  if (!bytes) throw refused(`its ${what} is not base64url`);
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw refused(`its ${what} is not a JSON object`);
}

/** `yulu.cloudflareaccess.com` or `https://yulu.cloudflareaccess.com/` → `https://yulu.cloudflareaccess.com`. */
export function accessIssuer(teamDomain: string): string {
  const host = teamDomain
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/+$/, '');
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(host))
    throw new YuluError(
      'invalid_argument',
      `ACCESS_TEAM_DOMAIN "${teamDomain.slice(0, 100)}" is not a host name such as yulu.cloudflareaccess.com`,
    );
  return `https://${host.toLowerCase()}`;
}

interface KeySet {
  keys: Map<string, VerifyKey>;
  fetchedAt: number;
}

async function importKeySet(json: unknown, at: number): Promise<KeySet> {
  const list = (json as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list))
    throw new YuluError('store_unavailable', 'the Access key set has no "keys" array');
  const keys = new Map<string, VerifyKey>();
  for (const jwk of list.slice(0, MAX_KEYS) as Record<string, unknown>[]) {
    if (jwk?.kty !== 'RSA' || typeof jwk.kid !== 'string' || typeof jwk.n !== 'string') continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    if (jwk.alg !== undefined && jwk.alg !== 'RS256') continue;
    const key = await crypto.subtle
      .importKey(
        'jwk',
        { kty: 'RSA', n: jwk.n, e: String(jwk.e ?? 'AQAB'), alg: 'RS256', ext: true },
        ALGORITHM,
        false,
        ['verify'],
      )
      .catch(() => null);
    if (key) keys.set(jwk.kid, key);
  }
  return { keys, fetchedAt: at };
}

export class AccessVerifier implements AccessGate {
  readonly issuer: string;
  private readonly aud: string;
  private readonly now: () => number;
  private readonly fixed: string | undefined;
  private readonly fetcher: (url: string, init?: RequestInit) => Promise<Response>;
  private keySet: Promise<KeySet> | undefined;
  private lastFetch = -Infinity;

  constructor(config: AccessConfig) {
    this.issuer = accessIssuer(config.teamDomain);
    this.aud = config.aud.trim();
    if (!this.aud) throw new YuluError('invalid_argument', 'ACCESS_AUD is empty');
    this.now = config.now ?? Date.now;
    this.fixed = config.jwks;
    if (this.fixed !== undefined) {
      try {
        JSON.parse(this.fixed);
      } catch {
        throw new YuluError('invalid_argument', 'ACCESS_JWKS is not JSON (a {"keys": [...]} set)');
      }
    }
    this.fetcher = config.fetch ?? ((url, init) => fetch(url, init));
  }

  /** The team's certs URL, where Access publishes its signing keys. */
  get certsUrl(): string {
    return `${this.issuer}/cdn-cgi/access/certs`;
  }

  private async fetchKeys(): Promise<KeySet> {
    if (this.fixed !== undefined) return importKeySet(JSON.parse(this.fixed), this.now());
    this.lastFetch = this.now();
    let response: Response;
    try {
      response = await this.fetcher(this.certsUrl, {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch {
      throw new YuluError(
        'store_unavailable',
        `Access keys could not be fetched from ${this.certsUrl}`,
      );
    }
    const text = response.ok ? await response.text() : '';
    if (!response.ok || text.length > MAX_JWKS_BYTES)
      throw new YuluError(
        'store_unavailable',
        `Access keys could not be read from ${this.certsUrl} (HTTP ${response.status})`,
      );
    return importKeySet(JSON.parse(text), this.now());
  }

  /** The key for `kid`: from the cache, or after one (rate-limited) refresh. */
  private async key(kid: string): Promise<VerifyKey | undefined> {
    const load = () => {
      const loading = this.fetchKeys();
      this.keySet = loading;
      // A failed fetch is not cached: the next request tries again.
      loading.catch(() => {
        if (this.keySet === loading) this.keySet = undefined;
      });
      return loading;
    };
    let set = await (this.keySet ?? load());
    const stale = this.fixed === undefined && this.now() - set.fetchedAt > KEYS_TTL_MS;
    const unknown = !set.keys.has(kid) && this.now() - this.lastFetch > REFETCH_MS;
    if (this.fixed === undefined && (stale || unknown)) set = await load();
    return set.keys.get(kid);
  }

  /** Checks the request's Access JWT; the identity it carries, or a 401/403 YuluError. */
  async verify(jwt: string | undefined | null): Promise<AccessIdentity> {
    if (!jwt)
      throw new YuluError(
        'unauthorized',
        `the desk is behind Cloudflare Access and this request carries no ${ACCESS_HEADER}; open the desk through the Access-protected address`,
        { status: 401 },
      );
    if (jwt.length > MAX_JWT_LENGTH) throw refused('it is too long');
    const parts = jwt.split('.');
    if (parts.length !== 3) throw refused('it is not a JWT (three dot-separated parts)');
    const [head, body, signature] = parts as [string, string, string];
    const header = decodeJson(head, 'header');
    if (header.alg !== 'RS256') throw refused(`algorithm ${String(header.alg)} (only RS256)`);
    if (typeof header.kid !== 'string') throw refused('it names no key (kid)');
    const key = await this.key(header.kid);
    if (!key) throw refused(`it is signed with an unknown key ${header.kid.slice(0, 64)}`);
    const sig = fromBase64url(signature);
    const ok =
      sig !== null &&
      (await crypto.subtle.verify(
        ALGORITHM,
        key,
        sig,
        new TextEncoder().encode(`${head}.${body}`),
      ));
    if (!ok) throw refused('its signature does not verify');
    const claims = decodeJson(body, 'payload');
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes(this.aud)) throw refused('it is for another Access application (aud)');
    if (claims.iss !== this.issuer)
      throw refused(`it was issued by ${String(claims.iss).slice(0, 100)}, not ${this.issuer}`);
    const now = this.now() / 1000;
    if (typeof claims.exp !== 'number') throw refused('it has no expiry');
    if (now > claims.exp + SKEW_SECONDS) throw refused('it has expired; sign in to Access again');
    if (typeof claims.nbf === 'number' && now < claims.nbf - SKEW_SECONDS)
      throw refused('it is not valid yet (nbf)');
    const who =
      typeof claims.email === 'string' && claims.email
        ? claims.email
        : typeof claims.common_name === 'string'
          ? claims.common_name
          : '';
    // eslint-disable-next-line no-control-regex
    if (!who || who.length > 254 || /[\u0000-\u001f\u007f]/.test(who))
      throw refused('it names no editor (email or common_name)');
    return { editor: who.normalize('NFC'), expires: claims.exp * 1000 };
  }
}

/**
 * The CSRF token of an Access session: a hash of the JWT itself, which only the editor's browser
 * (its CF_Authorization cookie) and Access know. When Access renews the JWT, open forms go stale
 * and say so (403, reload the page).
 */
export async function accessCsrf(jwt: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`yulu-access-csrf:${jwt}`),
  );
  return base64url(new Uint8Array(digest)).slice(0, 24);
}
