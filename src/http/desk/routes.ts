import { Hono, type Context } from 'hono';
import type { SigningKey } from '../../desk/draft.ts';
import type { Session } from '../../desk/session.ts';
import type { EditorialStore } from '../../desk/store.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import type { Links } from '../links.ts';
import { deskAudit } from './audit.ts';
import { deskAuth } from './auth.ts';
import { deskCalendar } from './calendar.ts';
import { deskErrorPage, deskLanguage, deskScript } from './chrome.ts';
import { deskErratum } from './erratum.ts';
import { deskList } from './list.ts';
import { deskQuote } from './quote.ts';

export interface EditorOptions {
  library: QuoteLibrary;
  store: () => Promise<EditorialStore>;
  links: Links;
  /** EDITOR_TOKEN: without one the desk is closed and says how to open it. */
  token: string | undefined;
  /** Characters the card fonts cannot draw (errata must be drawable everywhere). */
  uncovered?: (text: string) => Promise<string[]>;
  /** Keys that sign draft-card links (the first signs); none: no previews. */
  draftKeys?: readonly SigningKey[];
  now?: () => number;
  /** Who is asking, for the sign-in backoff (socket address, CF-Connecting-IP). */
  clientKey?: ((c: Context) => string) | undefined;
}

/** The options every desk room reads, defaults filled in. */
export type DeskOptions = EditorOptions & {
  draftKeys: readonly SigningKey[];
  now: () => number;
};

/** The desk's Hono app: every route after the gate has the editor's session. */
export type Desk = Hono<{ Variables: { session: Session } }>;

/**
 * The editorial desk under /editor: sign in with the editor token, browse and search quotes with
 * card previews, approve or reject with a note, and schedule the daily quote on a calendar. Every
 * write carries the version the editor saw (a stale one is a 409 page that keeps what they typed),
 * a CSRF token bound to the session, and an idempotency key so a resubmitted form applies once.
 */
export function editorRoutes(options: EditorOptions): Desk {
  const desk: DeskOptions = {
    ...options,
    draftKeys: options.draftKeys ?? [],
    now: options.now ?? Date.now,
  };
  const app: Desk = new Hono();
  app.onError((error, c) => deskErrorPage(c, error));
  deskScript(app);
  deskAuth(app, desk);
  deskLanguage(app);
  deskList(app, desk);
  deskQuote(app, desk);
  deskErratum(app, desk);
  deskAudit(app, desk);
  deskCalendar(app, desk);
  return app;
}
