import { Hono, type Context } from 'hono';
import { cardRequest, cardSpec, DAILY_QUERY } from '../card/spec.ts';
import { dailyPick, todayInShanghai } from '../desk/daily.ts';
import type { EditorialStore } from '../desk/store.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import { cardHref, cardUrl, permalink, quoteHref, type Links } from './links.ts';
import { strictQuery } from './validate.ts';

/**
 * The daily quote: `GET /api/daily?date=`, and `/daily`, `/daily.png`, `/daily.svg` which redirect
 * to the day's permalink or versioned card (the redirect is not cached; the card is immutable).
 */
export function dailyRoutes(
  library: QuoteLibrary,
  store: () => Promise<EditorialStore>,
  links: Links,
) {
  const query = (c: Context) => strictQuery(c, DAILY_QUERY);
  const pick = async (date: string | undefined) =>
    dailyPick(date ?? todayInShanghai(), library, await store());

  const app = new Hono();
  app.get('/api/daily', async (c) => {
    const { date } = query(c);
    const { date: day, quote, how } = await pick(date);
    const spec = cardSpec({});
    return c.json(
      {
        date: day,
        how,
        quote: { ...quote, textHans: library.simplified(quote) },
        permalink: permalink(links, quote.id),
        card: cardUrl(links, quote.id, spec, 'png'),
      },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });
  for (const format of ['png', 'svg'] as const) {
    app.get(`/daily.${format}`, async (c) => {
      const { date, ...rest } = query(c);
      const spec = cardSpec(cardRequest(rest));
      const { quote } = await pick(date);
      return c.redirect(cardHref(links, quote.id, spec, format), 302);
    });
  }
  app.get('/daily', async (c) => {
    const { date } = query(c);
    const { quote } = await pick(date);
    return c.redirect(quoteHref(quote.id), 302);
  });
  return app;
}
