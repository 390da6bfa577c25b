import { YuluError } from '../../errors.ts';
import { QUOTE_ID_PATTERN } from '../../quotes/quote-id.ts';
import { deskPage } from '../html/layout.ts';
import { html } from '../html/markup.ts';
import { auditItem } from './changes.ts';
import { frame } from './chrome.ts';
import type { Desk, DeskOptions } from './types.ts';
import { words } from './words.ts';

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * GET /editor/audit: the append-only log, newest first, in words (before → after), 50 a page
 * (`before=<seq>` pages back), filterable by editor, quote and day.
 */
export function deskAudit(app: Desk, { store }: DeskOptions): void {
  app.get('/editor/audit', async (c) => {
    const w = words(c);
    const q = c.req.query();
    const editorial = await store();
    const before = q.before ? Number(q.before) : undefined;
    if (before !== undefined && !(Number.isInteger(before) && before > 0))
      throw new YuluError(
        'invalid_argument',
        `before must be an entry number (a positive integer), not "${q.before}"`,
      );
    if (q.day && !DAY.test(q.day))
      throw new YuluError('invalid_argument', `day must be a date like 2026-12-01, not "${q.day}"`);
    if (q.quote && !QUOTE_ID_PATTERN.test(q.quote))
      throw new YuluError(
        'invalid_argument',
        `quote must be a quote ID like 3k7q9xab, not "${q.quote}"`,
      );
    const filter = {
      actor: q.editor || undefined,
      quoteId: q.quote || undefined,
      day: q.day || undefined,
    };
    const [entries, actors] = await Promise.all([
      editorial.auditPage({ ...filter, before, limit: PAGE_SIZE + 1 }),
      editorial.auditActors(),
    ]);
    const shown = entries.slice(0, PAGE_SIZE);
    const keep = new URLSearchParams();
    for (const [k, v] of Object.entries({ editor: q.editor, quote: q.quote, day: q.day }))
      if (v) keep.set(k, v);
    const oldest = shown.at(-1);
    const older =
      entries.length > PAGE_SIZE && oldest
        ? `/editor/audit?${new URLSearchParams([...keep, ['before', String(oldest.seq)]])}`
        : undefined;
    return deskPage(
      c,
      w.audit,
      html`<p class="muted">${w.auditHelp}</p>
      <form method="get" action="/editor/audit" class="filters" role="search" aria-label="${w.filter}">
        <label>${w.who} <select name="editor"><option value="">${w.any}</option>${actors.map(
          (a) => html`<option ${a === q.editor ? 'selected' : ''}>${a}</option>`,
        )}</select></label>
        <label>${w.quoteId} <input name="quote" size="10" value="${q.quote ?? ''}" autocomplete="off"></label>
        <label>${w.day} <input name="day" type="date" value="${q.day ?? ''}"></label>
        <button class="primary">${w.filter}</button> <a href="/editor/audit">${w.clear}</a>
      </form>
      ${shown.length ? html`<ol class="audit">${shown.map((e) => auditItem(w, e))}</ol>` : html`<p>${w.noEntries}</p>`}
      <nav class="pager" aria-label="${w.page}">${before ? html`<a href="/editor/audit${keep.size ? `?${keep}` : ''}">${w.previous}</a>` : ''}${older ? html`<a href="${older}" rel="next">${w.next}</a>` : ''}</nav>`,
      200,
      frame(c, 'audit'),
    );
  });
}
