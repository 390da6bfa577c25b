import { countMarked, MIN_MARKED_LINES, type TranscriptFormat } from './types.ts';

/**
 * Markdown transcripts (podcast show notes, Notion and Feishu exports): each turn opens with the
 * speaker's name in bold, `**顾一帆**：` or with the colon inside, `**顾一帆：**`. The markdown is markup, not words: emphasis marks,
 * heading and quote marks at the start of a line are removed before normalisation (the raw line
 * keeps them), after which the turn is an ordinary `名字：` prefix.
 */
const BOLD_LABEL = /^\*\*[^*]{1,16}(?:\*\*\s*[:：]|[:：]\*\*)/u;

/** `**strong**`, `__strong__`, `*em*`, `_em_` around text; `#`/`>` marks opening a line. */
const EMPHASIS = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)/gu;
const LINE_MARK = /^\s*(?:#{1,6}|>)\s+/u;

export function stripMarkdown(raw: string): { text: string; changes: number } {
  let changes = 0;
  let text = raw.replace(LINE_MARK, () => {
    changes++;
    return '';
  });
  text = text.replace(EMPHASIS, (_m, _mark: string, strong?: string, em?: string) => {
    changes++;
    return strong ?? em ?? '';
  });
  return { text, changes };
}

export const BOLD_NAMES: TranscriptFormat = {
  name: 'bold-names',
  detect: (lines) => countMarked(lines, BOLD_LABEL) >= MIN_MARKED_LINES,
  clean: stripMarkdown,
};
