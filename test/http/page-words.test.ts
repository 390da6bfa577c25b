/**
 * Every public page in both interface languages, read as a reader would: one language per page
 * and per label. The Chinese page's own text (what is not marked with another `lang`) holds no
 * English but proper nouns and technical names; the English page's own text holds no Chinese (the
 * quoted words, names and titles are marked with their own `lang`); no element says a label of
 * the words table in both languages; `<html lang>`, canonical, og:url and hreflang agree; one h1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DailyService } from '../../src/daily/service.ts';
import { createApp } from '../../src/http/app.ts';
import { WORDS } from '../../src/http/html/words.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { readWebFont } from '../../src/runtime/node/web-fonts.ts';
import { SCRIPTS, type DisplayScript } from '../../src/text/scripts.ts';
import { readPage, type PageText } from '../support/page-text.ts';
import { memoryStore } from '../support/store.ts';

const { catalog, corpus, aliases } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus, aliases);
const ORIGIN = 'https://yulu.example';
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const store = await memoryStore();
  const engine = await createNodeCardEngine(library, ORIGIN);
  const daily = new DailyService({
    library,
    store: async () => store,
    firstDay: '2026-11-01',
    now: () => new Date('2026-12-01T10:00:00+08:00'),
  });
  app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: ORIGIN, renderVersion: engine.version },
    store: async () => store,
    daily,
    webFonts: readWebFont,
  });
});

/**
 * English a Chinese page may say as it is: names of products, companies and formats, and the
 * paragraph IDs of the source view (L42). Anything else English on a Chinese page is either
 * marked `lang="en"` (a gloss, behind a details element or beside its Chinese explanation) or a bug.
 */
const PROPER = new Set([
  ...['Yulu', 'Moonshot', 'MiniMax', 'OpenAI', 'Mobvoi', 'Kimi', 'AI', 'AGI', 'CEO'],
  ...['API', 'OpenAPI', 'JSON', 'Feed', 'Atom', 'RSS', 'PNG', 'SVG', 'HTML', 'oEmbed', 'Cookie'],
  ...['ID', 'U', 'English'],
]);
const allowedOnChinese = (word: string) => PROPER.has(word) || /^L\d+(-\d+)?$/.test(word);
const HAN = /\p{Script=Han}/u;

const quote = (test: (q: (typeof catalog.quotes)[number]) => boolean) =>
  catalog.quotes.find((q) => q.tier === 'publishable' && test(q)) ?? catalog.quotes.find(test)!;
const guest = quote((q) => q.role === 'guest' && q.score >= 0.8);
const traditional = quote((q) => q.flags.includes('traditional-source'));
const transcript = quote((q) => q.flags.includes('machine-transcript'));
const inferred = quote((q) => q.flags.includes('inferred-speaker'));
const estimated = quote((q) => q.source === 'yang-zhilin-tmtpost-2024');
const gone = Object.entries(aliases.aliases).find(([, a]) => !a.successor)![0];
const damaged = corpus.documents.find((d) =>
  d.paragraphs.some((p) => p.flags.includes('unrepaired-mojibake')),
)!;

/** Every public page: path, status, display script. */
const PAGES: [path: string, status: number, script: DisplayScript][] = [
  ['/', 200, 'hans'],
  [`/q/${guest.id}`, 200, 'hans'],
  [`/q/${traditional.id}?script=hant`, 200, 'hant'],
  [`/q/${traditional.id}?script=tw`, 200, 'tw'],
  [`/q/${traditional.id}?script=hk`, 200, 'hk'],
  [`/q/${transcript.id}`, 200, 'hans'],
  [`/q/${inferred.id}`, 200, 'hans'],
  [`/q/${estimated.id}`, 200, 'hans'],
  ['/daily', 200, 'hans'],
  ['/daily/2026-11-15', 200, 'hans'],
  ...library
    .speakers()
    .map(
      (s) =>
        [`/speakers/${encodeURIComponent(s.name)}`, 200, 'hans'] as [string, number, DisplayScript],
    ),
  ['/search', 200, 'hans'],
  [`/search?q=${encodeURIComponent('模型')}`, 200, 'hans'],
  [`/search?q=${encodeURIComponent('没有这句话的词')}`, 200, 'hans'],
  [`/embed/${guest.id}`, 200, 'hans'],
  ...corpus.documents.map(
    (d) => [`/sources/${d.meta.slug}`, 200, 'hans'] as [string, number, DisplayScript],
  ),
  [`/sources/${guest.source}?hl=${guest.id}`, 200, 'hans'],
  [`/sources/${guest.source}?hl=zzzzzzzz`, 200, 'hans'],
  [
    `/sources/${damaged.meta.slug}?hl=${guest.source === damaged.meta.slug ? transcript.id : guest.id}`,
    200,
    'hans',
  ],
  ['/q/zzzzzzzz', 404, 'hans'],
  [`/q/${gone}`, 410, 'hans'],
  ['/sources/nope', 404, 'hans'],
  [`/speakers/${encodeURIComponent('无名氏')}`, 404, 'hans'],
  ['/daily/2026-12-02', 404, 'hans'],
  ['/?x=1', 400, 'hans'],
  ['/no-such-page', 404, 'hans'],
  [`/q/${guest.id}?script=latin`, 400, 'hans'],
];

const inLanguage = (path: string, ui: 'zh' | 'en') =>
  ui === 'zh' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=en`;

async function read(path: string): Promise<{ status: number; page: PageText; body: string }> {
  const res = await app.request(path, { headers: { Accept: 'text/html,*/*;q=0.8' } });
  const body = await res.text();
  return { status: res.status, page: readPage(body), body };
}

/** Pairs of one label in both tables (strings only), for finding a label said twice. */
function labelPairs(zh: unknown, en: unknown, out: [string, string][] = []): [string, string][] {
  if (typeof zh === 'string' && typeof en === 'string') {
    if (zh !== en && /[a-z]{3}/i.test(en) && HAN.test(zh)) out.push([zh, en]);
  } else if (zh && en && typeof zh === 'object' && typeof en === 'object')
    for (const key of Object.keys(zh))
      labelPairs((zh as Record<string, unknown>)[key], (en as Record<string, unknown>)[key], out);
  return out;
}
const PAIRS = labelPairs(WORDS.zh, WORDS.en);
const wordIn = (text: string, word: string) =>
  new RegExp(`(^|[^A-Za-z])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(text);

describe('every public page speaks one language', () => {
  it('the words tables have the same shape, and every label a translation', () => {
    const keys = (o: unknown, at = ''): string[] =>
      o && typeof o === 'object'
        ? Object.keys(o).flatMap((k) => keys((o as Record<string, unknown>)[k], `${at}.${k}`))
        : [at];
    // Tables the English side leaves empty on purpose: the corpus's reasons are English already,
    // and the English error page shows the API's own message.
    const open = (k: string) => /^\.(source\.reasons|error\.codes)\./.test(k);
    expect(keys(WORDS.en).filter((k) => !open(k))).toEqual(keys(WORDS.zh).filter((k) => !open(k)));
    expect(PAIRS.length).toBeGreaterThan(60);
  });

  for (const [path, status, script] of PAGES)
    for (const ui of ['zh', 'en'] as const)
      it(`${inLanguage(path, ui)}`, async () => {
        const url = inLanguage(path, ui);
        const { status: got, page } = await read(url);
        expect(got).toBe(status);
        expect(page.htmlLang).toBe(ui === 'en' ? 'en' : SCRIPTS[script].htmlLang);
        expect(page.h1).toBe(1);

        // An image's alt text describes its content (the quote on the card), so it is not a label.
        const own = page.runs.filter(
          (r) => r.interface && r.kind !== 'alt' && !r.path.includes('code'),
        );
        if (ui === 'zh') {
          const english = own.flatMap((r) =>
            (r.text.match(/[A-Za-z][A-Za-z0-9'’.-]*/g) ?? [])
              .map((w) => w.replace(/[.'’-]+$/, ''))
              .filter((w) => !allowedOnChinese(w))
              .map((w) => `${w} in ${r.kind} “${r.text.trim().slice(0, 80)}”`),
          );
          // Joined, so a failure prints every offending run in full.
          expect(english.join('\n'), 'unmarked English on the Chinese page').toBe('');
        } else {
          // The API's error message names what was asked for, which may be Chinese.
          const chinese = own
            .filter((r) => HAN.test(r.text) && !r.classes.includes('message'))
            .map((r) => `${r.kind} “${r.text.trim().slice(0, 80)}” in ${r.path.join('>')}`);
          expect(chinese.join('\n'), 'unmarked Chinese on the English page').toBe('');
        }

        // No label says itself in both languages (a 来源 Sources heading): no label-sized
        // element's own text holds a label of one table and its translation as a word.
        const doubled = page.elements
          .filter((e) => e.own.length <= 160)
          .map((e) => ({ ...e, own: e.own.replaceAll('JSON Feed', '') })) // a format's name
          .flatMap((e) =>
            PAIRS.filter(([zh, en]) => e.own.includes(zh) && wordIn(e.own, en)).map(
              ([zh, en]) => `<${e.tag}> says ${zh} and ${en}: “${e.own.trim()}”`,
            ),
          );
        expect(doubled.join('\n'), 'a label in both languages').toBe('');

        // Canonical, og:url and hreflang agree on the page's script and language.
        const canonical = page.links.find((l) => l.rel === 'canonical')?.href;
        const ogUrl = page.metas.find((m) => m.property === 'og:url')?.content;
        if (ogUrl) expect(ogUrl).toBe(canonical);
        if (canonical) {
          expect(canonical.startsWith(ORIGIN)).toBe(true);
          expect(new URL(canonical).searchParams.get('lang')).toBe(ui === 'en' ? 'en' : null);
          const alternates = new Map(
            page.links
              .filter((l) => l.hreflang && l.rel === 'alternate')
              .map((l) => [l.hreflang, l.href]),
          );
          expect(alternates.get('en')).toMatch(/[?&]lang=en$/);
          expect(alternates.get('x-default')).toBeDefined();
          const zh = alternates.get(SCRIPTS[script].htmlLang);
          expect(zh, `hreflang ${SCRIPTS[script].htmlLang}`).toBeDefined();
          // The Chinese page of this script is its own canonical and its hreflang target.
          if (ui === 'zh') expect(canonical).toBe(zh);
          else expect(canonical).toBe(`${zh}${zh!.includes('?') ? '&' : '?'}lang=en`);
        } else
          expect(status === 200 && !path.startsWith('/search') && !path.startsWith('/embed')).toBe(
            false,
          );
      });
});

describe('a mistyped address', () => {
  it('is a page for a reader, JSON for a client, and JSON under /api whoever asks', async () => {
    const page = await app.request('/no-such-page', { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<code>route_not_found</code>');
    const client = await app.request('/no-such-page');
    expect(client.headers.get('content-type')).toMatch(/^application\/json/);
    const api = await app.request('/api/nothing', { headers: { Accept: 'text/html' } });
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('what the pages say about dates and evidence', () => {
  it('estimated dates read as estimates, exact ones as days', async () => {
    const zh = (await read(`/q/${estimated.id}`)).body;
    expect(zh).toMatch(/约\d{4}年\d{1,2}月/);
    const en = (await read(`/q/${estimated.id}?lang=en`)).body;
    expect(en).toMatch(/c\. [A-Z][a-z]+ \d{4}/);
  });

  it('how a speaker was decided is said in plain words behind a details element', async () => {
    const { page, body } = await read(`/sources/${transcript.source}`);
    expect(body).not.toMatch(/log-odds|turn sequence|continues \S+ from/);
    const how = page.elements.filter((e) => e.tag === 'details' && e.attrs.class === 'how');
    expect(how.length).toBeGreaterThan(50);
    for (const d of how) expect(d.text).toMatch(/^判断依据.+（\d+%）/);
    expect(new Set(how.map((d) => d.text.replace(/\d+%/, '')))).not.toContain('');
  });
});
