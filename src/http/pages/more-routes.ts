import { Hono, type Context } from 'hono';
import type { DailyService } from '../../daily/service.ts';
import { YuluError } from '../../errors.ts';
import type { QuoteLibrary, ResolvedQuote } from '../../quotes/library.ts';
import { UI_PARAMETER, uiOf } from '../html/ui.ts';
import type { Links } from '../links.ts';
import { speakerBySlug } from '../speakers.ts';
import { strictQuery } from '../validate.ts';
import { dailyPage } from './daily.ts';
import { embedPage } from './embed.ts';
import { errorPage } from './error.ts';
import { searchPage } from './search.ts';
import { QUOTE_ID } from './shared.ts';
import { speakerPage } from './speaker.ts';

export interface MorePageOptions {
  library: QuoteLibrary;
  links: () => Promise<Links>;
  resolve: (id: string) => Promise<ResolvedQuote>;
  /** Without it (no editorial store) there is no daily quote and no daily pages. */
  daily?: DailyService | undefined;
}

/** GET /daily, /daily/{date}, /speakers/{name}, /search and /embed/{id}; errors as pages. */
export function morePageRoutes({ library, links, resolve, daily }: MorePageOptions): Hono {
  const app = new Hono();
  const page = (handler: (c: Context) => Response | Promise<Response>) => async (c: Context) => {
    try {
      return await handler(c);
    } catch (error) {
      return errorPage(c, error, library);
    }
  };
  if (daily) {
    app.get(
      '/daily',
      page(async (c) => {
        strictQuery(c, [UI_PARAMETER]);
        const ui = uiOf(c);
        return dailyPage(c, await links(), daily, await daily.day(daily.today()), ui);
      }),
    );
    app.get(
      '/daily/:date{[0-9]{4}-[0-9]{2}-[0-9]{2}}',
      page(async (c) => {
        strictQuery(c, [UI_PARAMETER]);
        const ui = uiOf(c);
        return dailyPage(c, await links(), daily, await daily.day(c.req.param('date') ?? ''), ui);
      }),
    );
  }
  app.get(
    '/speakers/:name',
    page(async (c) => {
      strictQuery(c, [UI_PARAMETER]);
      const name = speakerBySlug(library, c.req.param('name') ?? '');
      return speakerPage(c, await links(), library, name, uiOf(c));
    }),
  );
  app.get(
    '/search',
    page((c) => {
      const { q } = strictQuery(c, ['q', UI_PARAMETER]);
      return searchPage(c, library, q, uiOf(c));
    }),
  );
  app.get(
    '/embed/:id',
    page(async (c) => {
      strictQuery(c, [UI_PARAMETER]);
      const id = c.req.param('id') ?? '';
      if (!QUOTE_ID.test(id))
        throw new YuluError('quote_not_found', `no quote with ID "${id.slice(0, 20)}"`);
      return embedPage(c, await links(), await resolve(id), uiOf(c));
    }),
  );
  return app;
}
