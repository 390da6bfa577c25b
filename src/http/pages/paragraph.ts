import type { Paragraph, ParagraphFlag } from '../../corpus/types.ts';
import type { Quote } from '../../quotes/types.ts';
import { html, type Html } from '../html/markup.ts';
import { withUi, type Ui } from '../html/ui.ts';
import type { Words } from '../html/words.ts';
import { quoteHref } from '../links.ts';
import { damageDetails, damagedRanges, rawCharacters, rawShown, textWithGaps } from './damage.ts';
import { howDecided } from './evidence.ts';

/** An editor's reviewed correction of a machine-transcript quote. */
export interface Erratum {
  corrected: string;
  reason: string;
}

/** What a paragraph block needs besides the paragraph: the page's words and language. */
export interface ParagraphView {
  w: Words;
  ui: Ui;
  /** `lang` of the source's own words. */
  lang: string;
}

/** Why a paragraph is left out, in the page's words; a reason the words do not know stays English. */
function reasonOf(view: ParagraphView, reason: string): Html {
  const said = view.w.source.reasons[reason];
  if (view.ui === 'en' || said === undefined) {
    return view.ui === 'en'
      ? html`<span class="reason">${reason}</span>`
      : html`<span class="reason" lang="en">${reason}</span>`;
  }
  return html`<span class="reason">${said}</span>`;
}

/** The paragraph this one continues, when the corpus says so (`continues 杨植麟 from L40`). */
const continued = (p: Paragraph) => /\bfrom (L\d+(?:-\d+)?)$/.exec(p.attribution.evidence)?.[1];

/** The paragraph's ID, its speaker and how that was decided, and why it is excluded or flagged. */
function metaLine(view: ParagraphView, p: Paragraph, flags: readonly ParagraphFlag[]): Html {
  const { w } = view;
  const a = p.attribution;
  const from = continued(p);
  const parts = [
    html`<a class="pid" href="#${p.id}" title="${w.source.lines(p.lines[0], p.lines[1])}">${p.id}</a>`,
    a.speaker
      ? html`<span class="who" lang="zh-Hans">${a.speaker}</span> <details class="how"><summary>${w.source.how}</summary>${howDecided(w, p)}${from ? html` ${w.notes.continues} <a href="#${from}">${from}</a>` : ''}</details>`
      : '',
    p.kind !== 'speech'
      ? html`<span class="label">${w.source.excluded(w.source.kinds[p.kind])}${p.reason ? html` — ${reasonOf(view, p.reason)}` : ''}</span>`
      : '',
    ...flags.map(
      (f) => html`<span class="label flag" data-flag="${f}">${w.source.flags[f]}</span>`,
    ),
  ].filter((part) => part !== '');
  return html`<div class="meta">${parts.map((part, i) => html`${i ? ' ' : ''}${part}`)}</div>`;
}

/** Links to the paragraph's quotes, its errata, and the raw capture when a repair changed it. */
function extras(
  view: ParagraphView,
  p: Paragraph,
  quotes: readonly Quote[],
  target: Quote | undefined,
  errata: ReadonlyMap<string, Erratum>,
): Html[] {
  const { w, ui, lang } = view;
  const damaged = damagedRanges(p).length > 0;
  const raw = damaged ? undefined : rawShown(p);
  const parts: (Html | '')[] = [
    target
      ? html`<p class="small"><a href="${withUi(quoteHref(target.id), ui)}">→ ${w.source.quotePage} <code>${target.id}</code></a></p>`
      : '',
    quotes.length
      ? html`<p class="qlinks small">${w.source.quotes}${ui === 'en' ? ': ' : '：'}${quotes.map((q, i) => html`${i ? ' ' : ''}<a href="${withUi(quoteHref(q.id), ui)}"><code>${q.id}</code></a>`)}</p>`
      : '',
    ...quotes.flatMap((q) => {
      const e = errata.get(q.id);
      return e
        ? [
            html`<p class="erratum small" data-erratum="${q.id}">${w.source.erratum} <code>${q.id}</code>${ui === 'en' ? ': ' : '：'}<q lang="${lang}">${e.corrected}</q>（${e.reason}） ${w.source.erratumKept}</p>`,
          ]
        : [];
    }),
    damaged ? damageDetails(w, p, lang) : '',
    raw
      ? html`<details class="small"><summary>${w.source.raw}</summary><p lang="${lang}">${rawCharacters(raw)}</p></details>`
      : '',
  ];
  return parts.filter((part): part is Html => part !== '');
}

/** One paragraph of the reading view, the target quote marked and damaged text shown as a gap. */
export function paragraphBlock(
  view: ParagraphView,
  p: Paragraph,
  quotes: readonly Quote[],
  target: Quote | undefined,
  docFlags: readonly ParagraphFlag[],
  errata: ReadonlyMap<string, Erratum> = new Map(),
): Html {
  const { w, lang } = view;
  const flags = p.flags.filter((f) => !docFlags.includes(f));
  const classes = ['para', p.kind !== 'speech' ? 'excluded' : 'speech'];
  if (flags.length) classes.push('flagged');
  if (target) classes.push('hl');
  const ranges = damagedRanges(p);
  const [from, to] = target?.span ?? [0, 0];
  const text = target
    ? html`${textWithGaps(w, p.text.slice(0, from), ranges)}<mark id="q-${target.id}">${textWithGaps(w, p.text.slice(from, to), ranges, from)}</mark>${textWithGaps(w, p.text.slice(to), ranges, to)}`
    : textWithGaps(w, p.text, ranges);
  return html`<section class="${classes.join(' ')}" id="${p.id}">
${metaLine(view, p, flags)}
<p class="text" lang="${lang}">${text}</p>${extras(view, p, quotes, target, errata).map((part) => html`\n${part}`)}
</section>
`;
}
