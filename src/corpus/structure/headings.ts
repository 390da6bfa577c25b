/**
 * Section headings and topic lines. They are excluded from quotes even when shaped like a speaker
 * prefix (`AGI:AI 本质就是一堆 scaling law`, `谈多模态:我们在内测`): a speaker is a known person
 * of the document, never whatever text precedes a colon. Callers check for speaker prefixes first.
 */

/** Sentence-final punctuation: a line that ends with one is prose, not a heading. */
export const TERMINAL = /[。！？…”」』）]$/u;

/** `01`, `02.`, `3、`: section numbers on a line of their own. */
const SECTION_NUMBER = /^\d{1,2}[.、]?$/u;

/** Longest line still read as a bare heading, and as a `topic:claim` heading (characters). */
const MAX_HEADING_LENGTH = 30;
const MAX_TOPIC_LINE_LENGTH = 50;
const MAX_TOPIC_LENGTH = 20;
const SHORT_QUESTION_HEADING = 15;

/**
 * `where` says what surrounds the line. A short line without final punctuation is a heading in the
 * lead or right under another heading (000's `02` / `Kimi 的目标是` / `你的终极伙伴`); inside a turn
 * it is more likely a sentence whose full stop was lost (000: `…然后把这个产品做到极致`), so
 * there only section numbers and `topic：claim` lines count.
 */
export function isHeading(
  text: string,
  where: { inLead: boolean; afterHeading: boolean },
): boolean {
  const line = text.trim();
  if (SECTION_NUMBER.test(line)) return true;
  // A heading block may end on a rhetorical question (000: `是登山，` / `还是航海？`).
  if (where.afterHeading && line.length <= SHORT_QUESTION_HEADING && /[？！]$/u.test(line))
    return true;
  if (TERMINAL.test(line)) return false;
  if ((where.inLead || where.afterHeading) && line.length <= MAX_HEADING_LENGTH) return true;
  const colon = line.indexOf('：');
  return colon > 0 && colon <= MAX_TOPIC_LENGTH && line.length <= MAX_TOPIC_LINE_LENGTH;
}

/** `1. …`, `2、…`: an enumerated item (004's editor key points). */
export const NUMBERED_ITEM = /^\d{1,2}[.、．]\s*\S/u;
