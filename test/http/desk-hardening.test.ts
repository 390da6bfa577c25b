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

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  app.request(`${origin}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });

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
    for (const day of ['2099-02-31', '2020-01-01']) {
      const res = await post(
        '/editor/schedule',
        { day, quote, version: '0', csrf, key: crypto.randomUUID() },
        { Cookie: cookie },
      );
      expect(res.status, day).toBe(400);
    }
    expect(await store.scheduled('2020-01-01')).toBeNull();
  });
});
