import type { SourceMeta } from '../meta.ts';

/** Job words a label may put before the name: `主持人 林叶：`. */
const ROLE_WORDS = '(?:主持人|主持|记者|嘉宾|采访者)';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest title read inside the brackets of a speaker label (`沈若言（启明语音联合创始人）：`). */
const MAX_TITLE_LENGTH = 30;

/**
 * Interviews often introduce a speaker once with a title in brackets before the colon
 * (`沈若言（启明语音联合创始人）：`) or a job word before the name (`主持人 林叶：`) and by name
 * alone afterwards. Each such spelling found at the
 * start of a normalised paragraph becomes an alias of that person, so the label is a prefix like
 * any other. Only known people: `王五（某公司）：` for someone not in the metadata stays unknown.
 */
export function withTitledNames(meta: SourceMeta, texts: readonly string[]): SourceMeta {
  let changed = false;
  const people = meta.people.map((person) => {
    const spellings = [person.name, ...person.aliases];
    const found = new Set<string>();
    for (const spelling of spellings) {
      const re = new RegExp(
        `^((?:${ROLE_WORDS} ?)?${escape(spelling)}(?:（[^（）]{1,${MAX_TITLE_LENGTH}}）)?) ?[：:]`,
        'u',
      );
      for (const text of texts) {
        const m = re.exec(text);
        const label = m?.[1];
        if (label && label !== spelling && !person.aliases.includes(label)) found.add(label);
      }
    }
    if (!found.size) return person;
    changed = true;
    return { ...person, aliases: [...person.aliases, ...[...found].sort()] };
  });
  return changed ? { ...meta, people } : meta;
}
