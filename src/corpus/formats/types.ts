import type { PersonRole } from '../meta.ts';

/**
 * A transcript format: a way a source marks who speaks that the plain `名字：` convention of the
 * first five sources does not cover. A format only adds to ingestion — speaker labels it knows
 * (as aliases of the document's people) and markup it removes before normalisation — so a source
 * that no format recognises is ingested exactly as before.
 */
export interface TranscriptFormat {
  /** Stable name, shown by `yulu sources add` (qa-blocks, role-labels, bold-names). */
  name: string;
  /** Whether the source's raw lines are written in this format. */
  detect(lines: readonly string[]): boolean;
  /** Labels that stand for a role rather than a name (`问` → the interviewer). */
  roleLabels?: readonly RoleLabel[];
  /** Markup around the words (markdown emphasis, heading marks); changes counted as a repair. */
  clean?(raw: string): { text: string; changes: number };
}

export interface RoleLabel {
  label: string;
  /** Roles the label may stand for, in order of preference (the first the document has wins). */
  roles: readonly PersonRole[];
}

/** How many lines must carry a format's markers before the format is believed. */
export const MIN_MARKED_LINES = 2;

/** Lines whose trimmed start matches `re`. */
export function countMarked(lines: readonly string[], re: RegExp): number {
  return lines.filter((line) => re.test(line.trim())).length;
}
