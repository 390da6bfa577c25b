/**
 * The editorial desk in a real browser (playwright-core driving Debian's Chromium, which .ci/run
 * installs with apt): sign in, find a quote, approve it, schedule it, check the daily quote; and a
 * second editor with a stale page gets the conflict and loses nothing.
 */
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../../src/daily/calendar.ts';
import { applyMigrations } from '../../src/desk/migrate.ts';
import { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { openSqlite, readMigrations } from '../../src/runtime/node/sqlite.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOKEN = 'browser-test-token-4f1c9a';
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const dir = mkdtempSync(join(tmpdir(), 'yulu-browser-'));
let server: ServerType;
let base: string;
let browser: Browser;
let store: EditorialStore;

beforeAll(async () => {
  const db = openSqlite(join(dir, 'editorial.sqlite'));
  await applyMigrations(db, readMigrations());
  store = new EditorialStore(db);
  // Listen first: the desk checks writes' Origin against its public origin, port included.
  const late: { app?: ReturnType<typeof createApp> } = {};
  await new Promise<void>((resolve) => {
    server = serve(
      { fetch: (request) => late.app!.fetch(request), port: 0, hostname: '127.0.0.1' },
      () => resolve(),
    );
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const engine = await createNodeCardEngine(library, base);
  late.app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: base, renderVersion: engine.version },
    store: async () => store,
    editorToken: TOKEN,
  });
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

async function signedIn(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/editor`);
  await page.getByLabel('Editor token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/editor`);
  return page;
}

describe('the desk in Chromium', () => {
  it('signs in, finds a quote, trims it, approves it, schedules it, and the daily quote follows', async () => {
    const quote = catalog.quotes.find(
      (q) =>
        q.speaker === '闫俊杰' &&
        q.score >= 0.7 &&
        [...q.text].length > 24 &&
        !/[“”「」『』]/.test(q.text),
    )!;
    const needle = library.simplified(quote).slice(2, 10);
    const page = await signedIn();
    await page.getByRole('search').getByRole('textbox').first().fill(needle);
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.locator(`li[data-id="${quote.id}"]`);
    await expect(row.count()).resolves.toBe(1);

    // Trim: select the first 12 characters of the quote inside its paragraph.
    await row.locator('.text a').click();
    await page.waitForURL(`${base}/editor/q/${quote.id}`);
    const [start] = quote.span;
    const end = start + 12;
    // A real selection across the characters, as an editor would drag it (runs in the page).
    await page.evaluate(`(() => {
      const p = document.getElementById('paragraph');
      const from = p.querySelector('[data-i="${start}"]');
      const to = p.querySelector('[data-i="${end - 1}"]');
      const range = document.createRange();
      range.setStart(from.firstChild, 0);
      range.setEnd(to.firstChild, to.textContent.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    })()`);
    await expect(page.locator('#trim [name=end]').inputValue()).resolves.toBe(String(end));
    await page.getByRole('button', { name: 'Create trim' }).click();
    await page.waitForURL(/\/editor\/trim\//);
    const trimId = (await page.locator('[data-trim]').getAttribute('data-trim'))!;
    expect(trimId).not.toBe(quote.id);
    expect(await page.locator('[data-trim]').textContent()).toBe(quote.text.slice(0, 12).trim());

    await page.getByLabel('note').fill('editor pick');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/\/editor#q-/);
    expect(await store.status(trimId)).toMatchObject({
      status: 'approved',
      note: 'editor pick',
      version: 1,
    });

    const day = addDays(todayInShanghai(), 3);
    await page.goto(`${base}/editor/calendar`);
    const cell = page.locator(`li[data-day="${day}"]`);
    await cell.getByLabel(`quote ID for ${day}`).fill(trimId);
    await cell.getByRole('button', { name: 'Schedule' }).click();
    await page.waitForURL(`${base}/editor/calendar`);
    await expect(page.locator(`li[data-day="${day}"]`).textContent()).resolves.toContain(trimId);

    const daily = await page.request.get(`${base}/api/daily?date=${day}`);
    expect(((await daily.json()) as { quote: { id: string; text: string } }).quote).toMatchObject({
      id: trimId,
      text: quote.text.slice(0, 12).trim(),
    });
    const png = await page.request.get(`${base}/daily.png?date=${day}`);
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
  });

  it('gives a second editor with a stale page the conflict, and loses nothing', async () => {
    const quote = catalog.quotes.find((q) => q.speaker === '黄明明')!;
    const [ann, bob] = [await signedIn(), await signedIn()];
    for (const page of [ann, bob])
      await page.goto(
        `${base}/editor?text=${encodeURIComponent(library.simplified(quote).slice(0, 8))}`,
      );
    const annRow = ann.locator(`li[data-id="${quote.id}"]`);
    await annRow.getByLabel('note').fill('ann approves');
    await annRow.getByRole('button', { name: 'Approve' }).click();
    await ann.waitForURL(/\/editor/);

    const bobRow = bob.locator(`li[data-id="${quote.id}"]`); // still shows version 0
    await bobRow.getByLabel('note').fill('bob rejects: too long');
    await bobRow.getByRole('button', { name: 'Reject' }).click();
    await expect(bob.getByRole('alert').textContent()).resolves.toContain('version_conflict');
    await expect(bob.locator('.kept').textContent()).resolves.toBe('bob rejects: too long');
    expect(await store.status(quote.id)).toMatchObject({
      status: 'approved',
      note: 'ann approves',
      version: 1,
    });
  });
});
