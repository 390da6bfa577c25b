import { planTrim, resolveEdited } from '../../desk/overlay.ts';
import type { Session } from '../../desk/session.ts';
import type { ErratumRecord } from '../../desk/store.ts';
import { YuluError } from '../../errors.ts';
import type { ResolvedQuote } from '../../quotes/library.ts';
import { deskPage } from '../html/layout.ts';
import { html, trusted, type Html } from '../html/markup.ts';
import { cardHref } from '../links.ts';
import { nav } from './chrome.ts';
import { hidden, readForm } from './forms.ts';
import type { Desk, DeskOptions } from './routes.ts';

/** Selecting words in the paragraph fills in the trim's offsets (the desk's only script). */
const SELECT_SCRIPT = trusted(`<script>
        const p = document.getElementById('paragraph');
        p.addEventListener('mouseup', () => {
          const s = getSelection();
          if (!s || s.isCollapsed) return;
          const a = s.anchorNode.parentElement, b = s.focusNode.parentElement;
          if (!p.contains(a) || !p.contains(b)) return;
          let i = Number(a.dataset.i), j = Number(b.dataset.i);
          if (i > j) [i, j] = [j, i];
          const last = (i === Number(a.dataset.i) ? b : a).textContent.length;
          document.querySelector('#trim [name=start]').value = i;
          document.querySelector('#trim [name=end]').value = j + last;
        });
      </script>`);

/** The paragraph one character per span, each with its UTF-16 offset; the quote highlighted. */
function characterSpans({ quote, paragraph }: ResolvedQuote): Html[] {
  let offset = 0;
  return [...paragraph.text].map((ch) => {
    const at = offset;
    offset += ch.length;
    const inQuote = at >= quote.span[0] && at < quote.span[1];
    return html`<span data-i="${at}"${inQuote ? trusted(' class="hl"') : ''}>${ch}</span>`;
  });
}

/** Machine-transcript quotes only: the erratum form, and the draft preview when keys exist. */
function erratumForm(
  { quote }: ResolvedQuote,
  session: Session,
  erratum: ErratumRecord | null | undefined,
  drafts: boolean,
): Html | '' {
  if (!quote.flags.includes('machine-transcript')) return '';
  return html`<h2>Erratum</h2><p class="muted">Machine-transcript wording may be mis-heard. A correction is kept beside the original, needs a reason, and marks the card as edited.</p>
      <form method="post" action="/editor/q/${quote.id}/erratum">${hidden(session, erratum?.version ?? 0)}
        <label>Corrected text <textarea name="corrected" rows="3" cols="60">${erratum?.corrected ?? quote.text}</textarea></label>
        <label>Reason <input name="reason" size="50" value="${erratum?.reason ?? ''}" required></label>
        <button>Save erratum</button>${drafts ? html` <button formaction="/editor/q/${quote.id}/draft" formnovalidate>Preview as a draft card</button>` : ''}</form>`;
}

/** One quote: trim it to a sub-span of its paragraph, or correct a transcript's wording. */
export function deskQuote(app: Desk, { library, links, store, draftKeys }: DeskOptions): void {
  app.get('/editor/q/:id', async (c) => {
    const session = c.get('session');
    const editorial = await store();
    const id = c.req.param('id');
    const resolved = library.resolve(id);
    const { quote, paragraph, document } = resolved;
    const status = await editorial.status(id);
    const erratum = await editorial.erratum(id);
    return deskPage(
      c,
      `${quote.id} · ${quote.speaker}`,
      html`${nav(session)}
      <p class="text">${quote.text}</p>
      <p class="muted">${document.meta.publication} · paragraph ${paragraph.id} (lines ${paragraph.lines.join('–')}) · ${paragraph.attribution.speaker ?? ''} (${paragraph.attribution.method}) · status ${status?.status ?? 'candidate'} v${status?.version ?? 0}</p>
      <h2>Trim</h2>
      <p class="muted">Select words in the paragraph, or type offsets. A trim is a new quote with its own ID; its words are always the paragraph's.</p>
      <p id="paragraph" class="paragraph" lang="zh">${characterSpans(resolved)}</p>
      <form method="post" action="/editor/q/${quote.id}/trim" id="trim">${hidden(session, 0)}
        <label>start <input name="start" type="number" min="0" value="${quote.span[0]}"></label>
        <label>end <input name="end" type="number" min="1" value="${quote.span[1]}"></label>
        <button>Create trim</button></form>
      ${erratumForm(resolved, session, erratum, Boolean(draftKeys.length))}
      ${SELECT_SCRIPT}`,
    );
  });

  app.post('/editor/q/:id/trim', async (c) => {
    const form = await readForm(c);
    const plan = planTrim(library, c.req.param('id'), [Number(form.start), Number(form.end)]);
    const trim = await (await store()).createTrim(plan, 'editor');
    return c.redirect(`/editor/trim/${trim.quoteId}`, 303);
  });

  app.get('/editor/trim/:id', async (c) => {
    const editorial = await store();
    const trim = await editorial.trim(c.req.param('id'));
    if (!trim) throw new YuluError('quote_not_found', `no trim ${c.req.param('id')}`);
    const spec = { size: 'og', theme: 'paper', script: 'hans', scale: 1 } as const;
    const img = cardHref(links, await resolveEdited(trim.quoteId, library, editorial), spec, 'png');
    return deskPage(
      c,
      `Trim ${trim.quoteId}`,
      html`${nav(c.get('session'))}<p class="text" data-trim="${trim.quoteId}">${trim.text}</p>
      <p class="muted">from ${trim.parentId}, paragraph ${trim.paragraph}, ${trim.span.join('–')}</p>
      <p><img src="${img}" alt="card" width="600"></p>
      <form method="post" action="/editor/q/${trim.quoteId}/status" class="decide">${hidden(c.get('session'), (await editorial.status(trim.quoteId))?.version ?? 0)}
        <input name="note" placeholder="note" aria-label="note"><button name="status" value="approved">Approve</button></form>`,
    );
  });
}
