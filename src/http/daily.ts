import { Hono, type Context } from 'hono';
import { cardSpec, cardPath } from '../card/engine.ts';
import type { DailyQuote, DailyService } from '../daily/service.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import type { ApiLinks } from './api.ts';
import { strictQuery } from './validate.ts';

const DAILY_PARAMETERS = ['date', 'size', 'theme', 'script', 'scale'];
/** The plan can change until a day goes out (an editor schedules it): cache briefly. */
const DAILY_CACHE = 'public, max-age=300';

/**
 * The daily quote: `GET /api/daily?date=` (previews up to a year ahead), and `/daily.png`,
 * `/daily.svg` which redirect to the day's versioned card. Nothing here writes: days are fixed
 * by the publishing job (DailyService.publishDue).
 */
export function dailyRoutes(library: QuoteLibrary, daily: DailyService, links: ApiLinks) {
  const origin = links.baseUrl.replace(/\/+$/, '');
  const query = (c: Context) => strictQuery(c, DAILY_PARAMETERS);

  const app = new Hono();
  app.get('/api/daily', async (c) => {
    const { date, ...rest } = query(c);
    const spec = cardSpec(rest);
    const day = await daily.day(date ?? daily.today(), { preview: true });
    return c.json(
      describeDaily(library, day, origin, cardPath(day, spec, 'png', links.renderVersion)),
      200,
      {
        'Cache-Control': DAILY_CACHE,
      },
    );
  });
  for (const format of ['png', 'svg'] as const) {
    app.get(`/daily.${format}`, async (c) => {
      const { date, ...rest } = query(c);
      const spec = cardSpec(rest);
      const day = await daily.day(date ?? daily.today(), { preview: true });
      return c.redirect(cardPath(day, spec, format, links.renderVersion), 302);
    });
  }
  // Until the daily page exists: the day's permalink.
  app.get('/daily', async (c) => {
    const { date } = query(c);
    const { quote } = await daily.day(date ?? daily.today());
    return c.redirect(`/q/${quote.id}`, 302);
  });
  return app;
}

/** A day as the API describes it. */
export function describeDaily(
  library: QuoteLibrary,
  day: DailyQuote,
  origin: string,
  card: string,
) {
  return {
    date: day.date,
    how: day.how,
    published: day.published,
    quote: { ...day.quote, textHans: library.simplified(day.quote) },
    permalink: `${origin}/q/${day.quote.id}`,
    card: `${origin}${card}`,
  };
}
