import { DRAFT_TTL_SECONDS, signDraft } from '../../desk/draft.ts';
import { cleanCardText } from '../../desk/card-text.ts';
import { YuluError } from '../../errors.ts';
import { DRAFT_TEXT_MAX } from '../drafts.ts';
import { deskPage } from '../html/layout.ts';
import { html } from '../html/markup.ts';
import { draftCardUrl } from '../links.ts';
import { frame } from './chrome.ts';
import { previewOf } from './list.ts';
import { words } from './words.ts';
import { conflictLine, conflictStatus, readForm, unlessConflict, writeContext } from './forms.ts';
import type { Desk, DeskOptions } from './types.ts';

/** Errata of machine-transcript quotes, and signed draft cards to preview one before saving. */
export function deskErratum(app: Desk, options: DeskOptions): void {
  const { library, links, store } = options;

  /** The corrected wording of a form, checked as errata are: transcript quotes, drawable text. */
  async function correction(id: string, form: Record<string, unknown>): Promise<string> {
    const { quote } = library.resolve(id);
    if (!quote.flags.includes('machine-transcript'))
      throw new YuluError(
        'invalid_argument',
        'errata are for machine-transcript quotes; published text is quoted as published',
      );
    // Line breaks collapse, control characters are refused (desk/card-text.ts).
    const corrected = [...cleanCardText(String(form.corrected ?? ''))]
      .slice(0, DRAFT_TEXT_MAX)
      .join('');
    const missing = options.uncovered ? await options.uncovered(corrected) : [];
    if (missing.length)
      throw new YuluError(
        'invalid_argument',
        `the cards' fonts cannot draw ${missing.slice(0, 10).join(' ')}; errata correct mis-heard words with characters the corpus uses`,
      );
    return corrected;
  }

  app.post('/editor/q/:id/erratum', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const editorial = await store();
    const change = {
      corrected: await correction(id, form),
      reason: cleanCardText(String(form.reason ?? '')).slice(0, 300),
    };
    const conflict = await unlessConflict(
      () => editorial.setErratum(id, change, writeContext(form, c.get('session'))),
      (error) =>
        deskPage(
          c,
          words(c).conflict,
          html`${conflictLine(error)}<p>${words(c).yours}: <q class="kept">${change.corrected}</q> (${change.reason}).</p><p><a href="/editor/q/${id}">${words(c).backToQuote}</a></p>`,
          conflictStatus(error),
          frame(c),
        ),
    );
    return conflict ?? c.redirect(`/editor/q/${id}`, 303);
  });

  // A signed link to the correction drawn as a draft card, to check it or show a colleague
  // before saving, in the size, theme, script and layout the quote page's preview shows (its
  // query; og / paper / simplified, horizontal by default). Nothing is stored; the link expires.
  app.post('/editor/q/:id/draft', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const text = await correction(id, form);
    if (!text) throw new YuluError('invalid_argument', 'type the corrected text to preview it');
    const [key] = options.draftKeys;
    if (!key) throw new YuluError('invalid_signature', 'draft cards are off: no signing key');
    const exp = Math.floor(options.now() / 1000) + DRAFT_TTL_SECONDS;
    const preview = previewOf(c.req.query());
    const query = await signDraft({ quoteId: id, text, ...preview, scale: '1' }, key, exp);
    const link = draftCardUrl(links, id, query);
    const w = words(c);
    return deskPage(
      c,
      `${w.draft} ${id}`,
      html`<p class="muted">${w.draftNote(DRAFT_TTL_SECONDS / 3600)}</p>
      <p><img src="${link}" alt="${w.draft}" width="${preview.size === 'og' ? 600 : 360}"></p>
      <p><label class="full">${w.draftLink} <input readonly value="${link}"></label></p>
      <p><a href="/editor/q/${id}">${w.backToQuote}</a></p>`,
      200,
      frame(c),
    );
  });
}
