import type { Paragraph } from '../../corpus/types.ts';
import type { QuoteFlag } from '../../quotes/types.ts';
import { html, type Html } from '../html/markup.ts';
import type { Words } from '../html/words.ts';

/** How the speaker of a paragraph was decided, in plain words: the rule, then how sure it is. */
export function howDecided(w: Words, paragraph: Paragraph): string {
  const { method, confidence } = paragraph.attribution;
  return w.notes.how(w.notes.methods[method], w.notes.certainty(confidence));
}

/** Notes on a quote, with how its speaker was decided behind a details element; '' when none. */
export function quoteNotes(w: Words, flags: readonly QuoteFlag[], paragraph: Paragraph): Html | '' {
  if (!flags.length) return '';
  return html`<section class="notes"><h2>${w.notes.heading}</h2><ul>${flags.map(
    (flag) => html`<li>${w.notes.flags[flag]}</li>`,
  )}</ul>
<details><summary>${w.notes.howDecided}</summary>
<p>${howDecided(w, paragraph)}</p></details></section>`;
}
