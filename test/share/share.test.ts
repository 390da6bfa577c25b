import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, jsonFeed, type FeedSite } from '../../src/share/feed.ts';
import { quotationJsonLd } from '../../src/share/jsonld.ts';
import { oembedFor } from '../../src/share/oembed.ts';
import { displayDate, monthDay, type SharedQuote } from '../../src/share/shared-quote.ts';
import { robotsTxt, sitemapXml } from '../../src/share/sitemap.ts';

const quote: SharedQuote = {
  id: 'abcd2345',
  text: '模型 <b>&amp;</b> “产品”\u0001要一起做',
  speaker: '杨植麟',
  affiliation: '月之暗面创始人兼 CEO',
  source: {
    title: '对话 & <访谈>',
    publication: 'Founder Park',
    date: '2024-01-15',
    dateIsEstimate: true,
  },
  permalink: 'https://yulu.example/q/abcd2345',
  sourceView: 'https://yulu.example/sources/x?hl=abcd2345#q-abcd2345',
  card: {
    url: 'https://yulu.example/cards/abcd2345.png?size=og&v=1&x=<',
    width: 1200,
    height: 630,
  },
  lang: 'zh-Hans',
};
const site: FeedSite = {
  title: '语录 · 今日语录',
  description: '每天一句',
  home: 'https://yulu.example/daily',
  atom: 'https://yulu.example/daily/feed.xml',
  json: 'https://yulu.example/daily/feed.json',
};
const days = [
  { date: '2026-12-01', url: 'https://yulu.example/daily/2026-12-01', quote },
  {
    date: '2026-11-30',
    url: 'https://yulu.example/daily/2026-11-30',
    quote: { ...quote, id: 'zzzz2345' },
  },
];

describe('ways out, built without a runtime', () => {
  it('writes well-formed Atom whatever the text holds', () => {
    const xml = atomFeed(site, days);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      xml,
    ).feed;
    expect(feed.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(feed.updated).toBe('2026-12-01T00:00:00+08:00');
    expect(feed.entry).toHaveLength(2);
    const entry = feed.entry[0];
    expect(entry.title).toBe('今日语录 · 12月1日 · 杨植麟');
    expect(entry.author.name).toBe('杨植麟');
    expect(entry.summary['#text']).toBe('模型 <b>&amp;</b> “产品”要一起做');
    const links = Object.fromEntries(
      entry.link.map((l: { rel: string; href: string }) => [l.rel, l.href]),
    );
    expect(links).toEqual({
      alternate: 'https://yulu.example/daily/2026-12-01',
      related: quote.permalink,
      enclosure: quote.card.url,
    });
    expect(entry.content['#text']).toContain('<blockquote');
  });

  it('writes JSON Feed 1.1', () => {
    const feed = jsonFeed(site, days);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(site.json);
    expect(feed.items[0]).toMatchObject({
      id: days[0]!.url,
      url: days[0]!.url,
      external_url: quote.permalink,
      image: quote.card.url,
      date_published: '2026-12-01T00:00:00+08:00',
      authors: [{ name: '杨植麟' }],
      attachments: [{ url: quote.card.url, mime_type: 'image/png' }],
    });
  });

  it('answers oEmbed as a rich, self-contained blockquote with the card as thumbnail', () => {
    const answer = oembedFor(quote, { name: '语录', url: 'https://yulu.example' }, 300);
    expect(answer).toMatchObject({
      version: '1.0',
      type: 'rich',
      width: 300,
      thumbnail_url: quote.card.url,
      thumbnail_width: 300,
      thumbnail_height: 158,
    });
    expect(answer.html).toMatch(
      /^<blockquote lang="zh-Hans" cite="https:\/\/yulu\.example\/q\/abcd2345" style="max-width:300px;margin:0"><p>“模型 &lt;b&gt;&amp;amp;&lt;\/b&gt;/,
    );
    expect(answer.html).not.toMatch(/<script|<b>/);
    expect(oembedFor(quote, { name: '', url: '' }, 99_999).width).toBe(1200);
  });

  it('writes Quotation JSON-LD that cannot close its script element', () => {
    const json = quotationJsonLd({ ...quote, text: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script');
    const data = JSON.parse(json);
    expect(data).toMatchObject({
      '@type': 'Quotation',
      text: '</script><script>alert(1)</script>',
      creator: { '@type': 'Person', name: '杨植麟' },
      isBasedOn: { '@type': 'CreativeWork', datePublished: '2024-01' },
    });
  });

  it('shows estimated dates as estimates', () => {
    expect(displayDate('2024-01-01', true)).toBe('约2024年1月');
    expect(displayDate('2024-07-19', false)).toBe('2024年7月19日');
    expect(displayDate('2024-01-01', true, 'en')).toBe('c. January 2024');
    expect(monthDay('2026-12-01')).toBe('12月1日');
  });

  it('writes a sitemap and robots.txt', () => {
    const xml = sitemapXml([{ loc: 'https://yulu.example/q/a?x=1&y=2', lastmod: '2026-12-01' }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser().parse(xml).urlset.url.loc).toBe('https://yulu.example/q/a?x=1&y=2');
    expect(robotsTxt('https://yulu.example')).toMatch(
      /Disallow: \/editor\n[\s\S]*Sitemap: https:\/\/yulu\.example\/sitemap\.xml/,
    );
  });
});
