import type { Context, Hono } from 'hono';
import type { AccessGate } from '../../desk/access.ts';
import type { DailyService } from '../../daily/service.ts';
import type { SigningKey } from '../../desk/draft.ts';
import type { Session } from '../../desk/session.ts';
import type { EditorialStore } from '../../desk/store.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import type { Links } from '../links.ts';

/* The desk's shared types, below routes.ts and every room, so rooms need not import the router. */

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
  /** Cloudflare Access in front: editors are who Access says (src/desk/access.ts). */
  access?: AccessGate | undefined;
  /** The daily plan the calendar shows (default: one over `library` and `store`). */
  daily?: DailyService | undefined;
}

/** The options every desk room reads, defaults filled in. */
export type DeskOptions = EditorOptions & {
  draftKeys: readonly SigningKey[];
  now: () => number;
  daily: DailyService;
};

/** The desk's Hono app: every route after the gate has the editor's session. */
export type Desk = Hono<{ Variables: { session: Session } }>;
