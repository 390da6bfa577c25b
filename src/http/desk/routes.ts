import { Hono } from 'hono';
import { DailyService } from '../../daily/service.ts';
import type { Desk, DeskOptions, EditorOptions } from './types.ts';
import { deskAudit } from './audit.ts';
import { deskAuth } from './auth.ts';
import { deskCalendar } from './calendar.ts';
import { deskErrorPage, deskLanguage, deskScript } from './chrome.ts';
import { deskErratum } from './erratum.ts';
import { deskList } from './list.ts';
import { deskQuote } from './quote.ts';

export type { Desk, DeskOptions, EditorOptions } from './types.ts';

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
    daily: options.daily ?? new DailyService({ library: options.library, store: options.store }),
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
