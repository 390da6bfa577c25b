import type { CardContent } from '../../card/card-version.ts';
import type { CardSpec } from '../../card/spec.ts';
import { CARD_SIZES, SCALES, VERTICAL_SIZES, type CardSize } from '../../card/templates.ts';
import { DISPLAY_SCRIPTS, SCRIPTS, type DisplayScript } from '../../text/scripts.ts';
import { html, type Html } from '../html/markup.ts';
import { cardHref, quoteHref, type Links } from '../links.ts';
import { withUi, type Ui } from '../html/ui.ts';
import { wordsFor } from '../html/words.ts';

/** The pieces of the permalink page that depend only on the quote's ID, script and flags. */

/** The card the page shows and unfurls into. */
export const ogSpec = (script: DisplayScript): CardSpec => ({
  size: 'og',
  theme: 'paper',
  script,
  scale: 1,
});

/** The script switcher: the current script in bold, the others as links. */
export function scriptNav(id: string, script: DisplayScript, ui: Ui): Html {
  return html`<nav class="scripts" aria-label="${wordsFor(ui, script).quote.scripts}">${DISPLAY_SCRIPTS.map(
    (s) =>
      s === script
        ? html`<strong aria-current="page" lang="${SCRIPTS[s].htmlLang}">${SCRIPTS[s].label}</strong>`
        : html`<a href="${withUi(quoteHref(id, s), ui)}" hreflang="${SCRIPTS[s].htmlLang}" lang="${SCRIPTS[s].htmlLang}">${SCRIPTS[s].label}</a>`,
  )}</nav>`;
}

/** Every size at every scale as PNG, and as SVG, each a download link. */
export function downloadRows(
  links: Links,
  content: CardContent,
  script: DisplayScript,
  ui: Ui,
): Html[] {
  const { id } = content.quote;
  const w = wordsFor(ui, script).quote;
  return CARD_SIZES.map((size: CardSize) => {
    const spec = (scale: CardSpec['scale']): CardSpec => ({
      ...ogSpec(script),
      size: size.name,
      scale,
    });
    const file = `yulu-${id}-${size.name}`;
    return html`<tr><td><code>${size.name}</code><br><span class="muted">${w.sizes[size.name] ?? ''}</span></td>
<td>${SCALES.map(
      (scale) =>
        html`<a href="${cardHref(links, content, spec(scale), 'png')}" download="${file}${scale === 1 ? '' : `@${scale}x`}.png">PNG ${size.width * scale} × ${size.height * scale}</a><br>`,
    )}<a href="${cardHref(links, content, spec(1), 'svg')}" download="${file}.svg">SVG ${size.width} × ${size.height}</a>${
      VERTICAL_SIZES.includes(size.name)
        ? html`<br><a href="${cardHref(links, content, { ...spec(1), layout: 'vertical' }, 'png')}" download="${file}-vertical.png">${w.vertical} PNG ${size.width} × ${size.height}</a>`
        : ''
    }</td></tr>`;
  });
}
