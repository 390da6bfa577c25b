import type { Session } from '../../desk/session.ts';
import type { StatusRecord } from '../../desk/store.ts';
import { html, type Html } from '../html/markup.ts';
import { hidden, NO_DEFAULT } from './forms.ts';
import { shortQuote, type Words } from './words.ts';

/**
 * Approve or reject one quote with a note. Every control names the quote it acts on for screen
 * readers (thirty identical "批准" buttons say nothing), and Enter in the note chooses nothing.
 */
export function decideForm(
  w: Words,
  session: Session,
  quote: { id: string; text: string },
  status: StatusRecord | null | undefined,
): Html {
  const which = shortQuote(quote.text);
  const noteId = `note-${quote.id}`;
  return html`<form method="post" action="/editor/q/${quote.id}/status" class="decide">${NO_DEFAULT}${hidden(session, status?.version ?? 0)}
    <label for="${noteId}">${w.note}<span class="vh">${w.on(which)}</span></label><input id="${noteId}" name="note" value="${status?.note ?? ''}" maxlength="500" autocomplete="off">
    <button name="status" value="approved" class="approve">${w.approve}<span class="vh">${w.on(which)}</span></button>
    <button name="status" value="rejected" class="reject">${w.reject}<span class="vh">${w.on(which)}</span></button>
  </form>`;
}

/** A quote's status as a badge, with its version and who set it. */
export function statusBadge(w: Words, status: StatusRecord | null | undefined): Html {
  const current = status?.status ?? 'candidate';
  return html`<span class="badge status-${current}" data-status="${current}">${w.statuses[current] ?? current}</span> <span class="small">v${status?.version ?? 0}${status ? html` · ${status.updatedBy}` : ''}${status?.note ? html` · “${status.note}”` : ''}</span>`;
}
