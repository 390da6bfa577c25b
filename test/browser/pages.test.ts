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

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const SHOTS = process.env.SCREENSHOTS ?? join(process.cwd(), '.scratch', 'screenshots');
const traditional = catalog.quotes.find((q) => q.flags.includes('traditional-source'))!;
const guest = catalog.quotes.find((q) => q.role === 'guest' && q.score >= 0.8)!;
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

const PAGES: [name: string, path: () => string, card: boolean][] = [
  ['home', () => '/', false],
  ['quote', () => `/q/${guest.id}`, true],
  ['quote-tw', () => `/q/${traditional.id}?script=tw`, true],
  ['quote-en', () => `/q/${guest.id}?lang=en`, true],
  ['daily', () => '/daily', true],
  ['daily-date', () => '/daily/2026-11-15', true],
  ['speaker', () => `/speakers/${encodeURIComponent('闫俊杰')}`, false],
  ['search', () => `/search?q=${encodeURIComponent('模型')}`, false],
  ['embed', () => `/embed/${guest.id}`, true],
];

describe('public pages in Chromium without CJK system fonts', () => {
  for (const width of [1280, 390])
    for (const [name, path, card] of PAGES)
      it(`${name} at ${width} px: own fonts, no tofu, no overflow, card shown, no axe violation`, async () => {
        const context = await browser.newContext({
          viewport: { width, height: 900 },
          bypassCSP: true, // to inject axe-core; the pages themselves run no script
        });
        const page = await context.newPage();
        const res = await page.goto(`${base}${path()}`, { waitUntil: 'load' });
        expect(res?.status()).toBe(200);
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
        await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: false });
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      }, 60_000);
});
