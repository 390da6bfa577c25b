import { countMarked, MIN_MARKED_LINES, type TranscriptFormat } from './types.ts';

/**
 * 问/答 blocks (and their Latin twin Q/A): magazine interviews that print `问：` before each
 * question and `答：` before each answer instead of names. An answer may run over several
 * paragraphs without a label; the dialogue rules carry it on (continuation).
 * Optional markdown bold around the label (`**问**：`) is tolerated when detecting.
 */
const QUESTION = /^(?:\*\*)?(?:问|Q)(?:\*\*)?\s*[:：]/u;
const ANSWER = /^(?:\*\*)?(?:答|A)(?:\*\*)?\s*[:：]/u;

export const QA_BLOCKS: TranscriptFormat = {
  name: 'qa-blocks',
  // Both sides must be present: a lone `A:` line is more likely a heading than an answer.
  detect: (lines) =>
    countMarked(lines, QUESTION) >= MIN_MARKED_LINES && countMarked(lines, ANSWER) >= 1,
  roleLabels: [
    { label: '问', roles: ['interviewer', 'host'] },
    { label: 'Q', roles: ['interviewer', 'host'] },
    { label: '答', roles: ['guest'] },
    { label: 'A', roles: ['guest'] },
  ],
};
