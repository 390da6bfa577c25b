import type { Attribution, ParagraphFlag, ParagraphKind, TextGap } from '../types.ts';

/** A paragraph while it is being classified: normalised, not yet (fully) attributed. */
export interface Draft {
  id: string;
  lines: [number, number];
  raw: string;
  text: string;
  /** Simplified view of `text`, used for matching rules written once for both scripts. */
  hans: string;
  repairs: Record<string, number>;
  flags: ParagraphFlag[];
  gaps?: TextGap[];
  kind?: ParagraphKind;
  reason?: string;
  attribution?: Attribution;
  speech?: [number, number][];
}
