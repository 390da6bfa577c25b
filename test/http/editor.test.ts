import { memoryStore } from '../support/store.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';

const TOKEN = 'test-editor-token-0123456789';
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
let app: ReturnType<typeof createApp>;
let store: EditorialStore;
const origin = 'http://localhost';

beforeAll(async () => {
  store = await memoryStore();
  const engine = await createNodeCardEngine(library, 'https://yulu.example');
  app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: origin, renderVersion: engine.version },
    store: async () => store,
    editorToken: TOKEN,
  });
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  app.request(`${origin}${path}`, {
    method: 'POST',
    body: form(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const res = await post('/editor/login', { token: TOKEN });
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie')!;
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  const session = cookie.split(';')[0]!;
  const desk = await (
    await app.request(`${origin}/editor`, { headers: { Cookie: session } })
  ).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(desk)![1]!;
  return { cookie: session, csrf };
}

describe('the editorial desk', () => {
  it('keeps non-editors out: no data without a session, wrong tokens refused', async () => {
    const desk = await app.request(`${origin}/editor`);
    expect(desk.status).toBe(401);
    expect(await desk.text()).not.toContain(catalog.quotes[0]!.text);
    expect((await post('/editor/login', { token: 'wrong' })).status).toBe(401);
    expect(
      (
        await post(`/editor/q/${catalog.quotes[0]!.id}/status`, {
          status: 'approved',
          version: '0',
        })
      ).status,
    ).toBe(401);
    // Forged or mangled session cookies of every shape are a 401, never a 500.
    for (const value of ['eyJlZGl0b3IiOiJ4In0.c2ln', 'a.b', 'a.bcdef', '.', 'x.y.z', '%ZZ', '=']) {
      const forged = await app.request(`${origin}/editor`, {
        headers: { Cookie: `yulu_editor=${value}` },
      });
      expect(forged.status, value).toBe(401);
    }
  });

  it('approves with a note, refuses a missing CSRF token and a cross-site post', async () => {
    const { cookie, csrf } = await signIn();
    const id = catalog.quotes[20]!.id;
    const noCsrf = await post(
      `/editor/q/${id}/status`,
      { status: 'approved', version: '0' },
      { Cookie: cookie },
    );
    expect(noCsrf.status).toBe(403);
    const crossSite = await post(
      `/editor/q/${id}/status`,
      { status: 'approved', version: '0', csrf },
      { Cookie: cookie, Origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect(await store.status(id)).toBeNull();
    const ok = await post(
      `/editor/q/${id}/status`,
      { status: 'approved', note: '好句', version: '0', csrf, key: crypto.randomUUID() },
      { Cookie: cookie },
    );
    expect(ok.status).toBe(303);
    expect(await store.status(id)).toMatchObject({ status: 'approved', note: '好句', version: 1 });
  });

  it('shows a stale edit as a conflict that keeps what the editor typed', async () => {
    const { cookie, csrf } = await signIn();
    const id = catalog.quotes[21]!.id;
    await post(
      `/editor/q/${id}/status`,
      { status: 'approved', note: 'first', version: '0', csrf, key: crypto.randomUUID() },
      { Cookie: cookie },
    );
    const stale = await post(
      `/editor/q/${id}/status`,
      { status: 'rejected', note: '我的意见', version: '0', csrf, key: crypto.randomUUID() },
      { Cookie: cookie },
    );
    expect(stale.status).toBe(409);
    const text = await stale.text();
    expect(text).toContain('version_conflict');
    expect(text).toContain('我的意见');
    expect(await store.status(id)).toMatchObject({ status: 'approved', note: 'first' });
  });

  it('schedules a day that /api/daily then serves', async () => {
    const { cookie, csrf } = await signIn();
    const id = catalog.quotes[22]!.id;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    const res = await post(
      '/editor/schedule',
      { day: today, quote: id, version: '0', csrf, key: crypto.randomUUID() },
      { Cookie: cookie },
    );
    expect(res.status).toBe(303);
    const daily = (await (await app.request(`${origin}/api/daily?date=${today}`)).json()) as {
      quote: { id: string };
    };
    expect(daily.quote.id).toBe(id);
    const calendar = await (
      await app.request(`${origin}/editor/calendar`, { headers: { Cookie: cookie } })
    ).text();
    expect(calendar).toContain(id);
  });
});

describe('trims and errata', () => {
  it('creates a trim only inside the speaker’s own words, with the catalog’s ID rule', async () => {
    const { cookie, csrf } = await signIn();
    const quote = catalog.quotes.find((q) => [...q.text].length > 20 && !/[“”「」]/.test(q.text))!;
    const outside = await post(
      `/editor/q/${quote.id}/trim`,
      { start: '0', end: '100000', csrf },
      { Cookie: cookie },
    );
    expect(outside.status).toBe(400);
    expect(await outside.text()).toContain('invalid_span');
    // The quote's own span is the quote itself (same ID), not a trim: refused, nothing stored.
    const same = await post(
      `/editor/q/${quote.id}/trim`,
      { start: String(quote.span[0]), end: String(quote.span[1]), csrf },
      { Cookie: cookie },
    );
    expect(same.status).toBe(400);
    expect(await same.text()).toContain(`is quote ${quote.id} as it stands`);
    expect(await store.trim(quote.id)).toBeNull();
    const ok = await post(
      `/editor/q/${quote.id}/trim`,
      { start: String(quote.span[0]), end: String(quote.span[0] + 10), csrf },
      { Cookie: cookie },
    );
    expect(ok.status).toBe(303);
    const trimId = ok.headers.get('location')!.split('/').pop()!;
    const trim = await store.trim(trimId);
    expect(trim?.text).toBe(
      corpus.documents
        .find((d) => d.meta.slug === quote.source)!
        .paragraphs.find((p) => p.id === quote.paragraph)!
        .text.slice(trim!.span[0], trim!.span[1]),
    );
    const card = await app.request(`${origin}/cards/${trimId}.svg`);
    expect(card.status).toBe(200);
  });

  it('keeps an erratum beside the original and marks the card edited', async () => {
    const { cookie, csrf } = await signIn();
    const quote = catalog.quotes.find((q) => q.flags.includes('machine-transcript'))!;
    const published = catalog.quotes.find((q) => !q.flags.includes('machine-transcript'))!;
    const refused = await post(
      `/editor/q/${published.id}/erratum`,
      { corrected: 'x', reason: 'y', version: '0', csrf },
      { Cookie: cookie },
    );
    expect(refused.status).toBe(400);
    const before = await (await app.request(`${origin}/cards/${quote.id}.svg`)).text();
    const noReason = await post(
      `/editor/q/${quote.id}/erratum`,
      { corrected: '更正后的话。', reason: '', version: '0', csrf },
      { Cookie: cookie },
    );
    expect(noReason.status).toBe(400);
    const ok = await post(
      `/editor/q/${quote.id}/erratum`,
      {
        corrected: '更正后的话。',
        reason: 'ASR misheard',
        version: '0',
        csrf,
        key: crypto.randomUUID(),
      },
      { Cookie: cookie },
    );
    expect(ok.status).toBe(303);
    expect(await store.erratum(quote.id)).toMatchObject({
      corrected: '更正后的话。',
      reason: 'ASR misheard',
      version: 1,
    });
    const after = await app.request(`${origin}/cards/${quote.id}.svg`);
    const svg = await after.text();
    expect(svg).not.toBe(before);
    // The catalog keeps the original; the card now carries the edited note.
    expect(library.find(quote.id)?.text).toBe(quote.text);
    // The source view shows both: the captured words and the reviewed correction.
    const source = await (await app.request(`${origin}/sources/${quote.source}`)).text();
    expect(source).toContain(`data-erratum="${quote.id}"`);
    expect(source).toContain('更正后的话。');
    expect(source).toContain('ASR misheard');
  });
});

describe('the audit page', () => {
  it('lists changes newest first, for editors only', async () => {
    expect((await app.request(`${origin}/editor/audit`)).status).toBe(401);
    const { cookie } = await signIn();
    const res = await app.request(`${origin}/editor/audit`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    // In words (status before → after), not JSON; newest first.
    expect(html).toContain('已批准');
    expect(html).not.toContain('"status":"approved"');
    const seqs = [...html.matchAll(/data-seq="(\d+)"/g)].map((m) => Number(m[1]));
    expect(seqs.length).toBeGreaterThan(1);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('adversarial errata', () => {
  it('refuses characters the card fonts cannot draw (emoji, rare ideographs), so no card shows tofu', async () => {
    const { cookie, csrf } = await signIn();
    const quote = catalog.quotes.filter((q) => q.flags.includes('machine-transcript'))[3]!;
    for (const corrected of ['说得好😀', '𠀀𠀁之言']) {
      const res = await post(
        `/editor/q/${quote.id}/erratum`,
        { corrected, reason: 'test', version: '0', csrf, key: crypto.randomUUID() },
        { Cookie: cookie },
      );
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('cannot draw');
    }
    expect(await store.erratum(quote.id)).toBeNull();
  });
});
