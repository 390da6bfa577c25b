import { beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/desk/migrate.ts';
import { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { openSqlite, readMigrations } from '../../src/runtime/node/sqlite.ts';

const TOKEN = 'test-editor-token-0123456789';
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
let app: ReturnType<typeof createApp>;
let store: EditorialStore;
const origin = 'http://localhost';

beforeAll(async () => {
  const db = openSqlite(':memory:');
  await applyMigrations(db, readMigrations());
  store = new EditorialStore(db);
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
    const forged = await app.request(`${origin}/editor`, {
      headers: { Cookie: 'yulu_editor=eyJlZGl0b3IiOiJ4In0.c2ln' },
    });
    expect(forged.status).toBe(401);
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
