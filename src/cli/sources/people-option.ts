import type { Person, PersonRole } from '../../corpus/meta.ts';
import { YuluError } from '../../errors.ts';
import type { SourcesWords } from './words.ts';

/** Role words an editor may type, in either language, and the role each means. */
const ROLE_WORDS: Record<string, PersonRole> = {
  guest: 'guest',
  嘉宾: 'guest',
  受访者: 'guest',
  interviewer: 'interviewer',
  采访者: 'interviewer',
  记者: 'interviewer',
  host: 'host',
  主持人: 'host',
};

/** Shown on cards when `--people` gives no title: the role, as a reader would name it. */
const DEFAULT_TITLE: Record<PersonRole, string> = {
  guest: '嘉宾',
  interviewer: '采访者',
  host: '主持人',
};

/** Longest name, company or title accepted (the card byline has room for about this much). */
const MAX_FIELD = 40;

/**
 * `--people '名字:role:公司[:头衔],…'` → people. Full-width separators (：，、) are accepted as
 * typed on a Chinese keyboard. At least one guest (quotes are the guest's words); names unique. Throws a one-line
 * `invalid_argument` naming the entry and what is allowed.
 */
export function parsePeople(value: string, say: SourcesWords): Person[] {
  const entries = value
    .split(/[,，、;；]/u)
    .map((e) => e.trim())
    .filter(Boolean);
  if (!entries.length) throw new YuluError('invalid_argument', say.peopleEmpty);
  const people = entries.map((entry): Person => {
    const fields = entry.split(/[:：]/u).map((f) => f.trim());
    const [name, roleWord, company, title] = fields;
    if (fields.length < 3 || fields.length > 4 || !name || !roleWord || !company || title === '')
      throw new YuluError('invalid_argument', say.peopleSyntax(entry));
    const role = ROLE_WORDS[roleWord.toLowerCase()];
    if (!role)
      throw new YuluError('invalid_argument', say.unknownRole(roleWord, Object.keys(ROLE_WORDS)));
    for (const field of [name, company, title ?? ''])
      if (field.length > MAX_FIELD)
        throw new YuluError('invalid_argument', say.fieldTooLong(field, MAX_FIELD));
    return { name, aliases: [], role, title: title ?? DEFAULT_TITLE[role], company };
  });
  const names = people.map((p) => p.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new YuluError('invalid_argument', say.personTwice(twice));
  const guests = people.filter((p) => p.role === 'guest').length;
  if (guests < 1) throw new YuluError('invalid_argument', say.guestCount(guests));
  return people;
}
