import type { AuditEntry } from '../../desk/store.ts';
import { html, type Html } from '../html/markup.ts';
import type { Words } from './words.ts';

/*
 * An audit entry in words: what changed, before → after, instead of two JSON blobs. Each action
 * the store writes (set-status, schedule, clear, swap, set-erratum, trim) has its sentence; anything else
 * falls back to the record's name.
 */

type Row = Record<string, unknown> | null;
const field = (row: Row, name: string): string =>
  row && row[name] !== undefined && row[name] !== null ? String(row[name]) : '';

function arrow(w: Words, before: string, after: string): Html {
  return html`${before ? html`<span class="before">${before}</span>` : html`<span class="muted">${w.none}</span>`} → <strong>${after || w.none}</strong>`;
}

/** The quote an entry is about, when it is about one (for a link). */
export function entryQuote(entry: AuditEntry): string | undefined {
  const after = entry.after as Row;
  const m = /^(?:quote|erratum):(.+)$/.exec(entry.entity);
  return m?.[1] ?? (field(after, 'quoteId') || undefined);
}

export function describeChange(w: Words, entry: AuditEntry): Html {
  const before = entry.before as Row;
  const after = entry.after as Row;
  const quote = entryQuote(entry);
  const link = quote ? html`<a href="/editor/q/${quote}">${quote}</a>` : '';
  switch (entry.action) {
    case 'set-status': {
      const status = field(after, 'status');
      const noteBefore = field(before, 'note');
      const noteAfter = field(after, 'note');
      return html`<span class="change"><strong>${w.changes[status] ?? status}</strong> ${link}: ${w.status} ${arrow(w, w.statuses[field(before, 'status')] ?? '', w.statuses[status] ?? status)}</span>${
        noteBefore !== noteAfter
          ? html`<span class="change">${w.note}: ${arrow(w, noteBefore, noteAfter)}</span>`
          : ''
      }`;
    }
    case 'schedule': {
      const day = entry.entity.replace(/^day:/, '');
      const from = field(before, 'quoteId');
      const to = field(after, 'quoteId');
      return html`<span class="change"><strong>${w.changes.schedule}</strong> ${day}: ${arrow(w, from, to)}</span>`;
    }
    case 'clear': {
      const day = entry.entity.replace(/^day:/, '');
      return html`<span class="change"><strong>${w.changes.clear}</strong> ${day}: ${arrow(w, field(before, 'quoteId'), '')}</span>`;
    }
    case 'swap': {
      const day = entry.entity.replace(/^day:/, '');
      return html`<span class="change"><strong>${w.changes.swap}</strong> ${day}: ${arrow(w, field(before, 'quoteId'), field(after, 'quoteId'))}</span>`;
    }
    case 'set-erratum':
      return html`<span class="change"><strong>${w.changes.erratum}</strong> ${link}: ${arrow(w, field(before, 'corrected'), field(after, 'corrected'))}</span>${
        field(after, 'reason')
          ? html`<span class="change">${w.reason}: ${field(after, 'reason')}</span>`
          : ''
      }`;
    case 'trim':
      return html`<span class="change"><strong>${w.changes.trim}</strong> ${link} · ${w.trimOf(field(after, 'parentId'))}: 「${field(after, 'text')}」</span>`;
    default:
      return html`<span class="change"><strong>${entry.action}</strong> ${entry.entity}</span>`;
  }
}

/** One entry as a list item: when, who, what. */
export function auditItem(w: Words, entry: AuditEntry): Html {
  const when = entry.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return html`<li data-seq="${entry.seq}"><span class="muted small">#${entry.seq} · <time datetime="${entry.at}">${when}</time> · </span><strong class="actor">${entry.actor}</strong>${describeChange(w, entry)}</li>`;
}
