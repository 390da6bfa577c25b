import type { SourceMeta } from '../corpus/meta.ts';
import { foldPunctuationWidth, spaceHanAndLatin } from '../corpus/normalize/punctuation.ts';

/**
 * A source's title for display. Titles were width-folded in the captures like the text was
 * (`MiniMax闫俊杰对话黄明明:AGI,只有…`), so they get the same restoration: full-width
 * punctuation in Chinese context, a space between Han and Latin. Same rule as the pages'
 * `displayTitle` (src/http/pages/shared.ts) is this one.
 */
export function displaySourceTitle(meta: Pick<SourceMeta, 'title'>): string {
  return spaceHanAndLatin(foldPunctuationWidth(meta.title).text).text;
}
