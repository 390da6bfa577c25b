import type { Document, Paragraph, SourceFile } from './types.ts';
import type { Draft } from './attribution/draft.ts';
import { attributeDialogue } from './attribution/dialogue.ts';
import { splitMergedTurns } from './attribution/merged-turns.ts';
import { castOf, notSpeech } from './attribution/people.ts';
import {
  attributeTranscript,
  splitTurn,
  TRANSCRIPT_MARKER,
  WELCOME,
} from './attribution/transcript.ts';
import { normalizeParagraph, sourceContext } from './normalize/index.ts';
import {
  cleanThenNormalize,
  markFormatStructure,
  sourceFormat,
  withTitledNames,
} from './formats/index.ts';
import { segmentLines } from './segment.ts';
import type { CharBigramModel } from '../text/char-model.ts';
import { convertScript } from '../text/script.ts';

/**
 * Source file → Document: paragraphs with stable ids, raw text and line ranges, normalised text,
 * a kind (speech or why not) and an attribution that says how it was decided. Pure.
 */
export function ingestSource(source: SourceFile, language: CharBigramModel): Document {
  const { meta } = source;
  const context = sourceContext(source.raw);
  // Transcript formats (问/答, 记者：, **名字**：) add speaker labels and strip markup; a source in
  // none of them is ingested unchanged (src/corpus/formats/).
  const format = sourceFormat(source.raw, meta);
  const normalize = cleanThenNormalize(format, (raw) =>
    normalizeParagraph(raw, meta, language, context),
  );
  const segments = segmentLines(source.raw);
  const transcript = meta.kind === 'machine-transcript';
  const cast = castOf(format.castMeta);

  const drafts: Draft[] = [];
  let headerOpen = transcript && segments.some((s) => TRANSCRIPT_MARKER.test(s.raw.trim()));
  for (const segment of segments) {
    const inHeader = headerOpen;
    if (headerOpen && TRANSCRIPT_MARKER.test(segment.raw.trim())) headerOpen = false;
    const parts = inHeader
      ? [segment.raw]
      : transcript
        ? splitTurn(segment.raw, (raw) => normalize(raw).text)
        : splitMergedTurns(segment, cast);
    parts.forEach((raw, k) => {
      const normalized = normalize(raw);
      const draft: Draft = {
        id: k === 0 ? `L${segment.lines[0]}` : `L${segment.lines[0]}-${k + 1}`,
        lines: segment.lines,
        raw,
        text: normalized.text,
        hans: convertScript(normalized.text, meta.script, 'hans'),
        repairs: normalized.repairs,
        flags: normalized.flags,
      };
      if (normalized.gaps) draft.gaps = normalized.gaps;
      if (inHeader) {
        draft.kind = 'furniture';
        draft.reason = 'podcast page header';
        draft.attribution = notSpeech('above the transcript marker of the podcast page');
        draft.speech = [];
      }
      drafts.push(draft);
    });
  }

  if (transcript) {
    markTeaser(drafts);
    attributeTranscript(drafts, meta);
  } else {
    const castMeta = withTitledNames(
      format.castMeta,
      drafts.map((d) => d.text),
    );
    markFormatStructure(drafts, format, castMeta);
    attributeDialogue(drafts, castMeta);
  }
  return { stem: source.stem, meta, paragraphs: drafts.map(finish) };
}

/** Transcript segments before the host's welcome are the cold open, replayed later in the show. */
function markTeaser(drafts: Draft[]): void {
  const body = drafts.filter((d) => d.kind === undefined);
  const welcome = body.findIndex((d) => WELCOME.test(d.hans));
  if (welcome <= 0) return;
  for (const d of body.slice(0, welcome)) {
    d.kind = 'teaser';
    d.reason = 'cold-open teaser (repeats later passages)';
    d.attribution = notSpeech('before the host’s welcome');
    d.speech = [];
  }
}

function finish(d: Draft): Paragraph {
  const paragraph: Paragraph = {
    id: d.id,
    lines: d.lines,
    raw: d.raw,
    text: d.text,
    kind: d.kind ?? 'narration',
    speech: d.speech ?? [],
    attribution: d.attribution ?? notSpeech('unclassified'),
    repairs: d.repairs,
    flags: d.flags,
  };
  if (d.reason !== undefined) paragraph.reason = d.reason;
  if (d.gaps !== undefined) paragraph.gaps = d.gaps;
  return paragraph;
}
