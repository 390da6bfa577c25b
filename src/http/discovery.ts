import { Hono } from 'hono';
import { daysFrom } from '../daily/calendar.ts';
import type { DailyService } from '../daily/service.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import { robotsTxt, sitemapXml } from '../share/sitemap.ts';
import {
  absolute,
  dailyHref,
  origin as originOf,
  permalink,
  sourceUrl,
  speakerHref,
  type Links,
} from './links.ts';
import { strictQuery } from './validate.ts';

/** /sitemap.xml (every public page) and /robots.txt. */
export function discoveryRoutes(library: QuoteLibrary, daily: DailyService, links: Links) {
  const origin = originOf(links);
  return new Hono()
    .get('/robots.txt', (c) => {
      strictQuery(c, []);
      return c.text(robotsTxt(origin), 200, { 'Cache-Control': 'public, max-age=86400' });
    })
    .get('/sitemap.xml', (c) => {
      strictQuery(c, []);
      const today = daily.today();
      const urls = [
        { loc: absolute(links, '/') },
        { loc: absolute(links, dailyHref()), lastmod: today },
        ...daysFrom(daily.firstDay, today).map((day) => ({ loc: absolute(links, dailyHref(day)) })),
        ...library.documents.map((d) => ({ loc: sourceUrl(links, d.meta.slug) })),
        ...library.speakers().map((s) => ({ loc: absolute(links, speakerHref(s.name)) })),
        ...library.quotes.map((q) => ({ loc: permalink(links, q.id) })),
      ];
      return c.body(sitemapXml(urls), 200, {
        'Content-Type': 'application/xml; charset=utf-8',
        'Cache-Control': 'public, max-age=3600',
      });
    });
}
