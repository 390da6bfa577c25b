import type { SourceMeta } from '../meta.ts';
import { GAP_MARK, type ParagraphFlag, type TextGap } from '../types.ts';
import { foldScriptLeaks } from '../../text/script.ts';
import type { CharBigramModel } from '../../text/char-model.ts';
import { repairGbkMojibake } from './gbk-mojibake.ts';
import { stripPinyinAnnotations } from './pinyin-annotations.ts';
import { foldPunctuationWidth, spaceHanAndLatin } from './punctuation.ts';
import { joinTranscriptSpacing, normalizeSpaces } from './whitespace.ts';
import { foldSimplifiedLeaks } from './script-leaks.ts';
import { foldLatinFullStops } from './punctuation.ts';
import { joinSplitNames, undoConversionArtefacts } from './names.ts';

export interface NormalizedText {
  text: string;
  /** Rule name → number of changes it made. Rules that changed nothing are absent. */
  repairs: Record<string, number>;
  flags: ParagraphFlag[];
  /** Unrepaired damage, each shown in `text` as one GAP_MARK (absent when there is none). */
  gaps?: TextGap[];
}

/**
 * Stands for an unrepaired run while the rules run (U+FFFC OBJECT REPLACEMENT CHARACTER: no rule
 * touches it, and it is removed from raw text first so it cannot be confused with content).
 */
const PLACEHOLDER = '\uFFFC';

type Rule = (text: string) => { text: string; changes: number };

/**
 * The normalisation rules, in order. Order matters: bytes are repaired before annotations are
 * stripped (a mojibake run carries a damaged annotation), spacing is fixed before punctuation is
 * folded (folding looks at neighbours across spaces), and script leaks are folded last: in a
 * simplified source with OpenCC, in a traditional one only where a character is a simplified form
 * (script-leaks.ts).
 */
/** What a rule may know about the whole source a paragraph comes from. */
export interface SourceContext {
  /** Every character the source uses. */
  chars: ReadonlySet<string>;
  /** Latin words with an inner capital the source writes (OpenAI, ChatGPT): names to join. */
  names: ReadonlySet<string>;
}

export function sourceContext(raw: string): SourceContext {
  return {
    chars: new Set(raw),
    names: new Set(raw.match(/\b[A-Z][a-z]+[A-Z][A-Za-z]*\b/gu) ?? []),
  };
}

function rulesFor(meta: SourceMeta, context: SourceContext): [string, Rule][] {
  const rules: [string, Rule][] = [
    ['pinyin-annotations', stripPinyinAnnotations],
    ['spaces', normalizeSpaces],
  ];
  if (meta.kind === 'machine-transcript') rules.push(['transcript-spacing', joinTranscriptSpacing]);
  rules.push(
    ['latin-full-stops', foldLatinFullStops],
    ['split-names', (text) => joinSplitNames(text, context.names)],
    ['full-width-punctuation', foldPunctuationWidth],
    ['han-latin-spacing', spaceHanAndLatin],
  );
  if (meta.script === 'hans')
    rules.push(['script-leaks', (text) => countChanges(text, foldScriptLeaks(text, meta.script))]);
  else
    rules.push([
      'simplified-leaks',
      (text) => foldSimplifiedLeaks(text, meta.script, context.chars),
    ]);
  if (meta.script === 'hans') rules.push(['conversion-artefacts', undoConversionArtefacts]);
  return rules;
}

function countChanges(before: string, after: string): { text: string; changes: number } {
  if (before === after) return { text: after, changes: 0 };
  const a = [...before];
  const b = [...after];
  let changes = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) changes++;
  return { text: after, changes };
}

/**
 * Repairs and normalises one raw paragraph of a source. Pure and deterministic; `language` is the
 * corpus's character model, which judges byte repairs that the bytes alone leave open.
 */
export function normalizeParagraph(
  raw: string,
  meta: SourceMeta,
  language: CharBigramModel,
  /** The whole source (simplified leaks become the source's own forms, split names its own names). */
  context: SourceContext = sourceContext(raw),
): NormalizedText {
  const repairs: Record<string, number> = {};
  const flags: ParagraphFlag[] = [];

  const mojibake = repairGbkMojibake(raw.replaceAll(PLACEHOLDER, ''), language, PLACEHOLDER);
  let text = mojibake.text;
  const unrepaired = mojibake.runs.filter((run) => run.repaired === null);
  const repaired = mojibake.runs.filter((run) => run.repaired !== null).length;
  if (repaired > 0) repairs['gbk-mojibake'] = repaired;
  if (unrepaired.length > 0) flags.push('unrepaired-mojibake');

  for (const [name, rule] of rulesFor(meta, context)) {
    const result = rule(text);
    if (result.changes > 0) repairs[name] = (repairs[name] ?? 0) + result.changes;
    text = result.text;
  }
  if (meta.kind === 'machine-transcript') flags.push('machine-transcript');
  if (meta.script === 'hant') flags.push('traditional-source');
  if (unrepaired.length === 0) return { text, repairs, flags };
  // Each placeholder, in order, becomes a gap mark that says where the damage was and what it was.
  const gaps: TextGap[] = [];
  const parts = text.split(PLACEHOLDER);
  text = parts[0] as string;
  parts.slice(1).forEach((part, n) => {
    const run = unrepaired[n];
    if (run)
      gaps.push({
        start: text.length,
        end: text.length + GAP_MARK.length,
        raw: run.garbage,
        reason: run.reason,
      });
    text += GAP_MARK + part;
  });
  return { text, repairs, flags, gaps };
}
