import type { AttributionMethod } from '../corpus/types.ts';
import type { PersonRole } from '../corpus/meta.ts';
import type { Reason, Tier } from './verdict.ts';

export type QuoteFlag =
  | 'machine-transcript' // from a speech recogniser's transcript: wording may be mis-heard
  | 'traditional-source' // the source is in traditional script; simplified display is converted
  | 'inferred-speaker' // the speaker was inferred (no name prefix on this paragraph)
  | 'edited' // an editor's reviewed correction applies
  | 'draft'; // an editor's proposed wording, not saved: only on signed draft cards

/**
 * One attributed quote. Invariant: `text === paragraph.text.slice(span[0], span[1])` for the
 * paragraph `paragraph` of document `source`. Nothing else defines what a card may say.
 */
export interface Quote {
  id: string;
  /** Document slug. */
  source: string;
  /** Paragraph id within the document (`L42`). */
  paragraph: string;
  /** [start, end) UTF-16 offsets into the normalised paragraph text. */
  span: [number, number];
  text: string;
  /** Canonical simplified name. */
  speaker: string;
  role: PersonRole;
  /** 0–1, higher is better on a card. */
  score: number;
  signals: string[];
  attribution: { method: AttributionMethod; confidence: number };
  flags: QuoteFlag[];
  /** `publishable`: may go out unattended (home, API listing, daily fallback); `candidate`: waits
   * for an editor. See src/quotes/verdict.ts. */
  tier: Tier;
  /** Why a candidate is held back (empty for publishable quotes). */
  reasons: Reason[];
}

export interface Catalog {
  /** Bumped when the shape or the ID rule changes. */
  version: 1;
  /** Per source: a content hash of the raw file, so a changed source is visible in review. */
  sources: { slug: string; stem: string; rawHash: string; quotes: number }[];
  quotes: Quote[];
}
