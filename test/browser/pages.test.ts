/**
 * Public pages in Chromium with no CJK system font: every page must draw with the project's own
 * web fonts (no tofu), fit a phone and a desktop without horizontal scrolling, show its card, and
 * pass axe-core with no violation of any impact. Screenshots go to $SCREENSHOTS (default
 * .scratch/screenshots) for a person to look at.
 */
import { serve, type ServerType } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DailyService } from '../../src/daily/service.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { readWebFont } from '../../src/runtime/node/web-fonts.ts';
import {
  axeViolations,
  launchWithoutCjkFonts,
  loadedFonts,
  overflowOn,
  tofuOn,
} from '../support/browser.ts';
import { memoryStore } from '../support/store.ts';

const { catalog, corpus, aliases } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus, aliases);
const SHOTS = process.env.SCREENSHOTS ?? join(process.cwd(), '.scratch', 'screenshots');
const traditional = catalog.quotes.find((q) => q.flags.includes('traditional-source'))!;
const guest = catalog.quotes.find((q) => q.role === 'guest' && q.score >= 0.8)!;
const transcriptQuote = catalog.quotes.find((q) => q.flags.includes('machine-transcript'))!;
let server: ServerType;
let base: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const store = await memoryStore();
  const engine = await createNodeCardEngine(library, 'http://127.0.0.1');
  const app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: 'http://127.0.0.1', renderVersion: engine.version },
    store: async () => store,
    daily: new DailyService({ library, store: async () => store, firstDay: '2026-11-01' }),
    webFonts: readWebFont,
  });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchWithoutCjkFonts();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const damaged = corpus.documents.find((d) =>
  d.paragraphs.some((p) => p.flags.includes('unrepaired-mojibake')),
)!;
const transcriptSource = corpus.documents.find((d) => d.meta.kind === 'machine-transcript')!;
const gone = Object.entries(aliases.aliases).find(([, a]) => !a.successor)![0];

/** name, path, status, whether a card is shown, whether to open every details element first. */
const PAGES: [name: string, path: () => string, status: number, card: boolean, open?: boolean][] = [
  ['home', () => '/', 200, false],
  ['quote', () => `/q/${guest.id}`, 200, true],
  ['quote-tw', () => `/q/${traditional.id}?script=tw`, 200, true],
  ['daily', () => '/daily', 200, true],
  ['daily-date', () => '/daily/2026-11-15', 200, true],
  ['speaker', () => `/speakers/${encodeURIComponent('闫俊杰')}`, 200, false],
  ['search', () => `/search?q=${encodeURIComponent('模型')}`, 200, false],
  ['embed', () => `/embed/${guest.id}`, 200, true],
  ['source-damaged', () => `/sources/${damaged.meta.slug}`, 200, false, true],
  [
    'source-transcript',
    () => `/sources/${transcriptSource.meta.slug}?hl=${transcriptQuote.id}`,
    200,
    false,
  ],
  ['not-found', () => '/q/zzzzzzzz', 404, false],
  ['retired', () => `/q/${gone}`, 410, false],
  ['bad-request', () => '/?x=1', 400, false],
];
const withLang = (path: string, lang: string) =>
  lang === 'zh' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;

describe('public pages in Chromium without CJK system fonts', () => {
  for (const width of [1280, 390])
    for (const lang of ['zh', 'en'])
      for (const [name, path, status, card, open] of PAGES)
        it(`${name} (${lang}) at ${width} px: own fonts, no tofu, no overflow, card shown, no axe violation`, async () => {
          const context = await browser.newContext({
            viewport: { width, height: 900 },
            bypassCSP: true, // to inject axe-core; the pages themselves run no script
          });
          const page = await context.newPage();
          const res = await page.goto(`${base}${withLang(path(), lang)}`, { waitUntil: 'load' });
          expect(res?.status()).toBe(status);
          // What is behind details elements (how a speaker was decided, raw damaged text) too.
          if (open)
            await page.evaluate(
              `document.querySelectorAll('details').forEach((d) => { d.open = true; })`,
            );
          expect(await loadedFonts(page)).toEqual(
            expect.arrayContaining([expect.stringMatching(/^Yulu Sans (SC|TC|HK)$/)]),
          );
          expect(await tofuOn(page)).toEqual([]);
          expect(await overflowOn(page)).toBeLessThanOrEqual(0);
          if (card) {
            const shown = (await page.evaluate(
              `[...document.querySelectorAll('figure.card img')].map((i) => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 0)`,
            )) as boolean[];
            expect(shown).toEqual([true]);
          }
          expect(await page.locator('h1').count()).toBe(1);
          await page.screenshot({
            path: join(SHOTS, `${name}-${lang}-${width}.png`),
            fullPage: false,
          });
          expect(await axeViolations(page)).toEqual([]);
          await context.close();
        }, 90_000);
});
