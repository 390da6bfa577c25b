import type { Paragraph, ParagraphFlag } from '../../corpus/types.ts';
import type { Quote } from '../../quotes/types.ts';
import { html, type Html } from '../html/markup.ts';
import { quoteHref } from '../links.ts';
import { KINDS, METHODS, PARAGRAPH_FLAGS, pct } from './labels.ts';

/** An editor's reviewed correction of a machine-transcript quote. */
export interface Erratum {
  corrected: string;
  reason: string;
}

/** The paragraph's ID, its speaker and how that was decided, and why it is excluded or flagged. */
function metaLine(p: Paragraph, flags: readonly ParagraphFlag[]): Html {
  const a = p.attribution;
  const how = `${METHODS[a.method]} · ${pct(a.confidence)} · ${a.evidence}`;
  const lines =
    p.lines[0] === p.lines[1] ? `line ${p.lines[0]}` : `lines ${p.lines[0]}–${p.lines[1]}`;
  const parts = [
    html`<a class="pid" href="#${p.id}" title="${lines}">${p.id}</a>`,
    a.speaker
      ? html`<span class="who" title="${how}">${a.speaker}</span> <span class="how">${METHODS[a.method]} · ${pct(a.confidence)}</span>`
      : '',
    p.kind !== 'speech'
      ? html`<span class="label">不收录 excluded: ${KINDS[p.kind]}${p.reason ? html` — <span class="reason">${p.reason}</span>` : ''}</span>`
      : '',
    ...flags.map(
      (f) => html`<span class="label flag" data-flag="${f}">${PARAGRAPH_FLAGS[f]}</span>`,
    ),
  ].filter((part) => part !== '');
  return html`<p class="meta">${parts.map((part, i) => html`${i ? ' ' : ''}${part}`)}</p>`;
}

/** Links to the paragraph's quotes, its errata, and the raw capture when a repair changed it. */
function extras(
  p: Paragraph,
  lang: string,
  quotes: readonly Quote[],
  target: Quote | undefined,
  errata: ReadonlyMap<string, Erratum>,
): Html[] {
  const showRaw =
    p.raw !== p.text && (p.repairs['gbk-mojibake'] || p.flags.includes('unrepaired-mojibake'));
  const parts: (Html | '')[] = [
    target
      ? html`<p class="small"><a href="${quoteHref(target.id)}">→ 语录页 <span class="en">quote page</span> <code>${target.id}</code></a></p>`
      : '',
    quotes.length
      ? html`<p class="qlinks small">语录 <span class="en">quotes</span>: ${quotes.map((q, i) => html`${i ? ' ' : ''}<a href="${quoteHref(q.id)}"><code>${q.id}</code></a>`)}</p>`
      : '',
    ...quotes.flatMap((q) => {
      const e = errata.get(q.id);
      return e
        ? [
            html`<p class="erratum small" data-erratum="${q.id}">勘误 <span class="en">erratum</span> <code>${q.id}</code>：<q lang="${lang}">${e.corrected}</q>（${e.reason}）<span class="en">— the transcript's words above are kept as captured</span></p>`,
          ]
        : [];
    }),
    showRaw
      ? html`<details class="small"><summary>原始文本（修复前）<span class="en">raw capture, before repair</span></summary><p lang="${lang}">${p.raw}</p></details>`
      : '',
  ];
  return parts.filter((part): part is Html => part !== '');
}

/** One paragraph of the reading view, the target quote marked. */
export function paragraphBlock(
  p: Paragraph,
  lang: string,
  quotes: readonly Quote[],
  target: Quote | undefined,
  docFlags: readonly ParagraphFlag[],
  errata: ReadonlyMap<string, Erratum> = new Map(),
): Html {
  const flags = p.flags.filter((f) => !docFlags.includes(f));
  const classes = ['para', p.kind !== 'speech' ? 'excluded' : 'speech'];
  if (flags.length) classes.push('flagged');
  if (target) classes.push('hl');
  const text = target
    ? html`${p.text.slice(0, target.span[0])}<mark id="q-${target.id}">${p.text.slice(target.span[0], target.span[1])}</mark>${p.text.slice(target.span[1])}`
    : p.text;
  return html`<section class="${classes.join(' ')}" id="${p.id}">
${metaLine(p, flags)}
<p class="text" lang="${lang}">${text}</p>${extras(p, lang, quotes, target, errata).map((part) => html`\n${part}`)}
</section>
`;
}
