/**
 * The editorial desk in a real browser (playwright-core driving Debian's Chromium, which .ci/run
 * installs with apt): two named editors sign in, find a quote, trim it, approve it, schedule it on
 * the month grid, check the daily quote; a stale page gets the conflict and loses nothing; Enter
 * in a note chooses nothing; and every desk page at 1440 and 390 px fits the screen, keeps its
 * actions reachable and passes axe-core with no violation. Screenshots go to DESK_SCREENSHOTS
 * when set (look at them).
 */
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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
const tokens: Record<string, string> = {};
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.DESK_SCREENSHOTS;

beforeAll(async () => {
  const db = openSqlite(join(dir, 'editorial.sqlite'));
  await applyMigrations(db, readMigrations());
  store = new EditorialStore(db);
  for (const name of ['安娜', '包博']) tokens[name] = (await store.editors().add(name)).token;
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

async function signedIn(token = TOKEN, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${base}/editor`);
  await page.getByLabel('编辑口令').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${base}/editor`);
  return page;
}

const wanted = () =>
  catalog.quotes.find(
    (q) =>
      q.speaker === '闫俊杰' &&
      q.score >= 0.7 &&
      [...q.text].length > 24 &&
      !/[“”「」『』]/.test(q.text),
  )!;

describe('the desk in Chromium', () => {
  it('signs in by name, finds a quote, trims it, approves it, schedules it on the month grid, and the daily quote follows', async () => {
    const quote = wanted();
    const needle = library.simplified(quote).slice(2, 10);
    const page = await signedIn(tokens['安娜']);
    await expect(page.locator('.who').textContent()).resolves.toBe('安娜');
    await page.getByRole('search').getByLabel('文字').fill(needle);
    await page.getByRole('button', { name: '搜索' }).click();
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
    })()`);
    await expect.poll(() => page.locator('#trim [name=end]').inputValue()).toBe(String(end));
    await expect(page.locator('#trim [name=start]').inputValue()).resolves.toBe(String(start));
    // By keyboard: Shift+→ moves the end one character, ← the start back one.
    await page.locator('#paragraph').focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.locator('#trim [name=end]').inputValue()).resolves.toBe(String(end + 1));
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(page.locator('#trim [name=end]').inputValue()).resolves.toBe(String(end));

    // The preview redraws in place when the size changes (no navigation).
    const before = await page.locator('#preview-card').getAttribute('src');
    await page.locator('#preview').getByLabel('尺寸').selectOption('story');
    await expect
      .poll(() => page.locator('#preview-card').getAttribute('src'))
      .toContain('size=story');
    expect(page.url()).toBe(`${base}/editor/q/${quote.id}`);
    expect(before).toContain('size=og');
    await expect
      .poll(() =>
        page.evaluate(
          "(() => { const img = document.getElementById('preview-card'); return img.complete && img.naturalWidth; })()",
        ),
      )
      .toBe(1080);
    // 竖排: offered for the tall sizes, drawn in place (a vertical story is 1080 × 1920 too, so
    // the URL says which), and off again for og.
    await page.locator('#preview').getByLabel('排版').selectOption('vertical');
    await expect
      .poll(() => page.locator('#preview-card').getAttribute('src'))
      .toContain('layout=vertical');
    await page.locator('#preview').getByLabel('尺寸').selectOption('og');
    await expect
      .poll(() => page.locator('#preview-card').getAttribute('src'))
      .not.toContain('layout=');
    expect(await page.locator('#preview [name=layout]').inputValue()).toBe('horizontal');
    expect(await page.locator('#preview option[value=vertical]').isDisabled()).toBe(true);

    await page.getByRole('button', { name: '新建截取' }).click();
    await page.waitForURL(/\/editor\/trim\//);
    const trimId = (await page.locator('[data-trim]').getAttribute('data-trim'))!;
    expect(trimId).not.toBe(quote.id);
    expect(await page.locator('[data-trim]').textContent()).toBe(quote.text.slice(0, 12).trim());

    await page.getByLabel('意见').fill('编辑推荐');
    await page.getByRole('button', { name: '批准' }).click();
    await page.waitForURL(/\/editor#q-/);
    expect(await store.status(trimId)).toMatchObject({
      status: 'approved',
      note: '编辑推荐',
      version: 1,
      updatedBy: '安娜',
    });

    const day = addDays(todayInShanghai(), 3);
    await page.goto(`${base}/editor/calendar?month=${day.slice(0, 7)}`);
    const cell = page.locator(`li[data-day="${day}"]`);
    await cell.getByLabel(`${day} 的语录编号`).fill(trimId);
    await cell.getByRole('button', { name: '安排' }).click();
    await page.waitForURL(`${base}/editor/calendar?month=${day.slice(0, 7)}`);
    await expect(page.locator(`li[data-day="${day}"]`).textContent()).resolves.toContain(
      quote.text.slice(0, 12).trim(),
    );

    const daily = await page.request.get(`${base}/api/daily?date=${day}`);
    expect(((await daily.json()) as { quote: { id: string; text: string } }).quote).toMatchObject({
      id: trimId,
      text: quote.text.slice(0, 12).trim(),
    });
    const png = await page.request.get(`${base}/daily.png?date=${day}`);
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
  });

  it('never lets Enter in a note choose for the editor', async () => {
    const quote = catalog.quotes.find((q) => q.speaker === '李志飞' && q.score >= 0.6)!;
    const page = await signedIn(tokens['包博']);
    await page.goto(
      `${base}/editor?text=${encodeURIComponent(library.simplified(quote).slice(0, 8))}`,
    );
    const note = page.locator(`li[data-id="${quote.id}"]`).getByLabel('意见');
    await note.fill('本来想驳回');
    await note.press('Enter');
    await page.waitForTimeout(300);
    expect(await store.status(quote.id)).toBeNull();
    await expect(note.inputValue()).resolves.toBe('本来想驳回');
  });

  it('gives a second editor with a stale page the conflict, loses nothing, and the audit names both', async () => {
    const quote = catalog.quotes.find((q) => q.speaker === '黄明明')!;
    const [ann, bob] = [await signedIn(tokens['安娜']), await signedIn(tokens['包博'])];
    for (const page of [ann, bob])
      await page.goto(
        `${base}/editor?text=${encodeURIComponent(library.simplified(quote).slice(0, 8))}`,
      );
    const annRow = ann.locator(`li[data-id="${quote.id}"]`);
    await annRow.getByLabel('意见').fill('安娜批准');
    await annRow.getByRole('button', { name: '批准' }).click();
    await ann.waitForURL(/\/editor/);

    const bobRow = bob.locator(`li[data-id="${quote.id}"]`); // still shows version 0
    await bobRow.getByLabel('意见').fill('包博驳回：太长');
    await bobRow.getByRole('button', { name: '驳回' }).click();
    await expect(bob.getByRole('alert').textContent()).resolves.toContain('version_conflict');
    await expect(bob.locator('.kept').textContent()).resolves.toBe('包博驳回：太长');
    expect(await store.status(quote.id)).toMatchObject({
      status: 'approved',
      note: '安娜批准',
      version: 1,
    });
    // Bob applies it again on the current version; the audit names both editors.
    await bob.goto(`${base}/editor/q/${quote.id}`);
    await bob.getByLabel('意见').fill('包博驳回：太长');
    await bob.getByRole('button', { name: '驳回' }).click();
    await bob.goto(`${base}/editor/audit`);
    const actors = await bob.locator('.audit .actor').allTextContents();
    expect(new Set(actors)).toEqual(new Set(['安娜', '包博']));
    await bob.goto(`${base}/editor/q/${quote.id}`);
    const history = await bob.locator('.history').textContent();
    expect(history).toContain('安娜');
    expect(history).toContain('包博');
  });

  it('fits every desk page at 1440 and 390 px, keeps every action reachable, and passes axe-core', async () => {
    const quote = wanted();
    const transcript = catalog.quotes.find((q) => q.flags.includes('machine-transcript'))!;
    const trim = (await store.auditPage({ limit: 500 })).find((e) => e.action === 'trim');
    const pages = {
      login: '/editor/login',
      search: `/editor?text=${encodeURIComponent(library.simplified(quote).slice(0, 4))}`,
      list: '/editor',
      english: '/editor?lang=en',
      quote: `/editor/q/${quote.id}`,
      erratum: `/editor/q/${transcript.id}`,
      trim: `/editor/trim/${(trim?.after as { quoteId: string }).quoteId}`,
      calendar: `/editor/calendar?month=${addDays(todayInShanghai(), 3).slice(0, 7)}`,
      audit: '/editor/audit',
    };
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    const report: string[] = [];
    const AXE_RUN = `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ' ' + v.impact + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`;
    for (const width of [1440, 390]) {
      const viewport = { width, height: 900 };
      const signed = await signedIn(TOKEN, viewport);
      // axe-core is injected as an inline script, which the desk's CSP forbids: its own context.
      const axeSigned = await browser.newContext({ viewport, bypassCSP: true });
      await axeSigned.addCookies(await signed.context().cookies());
      const axeAnon = await browser.newContext({ viewport, bypassCSP: true });
      for (const [name, path] of Object.entries(pages)) {
        const anonymous = name === 'login';
        const page = anonymous ? await (await browser.newContext({ viewport })).newPage() : signed;
        await page.goto(`${base}${path}`);
        await page.waitForLoadState('networkidle');
        const scroll = (await page.evaluate('document.documentElement.scrollWidth')) as number;
        report.push(`${name}@${width}: ${scroll}px`);
        expect(scroll, `${name} at ${width}px is ${scroll}px wide`).toBeLessThanOrEqual(width);
        // Every control lies within the screen's width (nothing cut off at the side).
        const outside =
          await page.evaluate(`[...document.querySelectorAll('button:not([hidden]), input:not([type=hidden]), select, textarea, main a')]
          .map((el) => [el, el.getBoundingClientRect()])
          .filter(([, r]) => r.width > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5))
          .map(([el]) => el.outerHTML.slice(0, 80))`);
        expect(outside, `${name} at ${width}px`).toEqual([]);
        if (SHOTS)
          await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
        const checked = await (anonymous ? axeAnon : axeSigned).newPage();
        await checked.goto(`${base}${path}`);
        await checked.addScriptTag({ content: AXE });
        const violations = (await checked.evaluate(AXE_RUN)) as string[];
        report.push(`  axe: ${violations.length} violations`);
        expect(violations, `axe on ${name} at ${width}px`).toEqual([]);
      }
    }
    console.log(report.join('\n'));
  }, 180_000);
});
