import type { Document } from '../types.ts';
import { UNLISTED_SPEAKER } from './unlisted.ts';

/**
 * A label at the start of a paragraph that attribution did not take as a prefix: `王五：…` or
 * `**王五**：…`. The name is 1–8 characters with an optional bracketed title.
 */
const LABEL =
  /^(?:\*\*)?([\p{Script=Han}A-Za-z·]{1,8})(?:[（(][^（()）]{1,30}[）)])?(?:\*\*)?\s*[:：]/u;
const BOLD = /^\*\*/u;

export interface UnlistedSpeaker {
  label: string;
  /** Paragraph ids where the label opens the paragraph. */
  paragraphs: string[];
}

/**
 * Speaker labels for people the metadata does not list — most likely someone the editor left out
 * of `--people`, whose turns attribution has then given to the previous speaker. A label counts
 * when it opens two or more paragraphs (a section heading shaped `话题：…` rarely repeats) or is
 * written in bold, which a markdown transcript uses only for speakers, or was left unattributed as
 * an unlisted speaker's turn (markFormatStructure). Furniture is not looked at.
 */
export function unlistedSpeakers(doc: Document): UnlistedSpeaker[] {
  const found = new Map<string, { paragraphs: string[]; certain: boolean }>();
  for (const p of doc.paragraphs) {
    if (p.kind === 'furniture' || p.attribution.method === 'prefix') continue;
    const raw = p.raw.trim();
    const m = LABEL.exec(raw);
    if (!m) continue;
    const label = m[1] as string;
    const entry = found.get(label) ?? { paragraphs: [], certain: false };
    entry.paragraphs.push(p.id);
    entry.certain ||= BOLD.test(raw) || p.reason === UNLISTED_SPEAKER;
    found.set(label, entry);
  }
  return [...found]
    .filter(([, e]) => e.paragraphs.length >= 2 || e.certain)
    .map(([label, e]) => ({ label, paragraphs: e.paragraphs }));
}
