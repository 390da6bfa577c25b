import type { Person, SourceMeta } from '../meta.ts';
import type { Attribution } from '../types.ts';
import { convertScript } from '../../text/script.ts';

/** Every spelling of every person of a document, longest first, so `黄明明` wins over `明明`. */
export interface Cast {
  people: Person[];
  aliases: { alias: string; person: Person }[];
  guest: Person | undefined;
  interviewer: Person | undefined;
}

export function castOf(meta: SourceMeta): Cast {
  const aliases: { alias: string; person: Person }[] = [];
  for (const person of meta.people) {
    const spellings = new Set([person.name, ...person.aliases]);
    for (const s of [...spellings]) {
      spellings.add(convertScript(s, 'hans', 'hant'));
      spellings.add(convertScript(s, 'hans', 'tw'));
    }
    for (const alias of spellings) aliases.push({ alias, person });
  }
  aliases.sort((a, b) => b.alias.length - a.alias.length);
  return {
    people: meta.people,
    aliases,
    guest: meta.people.find((p) => p.role === 'guest'),
    interviewer: meta.people.find((p) => p.role !== 'guest'),
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Speaker prefix at the start of a normalised paragraph: `名字：` (spaces before the colon tolerated). */
export function matchPrefix(text: string, cast: Cast): { person: Person; length: number } | null {
  for (const { alias, person } of cast.aliases) {
    const m = new RegExp(`^${escape(alias)} ?[：:] ?`, 'u').exec(text);
    if (m) return { person, length: m[0].length };
  }
  return null;
}

/** A known name opening the paragraph with its colon lost (000: `张鹏它理解我…`). */
export function matchBareName(text: string, cast: Cast): { person: Person; length: number } | null {
  for (const { alias, person } of cast.aliases) {
    if (alias.length >= 2 && text.startsWith(alias)) return { person, length: alias.length };
  }
  return null;
}

/** Words that follow a name in narration (`杨植麟说`, `杨植麟身上`), ruling out a lost prefix. */
export const NARRATION_AFTER_NAME =
  /^(说|回答|表示|认为|坦言|笑|的|身上|在|是|也|还|于|曾|博士|对|和|与|则|便|就)/u;

export function said(
  person: Person,
  method: Attribution['method'],
  confidence: number,
  evidence: string,
): Attribution {
  return { speaker: person.name, role: person.role, method, confidence, evidence };
}

export function notSpeech(evidence: string): Attribution {
  return { speaker: null, role: null, method: 'not-speech', confidence: 1, evidence };
}
