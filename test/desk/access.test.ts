/**
 * Cloudflare Access in front of the desk (issue 16): the `Cf-Access-Jwt-Assertion` JWT is checked
 * against a key pair made here (no network): signature, audience, issuer, expiry and not-before
 * within the skew; the desk then names the editor by the token's email in the audit, and a
 * missing or bad token is a 401/403 page, never a 500.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessVerifier, accessIssuer, SKEW_SECONDS } from '../../src/desk/access.ts';
import type { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { accessClaims, accessKeys, AUD, TEAM, type AccessKeys } from '../support/access-jwt.ts';
import { memoryStore } from '../support/store.ts';

let keys: AccessKeys;
let other: AccessKeys;
const NOW = 1_800_000_000;
const verifier = () =>
  new AccessVerifier({ teamDomain: TEAM, aud: AUD, jwks: keys.jwks, now: () => NOW * 1000 });

beforeAll(async () => {
  keys = await accessKeys();
  other = await accessKeys(); // same kid, another key: a forger's
});

describe('the Access JWT', () => {
  it('accepts a token Access signed for this application and names its editor', async () => {
    const jwt = await keys.sign(accessClaims('ann@example.com', NOW));
    await expect(verifier().verify(jwt)).resolves.toEqual({
      editor: 'ann@example.com',
      expires: (NOW + 3600) * 1000,
    });
    const service = await keys.sign({
      ...accessClaims('', NOW),
      email: undefined,
      common_name: 'ci.token',
    });
    await expect(verifier().verify(service)).resolves.toMatchObject({ editor: 'ci.token' });
    const single = await keys.sign({ ...accessClaims('b@example.com', NOW), aud: AUD });
    await expect(verifier().verify(single)).resolves.toMatchObject({ editor: 'b@example.com' });
  });

  it('refuses forged, foreign, expired, early and malformed tokens with 401/403', async () => {
    const good = accessClaims('ann@example.com', NOW);
    const cases: [string, Promise<string> | string, RegExp, number][] = [
      ['missing', '', /carries no Cf-Access-Jwt-Assertion/, 401],
      ['another key', other.sign(good), /signature does not verify/, 403],
      [
        'tampered payload',
        keys
          .sign(good)
          .then((t) =>
            t.replace(
              /\.[^.]+\./,
              `.${btoa(JSON.stringify({ ...good, email: 'eve@example.com' })).replace(/=+$/, '')}.`,
            ),
          ),
        /signature/,
        403,
      ],
      [
        'wrong audience',
        keys.sign({ ...good, aud: ['someone-else'] }),
        /another Access application/,
        403,
      ],
      [
        'wrong issuer',
        keys.sign({ ...good, iss: 'https://evil.cloudflareaccess.com' }),
        /issued by https:\/\/evil/,
        403,
      ],
      ['expired', keys.sign({ ...good, exp: NOW - SKEW_SECONDS - 1 }), /expired/, 403],
      ['not yet valid', keys.sign({ ...good, nbf: NOW + SKEW_SECONDS + 5 }), /not valid yet/, 403],
      ['no expiry', keys.sign({ ...good, exp: undefined }), /no expiry/, 403],
      ['no identity', keys.sign({ ...good, email: '' }), /names no editor/, 403],
      ['alg none', keys.sign(good, { alg: 'none' }), /algorithm none/, 403],
      ['HS256', keys.sign(good, { alg: 'HS256' }), /algorithm HS256/, 403],
      ['unknown kid', keys.sign(good, { kid: 'rotated-away' }), /unknown key rotated-away/, 403],
      ['not a JWT', 'abc.def', /not a JWT/, 403],
      ['header without alg', 'e30.e30.e30x', /algorithm undefined/, 403],
      ['too long', 'a'.repeat(9000), /too long/, 403],
    ];
    for (const [name, token, message, status] of cases) {
      const error = await verifier()
        .verify(await token)
        .then(
          () => null,
          (e: unknown) => e as { status: number; message: string },
        );
      expect(error, name).not.toBeNull();
      expect(error!.message, name).toMatch(message);
      expect(error!.status, name).toBe(status);
    }
  });

  it('tolerates a small clock skew on exp and nbf', async () => {
    const claims = { ...accessClaims('ann@example.com', NOW), exp: NOW - 30, nbf: NOW + 30 };
    await expect(verifier().verify(await keys.sign(claims))).resolves.toMatchObject({
      editor: 'ann@example.com',
    });
  });

  it('fetches the team keys once, caches them, and refetches an unknown kid at most once a minute', async () => {
    let now = NOW * 1000;
    const urls: string[] = [];
    const fetching = new AccessVerifier({
      teamDomain: `https://${TEAM}/`,
      aud: AUD,
      now: () => now,
      fetch: async (url) => {
        urls.push(url);
        return new Response(keys.jwks);
      },
    });
    const jwt = await keys.sign(accessClaims('ann@example.com', NOW));
    for (let i = 0; i < 5; i++) await fetching.verify(jwt);
    expect(urls).toEqual([`https://${TEAM}/cdn-cgi/access/certs`]);
    const unknown = await keys.sign(accessClaims('ann@example.com', NOW), { kid: 'new' });
    await expect(fetching.verify(unknown)).rejects.toThrow(/unknown key/);
    await expect(fetching.verify(unknown)).rejects.toThrow(/unknown key/);
    expect(urls).toHaveLength(1); // within a minute of the last fetch: no refetch
    now += 61_000;
    await expect(fetching.verify(unknown)).rejects.toThrow(/unknown key/);
    expect(urls).toHaveLength(2);
    now += 11 * 60_000; // past the cache's lifetime
    await fetching.verify(await keys.sign(accessClaims('ann@example.com', now / 1000)));
    expect(urls).toHaveLength(3);
  });

  it('answers 503 when the keys cannot be fetched, and tries again next time', async () => {
    let up = false;
    const fetching = new AccessVerifier({
      teamDomain: TEAM,
      aud: AUD,
      now: () => NOW * 1000,
      fetch: async () => (up ? new Response(keys.jwks) : new Response('down', { status: 502 })),
    });
    const jwt = await keys.sign(accessClaims('ann@example.com', NOW));
    await expect(fetching.verify(jwt)).rejects.toMatchObject({ status: 503 });
    up = true;
    await expect(fetching.verify(jwt)).resolves.toMatchObject({ editor: 'ann@example.com' });
  });

  it('refuses a configuration that is not one', () => {
    expect(() => accessIssuer('not a host')).toThrow(/not a host name/);
    expect(accessIssuer('https://Yulu.cloudflareaccess.com/')).toBe(
      'https://yulu.cloudflareaccess.com',
    );
    expect(() => new AccessVerifier({ teamDomain: TEAM, aud: ' ' })).toThrow(/ACCESS_AUD/);
    expect(() => new AccessVerifier({ teamDomain: TEAM, aud: AUD, jwks: '{' })).toThrow(
      /ACCESS_JWKS/,
    );
  });
});

describe('the desk behind Access', () => {
  const origin = 'https://yulu.example';
  const { catalog, corpus } = loadArtifacts();
  const library = new QuoteLibrary(catalog, corpus);
  let store: EditorialStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await memoryStore();
    app = createApp({
      library,
      links: { baseUrl: origin, renderVersion: 'test' },
      store: async () => store,
      access: new AccessVerifier({ teamDomain: TEAM, aud: AUD, jwks: keys.jwks }),
    });
  });
  const as = (jwt: string | null, init: RequestInit = {}) => ({
    ...init,
    headers: {
      ...(jwt ? { 'Cf-Access-Jwt-Assertion': jwt } : {}),
      ...(init.headers as Record<string, string>),
    },
  });

  it('is a 401 page without a token and a 403 page with a bad one, never a 500', async () => {
    const none = await app.request(`${origin}/editor`, as(null));
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/text\/html/);
    expect(await none.text()).toContain('carries no Cf-Access-Jwt-Assertion');
    const forged = await app.request(
      `${origin}/editor/audit`,
      as(await other.sign(accessClaims('eve@example.com'))),
    );
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('signature does not verify');
    const post = await app.request(
      `${origin}/editor/q/x/status`,
      as('x.y.z', {
        method: 'POST',
        body: 'csrf=a',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(post.status).toBe(403);
    // Signing in is Access's job: the token form redirects into the desk.
    const login = await app.request(`${origin}/editor/login`, as(null));
    expect(login.status).toBe(303);
  });

  it('names each editor by their Access email in the audit, and needs the CSRF token for writes', async () => {
    const quote = catalog.quotes[5]!;
    for (const [i, email] of ['ann@example.com', 'bob@example.com'].entries()) {
      const jwt = await keys.sign(accessClaims(email));
      const page = await (await app.request(`${origin}/editor`, as(jwt))).text();
      expect(page).toContain(`<span class="who">${email}</span>`);
      const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
      const form = (token: string) =>
        as(jwt, {
          method: 'POST',
          body: new URLSearchParams({
            csrf: token,
            version: String(i),
            status: i ? 'rejected' : 'approved',
            note: email,
            key: crypto.randomUUID(),
          }).toString(),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
        });
      const stale = await app.request(
        `${origin}/editor/q/${quote.id}/status`,
        form('not-the-token'),
      );
      expect(stale.status).toBe(403);
      const ok = await app.request(`${origin}/editor/q/${quote.id}/status`, form(csrf));
      expect(ok.status).toBe(303);
    }
    const actors = (await store.auditPage({ limit: 10 })).map((e) => e.actor);
    expect(new Set(actors)).toEqual(new Set(['ann@example.com', 'bob@example.com']));
    expect(await store.status(quote.id)).toMatchObject({
      status: 'rejected',
      updatedBy: 'bob@example.com',
      version: 2,
    });
  });
});
