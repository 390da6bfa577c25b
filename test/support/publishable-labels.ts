/**
 * The publishability judgements in test/fixtures/labels/publishable.json, scored against a
 * catalog: precision of the publishable tier and recall of the quotes judged publishable.
 */
import { readFileSync } from 'node:fs';
import type { Catalog, Quote } from '../../src/quotes/types.ts';
import { convertScript } from '../../src/text/script.ts';

export interface PublishableLabel {
  source: string;
  line: number;
  anchor: string;
  verdict: 'publishable' | 'not';
  reason?: string;
  text: string;
}

export function publishableLabels(): PublishableLabel[] {
  const url = new URL('../fixtures/labels/publishable.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { quotes: PublishableLabel[] }).quotes;
}

const squash = (text: string) =>
  convertScript(text, 'hant', 'hans').replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');

/** Share of character pairs in common, over the longer text: ≥ 0.8 is the same span give or take a connective. */
function similar(a: string, b: string): boolean {
  const pairs = (t: string) => new Set([...t].slice(1).map((ch, i) => (t[i] as string) + ch));
  const x = pairs(a);
  const y = pairs(b);
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / Math.max(x.size, y.size, 1) >= 0.8;
}

export interface TierScore {
  labels: number;
  /** Labels judged publishable. */
  good: number;
  /** Good labels found as a publishable quote. */
  goodPublished: number;
  /** Labels of either verdict that match a publishable quote. */
  published: number;
  /** Of those, judged not publishable. */
  badPublished: { label: PublishableLabel; quote: Quote }[];
  missedGood: PublishableLabel[];
  precision: number;
  recall: number;
}

export function scoreTier(catalog: Catalog): TierScore {
  const stemOf = new Map(catalog.sources.map((s) => [s.slug, s.stem]));
  const byLine = new Map<string, { quote: Quote; squashed: string }[]>();
  for (const quote of catalog.quotes) {
    const key = `${stemOf.get(quote.source)}:${quote.paragraph.slice(1).split('-')[0]}`;
    byLine.set(key, [...(byLine.get(key) ?? []), { quote, squashed: squash(quote.text) }]);
  }
  const labels = publishableLabels();
  let good = 0;
  let goodPublished = 0;
  let published = 0;
  const badPublished: TierScore['badPublished'] = [];
  const missedGood: PublishableLabel[] = [];
  for (const label of labels) {
    // The judged span: a quote of that line holding the anchor and mostly the judged words (a
    // re-trimmed span still matches; a different sentence of the same line does not).
    const judged = squash(label.text);
    const match = (byLine.get(`${label.source}:${label.line}`) ?? []).find(
      (c) =>
        c.quote.tier === 'publishable' &&
        c.squashed.includes(label.anchor) &&
        similar(c.squashed, judged),
    );
    if (label.verdict === 'publishable') good++;
    if (!match) {
      if (label.verdict === 'publishable') missedGood.push(label);
      continue;
    }
    published++;
    if (label.verdict === 'publishable') goodPublished++;
    else badPublished.push({ label, quote: match.quote });
  }
  return {
    labels: labels.length,
    good,
    goodPublished,
    published,
    badPublished,
    missedGood,
    precision: published ? (published - badPublished.length) / published : 0,
    recall: good ? goodPublished / good : 0,
  };
}
