import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { sourceMetaSchema, type Person, type SourceMeta } from '../../corpus/meta.ts';
import type { SourceFile } from '../../corpus/types.ts';
import { YuluError } from '../../errors.ts';
import { convertScript } from '../../text/script.ts';
import type { SourcesWords } from './words.ts';

export interface NewSourceOptions {
  /** The text as read from the editor's file (UTF-8, BOM removed). */
  raw: string;
  /** The file it came from, for the notes. */
  fileName: string;
  title: string;
  publication: string;
  date: string;
  people: Person[];
  slug?: string | undefined;
  script?: string | undefined;
  kind?: string | undefined;
  url?: string | undefined;
  dateNote?: string | undefined;
  dateIsEstimate?: boolean | undefined;
}

const SCRIPTS = ['hans', 'hant'] as const;
/** Kinds an editor may add: a machine transcript's attribution is tuned to 003's podcast page. */
const KINDS = ['dialogue', 'article'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A real calendar day as YYYY-MM-DD (2025-02-30 is not one). */
export function isRealDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return day.toISOString().slice(0, 10) === value;
}

/** Same words, whatever the line endings and surrounding blank space. */
const textKey = (raw: string) => raw.replace(/\r\n?/g, '\n').trim();

/**
 * Validates an editor's new source against the corpus and names it: the next file number with a
 * content hash (`005_…`, opaque like the others), a slug from the guest's name in pinyin and the
 * year unless --slug is given, the script detected from the text unless --script is given.
 */
export function newSource(
  options: NewSourceOptions,
  existing: readonly SourceFile[],
  say: SourcesWords,
): SourceFile {
  if (!isRealDay(options.date)) throw new YuluError('invalid_argument', say.badDate(options.date));
  const script = options.script ?? detectScript(options.raw);
  if (!(SCRIPTS as readonly string[]).includes(script))
    throw new YuluError('invalid_argument', say.badChoice('script', script, SCRIPTS));
  const kind = options.kind ?? 'dialogue';
  if (!(KINDS as readonly string[]).includes(kind))
    throw new YuluError('invalid_argument', say.badChoice('kind', kind, KINDS));
  if (options.url !== undefined && !URL.canParse(options.url))
    throw new YuluError('invalid_argument', say.badUrl(options.url));
  if (options.slug !== undefined && !SLUG.test(options.slug))
    throw new YuluError('invalid_argument', say.badSlug(options.slug));

  const key = textKey(options.raw);
  for (const s of existing) {
    if (textKey(s.raw) === key)
      throw new YuluError('invalid_argument', say.duplicateText(s.stem, s.meta.slug));
    if (
      s.meta.title === options.title &&
      s.meta.publication === options.publication &&
      s.meta.date === options.date
    )
      throw new YuluError('invalid_argument', say.duplicateWork(s.stem, s.meta.slug));
    if (options.slug !== undefined && s.meta.slug === options.slug)
      throw new YuluError('invalid_argument', say.duplicateSlug(options.slug, s.stem));
  }

  const guest = options.people.find((p) => p.role === 'guest') as Person;
  const slug =
    options.slug ?? freeSlug(`${nameSlug(guest.name)}-${options.date.slice(0, 4)}`, existing);
  const meta: SourceMeta = sourceMetaSchema.parse({
    slug,
    title: options.title,
    publication: options.publication,
    date: options.date,
    ...(options.dateNote ? { dateNote: options.dateNote } : {}),
    ...(options.dateIsEstimate ? { dateIsEstimate: true } : {}),
    ...(options.url ? { url: options.url } : {}),
    script,
    kind,
    people: options.people,
    notes: `Added with yulu sources add from ${options.fileName}.`,
  });
  return { stem: nextStem(options.raw, existing), raw: options.raw, meta };
}

/** `005_<16 hex of SHA-256>`: the next number after the corpus's highest. */
function nextStem(raw: string, existing: readonly SourceFile[]): string {
  const highest = Math.max(
    -1,
    ...existing.map((s) => Number.parseInt(s.stem, 10)).filter(Number.isFinite),
  );
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  return `${String(highest + 1).padStart(3, '0')}_${hash}`;
}

/** 林晓舟 → lin-xiaozhou (surname, then given name, as the corpus's slugs write them). */
function nameSlug(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  if (!syllables.length) return 'interview';
  const [surname, ...given] = syllables;
  return given.length ? `${surname}-${given.join('')}` : (surname as string);
}

function freeSlug(base: string, existing: readonly SourceFile[]): string {
  const taken = new Set(existing.map((s) => s.meta.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Simplified or traditional: whichever conversion changes fewer characters is the text's own
 * script (a traditional text barely changes when converted to traditional).
 */
export function detectScript(raw: string): 'hans' | 'hant' {
  const differing = (a: string, b: string) => {
    let n = 0;
    const x = [...a];
    const y = [...b];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) n++;
    return n;
  };
  const toTraditional = differing(raw, convertScript(raw, 'hans', 'hant'));
  const toSimplified = differing(raw, convertScript(raw, 'hant', 'hans'));
  return toSimplified > toTraditional ? 'hant' : 'hans';
}
