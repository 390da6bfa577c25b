/**
 * Named editors (issue 16): tokens made once and kept hashed, sign-in by name, the audit naming
 * who did what, revocation ending sessions, EDITOR_TOKEN still a single-editor shortcut; and the
 * audit in words, paged and filtered; and the desk's forms (Enter chooses nothing, buttons named).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEditorName } from '../../src/desk/editors.ts';
import type { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { memoryStore } from '../support/store.ts';
import { formPoster } from '../support/form-post.ts';

const TOKEN = 'test-editor-token-editors-4242';
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const origin = 'http://localhost';
let app: ReturnType<typeof createApp>;
let store: EditorialStore;

beforeAll(async () => {
  store = await memoryStore();
  const engine = await createNodeCardEngine(library, origin);
  app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: origin, renderVersion: engine.version },
    store: async () => store,
    editorToken: TOKEN,
  });
});

const post = formPoster(() => app, origin);
const get = (path: string, cookie: string) =>
  app.request(`${origin}${path}`, { headers: { Cookie: cookie } });

async function signIn(token: string): Promise<{ cookie: string; csrf: string }> {
  const res = await post('/editor/login', { token });
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const desk = await (await get('/editor', cookie)).text();
  return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(desk)![1]! };
}

async function approve(who: { cookie: string; csrf: string }, id: string, note: string) {
  const version = (await store.status(id))?.version ?? 0;
  const res = await post(
    `/editor/q/${id}/status`,
    {
      csrf: who.csrf,
      version: String(version),
      status: 'approved',
      note,
      key: crypto.randomUUID(),
    },
    { Cookie: who.cookie },
  );
  expect(res.status).toBe(303);
}

describe('named editors', () => {
  it('makes a token once, keeps only its hash, and signs the editor in by name', async () => {
    const { editor, token } = await store.editors().add('王编辑');
    expect(editor.name).toBe('王编辑');
    expect(token).toMatch(/^yulu_ed_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(await store.editors().list())).not.toContain(token);
    await expect(store.editors().add('王编辑')).rejects.toThrow(/already exists/);
    expect(() => checkEditorName('editor')).toThrow(/reserved/);
    expect(() => checkEditorName('<b>')).toThrow(/not allowed/);
    const wang = await signIn(token);
    const page = await (await get('/editor', wang.cookie)).text();
    expect(page).toContain('<span class="who">王编辑</span>');
  });

  it('records each editor’s name in the audit, and filters and pages the log by editor', async () => {
    const { token: liToken } = await store.editors().add('Li Na');
    const { token: zhouToken } = await store.editors().add('周');
    const [li, zhou, shortcut] = [
      await signIn(liToken),
      await signIn(zhouToken),
      await signIn(TOKEN),
    ];
    const quotes = catalog.quotes.slice(100, 160);
    for (const q of quotes.slice(0, 55)) await approve(li, q.id, 'li');
    await approve(zhou, quotes[56]!.id, 'zhou');
    await approve(shortcut, quotes[57]!.id, 'shortcut');
    const actors = (await store.auditPage({ limit: 500 })).map((e) => e.actor);
    expect(new Set(actors)).toEqual(new Set(['Li Na', '周', 'editor']));

    const all = await (await get('/editor/audit', li.cookie)).text();
    expect(all).toContain('<strong class="actor">周</strong>');
    expect(all).toContain('<strong class="actor">Li Na</strong>');
    // Paged: 50 a page, the next page continues below the last entry shown.
    const seqs = [...all.matchAll(/data-seq="(\d+)"/g)].map((m) => Number(m[1]));
    expect(seqs).toHaveLength(50);
    const next = /href="(\/editor\/audit\?before=\d+)" rel="next"/.exec(all)![1]!;
    const older = await (await get(next.replaceAll('&amp;', '&'), li.cookie)).text();
    const olderSeqs = [...older.matchAll(/data-seq="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...olderSeqs)).toBeLessThan(Math.min(...seqs));

    const onlyZhou = await (
      await get(`/editor/audit?editor=${encodeURIComponent('周')}`, li.cookie)
    ).text();
    expect([...onlyZhou.matchAll(/data-seq=/g)]).toHaveLength(1);
    expect(onlyZhou).not.toContain('<strong class="actor">Li Na</strong>');
    const oneQuote = await (await get(`/editor/audit?quote=${quotes[57]!.id}`, li.cookie)).text();
    expect([...oneQuote.matchAll(/data-seq=/g)]).toHaveLength(1);
    expect(oneQuote).toContain('shortcut');
    expect((await get('/editor/audit?day=yesterday', li.cookie)).status).toBe(400);
  });

  it('ends a revoked editor’s sessions and refuses their token', async () => {
    const { token } = await store.editors().add('离职的人');
    const gone = await signIn(token);
    await store.editors().revoke('离职的人');
    expect((await get('/editor', gone.cookie)).status).toBe(401);
    expect((await post('/editor/login', { token })).status).toBe(401);
    expect(
      (await store.editors().list()).find((e) => e.name === '离职的人')?.revokedAt,
    ).toBeTruthy();
  });
});

describe('the desk’s forms', () => {
  it('names every approve/reject button and note after its quote, and lets Enter choose nothing', async () => {
    const me = await signIn(TOKEN);
    const page = await (await get('/editor', me.cookie)).text();
    const forms = page.split('<form method="post" action="/editor/q/').slice(1);
    expect(forms.length).toBeGreaterThan(10);
    for (const form of forms) {
      // The first submit button is disabled: implicit submission (Enter) submits nothing.
      expect(form.indexOf('<button type="submit" disabled')).toBeLessThan(
        form.indexOf('value="approved"'),
      );
      expect(form).toMatch(/批准<span class="vh">「[^」]+」<\/span>/);
      expect(form).toMatch(/驳回<span class="vh">「[^」]+」<\/span>/);
    }
    const english = await (await get('/editor?lang=en', me.cookie)).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('>Approve<');
    expect(english).not.toContain('>批准<');
  });

  it('shows one quote with tier, reasons, a live preview for every size, and its history', async () => {
    const me = await signIn(TOKEN);
    const quote = catalog.quotes.find((q) => q.reasons.length > 0)!;
    await approve(me, quote.id, '好');
    const page = await (await get(`/editor/q/${quote.id}`, me.cookie)).text();
    expect(page).toContain('id="preview-card"');
    for (const size of ['og', 'square', 'portrait', 'story'])
      expect(page).toContain(`<option value="${size}"`);
    expect(page).toContain('class="history"');
    expect(page).toMatch(/<strong>批准<\/strong>/);
    const res = await get(`/editor/q/${quote.id}`, me.cookie);
    expect(/script-src ([^;]*)/.exec(res.headers.get('content-security-policy')!)![1]).toBe(
      "'self'",
    );
    const script = await app.request(`${origin}/editor/desk.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
  });
});
