import type { RawSegment } from '../segment.ts';
import type { Cast } from './people.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits raw lines where a second turn was merged onto the end of an answer (002:
 * `…肯定会被新方式淘汰。海外独角兽:你们先做…`). A turn starts only after sentence-final
 * punctuation and only with a known person's name and a colon.
 * Returns the parts of each segment; a line without a merged turn is one part.
 */
export function splitMergedTurns(segment: RawSegment, cast: Cast): string[] {
  const names = cast.aliases.map((a) => escape(a.alias)).join('|');
  if (!names) return [segment.raw];
  const boundary = new RegExp(`(?<=[。！？!?…」”])\\s*(?=(?:${names})\\s*[:：])`, 'gu');
  return segment.raw.split(boundary).filter((part) => part.trim() !== '');
}
