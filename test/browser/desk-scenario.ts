/**
 * The editorial desk in a real browser, one scenario for every runtime (issue 16): two named
 * editors sign in, find a quote, trim it, approve it, schedule it on the month grid, check the
 * daily quote; a stale page gets the conflict and loses nothing; Enter in a note chooses nothing;
 * the audit names both editors; and every desk page at 1440 and 390 px fits the screen, keeps its
 * actions reachable and passes axe-core with no violation. desk.test.ts runs it against the Node
 * app, desk-worker.test.ts against the Worker in `wrangler dev` with local D1. Screenshots go to
 * DESK_SCREENSHOTS/<target> when set (look at them).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../../src/daily/calendar.ts';
import type { EditorialStore } from '../../src/desk/store.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';

/** A running desk and what the scenario needs to drive and check it. */
export interface DeskTarget {
  /** The desk's public origin (writes must come from it). */
  base: string;
  browser: Browser;
  /** The store the desk writes to, read to check what a click did (never written here). */
  store: EditorialStore;
  /** Tokens of the named editors 安娜 and 包博 (made by `yulu editors add`). */
  tokens: Record<'安娜' | '包博', string>;
  /** EDITOR_TOKEN, the single-editor shortcut. */
  shortcut: string;
}

/**
 * Time limits per test. The Worker's are longer, and say why: workerd draws cards in resvg-wasm,
 * two at a time per isolate (src/runtime/worker/index.ts), and its first card loads the fonts, so
 * pages full of card thumbnails and the story preview take longer than on Node's render pool.
 */
export interface DeskLimits {
  flowMs: number;
  pagesMs: number;
  /** How long a freshly requested card preview may take to arrive. */
  renderMs: number;
  /**
   * Playwright's wait for one click, fill or navigation. A form's POST waits behind the card
   * thumbnails the previous page asked for, which workerd draws on the request's own thread.
   */
  actionMs: number;
}
// The walk-through's month grid draws a card thumbnail for every planned day (60 s).
export const NODE_LIMITS: DeskLimits = {
  flowMs: 60_000,
  pagesMs: 180_000,
  renderMs: 1_000,
  actionMs: 30_000,
};

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Registers the scenario's tests for one runtime. `target` is called inside the tests (after the
 * file's beforeAll started the runtime).
 */
export function deskScenario(
  runtime: string,
  target: () => DeskTarget,
  limits: DeskLimits = NODE_LIMITS,
): void {
  const t = target;
  const SHOTS = process.env.DESK_SCREENSHOTS && join(process.env.DESK_SCREENSHOTS, runtime);
  /** A fresh browser context whose waits follow the runtime's limits. */
  async function newContext(options: BrowserContextOptions): Promise<BrowserContext> {
    const context = await t().browser.newContext(options);
    context.setDefaultTimeout(limits.actionMs);
    return context;
  }
  async function signedIn(
    token = t().shortcut,
    viewport = { width: 1440, height: 900 },
  ): Promise<Page> {
    const page = await (await newContext({ viewport })).newPage();
    await page.goto(`${t().base}/editor`);
    await page.getByLabel('编辑口令').fill(token);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${t().base}/editor`);
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

  describe(`the desk in Chromium (${runtime})`, () => {
    it(
      'signs in by name, finds a quote, trims it, approves it, schedules it on the month grid, and the daily quote follows',
      async () => {
        const quote = wanted();
        const needle = library.simplified(quote).slice(2, 10);
        const page = await signedIn(t().tokens['安娜']);
        await expect(page.locator('.who').textContent()).resolves.toBe('安娜');
        await page.getByRole('search').getByLabel('文字').fill(needle);
        await page.getByRole('button', { name: '搜索' }).click();
        // The results page arrives after the click (slower on workerd): wait for it, not race it.
        await page.waitForURL(/[?&]text=/);
        const row = page.locator(`li[data-id="${quote.id}"]`);
        await expect.poll(() => row.count()).toBe(1);

        // Trim: select the first 12 characters of the quote inside its paragraph.
        await row.locator('.text a').click();
        await page.waitForURL(`${t().base}/editor/q/${quote.id}`);
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
        expect(page.url()).toBe(`${t().base}/editor/q/${quote.id}`);
        expect(before).toContain('size=og');
        await expect
          .poll(
            () =>
              page.evaluate(
                "(() => { const img = document.getElementById('preview-card'); return img.complete && img.naturalWidth; })()",
              ),
            { timeout: limits.renderMs },
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
        expect(await page.locator('[data-trim]').textContent()).toBe(
          quote.text.slice(0, 12).trim(),
        );

        await page.getByLabel('意见').fill('编辑推荐');
        await page.getByRole('button', { name: '批准' }).click();
        await page.waitForURL(/\/editor#q-/);
        expect(await t().store.status(trimId)).toMatchObject({
          status: 'approved',
          note: '编辑推荐',
          version: 1,
          updatedBy: '安娜',
        });

        const day = addDays(todayInShanghai(), 3);
        await page.goto(`${t().base}/editor/calendar?month=${day.slice(0, 7)}`);
        const cell = page.locator(`li[data-day="${day}"]`);
        await cell.getByLabel(`${day} 的语录编号`).fill(trimId);
        await cell.getByRole('button', { name: '安排' }).click();
        // Back on the month, at the day just scheduled.
        await page.waitForURL(`${t().base}/editor/calendar?month=${day.slice(0, 7)}#d-${day}`);
        await expect(page.locator(`li[data-day="${day}"]`).textContent()).resolves.toContain(
          quote.text.slice(0, 12).trim(),
        );

        const daily = await page.request.get(`${t().base}/api/daily?date=${day}`);
        expect(
          ((await daily.json()) as { quote: { id: string; text: string } }).quote,
        ).toMatchObject({
          id: trimId,
          text: quote.text.slice(0, 12).trim(),
        });
        const png = await page.request.get(`${t().base}/daily.png?date=${day}`);
        expect(png.status()).toBe(200);
        expect(png.headers()['content-type']).toBe('image/png');
      },
      limits.flowMs,
    );

    it(
      'never lets Enter in a note choose for the editor',
      async () => {
        const quote = catalog.quotes.find((q) => q.speaker === '李志飞' && q.score >= 0.6)!;
        const page = await signedIn(t().tokens['包博']);
        await page.goto(
          `${t().base}/editor?text=${encodeURIComponent(library.simplified(quote).slice(0, 8))}`,
        );
        const note = page.locator(`li[data-id="${quote.id}"]`).getByLabel('意见');
        await note.fill('本来想驳回');
        await note.press('Enter');
        await page.waitForTimeout(300);
        expect(await t().store.status(quote.id)).toBeNull();
        await expect(note.inputValue()).resolves.toBe('本来想驳回');
      },
      limits.flowMs,
    );

    it(
      'gives a second editor with a stale page the conflict, loses nothing, and the audit names both',
      async () => {
        const quote = catalog.quotes.find((q) => q.speaker === '黄明明')!;
        const [ann, bob] = [await signedIn(t().tokens['安娜']), await signedIn(t().tokens['包博'])];
        for (const page of [ann, bob])
          await page.goto(
            `${t().base}/editor?text=${encodeURIComponent(library.simplified(quote).slice(0, 8))}`,
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
        expect(await t().store.status(quote.id)).toMatchObject({
          status: 'approved',
          note: '安娜批准',
          version: 1,
        });
        // Bob applies it again on the current version; the audit names both editors.
        await bob.goto(`${t().base}/editor/q/${quote.id}`);
        await bob.getByLabel('意见').fill('包博驳回：太长');
        await bob.getByRole('button', { name: '驳回' }).click();
        await bob.goto(`${t().base}/editor/audit`);
        const actors = await bob.locator('.audit .actor').allTextContents();
        expect(new Set(actors)).toEqual(new Set(['安娜', '包博']));
        await bob.goto(`${t().base}/editor/q/${quote.id}`);
        const history = await bob.locator('.history').textContent();
        expect(history).toContain('安娜');
        expect(history).toContain('包博');
      },
      limits.flowMs,
    );

    it(
      'moves through search results with j/k and the arrows, with a visible focus, and opens one with Enter',
      async () => {
        const page = await signedIn(t().tokens['安娜']);
        await page.goto(`${t().base}/editor?speaker=${encodeURIComponent('闫俊杰')}`);
        await expect(page.locator('#keys-hint').isVisible()).resolves.toBe(true);
        const ids = (await page.evaluate(
          "[...document.querySelectorAll('ol.quotes > li.quote')].map((el) => el.dataset.id)",
        )) as string[];
        expect(ids.length).toBeGreaterThan(3);
        const focused = () =>
          page.evaluate(
            "(() => { const el = document.activeElement; return el && el.matches('li.quote') ? [el.dataset.id, el.classList.contains('kbd'), getComputedStyle(el).outlineStyle] : null; })()",
          );
        await page.keyboard.press('j');
        await expect(focused()).resolves.toEqual([ids[0], true, 'solid']);
        await page.keyboard.press('j');
        await page.keyboard.press('ArrowDown');
        await expect(focused()).resolves.toEqual([ids[2], true, 'solid']);
        await page.keyboard.press('k');
        await page.keyboard.press('ArrowUp');
        await expect(focused()).resolves.toEqual([ids[0], true, 'solid']);
        // Keys typed into a field are the editor's words, never movement.
        const note = page.locator(`li[data-id="${ids[1]}"]`).getByLabel('意见');
        await note.click();
        await page.keyboard.type('jk');
        await expect(note.inputValue()).resolves.toBe('jk');
        await expect(focused()).resolves.toBeNull();
        await page.keyboard.press('Escape');
        await page.locator('h1').click();
        await page.keyboard.press('j');
        await page.keyboard.press('Enter');
        await page.waitForURL(`${t().base}/editor/q/${ids[0]}`);
        expect(await t().store.status(ids[0]!)).toBeNull(); // Enter opened it; it chose nothing
      },
      limits.flowMs,
    );

    it(
      'swaps a scheduled day with an automatic pick and clears it again on the month grid, at 1440 and 390 px',
      async () => {
        if (SHOTS) mkdirSync(SHOTS, { recursive: true });
        const today = todayInShanghai();
        const guests = catalog.quotes.filter((q) => q.role === 'guest' && q.tier === 'publishable');
        for (const [i, width] of [1440, 390].entries()) {
          const page = await signedIn(t().tokens['包博'], { width, height: 900 });
          const a = addDays(today, 20 + i * 10);
          const b = addDays(a, 2);
          const month = a.slice(0, 7);
          let quote = guests[0]!;
          for (const q of guests.slice(100 + i * 7))
            if (!(await t().store.usesNear(q.id, a)).length) {
              quote = q;
              break;
            }
          await page.goto(`${t().base}/editor/calendar?month=${month}`);
          const cellA = page.locator(`li[data-day="${a}"]`);
          await expect(cellA.getAttribute('data-how')).resolves.toBe('auto');
          await cellA.getByLabel(`${a} 的语录编号`).fill(quote.id);
          await cellA.getByRole('button', { name: `安排 ${a}` }).click();
          await page.waitForURL(`${t().base}/editor/calendar?month=${month}#d-${a}`);
          await expect(page.locator(`li[data-day="${a}"]`).getAttribute('data-how')).resolves.toBe(
            'scheduled',
          );
          const autoB = (await page.locator(`li[data-day="${b}"]`).getAttribute('data-how'))!;
          const pickB = (await page
            .locator(`li[data-day="${b}"] a.said`)
            .getAttribute('href'))!.replace('/editor/q/', '');
          expect(autoB).toBe('auto');

          // Step one: pick the first day (a link); step two: the other day's swap button.
          await page
            .locator(`li[data-day="${a}"]`)
            .getByRole('link', { name: `交换 ${a}` })
            .click();
          await expect(page.getByRole('status').first().textContent()).resolves.toContain(
            `正在交换 ${a}`,
          );
          if (SHOTS)
            await page.screenshot({
              path: join(SHOTS, `calendar-swapping-${width}.png`),
              fullPage: true,
            });
          const scroll = (await page.evaluate('document.documentElement.scrollWidth')) as number;
          expect(scroll).toBeLessThanOrEqual(width);
          await page
            .locator(`li[data-day="${b}"]`)
            .getByRole('button', { name: `与 ${a} 交换 · ${b}` })
            .click();
          await page.waitForURL(`${t().base}/editor/calendar?month=${month}#d-${a}`);
          expect(await t().store.scheduled(a)).toMatchObject({ quoteId: pickB, updatedBy: '包博' });
          expect(await t().store.scheduled(b)).toMatchObject({
            quoteId: quote.id,
            updatedBy: '包博',
          });
          await expect(page.locator(`li[data-day="${b}"]`).getAttribute('data-how')).resolves.toBe(
            'scheduled',
          );
          if (SHOTS)
            await page.screenshot({
              path: join(SHOTS, `calendar-swapped-${width}.png`),
              fullPage: true,
            });

          // Clear b: the plan flows back into it.
          await page
            .locator(`li[data-day="${b}"]`)
            .getByRole('button', { name: `清空 ${b}，交回自动选取` })
            .click();
          await page.waitForURL(`${t().base}/editor/calendar?month=${month}#d-${b}`);
          await expect(page.locator(`li[data-day="${b}"]`).getAttribute('data-how')).resolves.toBe(
            'auto',
          );
          expect(await t().store.scheduled(b)).toMatchObject({ quoteId: '', version: 2 });
          const actions = (await t().store.auditPage({ actor: '包博', limit: 4 })).map((e) => [
            e.action,
            e.entity,
          ]);
          expect(actions).toEqual([
            ['clear', `day:${b}`],
            ['swap', `day:${b}`],
            ['swap', `day:${a}`],
            ['schedule', `day:${a}`],
          ]);
        }
      },
      2 * limits.flowMs,
    );

    for (const width of [1440, 390])
      it(
        `fits every desk page at ${width} px, keeps every action reachable, and passes axe-core`,
        async () => {
          const quote = wanted();
          const transcript = catalog.quotes.find((q) => q.flags.includes('machine-transcript'))!;
          const trim = (await t().store.auditPage({ limit: 500 })).find((e) => e.action === 'trim');
          const pages = {
            login: '/editor/login',
            search: `/editor?text=${encodeURIComponent(library.simplified(quote).slice(0, 4))}`,
            list: '/editor',
            english: '/editor?lang=en',
            quote: `/editor/q/${quote.id}`,
            erratum: `/editor/q/${transcript.id}`,
            trim: `/editor/trim/${(trim?.after as { quoteId: string }).quoteId}`,
            calendar: `/editor/calendar?month=${addDays(todayInShanghai(), 3).slice(0, 7)}`,
            swapping: `/editor/calendar?month=${addDays(todayInShanghai(), 3).slice(0, 7)}&swap=${addDays(todayInShanghai(), 3)}`,
            audit: '/editor/audit',
          };
          if (SHOTS) mkdirSync(SHOTS, { recursive: true });
          const report: string[] = [];
          const AXE_RUN = `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ' ' + v.impact + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`;
          const viewport = { width, height: 900 };
          const signed = await signedIn(t().shortcut, viewport);
          // axe-core is injected as an inline script, which the desk's CSP forbids: its own context.
          const axeSigned = await newContext({ viewport, bypassCSP: true });
          await axeSigned.addCookies(await signed.context().cookies());
          const axeAnon = await newContext({ viewport, bypassCSP: true });
          for (const [name, path] of Object.entries(pages)) {
            const anonymous = name === 'login';
            const page = anonymous ? await (await newContext({ viewport })).newPage() : signed;
            // The layout is measured once the web fonts are in; thumbnails have fixed sizes, so
            // the page does not wait for them (screenshots do).
            await page.goto(`${t().base}${path}`, { waitUntil: 'domcontentloaded' });
            // (A layout first, so that the fonts the page uses have started to load.)
            await page.evaluate(
              'document.body.getBoundingClientRect() && document.fonts.ready.then(() => undefined)',
            );
            if (SHOTS) await page.waitForLoadState('networkidle');
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
              await page.screenshot({
                path: join(SHOTS, `${name}-${width}.png`),
                fullPage: true,
              });
            const checked = await (anonymous ? axeAnon : axeSigned).newPage();
            await checked.goto(`${t().base}${path}`, { waitUntil: 'domcontentloaded' });
            await checked.addScriptTag({ content: AXE });
            const violations = (await checked.evaluate(AXE_RUN)) as string[];
            report.push(`  axe: ${violations.length} violations`);
            expect(violations, `axe on ${name} at ${width}px`).toEqual([]);
          }
          console.log(report.join('\n'));
        },
        limits.pagesMs,
      );
  });
}
