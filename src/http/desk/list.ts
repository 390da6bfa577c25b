import type { Session } from '../../desk/session.ts';
import {
  STATUSES,
  type EditorialStore,
  type QuoteStatus,
  type StatusRecord,
} from '../../desk/store.ts';
import { resolveEdited } from '../../desk/overlay.ts';
import { YuluError } from '../../errors.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import type { Quote } from '../../quotes/types.ts';
import { DISPLAY_SCRIPTS, type DisplayScript } from '../../text/script.ts';
import { deskPage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { cardHref, quoteHref, type Links } from '../links.ts';
import { nav } from './chrome.ts';
import {
  conflictLine,
  conflictStatus,
  hidden,
  readForm,
  unlessConflict,
  writeContext,
} from './forms.ts';
import type { Desk, DeskOptions } from './routes.ts';

const PAGE_SIZE = 30;
/** The previews the desk offers (the first of each is the default). */
const PREVIEW_SIZES = ['og', 'square', 'portrait'] as const;
const PREVIEW_THEMES = ['paper', 'ink', 'yulu', 'kai'] as const;

interface Preview {
  size: string;
  theme: string;
  script: DisplayScript;
}

/** `value` when it is one of `allowed`, else the first of them. */
function oneOf<T extends string>(allowed: readonly [T, ...T[]], value: string | undefined): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : allowed[0];
}

const options = (values: readonly string[], chosen: string | undefined) =>
  values.map((v) => html`<option ${v === chosen ? 'selected' : ''}>${v}</option>`);

function filterForm(
  library: QuoteLibrary,
  q: Record<string, string>,
  wanted: string | undefined,
  preview: Preview,
): Html {
  return html`<form method="get" action="/editor" class="filters" role="search">
        <label>文字 <input name="text" value="${q.text ?? ''}" autofocus></label>
        <label>讲者 <select name="speaker"><option value="">all</option>${options(
          library.speakers().map((s) => s.name),
          q.speaker,
        )}</select></label>
        <label>来源 <select name="source"><option value="">all</option>${library.documents.map(
          (d) =>
            html`<option value="${d.meta.slug}" ${d.meta.slug === q.source ? 'selected' : ''}>${d.meta.publication}</option>`,
        )}</select></label>
        <label>状态 <select name="status"><option value="">all</option>${options(STATUSES, wanted)}</select></label>
        <label>最低分 <input name="minScore" size="4" value="${q.minScore ?? ''}"></label>
        <label>预览 <select name="size">${options(PREVIEW_SIZES, preview.size)}</select>
        <select name="theme">${options(PREVIEW_THEMES, preview.theme)}</select>
        <select name="script">${options(DISPLAY_SCRIPTS, preview.script)}</select></label>
        <button>Search</button>
      </form>`;
}

function quoteRow(
  library: QuoteLibrary,
  links: Links,
  quote: Quote,
  status: StatusRecord | undefined,
  session: Session,
  preview: Preview,
): Html {
  const version = status?.version ?? 0;
  const current = status?.status ?? 'candidate';
  const content = { quote, document: library.document(quote.source) };
  const img = cardHref(links, content, { ...preview, scale: 1 }, 'png');
  return html`<li class="quote" id="q-${quote.id}" data-id="${quote.id}">
        <img src="${img}" alt="card preview" loading="lazy" width="300">
        <div>
          <p class="text"><a href="/editor/q/${quote.id}">${library.simplified(quote)}</a></p>
          <p class="muted">${quote.speaker} · ${quote.source} · score ${quote.score.toFixed(2)} · <a href="${quoteHref(quote.id)}">${quote.id}</a>
            · <span class="status status-${current}" data-status>${current}</span> (v${version})${status?.note ? html` — ${status.note}` : ''}</p>
          <form method="post" action="/editor/q/${quote.id}/status" class="decide">
            ${hidden(session, version)}
            <input name="note" placeholder="note" value="${status?.note ?? ''}" aria-label="note">
            <button name="status" value="approved">Approve</button>
            <button name="status" value="rejected">Reject</button>
          </form>
        </div>
      </li>`;
}

/** The quotes matching the list's filters, best first. */
async function matching(library: QuoteLibrary, store: EditorialStore, q: Record<string, string>) {
  const statuses = new Map((await store.statuses()).map((s) => [s.quoteId, s]));
  const filter: Parameters<QuoteLibrary['filter']>[0] = {};
  if (q.speaker) filter.speaker = q.speaker;
  if (q.source) filter.source = q.source;
  if (q.text) filter.text = q.text;
  if (q.minScore && Number.isFinite(Number(q.minScore))) filter.minScore = Number(q.minScore);
  const wanted =
    q.status && (STATUSES as readonly string[]).includes(q.status)
      ? (q.status as QuoteStatus)
      : undefined;
  const quotes = library
    .filter(filter)
    .filter((quote) => !wanted || (statuses.get(quote.id)?.status ?? 'candidate') === wanted)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return { quotes, statuses, wanted };
}

/** GET /editor: browse and search quotes with card previews; approve or reject with a note. */
export function deskList(app: Desk, { library, links, store }: DeskOptions): void {
  app.get('/editor', async (c) => {
    const session = c.get('session');
    const q = c.req.query();
    const { quotes, statuses, wanted } = await matching(library, await store(), q);
    const preview: Preview = {
      size: oneOf(PREVIEW_SIZES, q.size),
      theme: oneOf(PREVIEW_THEMES, q.theme),
      script: oneOf(DISPLAY_SCRIPTS, q.script),
    };
    const rows = quotes
      .slice(0, PAGE_SIZE)
      .map((quote) => quoteRow(library, links, quote, statuses.get(quote.id), session, preview));
    return deskPage(
      c,
      '编辑台 · Editorial desk',
      html`${nav(session)}
      ${filterForm(library, q, wanted, preview)}
      <p class="muted">${quotes.length} quotes${quotes.length > PAGE_SIZE ? `, showing the best ${PAGE_SIZE}` : ''}.</p>
      <ol class="quotes">${rows}</ol>`,
    );
  });

  app.post('/editor/q/:id/status', async (c) => {
    const id = c.req.param('id');
    await resolveEdited(id, library, await store());
    const form = await readForm(c);
    const status = String(form.status ?? '');
    if (!(STATUSES as readonly string[]).includes(status))
      throw new YuluError('invalid_argument', `status must be one of ${STATUSES.join(', ')}`);
    const note = String(form.note ?? '').slice(0, 500);
    const editorial = await store();
    const conflict = await unlessConflict(
      () => editorial.setStatus(id, { status: status as QuoteStatus, note }, writeContext(form)),
      async (error) => {
        const now = await editorial.status(id);
        return deskPage(
          c,
          '冲突 · Conflict',
          html`${conflictLine(error)}
           <p>Now: <strong>${now?.status ?? 'candidate'}</strong> (v${now?.version ?? 0}) by ${now?.updatedBy ?? '—'}${now?.note ? html` — “${now.note}”` : ''}.</p>
           <p>Your change, not applied: <strong>${status}</strong> with note <q class="kept">${note}</q>.</p>
           <p><a href="/editor#q-${id}">Back to the desk</a> to apply it again on the current version.</p>`,
          conflictStatus(error),
        );
      },
    );
    return conflict ?? c.redirect(`/editor#q-${id}`, 303);
  });
}
