import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { DailyService } from '../../src/daily/service.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { memoryStore } from '../support/store.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const ORIGIN = 'https://yulu.example';
const clock = () => new Date('2026-12-01T10:00:00+08:00');
const guest = catalog.quotes.find((q) => q.role === 'guest' && q.score >= 0.7)!;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const store = await memoryStore();
  const engine = await createNodeCardEngine(library, ORIGIN);
  app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: ORIGIN, renderVersion: engine.version },
    store: async () => store,
    daily: new DailyService({
      library,
      store: async () => store,
      firstDay: '2026-10-01',
      now: clock,
    }),
  });
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

describe('feeds', () => {
  it('Atom at /daily/feed.xml: the last 30 days, each with page, words, speaker, source and card', async () => {
    const res = await app.request('/daily/feed.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed.entry).toHaveLength(30);
    expect(feed.entry[0].id).toBe(`${ORIGIN}/daily/2026-12-01`);
    expect(feed.entry[29].id).toBe(`${ORIGIN}/daily/2026-11-02`);
    for (const entry of feed.entry) {
      const links = Object.fromEntries(
        (entry.link as { rel: string; href: string }[]).map((l) => [l.rel, l.href]),
      );
      const id = /\/q\/([0-9a-z]{8})$/.exec(links.related!)![1]!;
      const quote = library.find(id)!;
      expect(quote.role).toBe('guest');
      expect(entry.author.name).toBe(quote.speaker);
      expect(entry.summary['#text']).toBe(library.simplified(quote));
      expect(entry.content['#text']).toContain(library.document(quote.source).meta.publication);
      expect(links.enclosure).toMatch(
        new RegExp(`^${ORIGIN}/cards/${id}\\.png\\?size=og&.*&v=[0-9a-f]{12}$`),
      );
    }
    // The enclosure is the card, served immutable under that URL.
    const card = await app.request(
      parser
        .parse(xml)
        .feed.entry[0].link.find((l: { rel: string }) => l.rel === 'enclosure')
        .href.slice(ORIGIN.length),
    );
    expect(card.status).toBe(200);
    expect(card.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('JSON Feed 1.1 at /daily/feed.json', async () => {
    const res = await app.request('/daily/feed.json');
    expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const feed = (await res.json()) as {
      version: string;
      feed_url: string;
      items: {
        id: string;
        url: string;
        content_text: string;
        date_published: string;
        image: string;
        authors: { name: string }[];
        attachments: { mime_type: string }[];
      }[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${ORIGIN}/daily/feed.json`);
    expect(feed.items).toHaveLength(30);
    expect(feed.items[0]).toMatchObject({
      id: `${ORIGIN}/daily/2026-12-01`,
      url: `${ORIGIN}/daily/2026-12-01`,
      date_published: '2026-12-01T00:00:00+08:00',
      attachments: [{ mime_type: 'image/png' }],
    });
    for (const item of feed.items) expect(item.content_text).toContain(item.authors[0]!.name);
  });
});

describe('oEmbed, consumed as a client would', () => {
  it('answers a permalink with a rich, self-contained blockquote and the card as thumbnail', async () => {
    const url = `${ORIGIN}/q/${guest.id}`;
    const res = await app.request(
      `/oembed?url=${encodeURIComponent(url)}&maxwidth=400&format=json`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const embed = (await res.json()) as Record<string, unknown> & {
      html: string;
      thumbnail_url: string;
    };
    expect(embed).toMatchObject({
      version: '1.0',
      type: 'rich',
      width: 400,
      provider_url: `${ORIGIN}/`,
      author_name: guest.speaker,
    });
    expect(embed.html).toMatch(/^<blockquote [^>]*>[\s\S]*<\/blockquote>$/);
    expect(embed.html).not.toMatch(/<script|<iframe|<link|<style/);
    const text = embed.html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
    expect(text).toContain(library.simplified(guest));
    expect(text).toContain(guest.speaker);
    expect(embed.html).toContain(`href="${url}"`);
    const thumb = await app.request(embed.thumbnail_url.slice(ORIGIN.length));
    expect(thumb.headers.get('content-type')).toBe('image/png');
  });

  it('refuses what it does not serve, as the spec asks', async () => {
    const other = await app.request(
      `/oembed?url=${encodeURIComponent(`https://evil.example/q/${guest.id}`)}`,
    );
    expect(other.status).toBe(404);
    const xml = await app.request(
      `/oembed?url=${encodeURIComponent(`${ORIGIN}/q/${guest.id}`)}&format=xml`,
    );
    expect(xml.status).toBe(501);
    expect((await app.request('/oembed')).status).toBe(400);
    expect(
      (await app.request(`/oembed?url=${encodeURIComponent(`${ORIGIN}/q/zzzzzzzz`)}`)).status,
    ).toBe(404);
  });
});

describe('an API others can use', () => {
  it('answers any origin without credentials, with ETags and Cache-Control', async () => {
    const res = await app.request('/api/quotes?limit=2', {
      headers: { Origin: 'https://other.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const tag = res.headers.get('etag')!;
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    const again = await app.request('/api/quotes?limit=2', { headers: { 'If-None-Match': tag } });
    expect(again.status).toBe(304);
    const preflight = await app.request('/api/quotes', {
      method: 'OPTIONS',
      headers: { Origin: 'https://other.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('gives a random quote (with the usual filters) and the speakers', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const res = await app.request('/api/quotes/random?speaker=闫俊杰&maxLength=60');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const { quote } = (await res.json()) as {
        quote: { id: string; speaker: string; text: string };
      };
      expect(quote.speaker).toBe('闫俊杰');
      expect([...quote.text].length).toBeLessThanOrEqual(60);
      ids.add(quote.id);
    }
    expect(ids.size).toBeGreaterThan(1);
    expect((await app.request('/api/quotes/random?speaker=nobody')).status).toBe(404);
    expect((await app.request('/api/quotes/random?text=x')).status).toBe(400);
    const { speakers } = (await (await app.request('/api/speakers')).json()) as {
      speakers: { name: string; role: string; page: string; quotes: number }[];
    };
    expect(speakers.map((s) => s.name)).toEqual(
      expect.arrayContaining(['杨植麟', '闫俊杰', '李志飞']),
    );
    expect(speakers.find((s) => s.name === '闫俊杰')).toMatchObject({
      role: 'guest',
      page: `${ORIGIN}/speakers/${encodeURIComponent('闫俊杰')}`,
    });
  });

  it('describes itself in OpenAPI 3.1, generated from the zod schemas', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, { get: { parameters?: { name: string }[] } }>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/quotes',
        '/api/quotes/random',
        '/api/speakers',
        '/api/daily',
        '/oembed',
      ]),
    );
    // The list's parameters are the validator's: change one and both change.
    expect(doc.paths['/api/quotes']!.get.parameters!.map((p) => p.name)).toEqual([
      'speaker',
      'source',
      'q',
      'minScore',
      'minLength',
      'maxLength',
      'limit',
      'cursor',
      'tier',
    ]);
  });
});

describe('discovery', () => {
  it('sitemap.xml lists pages; robots.txt points at it', async () => {
    const xml = await (await app.request('/sitemap.xml')).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const locs = (parser.parse(xml).urlset.url as { loc: string }[]).map((u) => u.loc);
    expect(locs).toContain(`${ORIGIN}/daily/2026-12-01`);
    expect(locs).toContain(`${ORIGIN}/q/${guest.id}`);
    expect(locs).not.toContain(`${ORIGIN}/daily/2026-12-02`);
    expect(await (await app.request('/robots.txt')).text()).toContain(
      `Sitemap: ${ORIGIN}/sitemap.xml`,
    );
  });
});
