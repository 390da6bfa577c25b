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
import { DISPLAY_SCRIPTS, SCRIPTS, type DisplayScript } from '../../text/scripts.ts';
import { deskPage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { cardHref, quoteHref, type Links } from '../links.ts';
import { CARD_LAYOUTS, CARD_SIZES, CARD_THEMES, VERTICAL_SIZES } from '../../card/templates.ts';
import { displaySourceTitle } from '../../corpus/display-title.ts';
import { frame } from './chrome.ts';
import { decideForm, statusBadge } from './decide.ts';
import { conflictLine, conflictStatus, readForm, unlessConflict, writeContext } from './forms.ts';
import { shortQuote, words, type Words } from './words.ts';
import type { Desk, DeskOptions } from './types.ts';

const PAGE_SIZE = 30;
/** The previews the desk offers: every size, theme and script the cards have. */
export const PREVIEW_SIZES = CARD_SIZES.map((s) => s.name) as [string, ...string[]];
export const PREVIEW_THEMES = CARD_THEMES.map((t) => t.name) as [string, ...string[]];

export interface Preview {
  size: string;
  theme: string;
  script: DisplayScript;
  /** 竖排, for the sizes that offer it (VERTICAL_SIZES); absent: horizontal. */
  layout?: 'vertical';
}

/** `value` when it is one of `allowed`, else the first of them. */
export function oneOf<T extends string>(
  allowed: readonly [T, ...T[]],
  value: string | undefined,
): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : allowed[0];
}

/** The preview a query asks for; anything unknown falls back to the defaults. */
export function previewOf(q: Record<string, string>): Preview {
  const size = oneOf(PREVIEW_SIZES, q.size);
  return {
    size,
    theme: oneOf(PREVIEW_THEMES, q.theme),
    script: oneOf(DISPLAY_SCRIPTS, q.script),
    // Vertical where the size offers it; on og it falls back to horizontal like any unknown value.
    ...(q.layout === 'vertical' && VERTICAL_SIZES.includes(size)
      ? { layout: 'vertical' as const }
      : {}),
  };
}

/** A preview as query parameters (`size=…&theme=…&script=…[&layout=vertical]`). */
export function previewQuery(preview: Preview): string {
  const layout = preview.layout ? `&layout=${preview.layout}` : '';
  return `size=${preview.size}&theme=${preview.theme}&script=${preview.script}${layout}`;
}

const options = (values: readonly string[], chosen: string | undefined, label = (v: string) => v) =>
  values.map(
    (v) => html`<option value="${v}" ${v === chosen ? 'selected' : ''}>${label(v)}</option>`,
  );

/** The size, theme, script and layout pickers of a card preview. */
export function previewPickers(w: Words, preview: Preview): Html {
  return html`<label>${w.size} <select name="size">${options(PREVIEW_SIZES, preview.size)}</select></label>
        <label>${w.theme} <select name="theme">${options(PREVIEW_THEMES, preview.theme)}</select></label>
        <label>${w.script} <select name="script">${options(DISPLAY_SCRIPTS, preview.script, (v) => SCRIPTS[v as DisplayScript].label)}</select></label>
        <label>${w.layout} <select name="layout" data-vertical-sizes="${VERTICAL_SIZES.join(' ')}">${options(CARD_LAYOUTS, preview.layout ?? 'horizontal', (v) => w.layouts[v] ?? v)}</select></label>`;
}

function filterForm(
  w: Words,
  library: QuoteLibrary,
  q: Record<string, string>,
  wanted: string | undefined,
  preview: Preview,
): Html {
  return html`<form method="get" action="/editor" class="filters" role="search">
        <label>${w.text} <input name="text" type="search" value="${q.text ?? ''}"></label>
        <label>${w.speaker} <select name="speaker"><option value="">${w.any}</option>${options(
          library.speakers().map((s) => s.name),
          q.speaker,
        )}</select></label>
        <label>${w.source} <select name="source"><option value="">${w.any}</option>${library.documents.map(
          (d) =>
            html`<option value="${d.meta.slug}" ${d.meta.slug === q.source ? 'selected' : ''}>${displaySourceTitle(d.meta)}</option>`,
        )}</select></label>
        <label>${w.status} <select name="status"><option value="">${w.any}</option>${options(STATUSES, wanted, (v) => w.statuses[v] ?? v)}</select></label>
        <label>${w.minScore} <input name="minScore" inputmode="decimal" size="4" value="${q.minScore ?? ''}"></label>
        ${previewPickers(w, preview)}
        ${q.lang ? html`<input type="hidden" name="lang" value="${q.lang === 'en' ? 'en' : 'zh'}">` : ''}
        <button class="primary">${w.search}</button>
      </form>`;
}

function quoteRow(
  w: Words,
  library: QuoteLibrary,
  links: Links,
  quote: Quote,
  status: StatusRecord | undefined,
  session: Session,
  preview: Preview,
): Html {
  const document = library.document(quote.source);
  // Thumbnails are the card's SVG: the same layout as the PNG that goes out, drawn by the
  // browser, so a page of them costs the Worker layout only, not a raster each.
  const img = cardHref(links, { quote, document }, { ...preview, scale: 1 }, 'svg');
  const text = library.simplified(quote);
  return html`<li class="quote" id="q-${quote.id}" data-id="${quote.id}">
        <img src="${img}" alt="${w.cardOf(shortQuote(text))}" loading="lazy" width="320">
        <div>
          <p class="text"><a href="/editor/q/${quote.id}">${text}</a></p>
          <p class="meta">${quote.speaker} · ${document ? displaySourceTitle(document.meta) : quote.source} · ${w.tiers[quote.tier] ?? quote.tier} · ${w.score} ${quote.score.toFixed(2)} · <a href="${quoteHref(quote.id)}">${quote.id}</a>
            · ${statusBadge(w, status)}</p>
          ${decideForm(w, session, { id: quote.id, text }, status)}
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
    const w = words(c);
    const q = c.req.query();
    const { quotes, statuses, wanted } = await matching(library, await store(), q);
    const preview = previewOf(q);
    const rows = quotes
      .slice(0, PAGE_SIZE)
      .map((quote) => quoteRow(w, library, links, quote, statuses.get(quote.id), session, preview));
    return deskPage(
      c,
      w.desk,
      html`${filterForm(w, library, q, wanted, preview)}
      <p class="muted" role="status">${w.found(quotes.length, PAGE_SIZE)}</p>
      <p class="muted small" id="keys-hint" hidden>${w.keysHint}</p>
      <ol class="quotes">${rows}</ol>`,
      200,
      frame(c, 'quotes'),
    );
  });

  app.post('/editor/q/:id/status', async (c) => {
    const id = c.req.param('id');
    const w = words(c);
    await resolveEdited(id, library, await store());
    const form = await readForm(c);
    const status = String(form.status ?? '');
    if (!(STATUSES as readonly string[]).includes(status))
      throw new YuluError('invalid_argument', `status must be one of ${STATUSES.join(', ')}`);
    const note = String(form.note ?? '').slice(0, 500);
    const editorial = await store();
    const conflict = await unlessConflict(
      () =>
        editorial.setStatus(
          id,
          { status: status as QuoteStatus, note },
          writeContext(form, c.get('session')),
        ),
      async (error) => {
        const now = await editorial.status(id);
        return deskPage(
          c,
          w.conflict,
          html`${conflictLine(error)}
           <p>${w.conflictNow}: ${statusBadge(w, now)}</p>
           <p>${w.yours}: <strong>${w.statuses[status] ?? status}</strong> · <q class="kept">${note}</q></p>
           <p><a href="/editor/q/${id}">${w.backToQuote}</a> · ${w.applyAgain}</p>`,
          conflictStatus(error),
          frame(c),
        );
      },
    );
    return conflict ?? c.redirect(`/editor#q-${id}`, 303);
  });
}
