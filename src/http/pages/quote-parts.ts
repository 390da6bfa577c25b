import type { CardSpec } from '../../card/spec.ts';
import { CARD_SIZES, SCALES, VERTICAL_SIZES, type CardSize } from '../../card/templates.ts';
import type { Paragraph } from '../../corpus/types.ts';
import type { QuoteFlag } from '../../quotes/types.ts';
import { DISPLAY_SCRIPTS, SCRIPTS, type DisplayScript } from '../../text/scripts.ts';
import { html, type Html } from '../html/markup.ts';
import { cardHref, quoteHref, type Links } from '../links.ts';
import { METHODS, pct } from './labels.ts';

/** The pieces of the permalink page that depend only on the quote's ID, script and flags. */

/** The card the page shows and unfurls into. */
export const ogSpec = (script: DisplayScript): CardSpec => ({
  size: 'og',
  theme: 'paper',
  script,
  scale: 1,
});

const QUOTE_NOTES: Record<QuoteFlag, (p: Paragraph) => Html> = {
  'machine-transcript': () =>
    html`<strong>机器转写</strong>：这句话出自语音识别（ASR）生成的转写稿，个别词语可能听错。<span class="en">Wording from a speech recogniser's transcript; individual words may be mis-heard.</span>`,
  edited: () =>
    html`<strong>经编辑校正</strong>：编辑审核后修正了文字，原文另有记录。<span class="en">An editor's reviewed correction applies; the original wording is kept on record.</span>`,
  draft: () =>
    html`<strong>草稿预览</strong>：编辑提议的修正，尚未发布。<span class="en">An editor's proposed correction, not published.</span>`,
  'inferred-speaker': (p) =>
    html`<strong>讲者为推断</strong>：该段没有名字前缀，讲者由上下文判断（${METHODS[p.attribution.method]}，置信度 ${pct(p.attribution.confidence)}：${p.attribution.evidence}）。<span class="en">The speaker was inferred from context: the paragraph carries no name prefix.</span>`,
  'traditional-source': () =>
    html`<strong>繁体原文</strong>：来源为繁体字，其他字形由 OpenCC 自动转换。<span class="en">The source is in traditional script; the other scripts are OpenCC conversions.</span>`,
};

/** The caveats a quote's flags call for, as a section; '' when it has none. */
export function quoteNotes(flags: readonly QuoteFlag[], paragraph: Paragraph): Html | '' {
  if (!flags.length) return '';
  const notes = flags.map((flag) => html`<li>${QUOTE_NOTES[flag](paragraph)}</li>`);
  return html`<section class="notes"><h2>注意 <span class="en">Notes</span></h2><ul>${notes}</ul></section>`;
}

/** The script switcher: the current script in bold, the others as links. */
export function scriptNav(id: string, script: DisplayScript): Html {
  return html`<nav class="scripts" aria-label="字形 Script">${DISPLAY_SCRIPTS.map((s) =>
    s === script
      ? html`<strong aria-current="page" lang="${SCRIPTS[s].htmlLang}">${SCRIPTS[s].label}</strong>`
      : html`<a href="${quoteHref(id, s)}" hreflang="${SCRIPTS[s].htmlLang}" lang="${SCRIPTS[s].htmlLang}">${SCRIPTS[s].label}</a>`,
  )}</nav>`;
}

/** Every size at every scale as PNG, and as SVG, each a download link. */
export function downloadRows(links: Links, id: string, script: DisplayScript): Html[] {
  return CARD_SIZES.map((size: CardSize) => {
    const spec = (scale: CardSpec['scale']): CardSpec => ({
      ...ogSpec(script),
      size: size.name,
      scale,
    });
    const file = `yulu-${id}-${size.name}`;
    return html`<tr><td>${size.name}<br><span class="muted">${size.label}</span></td>
<td>${SCALES.map(
      (scale) =>
        html`<a href="${cardHref(links, id, spec(scale), 'png')}" download="${file}${scale === 1 ? '' : `@${scale}x`}.png">PNG ${size.width * scale} × ${size.height * scale}</a><br>`,
    )}<a href="${cardHref(links, id, spec(1), 'svg')}" download="${file}.svg">SVG ${size.width} × ${size.height}</a>${
      VERTICAL_SIZES.includes(size.name)
        ? html`<br><a href="${cardHref(links, id, { ...spec(1), layout: 'vertical' }, 'png')}" download="${file}-vertical.png">竖排 PNG ${size.width} × ${size.height}</a>`
        : ''
    }</td></tr>`;
  });
}
