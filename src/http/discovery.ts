import { Hono } from 'hono';
import { daysFrom } from '../daily/calendar.ts';
import type { DailyService } from '../daily/service.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import { robotsTxt, sitemapXml } from '../share/sitemap.ts';
import type { ApiLinks } from './api.ts';
import { speakerSlug } from './speakers.ts';
import { strictQuery } from './validate.ts';

/** /sitemap.xml (every public page) and /robots.txt. */
export function discoveryRoutes(library: QuoteLibrary, daily: DailyService, links: ApiLinks) {
  const origin = links.baseUrl.replace(/\/+$/, '');
  return new Hono()
    .get('/robots.txt', (c) => {
      strictQuery(c, []);
      return c.text(robotsTxt(origin), 200, { 'Cache-Control': 'public, max-age=86400' });
    })
    .get('/sitemap.xml', (c) => {
      strictQuery(c, []);
      const today = daily.today();
      const urls = [
        { loc: `${origin}/` },
        { loc: `${origin}/daily`, lastmod: today },
        ...daysFrom(daily.firstDay, today).map((day) => ({ loc: `${origin}/daily/${day}` })),
        ...library.documents.map((d) => ({ loc: `${origin}/sources/${d.meta.slug}` })),
        ...library
          .speakers()
          .map((s) => ({ loc: `${origin}/speakers/${speakerSlug(library, s.name)}` })),
        ...library.quotes.map((q) => ({ loc: `${origin}/q/${q.id}` })),
      ];
      return c.body(sitemapXml(urls), 200, {
        'Content-Type': 'application/xml; charset=utf-8',
        'Cache-Control': 'public, max-age=3600',
      });
    });
}
