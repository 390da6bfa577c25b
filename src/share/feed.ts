import { quoteBlockquote } from './quote-html.ts';
import { monthDay, type SharedQuote } from './shared-quote.ts';
import { escapeXml as esc } from './xml.ts';

/** One published day in a feed. */
export interface FeedDay {
  /** YYYY-MM-DD (Asia/Shanghai). */
  date: string;
  /** Absolute URL of the day's page. */
  url: string;
  quote: SharedQuote;
}

export interface FeedSite {
  title: string;
  description: string;
  /** Absolute URL of the page the feed belongs to (/daily). */
  home: string;
  /** Absolute URLs of this feed and of its sibling formats. */
  atom: string;
  json: string;
  icon?: string;
}

/** A day begins at 00:00 in Shanghai: the moment it went out. */
const wentOut = (date: string) => `${date}T00:00:00+08:00`;
const title = (day: FeedDay) => `今日语录 · ${monthDay(day.date)} · ${day.quote.speaker}`;

/**
 * The daily quote as an Atom 1.0 feed (RFC 4287). Written by hand rather than with the `feed`
 * package: that pulls xml-js and sax (~97 KB, and sax reaches for Node's `stream`) into the
 * Worker for what is a few escaped elements. Each entry: the day's page, the words, the speaker
 * as author, the source, the quote's permalink (rel=related) and its card (rel=enclosure).
 */
export function atomFeed(site: FeedSite, days: readonly FeedDay[]): string {
  const updated = days[0] ? wentOut(days[0].date) : '1970-01-01T00:00:00Z';
  const entries = days.map((day) => {
    const q = day.quote;
    return `  <entry>
    <id>${esc(day.url)}</id>
    <title>${esc(title(day))}</title>
    <updated>${wentOut(day.date)}</updated>
    <published>${wentOut(day.date)}</published>
    <author><name>${esc(q.speaker)}</name></author>
    <link rel="alternate" type="text/html" href="${esc(day.url)}"/>
    <link rel="related" type="text/html" href="${esc(q.permalink)}"/>
    <link rel="enclosure" type="image/png" href="${esc(q.card.url)}"/>
    <summary xml:lang="${esc(q.lang)}">${esc(q.text)}</summary>
    <content type="html">${esc(quoteBlockquote(q))}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-Hans">
  <id>${esc(site.home)}</id>
  <title>${esc(site.title)}</title>
  <subtitle>${esc(site.description)}</subtitle>
  <updated>${updated}</updated>
  <link rel="self" type="application/atom+xml" href="${esc(site.atom)}"/>
  <link rel="alternate" type="text/html" href="${esc(site.home)}"/>
  <link rel="alternate" type="application/feed+json" href="${esc(site.json)}"/>
${site.icon ? `  <icon>${esc(site.icon)}</icon>\n` : ''}${entries.join('\n')}
</feed>
`;
}

/** The daily quote as JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function jsonFeed(site: FeedSite, days: readonly FeedDay[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.title,
    description: site.description,
    home_page_url: site.home,
    feed_url: site.json,
    language: 'zh-Hans',
    ...(site.icon ? { icon: site.icon } : {}),
    items: days.map((day) => {
      const q = day.quote;
      return {
        id: day.url,
        url: day.url,
        external_url: q.permalink,
        title: title(day),
        content_text: `“${q.text}”——${q.speaker}，${q.source.publication}《${q.source.title}》`,
        content_html: quoteBlockquote(q),
        summary: q.text,
        image: q.card.url,
        date_published: wentOut(day.date),
        authors: [{ name: q.speaker }],
        language: q.lang,
        attachments: [{ url: q.card.url, mime_type: 'image/png', title: '语录卡片' }],
        _yulu: {
          quote_id: q.id,
          speaker: q.speaker,
          source: {
            title: q.source.title,
            publication: q.source.publication,
            date: q.source.date,
            url: q.source.url,
          },
        },
      };
    }),
  };
}
