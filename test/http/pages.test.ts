import { Hono } from 'hono';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CardEngine, CardSpec } from '../../src/card/engine.ts';
import { CARD_SIZES } from '../../src/card/templates.ts';
import { createApp } from '../../src/http/app.ts';
import { pageRoutes } from '../../src/http/pages/routes.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import type { Quote } from '../../src/quotes/types.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { convertScript } from '../../src/text/script.ts';
import { WORDS } from '../../src/http/html/words.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
let engine: CardEngine;
let app: Hono;

beforeAll(async () => {
  engine = await createNodeCardEngine(library, 'https://yulu.example');
  app = new Hono().route(
    '/',
    pageRoutes(library, async () => ({ baseUrl: engine.baseUrl, renderVersion: engine.version })),
  );
});

const CSP =
  "default-src 'none'; img-src 'self' data:; font-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const unescape = (text: string) =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
const escape = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

async function get(path: string) {
  const res = await app.request(path);
  return { res, status: res.status, body: await res.text() };
}

/** The content of `<meta property|name="key" content="…">`, unescaped, or undefined. */
function metaTag(body: string, key: string): string | undefined {
  const match = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(body);
  return match ? unescape(match[1]!) : undefined;
}

function textarea(body: string, label: string): string {
  const match = new RegExp(`<textarea[^>]*aria-label="${label}[^"]*"[^>]*>([^<]*)</textarea>`).exec(
    body,
  );
  expect(match, `textarea ${label}`).not.toBeNull();
  return unescape(match![1]!);
}

/** The `<section … id="L42">…</section>` block of one paragraph. */
function section(body: string, id: string): string {
  const start = body.indexOf(`id="${id}">`);
  expect(start, `paragraph ${id}`).toBeGreaterThan(0);
  const open = body.lastIndexOf('<section', start);
  return body.slice(open, body.indexOf('</section>', start) + '</section>'.length);
}

const hasNoQuoteMarks = (q: Quote) => !/[“”「」]/.test(q.text);
const founderPark = catalog.quotes.find(
  (q) =>
    q.source === 'yang-zhilin-founder-park-2024' && q.speaker === '杨植麟' && hasNoQuoteMarks(q),
)!;
const transcript = catalog.quotes.find((q) => q.flags.includes('machine-transcript'))!;
const traditional = catalog.quotes.find(
  (q) => q.flags.includes('traditional-source') && convertScript(q.text, 'hant', 'hans') !== q.text,
)!;
const ogSpec = (script: CardSpec['script'] = 'hans'): CardSpec => ({
  size: 'og',
  theme: 'paper',
  script,
  scale: 1,
});

describe('GET /q/{id}', () => {
  it('is an HTML page with the security headers', async () => {
    const { res, status, body } = await get(`/q/${founderPark.id}`);
    expect(status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(body).toMatch(/^<!doctype html>/);
    // No executable script: structured data only; no asset from elsewhere (schema.org is a vocabulary).
    expect(body).not.toMatch(
      /<script(?! type="application\/ld\+json")|<link rel="stylesheet"|https?:\/\/(?!yulu\.example|schema\.org)/,
    );
  });

  it('has Open Graph and Twitter tags with an absolute, versioned card URL', async () => {
    const { body } = await get(`/q/${founderPark.id}`);
    const permalink = engine.permalink(founderPark.id);
    const image = `https://yulu.example${engine.cardPath(founderPark.id, ogSpec(), 'png')}`;
    expect(image).toContain(`v=${engine.contentVersion(founderPark.id)}`);
    expect(body).toContain(`<link rel="canonical" href="${permalink}">`);
    expect(metaTag(body, 'og:type')).toBe('article');
    expect(metaTag(body, 'og:title')).toBe('杨植麟（月之暗面创始人兼 CEO）');
    expect(metaTag(body, 'og:description')).toBe(founderPark.text);
    expect(metaTag(body, 'og:url')).toBe(permalink);
    expect(metaTag(body, 'og:image')).toBe(image);
    expect(metaTag(body, 'og:image:width')).toBe('1200');
    expect(metaTag(body, 'og:image:height')).toBe('630');
    expect(metaTag(body, 'og:image:alt')).toContain(founderPark.text);
    expect(metaTag(body, 'og:locale')).toBe('zh_CN');
    expect(metaTag(body, 'twitter:card')).toBe('summary_large_image');
    expect(metaTag(body, 'twitter:title')).toBe('杨植麟（月之暗面创始人兼 CEO）');
    expect(metaTag(body, 'twitter:description')).toBe(founderPark.text);
    expect(metaTag(body, 'twitter:image')).toBe(image);
    expect(metaTag(body, 'twitter:image:alt')).toContain(founderPark.text);
    expect(metaTag(body, 'description')).toContain(founderPark.text);
    expect(body).toMatch(/<title>杨植麟：“[^<]+” · 语录<\/title>/);
  });

  it('shows the card, the quote, the speaker, the source and a link to the paragraph', async () => {
    const { body } = await get(`/q/${founderPark.id}`);
    const src = escape(engine.cardPath(founderPark.id, ogSpec(), 'png'));
    expect(body).toMatch(
      new RegExp(
        `<img src="${src.replace(/[?.]/g, '\\$&')}" width="1200" height="630" alt="[^"]+">`,
      ),
    );
    expect(body).toContain(`<blockquote class="quote" lang="zh-Hans">\n<p>${founderPark.text}</p>`);
    expect(body).toContain(
      `<a href="/speakers/${encodeURIComponent('杨植麟')}" lang="zh-Hans">杨植麟</a>`,
    );
    expect(body).toContain('创始人兼 CEO');
    expect(body).toContain('月之暗面');
    expect(body).toContain('《对话杨植麟：聚焦生产力，做好 Kimi 这一个产品》');
    expect(body).toContain('Founder Park');
    expect(body).toContain('2024年7月19日');
    expect(body).toContain(
      `href="/sources/${founderPark.source}?hl=${founderPark.id}#q-${founderPark.id}"`,
    );
  });

  it('offers a citation and an embed snippet', async () => {
    const { body } = await get(`/q/${founderPark.id}`);
    const permalink = engine.permalink(founderPark.id);
    expect(textarea(body, '引用文字')).toBe(
      `杨植麟（月之暗面创始人兼 CEO）：“${founderPark.text}”——Founder Park《对话杨植麟：聚焦生产力，做好 Kimi 这一个产品》，2024年7月19日。 ${permalink}`,
    );
    // A frame (no script, no cookies) and the oEmbed blockquote.
    expect(textarea(body, '框架嵌入代码')).toMatch(
      new RegExp(`^<iframe src="https://yulu\\.example/embed/${founderPark.id}" `),
    );
    const quotation = textarea(body, 'HTML 引文代码');
    expect(quotation).toMatch(/^<blockquote lang="zh-Hans" cite="[^"]+">[\s\S]+<\/blockquote>$/);
    expect(quotation).toContain(`href="${permalink}"`);
    expect(body).toContain(
      `<link rel="alternate" type="application/json+oembed" href="https://yulu.example/oembed?url=${encodeURIComponent(permalink)}&amp;format=json"`,
    );
  });

  it('links every card size as PNG (1× and 2×) and SVG with pixel dimensions', async () => {
    const { body } = await get(`/q/${founderPark.id}`);
    for (const size of CARD_SIZES) {
      const spec = { ...ogSpec(), size: size.name };
      const png = escape(engine.cardPath(founderPark.id, spec, 'png'));
      const png2 = escape(engine.cardPath(founderPark.id, { ...spec, scale: 2 }, 'png'));
      const svg = escape(engine.cardPath(founderPark.id, spec, 'svg'));
      expect(body).toContain(
        `<a href="${png}" download="yulu-${founderPark.id}-${size.name}.png">PNG ${size.width} × ${size.height}</a>`,
      );
      expect(body).toContain(`PNG ${size.width * 2} × ${size.height * 2}</a>`);
      expect(body).toContain(`<a href="${png2}"`);
      expect(body).toContain(
        `<a href="${svg}" download="yulu-${founderPark.id}-${size.name}.svg">SVG ${size.width} × ${size.height}</a>`,
      );
    }
  });

  it('explains flags: machine transcript, inferred speaker, traditional source', async () => {
    const asr = await get(`/q/${transcript.id}`);
    expect(asr.body).toContain('语音识别');
    expect(asr.body).not.toContain('speech recogniser'); // Chinese interface, no doubled English
    expect(textarea(asr.body, '引用文字')).toContain('（机器转写）');
    const inferred = catalog.quotes.find((q) => q.flags.includes('inferred-speaker'))!;
    expect((await get(`/q/${inferred.id}`)).body).toContain('讲者为推断');
    const trad = await get(`/q/${traditional.id}`);
    expect(trad.body).toContain('繁体原文');
    const plain = await get(`/q/${founderPark.id}`);
    expect(plain.body).not.toContain('语音识别');
  });

  it('says when a date is an estimate', async () => {
    const quote = catalog.quotes.find((q) => q.source === 'yang-zhilin-tmtpost-2024')!;
    const { body } = await get(`/q/${quote.id}`);
    expect(body).toContain('<dd>约2024年11月</dd>');
    expect(body).not.toContain('2024-11-16');
    expect(textarea(body, '引用文字')).toContain('约2024年11月');
    expect((await get(`/q/${quote.id}?lang=en`)).body).toContain('<dd>c. November 2024</dd>');
  });

  it('shows simplified by default and other scripts on request, with the card to match', async () => {
    const hans = await get(`/q/${traditional.id}`);
    const simplified = convertScript(traditional.text, 'hant', 'hans');
    expect(hans.body).toContain(`<blockquote class="quote" lang="zh-Hans">\n<p>${simplified}</p>`);
    // The source's own wording is shown too, marked as traditional.
    expect(hans.body).toContain(`<span lang="zh-Hant">${traditional.text}</span>`);

    const tw = await get(`/q/${traditional.id}?script=tw`);
    expect(tw.status).toBe(200);
    const twText = convertScript(traditional.text, 'hant', 'tw');
    expect(tw.body).toContain(`<blockquote class="quote" lang="zh-Hant-TW">\n<p>${twText}</p>`);
    expect(metaTag(tw.body, 'og:image')).toBe(
      `https://yulu.example${engine.cardPath(traditional.id, ogSpec('tw'), 'png')}`,
    );
    expect(metaTag(tw.body, 'og:url')).toBe(`${engine.permalink(traditional.id)}?script=tw`);
    // Canonical, og:url and <html lang> agree on the page's own script.
    expect(tw.body).toContain(
      `<link rel="canonical" href="${engine.permalink(traditional.id)}?script=tw">`,
    );
    expect(tw.body).toMatch(/^<!doctype html>\n<html lang="zh-Hant-TW">/);
    expect(tw.body).toContain(`href="/q/${traditional.id}?script=hk"`);
    expect(tw.body).toContain(`href="/q/${traditional.id}"`);
    expect(textarea(tw.body, '引用文字')).toMatch(/：「.+」——/);
  });

  it('nests quotation marks in the citation', async () => {
    const quote = catalog.quotes.find((q) => /“.+”/.test(q.text))!;
    expect(quote).toBeDefined();
    const citation = textarea((await get(`/q/${quote.id}`)).body, '引用文字');
    expect(citation).toMatch(/^[^“]+：“[^“”]*‘[^“”]+’[^“”]*”——/);
  });
});

describe('GET /sources/{slug}', () => {
  it.each(corpus.documents.map((d) => [d.meta.slug, d] as const))(
    '%s: every paragraph has an anchor and a link to itself; exclusions and flags are labelled',
    async (slug, document) => {
      const { res, status, body } = await get(`/sources/${slug}`);
      expect(status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const sourceLang = document.meta.script === 'hans' ? 'zh-Hans' : 'zh-Hant';
      const en = (await get(`/sources/${slug}?lang=en`)).body;
      for (const p of document.paragraphs) {
        const block = section(body, p.id);
        expect(block).toContain(`<a class="pid" href="#${p.id}"`);
        // Damaged paragraphs show a marked gap instead of their text (test/http/damage.test.ts).
        if (!p.flags.includes('unrepaired-mojibake'))
          expect(block).toContain(`<p class="text" lang="${sourceLang}">${escape(p.text)}</p>`);
        if (p.attribution.speaker) expect(block).toContain(`>${p.attribution.speaker}</span>`);
        if (p.kind !== 'speech') {
          expect(block).toMatch(/^<section class="para excluded/);
          // Why it is left out, in plain Chinese (the corpus's English reason only in English).
          const zh = WORDS.zh.source.reasons[p.reason ?? ''];
          expect(zh, `a Chinese word for the reason "${p.reason}"`).toBeDefined();
          expect(block).toContain(`<span class="reason">${zh}</span>`);
          expect(section(en, p.id)).toContain(
            `<span class="reason">${escape(p.reason ?? '')}</span>`,
          );
        }
        for (const flag of ['unrepaired-mojibake', 'restated'] as const) {
          if (p.flags.includes(flag)) {
            expect(block).toMatch(/^<section class="[^"]*flagged/);
            expect(block).toContain(`data-flag="${flag}"`);
          }
        }
        expect(block).not.toContain('<mark');
      }
    },
  );

  it('highlights exactly the quote of ?hl= and links back to it', async () => {
    for (const quote of [founderPark, transcript, traditional]) {
      const { status, body } = await get(`/sources/${quote.source}?hl=${quote.id}`);
      expect(status).toBe(200);
      expect(body.match(/<mark/g)).toHaveLength(1);
      const mark = new RegExp(`<mark id="q-${quote.id}">([^<]*)</mark>`).exec(body);
      expect(unescape(mark![1]!)).toBe(quote.text);
      const block = section(body, quote.paragraph);
      expect(block).toMatch(/^<section class="para speech[^"]*\bhl\b/);
      expect(block).toContain(`href="/q/${quote.id}"`);
      const paragraph = library.resolve(quote.id).paragraph;
      const visible = unescape(
        /<p class="text"[^>]*>(.*?)<\/p>/s.exec(block)![1]!.replace(/<\/?mark[^>]*>/g, ''),
      );
      expect(visible).toBe(paragraph.text);
    }
  });

  it('lists the quotes of each paragraph', async () => {
    const { body } = await get(`/sources/${founderPark.source}`);
    expect(section(body, founderPark.paragraph)).toContain(`<a href="/q/${founderPark.id}">`);
  });

  it('shows the source with a notice when ?hl= names no quote of this source', async () => {
    const unknown = await get(`/sources/${founderPark.source}?hl=zzzzzzzz`);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toContain('没有找到要高亮的语录 <code>zzzzzzzz</code>。');
    const english = await get(`/sources/${founderPark.source}?hl=zzzzzzzz&lang=en`);
    expect(english.body).toContain('not found in this source');
    expect(unknown.body).not.toContain('<mark');
    const elsewhere = await get(`/sources/${founderPark.source}?hl=${transcript.id}`);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body).toContain(
      `href="/sources/${transcript.source}?hl=${transcript.id}#q-${transcript.id}"`,
    );
    expect(elsewhere.body).not.toContain('<mark');
  });

  it('never echoes request text unescaped', async () => {
    const evil = '<script>alert(1)</script>';
    const hl = await get(`/sources/${founderPark.source}?hl=${encodeURIComponent(evil)}`);
    expect(hl.status).toBe(200);
    expect(hl.body).not.toContain('<script');
    expect(hl.body).not.toContain('alert(1)');
    const param = await get(`/q/${founderPark.id}?${encodeURIComponent(evil)}=1`);
    expect(param.status).toBe(400);
    expect(param.body).not.toContain('<script');
    expect(param.body).toContain('&lt;script&gt;');
    const script = await get(`/q/${founderPark.id}?script=${encodeURIComponent(evil)}`);
    expect(script.status).toBe(400);
    expect(script.body).not.toContain('<script');
    const id = await get(`/q/${encodeURIComponent('"><img src=x>')}`);
    expect(id.status).toBe(404);
    expect(id.body).not.toContain('<img src=x>');
    const slug = await get(`/sources/${encodeURIComponent('<b>x</b>')}`);
    expect(slug.status).toBe(404);
    expect(slug.body).not.toContain('<b>x</b>');
  });
});

describe('GET /', () => {
  it('introduces Yulu and links the sources, top quotes and the API', async () => {
    const { res, status, body } = await get('/');
    expect(status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    for (const doc of corpus.documents) expect(body).toContain(`href="/sources/${doc.meta.slug}"`);
    // Top quotes are publishable ones only (issue 12): a higher-scoring candidate is not shown.
    const byScore = [...catalog.quotes].sort(
      (a, b) => b.score - a.score || a.id.localeCompare(b.id),
    );
    const top = byScore.filter((q) => q.tier === 'publishable');
    for (const q of top.slice(0, 10)) expect(body).toContain(`href="/q/${q.id}"`);
    expect(body).not.toContain(`href="/q/${top[10]!.id}"`);
    const candidate = byScore.find((q) => q.tier === 'candidate')!;
    expect(body).not.toContain(`href="/q/${candidate.id}"`);
    expect(body).toContain('href="/api/quotes"');
    expect(body).toContain('lang="en"');
  });
});

describe('page errors', () => {
  it.each([
    ['/q/zzzzzzzz', 404, 'quote_not_found'],
    ['/q/TOOLONG123', 404, 'quote_not_found'],
    ['/sources/nope', 404, 'source_not_found'],
    ['/?x=1', 400, 'invalid_argument'],
    ['/q/{id}?size=og', 400, 'invalid_argument'],
    ['/q/{id}?script=hans&script=tw', 400, 'invalid_argument'],
    ['/q/{id}?script=latin', 400, 'invalid_argument'],
    ['/sources/{slug}?hl=a&hl=b', 400, 'invalid_argument'],
    ['/sources/{slug}?page=2', 400, 'invalid_argument'],
  ])('%s → %i %s as an HTML page', async (template, code, name) => {
    const path = template.replace('{id}', founderPark.id).replace('{slug}', founderPark.source);
    const { res, status, body } = await get(path);
    expect(status).toBe(code);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body).toMatch(/^<!doctype html>/);
    expect(body).toContain(`<code>${name}</code>`);
    expect(body).toContain('<meta name="robots" content="noindex">');
  });

  it('names the parameter and what is allowed', async () => {
    const q = await get(`/q/${founderPark.id}?size=og`);
    expect(q.body).toContain('unknown parameter &quot;size&quot;; allowed: script, lang');
    const s = await get(`/sources/${founderPark.source}?page=2`);
    expect(s.body).toContain('unknown parameter &quot;page&quot;; allowed: hl, lang');
    const home = await get('/?x=1');
    expect(home.body).toContain('unknown parameter &quot;x&quot;; allowed: lang');
    const twice = await get(`/q/${founderPark.id}?script=hans&script=tw`);
    expect(twice.body).toContain('given 2 times');
  });

  it('lists the existing sources on a 404', async () => {
    const { body } = await get('/sources/nope');
    for (const doc of corpus.documents) expect(body).toContain(`href="/sources/${doc.meta.slug}"`);
  });

  it('ignores the tracking parameters messengers add to shared links', async () => {
    const { status } = await get(
      `/q/${founderPark.id}?from=singlemessage&isappinstalled=0&utm_source=x&fbclid=abc`,
    );
    expect(status).toBe(200);
  });

  it('turns an unexpected failure into a 500 page without details', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = new Hono().route(
      '/',
      pageRoutes(library, async () => {
        throw new Error('fonts missing at /secret/path');
      }),
    );
    const res = await broken.request(`/q/${founderPark.id}`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const body = await res.text();
    expect(body).toContain('<code>internal_error</code>');
    expect(body).not.toContain('/secret/path');
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('pages inside the full app', () => {
  it('serves the og:image the permalink page points at', async () => {
    const full = createApp({ library, cards: { engine } });
    full.route(
      '/',
      pageRoutes(library, async () => ({ baseUrl: engine.baseUrl, renderVersion: engine.version })),
    );
    const pageRes = await full.request(`/q/${founderPark.id}`);
    expect(pageRes.status).toBe(200);
    const image = new URL(metaTag(await pageRes.text(), 'og:image')!);
    const card = await full.request(`${image.pathname}${image.search}`);
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toBe('image/png');
    expect(card.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await full.request('/api/quotes?limit=1')).status).toBe(200);
  });
});
