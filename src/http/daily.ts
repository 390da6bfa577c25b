import { Hono, type Context } from 'hono';
import { cardRequest, cardSpec, DAILY_QUERY } from '../card/spec.ts';
import type { DailyQuote, DailyService } from '../daily/service.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import { cardHref, cardUrl, permalink, type Links } from './links.ts';
import { strictQuery } from './validate.ts';

/** The plan can change until a day goes out (an editor schedules it): cache briefly. */
const DAILY_CACHE = 'public, max-age=300';

/**
 * The daily quote's data: `GET /api/daily?date=` (previews up to a year ahead), and `/daily.png`,
 * `/daily.svg` which redirect to the day's versioned card. Nothing here writes: days are fixed
 * by the publishing job (DailyService.publishDue).
 */
export function dailyRoutes(library: QuoteLibrary, daily: DailyService, links: Links) {
  const query = (c: Context) => strictQuery(c, DAILY_QUERY);

  const app = new Hono();
  app.get('/api/daily', async (c) => {
    const { date, ...rest } = query(c);
    const spec = cardSpec(cardRequest(rest));
    const day = await daily.day(date ?? daily.today(), { preview: true });
    return c.json(describeDaily(library, links, day, cardUrl(links, day, spec, 'png')), 200, {
      'Cache-Control': DAILY_CACHE,
    });
  });
  for (const format of ['png', 'svg'] as const) {
    app.get(`/daily.${format}`, async (c) => {
      const { date, ...rest } = query(c);
      const spec = cardSpec(cardRequest(rest));
      const day = await daily.day(date ?? daily.today(), { preview: true });
      return c.redirect(cardHref(links, day, spec, format), 302);
    });
  }
  return app;
}

/** A day as the API describes it. */
export function describeDaily(library: QuoteLibrary, links: Links, day: DailyQuote, card: string) {
  return {
    date: day.date,
    how: day.how,
    published: day.published,
    quote: { ...day.quote, textHans: library.simplified(day.quote) },
    permalink: permalink(links, day.quote.id),
    card,
  };
}
