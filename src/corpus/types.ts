import type { PersonRole, SourceMeta } from './meta.ts';

/** A source as read from `quotes/sources/`: the untouched text and its validated metadata. */
export interface SourceFile {
  /** File name without extension, e.g. `000_01210472e7d23305`. */
  stem: string;
  raw: string;
  meta: SourceMeta;
}

/**
 * What a paragraph is. Only `speech` can yield quotes; everything else is kept in the record
 * (transparency: the source view shows it) but never reaches a card.
 */
export type ParagraphKind =
  | 'speech' // a person's words, verbatim as published
  | 'heading' // section titles and topic lines, even when shaped like `X:`
  | 'narration' // journalist or editor prose, reported speech
  | 'key-points' // an editor's first-person paraphrase of the guest: not verbatim
  | 'furniture' // page chrome, credits, link lists, ads, disclaimers, SEO lines, podcast header
  | 'teaser'; // a podcast cold open that repeats later passages

/** How a speaker was decided, so an editor can see why. */
export type AttributionMethod =
  | 'prefix' // `名字:` at the start of the paragraph
  | 'prefix-without-colon' // `张鹏它理解我` inside a dialogue: a known name where a prefix belongs
  | 'continuation' // no prefix: continues the turn of the last prefixed speaker
  | 'tagged-speech' // 「…」杨植麟说
  | 'untagged-question' // 「…?」 answered by tagged speech: the interviewer's
  | 'split-turn' // a second turn merged into the same line, split off
  | 'unmarked-question' // 001: an unprefixed question after a topic heading: the press
  | 'transcript-turn' // speaker-less transcript: host vs guest decided by features
  | 'not-speech';

export interface Attribution {
  /** Canonical simplified name, or null when nobody speaks (headings, narration, furniture). */
  speaker: string | null;
  role: PersonRole | null;
  method: AttributionMethod;
  /** 0–1: how sure the rule is. Prefixes are near-certain; transcript turns are guesses. */
  confidence: number;
  /** Human-readable reason, e.g. "prefix 张鹏 :" or "continues 杨植麟 from L42". */
  evidence: string;
}

export type ParagraphFlag =
  | 'unrepaired-mojibake' // byte damage that could not be repaired with certainty
  | 'machine-transcript' // text from a speech recogniser: mis-heard terms possible
  | 'traditional-source' // the source is in traditional script
  | 'edited' // an errata correction was applied
  | 'restated'; // a lead quoting what the body has verbatim: attributed, but never quoted

/**
 * Where a paragraph's text has a gap: byte damage that could not be repaired with certainty. The
 * text shows GAP_MARK there instead of the garbage; `raw` keeps the damaged characters exactly as
 * the source has them (for a reader who asks to see them), `reason` why no repair was certain.
 */
export interface TextGap {
  /** [start, end) UTF-16 offsets into the paragraph's `text`; text.slice(start, end) === GAP_MARK. */
  start: number;
  end: number;
  raw: string;
  reason: string;
}

/** What stands in a paragraph's text for an unrepaired run (U+3013 GETA MARK, the typesetter's missing-character sign). */
export const GAP_MARK = '〓';

export interface Paragraph {
  /** Stable within its document: `L{first raw line}`, `-2`, `-3`… for turns split off that line. */
  id: string;
  /** 1-based raw line range, inclusive. */
  lines: [number, number];
  /** The raw text of this paragraph, exactly as in the source file. */
  raw: string;
  /** Repaired and normalised text, in the source's own script. Quote spans index into this. */
  text: string;
  kind: ParagraphKind;
  /**
   * The speaker's own words as [start, end) offsets into `text`: after a `名字：` prefix, inside
   * 「…」 for tagged speech. Empty for anything that is not speech. Quotes come only from here.
   */
  speech: [number, number][];
  /** Why a non-speech paragraph is excluded, e.g. 'link list', 'podcast header'. */
  reason?: string;
  attribution: Attribution;
  /** Normalisation rules that changed this paragraph, with how many changes each made. */
  repairs: Record<string, number>;
  flags: ParagraphFlag[];
  /** Unrepaired byte damage, in text order; present only when the paragraph has some (flag `unrepaired-mojibake`). */
  gaps?: TextGap[];
}

export interface Document {
  stem: string;
  meta: SourceMeta;
  paragraphs: Paragraph[];
}
