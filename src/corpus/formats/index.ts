import type { SourceMeta } from '../meta.ts';
import type { Draft } from '../attribution/draft.ts';
import { castOf, matchPrefix, notSpeech } from '../attribution/people.ts';
import { TERMINAL } from '../structure/headings.ts';
import { BOLD_NAMES } from './bold-names.ts';
import { editorNoteReason } from './editor-notes.ts';
import { QA_BLOCKS } from './qa-blocks.ts';
import { ROLE_LABELS_FORMAT } from './role-labels.ts';
import type { NormalizedText } from '../normalize/index.ts';
import type { TranscriptFormat } from './types.ts';
import { UNLISTED_SPEAKER } from './unlisted.ts';
export { withTitledNames } from './titled-names.ts';

/** Every transcript format ingestion knows besides plain `名字：` prefixes. */
export const TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = [
  BOLD_NAMES,
  QA_BLOCKS,
  ROLE_LABELS_FORMAT,
];

/** The repair name under which removed markup is counted. */
export const MARKUP_REPAIR = 'markup';

export interface SourceFormat {
  /** Names of the formats recognised in the source (none: plain `名字：` or no labels at all). */
  names: string[];
  /** The metadata attribution works with: role labels added as aliases of the people they name. */
  castMeta: SourceMeta;
  /** Removes the formats' markup from a raw paragraph before normalisation. */
  clean(raw: string): { text: string; changes: number };
}

/**
 * Recognises the formats a source is written in and returns what ingestion needs from them.
 * For a source no format recognises this is the identity: metadata and text unchanged.
 */
export function sourceFormat(raw: string, meta: SourceMeta): SourceFormat {
  const lines = raw.split('\n');
  const formats =
    meta.kind === 'machine-transcript' ? [] : TRANSCRIPT_FORMATS.filter((f) => f.detect(lines));
  return {
    names: formats.map((f) => f.name),
    castMeta: withRoleLabels(meta, formats),
    clean(text) {
      let changes = 0;
      for (const format of formats) {
        if (!format.clean) continue;
        const cleaned = format.clean(text);
        changes += cleaned.changes;
        text = cleaned.text;
      }
      return { text, changes };
    },
  };
}

/** Each role label becomes an alias of the first person holding one of its roles. */
function withRoleLabels(meta: SourceMeta, formats: readonly TranscriptFormat[]): SourceMeta {
  const labels = formats.flatMap((f) => f.roleLabels ?? []);
  if (!labels.length) return meta;
  const extra = new Map<string, string[]>();
  for (const { label, roles } of labels) {
    const person = roles.map((role) => meta.people.find((p) => p.role === role)).find(Boolean);
    if (!person || meta.people.some((p) => p.name === label || p.aliases.includes(label))) continue;
    extra.set(person.name, [...(extra.get(person.name) ?? []), label]);
  }
  return {
    ...meta,
    people: meta.people.map((p) => ({
      ...p,
      aliases: [...p.aliases, ...(extra.get(p.name) ?? [])],
    })),
  };
}

/**
 * Marks what a format makes certain before attribution guesses: editors' notes, stage directions
 * and markdown rules are furniture (any source). In a source whose turns are labelled (a
 * recognised format):
 * - a markdown heading, or a short line without final punctuation right before a labelled turn,
 *   is a section heading — not, as in a plain capture that lost a full stop, the end of an answer;
 * - `主持人：刘畅。` (a label followed by its own person's name) lists the cast, nobody speaks;
 * - after the first labelled turn, a sentence opened by a label that names nobody in the metadata
 *   (`观众：请问…？`) is someone unlisted speaking: that turn, up to the next labelled one, is
 *   left unattributed rather than continued in the previous speaker's name.
 */
export function markFormatStructure(
  drafts: Draft[],
  format: SourceFormat,
  castMeta: SourceMeta = format.castMeta,
): void {
  const cast = castOf(castMeta);
  const open = drafts.filter((d) => d.kind === undefined);
  let turnsBegun = false;
  let unlisted = false;
  open.forEach((d, i) => {
    const note = editorNoteReason(d.raw);
    if (note) return settle(d, 'furniture', note);
    if (!format.names.length) return;
    const prefix = matchPrefix(d.text, cast);
    if (prefix) {
      unlisted = false;
      const words = d.text.slice(prefix.length).replace(/[\s。，、；,.]/gu, '');
      if (cast.people.some((p) => p.name === words)) return settle(d, 'furniture', 'cast list');
      turnsBegun = true;
      return;
    }
    const next = open[i + 1];
    if (
      MARKDOWN_HEADING.test(d.raw) ||
      (d.text.length <= MAX_LABELLED_HEADING &&
        !TERMINAL.test(d.text) &&
        next !== undefined &&
        matchPrefix(next.text, cast) !== null)
    )
      return settle(d, 'heading', 'section heading');
    if (turnsBegun && (unlisted || (UNLISTED_LABEL.test(d.text) && TERMINAL.test(d.text)))) {
      unlisted = true;
      settle(d, 'narration', UNLISTED_SPEAKER);
    }
  });
}

/** A short label opening a paragraph: `观众：`, `网友：`, `王五：`. */
const UNLISTED_LABEL = /^[\p{Script=Han}]{1,4} ?[：:]/u;
/** `## 关于量产`: a markdown heading line. */
const MARKDOWN_HEADING = /^\s*#{1,6}\s+\S/u;
/** Longest unpunctuated line read as a heading when a labelled turn follows it. */
const MAX_LABELLED_HEADING = 30;

function settle(d: Draft, kind: 'furniture' | 'heading' | 'narration', reason: string): void {
  d.kind = kind;
  d.reason = reason;
  d.attribution = notSpeech(reason);
  d.speech = [];
}

/**
 * Wraps a paragraph normaliser so the formats' markup is removed first and counted as a repair
 * (`markup`) beside the normaliser's own.
 */
export function cleanThenNormalize(
  format: SourceFormat,
  normalize: (text: string) => NormalizedText,
): (raw: string) => NormalizedText {
  return (raw) => {
    const cleaned = format.clean(raw);
    const normalized = normalize(cleaned.text);
    if (!cleaned.changes) return normalized;
    return { ...normalized, repairs: { [MARKUP_REPAIR]: cleaned.changes, ...normalized.repairs } };
  };
}
export { unlistedSpeakers, type UnlistedSpeaker } from './unlisted-speakers.ts';
