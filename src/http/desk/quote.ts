import type { CardContent } from '../../card/card-version.ts';
import { planTrim, resolveEdited } from '../../desk/overlay.ts';
import type { Session } from '../../desk/session.ts';
import type { ErratumRecord } from '../../desk/store.ts';
import { YuluError } from '../../errors.ts';
import type { ResolvedQuote } from '../../quotes/library.ts';
import { displaySourceTitle } from '../../corpus/display-title.ts';
import { deskPage } from '../html/layout.ts';
import { html, trusted, type Html } from '../html/markup.ts';
import { cardHref, quoteHref, sourceHref, type Links } from '../links.ts';
import { auditItem } from './changes.ts';
import { frame } from './chrome.ts';
import { decideForm, statusBadge } from './decide.ts';
import { hidden, NO_DEFAULT, readForm } from './forms.ts';
import { previewOf, previewPickers, previewQuery, type Preview } from './list.ts';
import type { Desk, DeskOptions } from './types.ts';
import { shortQuote, words, type Words } from './words.ts';

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
  w: Words,
  { quote }: ResolvedQuote,
  session: Session,
  erratum: ErratumRecord | null | undefined,
  drafts: boolean,
  preview: Preview,
): Html | '' {
  if (!quote.flags.includes('machine-transcript')) return '';
  return html`<section aria-labelledby="erratum-h"><h2 id="erratum-h">${w.erratum}</h2><p class="muted small">${w.erratumHelp}</p>
      <form method="post" action="/editor/q/${quote.id}/erratum" class="filters">${NO_DEFAULT}${hidden(session, erratum?.version ?? 0)}
        <label class="full">${w.corrected} <textarea name="corrected" rows="3">${erratum?.corrected ?? quote.text}</textarea></label>
        <label class="grow">${w.reason} <input name="reason" value="${erratum?.reason ?? ''}" required></label>
        <button name="do" value="save">${w.saveErratum}</button>${drafts ? html` <button id="draft-button" formaction="/editor/q/${quote.id}/draft?${previewQuery(preview)}" formnovalidate>${w.draft}</button>` : ''}</form></section>`;
}

/** The live card preview: pickers for every size, theme and script, redrawn in place. */
function previewSection(
  w: Words,
  links: Links,
  content: CardContent,
  text: string,
  preview: Preview,
): Html {
  const id = content.quote.id;
  const img = cardHref(links, content, { ...preview, scale: 1 }, 'png');
  return html`<section class="preview" aria-labelledby="preview-h"><h2 id="preview-h">${w.preview}</h2>
      <form method="get" action="/editor/q/${id}" id="preview" class="filters">${previewPickers(w, preview)}<button>${w.update}</button></form>
      <p><img id="preview-card" src="${img}" data-card="/cards/${id}.png" data-v="${links.renderVersion}" alt="${w.cardOf(shortQuote(text))}" width="600"></p></section>`;
}

/**
 * One quote, one page: its words, the paragraph with the span marked, tier and reasons, approve
 * or reject with a note, a live card preview in every size, theme and script, trim, erratum, and
 * the quote's own history from the audit log.
 */
export function deskQuote(app: Desk, { library, links, store, draftKeys }: DeskOptions): void {
  app.get('/editor/q/:id', async (c) => {
    const session = c.get('session');
    const w = words(c);
    const editorial = await store();
    const id = c.req.param('id');
    if (!library.find(id) && (await editorial.trim(id)))
      return c.redirect(`/editor/trim/${id}`, 303);
    const resolved = library.resolve(id);
    const { quote, paragraph, document } = resolved;
    const [status, erratum, history] = await Promise.all([
      editorial.status(id),
      editorial.erratum(id),
      editorial.auditPage({ quoteId: id, limit: 50 }),
    ]);
    const text = library.simplified(quote);
    const reasons = quote.reasons.map((r) => w.reasons[r] ?? r);
    return deskPage(
      c,
      `${quote.speaker}：${shortQuote(text, 16)}`,
      html`<div class="two">
      <div>
      <p class="said" data-quote="${quote.id}">${quote.text}</p>
      <p class="meta">${quote.speaker} · <a href="${sourceHref(document.meta.slug, paragraph.id)}">${displaySourceTitle(document.meta)}</a> · ${w.paragraphAt(paragraph.id, [...new Set(paragraph.lines)].join('–'))}
        · <a href="${quoteHref(quote.id)}">${w.openPage} ${quote.id}</a></p>
      <p class="meta">${w.tier}: <strong>${w.tiers[quote.tier] ?? quote.tier}</strong>${reasons.length ? html` · ${reasons.join('、')}` : ''} · ${w.score} ${quote.score.toFixed(2)} · ${w.status}: ${statusBadge(w, status)}</p>
      ${decideForm(w, session, { id: quote.id, text }, status)}
      <section aria-labelledby="trim-h"><h2 id="trim-h">${w.trim}</h2>
      <p class="muted small">${w.trimHelp}</p>
      <p id="paragraph" class="paragraph" lang="zh" tabindex="0" role="group" aria-label="${w.trimKeys}">${characterSpans(resolved)}</p>
      <form method="post" action="/editor/q/${quote.id}/trim" id="trim" class="filters">${hidden(session, 0)}
        <label>${w.start} <input name="start" type="number" min="0" value="${quote.span[0]}"></label>
        <label>${w.end} <input name="end" type="number" min="1" value="${quote.span[1]}"></label>
        <button>${w.createTrim}</button></form></section>
      ${erratumForm(w, resolved, session, erratum, Boolean(draftKeys.length), previewOf(c.req.query()))}
      </div>
      <div>
      ${previewSection(w, links, await resolveEdited(id, library, editorial), text, previewOf(c.req.query()))}
      <section aria-labelledby="history-h"><h2 id="history-h">${w.history}</h2>
      ${history.length ? html`<ol class="history">${history.map((e) => auditItem(w, e))}</ol>` : html`<p class="muted">${w.noHistory}</p>`}
      ${history.length ? html`<p><a href="/editor/audit?quote=${quote.id}">${w.audit}</a></p>` : ''}</section>
      </div></div>`,
      200,
      frame(c, 'quotes'),
    );
  });

  app.post('/editor/q/:id/trim', async (c) => {
    const form = await readForm(c);
    const plan = planTrim(library, c.req.param('id'), [Number(form.start), Number(form.end)]);
    const trim = await (await store()).createTrim(plan, c.get('session').editor);
    return c.redirect(`/editor/trim/${trim.quoteId}`, 303);
  });

  app.get('/editor/trim/:id', async (c) => {
    const w = words(c);
    const editorial = await store();
    const trim = await editorial.trim(c.req.param('id'));
    if (!trim) throw new YuluError('quote_not_found', `no trim ${c.req.param('id')}`);
    const status = await editorial.status(trim.quoteId);
    const history = await editorial.auditPage({ quoteId: trim.quoteId, limit: 50 });
    return deskPage(
      c,
      `${w.trim} ${trim.quoteId}`,
      html`<div class="two"><div><p class="said" data-trim="${trim.quoteId}">${trim.text}</p>
      <p class="meta">${w.trimOf(trim.parentId)} · <a href="/editor/q/${trim.parentId}">${trim.parentId}</a> · ${w.paragraph} ${trim.paragraph} · ${trim.span.join('–')} · ${w.status}: ${statusBadge(w, status)}</p>
      ${decideForm(w, c.get('session'), { id: trim.quoteId, text: trim.text }, status)}
      <section aria-labelledby="history-h"><h2 id="history-h">${w.history}</h2>
      ${history.length ? html`<ol class="history">${history.map((e) => auditItem(w, e))}</ol>` : html`<p class="muted">${w.noHistory}</p>`}</section></div>
      <div>${previewSection(w, links, await resolveEdited(trim.quoteId, library, editorial), trim.text, previewOf(c.req.query()))}</div></div>`,
      200,
      frame(c, 'quotes'),
    );
  });
}
