import { convertScript } from '../../src/text/script.ts';
/**
 * The hand-labelled sample (test/fixtures/labels/, built by reading the raw texts, independent
 * of the code) and the measures computed against it: attribution accuracy and quote selection.
 */
import { readFileSync } from 'node:fs';
import type { CorpusData } from '../../src/corpus/corpus-data.ts';
import type { Paragraph, ParagraphKind } from '../../src/corpus/types.ts';
import type { Catalog } from '../../src/quotes/types.ts';

const LABELS_DIR = new URL('../fixtures/labels/', import.meta.url).pathname;

export interface LineLabel {
  line: number;
  kind: ParagraphKind;
  speaker: string | null;
  note?: string;
  split?: { at: string; speaker: string };
}

export interface QuoteLabel {
  source: string;
  line: number;
  anchor: string;
  verdict: 'card' | 'not-card';
  speaker?: string;
  reason: string;
}

export function lineLabels(stem: string): LineLabel[] {
  return (JSON.parse(readFileSync(`${LABELS_DIR}${stem}.json`, 'utf8')) as { lines: LineLabel[] })
    .lines;
}

export function quoteLabels(): QuoteLabel[] {
  return (JSON.parse(readFileSync(`${LABELS_DIR}quotes.json`, 'utf8')) as { quotes: QuoteLabel[] })
    .quotes;
}

export interface Miss {
  line: number;
  part: number;
  expected: string;
  got: string;
}

export interface AttributionScore {
  stem: string;
  /** Labelled parts (a split line counts twice). */
  total: number;
  /** Parts whose kind and speaker both match. */
  correct: number;
  /** Labelled speech parts, and those given to the right speaker. */
  speech: number;
  speechCorrect: number;
  /** Interviewer/host speech given to the guest: the error that puts words in someone's mouth. */
  interviewerAsGuest: number;
  misses: Miss[];
}

const describe = (kind: string, speaker: string | null) =>
  kind === 'speech' ? `speech:${speaker}` : kind;

/** Compares each labelled line (and each labelled turn split off a line) with the paragraphs built from it. */
export function scoreAttribution(corpus: CorpusData, stem: string): AttributionScore {
  const doc = corpus.documents.find((d) => d.stem === stem);
  if (!doc) throw new Error(`no document ${stem}`);
  const byLine = new Map<number, Paragraph[]>();
  for (const p of doc.paragraphs) byLine.set(p.lines[0], [...(byLine.get(p.lines[0]) ?? []), p]);
  const guest = doc.meta.people.find((p) => p.role === 'guest')?.name;

  const score: AttributionScore = {
    stem,
    total: 0,
    correct: 0,
    speech: 0,
    speechCorrect: 0,
    interviewerAsGuest: 0,
    misses: [],
  };
  const check = (
    line: number,
    part: number,
    kind: ParagraphKind,
    speaker: string | null,
    got: Paragraph | undefined,
  ) => {
    score.total++;
    const expected = describe(kind, speaker);
    const actual = got ? describe(got.kind, got.attribution.speaker) : '(no such part)';
    if (expected === actual) score.correct++;
    else score.misses.push({ line, part, expected, got: actual });
    if (kind === 'speech') {
      score.speech++;
      if (expected === actual) score.speechCorrect++;
      if (speaker !== guest && got?.kind === 'speech' && got.attribution.speaker === guest)
        score.interviewerAsGuest++;
    }
  };

  for (const label of lineLabels(stem)) {
    const parts = byLine.get(label.line) ?? [];
    if (label.split) {
      // Compare each labelled turn with the part holding its first characters.
      const at = label.split.at.replace(/\s+/gu, '');
      const second = parts.findIndex((p) => p.raw.replace(/\s+/gu, '').startsWith(at));
      check(label.line, 1, label.kind, label.speaker, parts[0]);
      check(label.line, 2, 'speech', label.split.speaker, second > 0 ? parts[second] : undefined);
    } else {
      for (const [i, part] of parts.entries())
        check(label.line, i + 1, label.kind, label.speaker, part);
    }
  }
  return score;
}

export interface SelectionScore {
  cards: number;
  cardsFound: number;
  notCards: number;
  notCardsSelected: number;
  missedCards: QuoteLabel[];
  wrongCards: { label: QuoteLabel; quote: string }[];
}

/** Spaces dropped and compared in simplified: repairs of a traditional source's simplified leaks
 * (来自于 → 來自於) do not change which words were judged. */
const squash = (text: string) => convertScript(text.replace(/\s+/gu, ''), 'hant', 'hans');

/**
 * A "card" judgement is met when a catalog quote from that line contains the anchor and names the
 * labelled speaker; a "not-card" judgement is broken when any catalog quote from that line contains it.
 */
export function scoreSelection(corpus: CorpusData, catalog: Catalog): SelectionScore {
  const score: SelectionScore = {
    cards: 0,
    cardsFound: 0,
    notCards: 0,
    notCardsSelected: 0,
    missedCards: [],
    wrongCards: [],
  };
  for (const label of quoteLabels()) {
    const doc = corpus.documents.find((d) => d.stem === label.source);
    if (!doc) throw new Error(`no document ${label.source}`);
    const paragraphs = new Set(
      doc.paragraphs.filter((p) => p.lines[0] === label.line).map((p) => p.id),
    );
    const anchor = squash(label.anchor);
    const hits = catalog.quotes.filter(
      (q) =>
        q.source === doc.meta.slug &&
        paragraphs.has(q.paragraph) &&
        squash(q.text).includes(anchor),
    );
    if (label.verdict === 'card') {
      score.cards++;
      if (hits.some((q) => q.speaker === label.speaker)) score.cardsFound++;
      else score.missedCards.push(label);
    } else {
      score.notCards++;
      if (hits.length > 0) {
        score.notCardsSelected++;
        score.wrongCards.push({ label, quote: hits[0]!.text });
      }
    }
  }
  return score;
}
