/**
 * Lines about the text rather than part of it, which interview captures end (or start) with:
 * `（本文经受访者审阅，有删节）`, `*本文由节目组整理，转载请联系授权。*`, a markdown rule `---`,
 * and stage directions on a line of their own (`（笑）`).
 * Nobody says them, so they are furniture; left alone they would read as the last speaker's
 * continuation.
 */

/** A whole paragraph wrapped in brackets or markdown emphasis. */
const WRAPPED = /^(?:[（(][^（()）]*[）)]|\*[^*]+\*|_[^_]+_)$/u;
/** Words with which an editor's note speaks about the text itself. */
const ABOUT_THE_TEXT = /本文|全文|原文|编者|整理|删节|审阅|转载|授权|责编|责任编辑/u;
/** `（笑）` on a line of its own: what the speaker did, not what they said. */
const STAGE_DIRECTION = /^[（(](?:笑|大笑|众笑|笑声|掌声|鼓掌|停顿|沉默|叹气|沉思)[）)]$/u;
/** A markdown thematic break. */
const RULE = /^(?:-{3,}|\*{3,}|_{3,})$/u;

/** Why a paragraph is an editor's note or markup, or null. `raw` is the line as captured. */
export function editorNoteReason(raw: string): string | null {
  const line = raw.trim();
  if (RULE.test(line)) return 'markdown rule';
  if (STAGE_DIRECTION.test(line)) return 'stage direction';
  if (WRAPPED.test(line) && ABOUT_THE_TEXT.test(line)) return 'editor’s note';
  return null;
}
