import { Hono, type Context } from 'hono';
import { YuluError } from '../../errors.ts';
import type { QuoteLibrary, ResolvedQuote } from '../../quotes/library.ts';
import { DISPLAY_SCRIPTS, isDisplayScript, type DisplayScript } from '../../text/scripts.ts';
import type { Links } from '../links.ts';
import { UI_PARAMETER, uiOf } from '../html/ui.ts';
import { strictQuery } from '../validate.ts';
import { errorPage } from './error.ts';
import { homePage } from './home.ts';
import type { Erratum } from './paragraph.ts';
import { quotePage } from './quote.ts';
import { QUOTE_ID } from './shared.ts';
import { sourcePage } from './source.ts';

/*
 * Server-rendered pages: the permalink page of a quote (/q/{id}), the reading view of a source
 * (/sources/{slug}), and the home page (/). No JavaScript, no external assets; runtime-free.
 * Markup is Hono's `html` (html/markup.ts), which escapes every value, and the only text shown
 * as a quote is the catalog's, never the request's.
 */

export type { Erratum } from './paragraph.ts';

async function guarded(
  c: Context,
  library: QuoteLibrary,
  handler: () => Response | Promise<Response>,
): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return errorPage(c, error, library);
  }
}

function displayScript(script: string): DisplayScript {
  if (!isDisplayScript(script))
    throw new YuluError(
      'invalid_argument',
      `unknown script "${script}"; allowed: ${DISPLAY_SCRIPTS.join(', ')}`,
    );
  return script;
}

/** GET /, /q/{id} and /sources/{slug}; mounted at the root. */
export function pageRoutes(
  library: QuoteLibrary,
  /** Public origin and render version; pages need no fonts, so they work while cards are down. */
  links: () => Promise<Links>,
  /** Resolves IDs through editors' trims and errata; without it, the catalog alone. */
  resolve: (id: string) => Promise<ResolvedQuote> = async (id) => library.resolve(id),
  /** Reviewed errata by quote ID, shown in the source view beside the original words. */
  errata: () => Promise<ReadonlyMap<string, Erratum>> = async () => new Map(),
): Hono {
  const app = new Hono();
  app.get('/', (c) =>
    guarded(c, library, async () => {
      strictQuery(c, [UI_PARAMETER]);
      return homePage(c, await links(), library, uiOf(c));
    }),
  );
  app.get('/q/:id', (c) =>
    guarded(c, library, async () => {
      const script = displayScript(strictQuery(c, ['script', UI_PARAMETER]).script ?? 'hans');
      uiOf(c);
      const id = c.req.param('id');
      if (!QUOTE_ID.test(id))
        throw new YuluError(
          'quote_not_found',
          `no quote with ID "${id}" (IDs are 8 characters of 0-9 and a-z)`,
        );
      const resolved = await resolve(id);
      return quotePage(c, await links(), resolved, script, uiOf(c));
    }),
  );
  app.get('/sources/:slug', (c) =>
    guarded(c, library, async () => {
      const { hl } = strictQuery(c, ['hl', UI_PARAMETER]);
      const ui = uiOf(c);
      const document = library.document(c.req.param('slug'));
      return sourcePage(c, await links(), library, document, hl, ui, await errata());
    }),
  );
  return app;
}
