/**
 * The desk under the issue-15 findings, through HTTP: idempotency keys bound to their request,
 * strict schedule dates and fixed past days.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { memoryStore } from '../support/store.ts';
import { formPoster } from '../support/form-post.ts';

const TOKEN = 'test-editor-token-7f3c9a1e5b2d8046';
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const origin = 'http://localhost';
let app: ReturnType<typeof createApp>;
let store: EditorialStore;

beforeAll(async () => {
  store = await memoryStore();
  app = createApp({
    library,
    links: { baseUrl: origin, renderVersion: 'test' },
    store: async () => store,
    editorToken: TOKEN,
  });
});

const post = formPoster(() => app, origin);

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const res = await post('/editor/login', { token: TOKEN });
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const desk = await (
    await app.request(`${origin}/editor`, { headers: { Cookie: cookie } })
  ).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(desk)![1]!;
  return { cookie, csrf };
}

describe('desk writes', () => {
  it('refuses a reused idempotency key with different content (422) instead of a silent 303', async () => {
    const { cookie, csrf } = await signIn();
    const id = catalog.quotes[30]!.id;
    const key = crypto.randomUUID();
    const fields = { status: 'approved', note: 'first', version: '0', csrf, key };
    expect((await post(`/editor/q/${id}/status`, fields, { Cookie: cookie })).status).toBe(303);
    // The same form again: replayed, 303.
    expect((await post(`/editor/q/${id}/status`, fields, { Cookie: cookie })).status).toBe(303);
    // Back, a changed note, the same key: 422 saying so, nothing applied.
    const changed = await post(
      `/editor/q/${id}/status`,
      { ...fields, note: 'second thoughts' },
      { Cookie: cookie },
    );
    expect(changed.status).toBe(422);
    expect(await changed.text()).toMatch(/idempotency_mismatch.*different content/s);
    expect((await store.status(id))?.note).toBe('first');
  });

  it('refuses impossible dates and days that have gone out', async () => {
    const { cookie, csrf } = await signIn();
    const quote = catalog.quotes[31]!.id;
    // An impossible date is a 400; a day that has gone out is a 409 day_fixed (issue 14's stable code).
    for (const [day, status] of [
      ['2099-02-31', 400],
      ['2020-01-01', 409],
    ] as const) {
      const res = await post(
        '/editor/schedule',
        { day, quote, version: '0', csrf, key: crypto.randomUUID() },
        { Cookie: cookie },
      );
      expect(res.status, day).toBe(status);
    }
    expect(await store.scheduled('2020-01-01')).toBeNull();
  });
});

describe('sessions', () => {
  it('signing out ends the session on the server: the old cookie no longer reads or writes', async () => {
    const { cookie, csrf } = await signIn();
    expect((await app.request(`${origin}/editor`, { headers: { Cookie: cookie } })).status).toBe(
      200,
    );
    const out = await post('/editor/logout', { csrf }, { Cookie: cookie });
    expect(out.status).toBe(303);
    // A copy of the cookie kept elsewhere (another tab, a stolen copy) is dead too.
    expect((await app.request(`${origin}/editor`, { headers: { Cookie: cookie } })).status).toBe(
      401,
    );
    const id = catalog.quotes[32]!.id;
    const write = await post(
      `/editor/q/${id}/status`,
      { status: 'approved', note: '', version: '0', csrf, key: crypto.randomUUID() },
      { Cookie: cookie },
    );
    expect(write.status).toBe(401);
    expect(await store.status(id)).toBeNull();
  });

  it('treats HEAD and OPTIONS as safe and marks every desk response no-store', async () => {
    const { cookie } = await signIn();
    const head = await app.request(`${origin}/editor`, {
      method: 'HEAD',
      headers: { Cookie: cookie },
    });
    expect(head.status).toBe(200);
    const options = await app.request(`${origin}/editor/calendar`, {
      method: 'OPTIONS',
      headers: { Cookie: cookie },
    });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toMatch(/GET/);
    for (const path of ['/editor', '/editor/calendar', '/editor/login'])
      expect(
        (await app.request(`${origin}${path}`, { headers: { Cookie: cookie } })).headers.get(
          'cache-control',
        ),
        path,
      ).toMatch(/no-store/);
  });

  it('behind a TLS-terminating proxy: Origin checked against the public origin, __Host- Secure cookie', async () => {
    const proxied = createApp({
      library,
      links: { baseUrl: 'https://yulu.example', renderVersion: 'test' },
      store: async () => store,
      editorToken: TOKEN,
    });
    // The proxy forwards plain http: the request's own URL is http://, the browser's Origin https://.
    const login = await proxied.request('http://10.0.0.5:8787/editor/login', {
      method: 'POST',
      body: new URLSearchParams({ token: TOKEN }).toString(),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://yulu.example',
      },
    });
    expect(login.status).toBe(303);
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^__Host-yulu_editor=/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/Path=\//);
    const cross = await proxied.request('http://10.0.0.5:8787/editor/login', {
      method: 'POST',
      body: new URLSearchParams({ token: TOKEN }).toString(),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
      },
    });
    expect(cross.status).toBe(403);
  });
});

describe('sign-in', () => {
  it('backs off per client after a few wrong tokens, without checking them', async () => {
    const throttled = createApp({
      library,
      links: { baseUrl: origin, renderVersion: 'test' },
      store: async () => store,
      editorToken: TOKEN,
      clientKey: (c) => c.req.header('X-Test-Client') ?? 'nobody',
    });
    const attempt = (token: string, client: string) =>
      throttled.request(`${origin}/editor/login`, {
        method: 'POST',
        body: new URLSearchParams({ token }).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Test-Client': client },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await attempt(`wrong-${i}`, 'guesser')).status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(6);
    const refused = await attempt(TOKEN, 'guesser');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another client is not locked out by someone else's guessing.
    expect((await attempt(TOKEN, 'editor')).status).toBe(303);
  });
});

describe('errata typed at the desk', () => {
  it('collapses line breaks and refuses control characters', async () => {
    const { cookie, csrf } = await signIn();
    const quote = catalog.quotes.find(
      (q) => q.flags.includes('machine-transcript') && /^\p{Script=Han}{5}/u.test(q.text),
    )!;
    const typed = `${quote.text.slice(0, 4)}${'\n'.repeat(60)}${quote.text.slice(4)}`;
    const saved = await post(
      `/editor/q/${quote.id}/erratum`,
      { corrected: typed, reason: '听错', version: '0', csrf, key: crypto.randomUUID() },
      { Cookie: cookie },
    );
    expect(saved.status).toBe(303);
    expect((await store.erratum(quote.id))?.corrected).toBe(quote.text);
    const control = await post(
      `/editor/q/${quote.id}/erratum`,
      {
        corrected: `${quote.text}\u0007`,
        reason: 'x',
        version: '1',
        csrf,
        key: crypto.randomUUID(),
      },
      { Cookie: cookie },
    );
    expect(control.status).toBe(400);
  });
});
