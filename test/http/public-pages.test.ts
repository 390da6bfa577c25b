import { beforeAll, describe, expect, it } from 'vitest';
import { DailyService } from '../../src/daily/service.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { readWebFont } from '../../src/runtime/node/web-fonts.ts';
import { memoryStore } from '../support/store.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const ORIGIN = 'https://yulu.example';
const clock = () => new Date('2026-12-01T10:00:00+08:00');
const guest = catalog.quotes.find((q) => q.role === 'guest' && q.score >= 0.8)!;
let app: ReturnType<typeof createApp>;
let daily: DailyService;

beforeAll(async () => {
  const store = await memoryStore();
  daily = new DailyService({
    library,
    store: async () => store,
    firstDay: '2026-11-01',
    now: clock,
  });
  app = createApp({
    library,
    links: { baseUrl: ORIGIN, renderVersion: 'test' },
    store: async () => store,
    daily,
    webFonts: readWebFont,
  });
});

const page = async (path: string) => {
  const res = await app.request(path);
  return { res, status: res.status, body: await res.text() };
};

describe('daily pages', () => {
  it('/daily shows today’s quote under its date, with the archive and feed links', async () => {
    const { status, body } = await page('/daily');
    expect(status).toBe(200);
    const today = await daily.day('2026-12-01');
    expect(body).toContain(
      '<h1>今日语录 · 12月1日<time class="daily-date" datetime="2026-12-01">2026年12月1日</time></h1>',
    );
    expect(body).toContain(library.simplified(today.quote));
    expect(body).toContain('href="/daily/2026-11-30"');
    expect(body).toContain('href="/daily/2026-11-02"');
    expect(body).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(body.match(/<h1[ >]/g)).toHaveLength(1);
    const en = await page('/daily?lang=en');
    expect(en.body).toMatch(/<html lang="en">/);
    expect(en.body).toContain('Quote of the day · 1 December');
    expect(en.body).not.toContain('今日语录 ·');
  });

  it('/daily/{date} shows a day that went out; later days and days before the first are 404 pages', async () => {
    const { status, body } = await page('/daily/2026-11-15');
    expect(status).toBe(200);
    expect(body).toContain('每日语录 · 11月15日');
    expect(body).toContain(library.simplified((await daily.day('2026-11-15')).quote));
    const future = await page('/daily/2026-12-02');
    expect(future.status).toBe(404);
    expect(future.body).toContain('has not gone out yet');
    expect((await page('/daily/2026-10-31')).status).toBe(404);
    expect((await page('/daily/2026-02-30')).status).toBe(400);
  });
});

describe('speakers, search and embeds', () => {
  it('/speakers/{name}: who, sources, quotes; traditional names find the same person', async () => {
    const { status, body } = await page(`/speakers/${encodeURIComponent('闫俊杰')}`);
    expect(status).toBe(200);
    expect(body).toContain('<h1 lang="zh-Hans">闫俊杰</h1>');
    expect(body).toContain('MiniMax');
    expect(body).toContain('href="/sources/yan-junjie-waves-2024"');
    expect((await page(`/speakers/${encodeURIComponent('閆俊傑')}`)).status).toBe(200);
    const missing = await page(`/speakers/${encodeURIComponent('无名氏')}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('speaker_not_found');
  });

  it('/search?q= folds simplified and traditional', async () => {
    const hans = await page(`/search?q=${encodeURIComponent('模型')}`);
    const hant = await page(`/search?q=${encodeURIComponent('模型')}`);
    expect(hans.status).toBe(200);
    const count = (body: string) => /找到 (\d+) 条语录/.exec(body)?.[1];
    expect(Number(count(hans.body))).toBeGreaterThan(5);
    const trad = await page(`/search?q=${encodeURIComponent('學習')}`);
    const simp = await page(`/search?q=${encodeURIComponent('学习')}`);
    expect(count(trad.body)).toBe(count(simp.body));
    expect(Number(count(simp.body))).toBeGreaterThan(0);
    expect(hant.body).toContain('role="search"');
    expect((await page(`/search?q=${'长'.repeat(101)}`)).status).toBe(400);
  });

  it('/embed/{id} is frameable anywhere, runs no script and sets no cookie', async () => {
    const { res, body } = await page(`/embed/${guest.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(body).not.toMatch(/<script/);
    expect(body).toContain(library.simplified(guest));
    expect(body).toContain(`href="${ORIGIN}/q/${guest.id}" target="_blank" rel="noopener"`);
  });

  it('serves its web fonts immutable under their hash, and redirects a stale one', async () => {
    const body = (await page('/daily')).body;
    const href = /url\("(\/fonts\/web\/YuluSansSC\.woff2\?v=[0-9a-f]{12})"\)/.exec(body)![1]!;
    const font = await app.request(href);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(font.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const stale = await app.request('/fonts/web/YuluSansSC.woff2?v=000000000000');
    expect(stale.status).toBe(302);
    expect((await app.request('/fonts/web/other.woff2')).status).toBe(404);
  });
});
