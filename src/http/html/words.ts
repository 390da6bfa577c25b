import { convertScript } from '../../text/script.ts';
import { SCRIPTS, type DisplayScript } from '../../text/scripts.ts';
import type { Ui } from './ui.ts';
import { ZH, type Words } from './words/zh.ts';
import { EN } from './words/en.ts';

/*
 * Every word the public pages say, one table per language: Chinese (the default, words/zh.ts)
 * and English (`?lang=en`, words/en.ts). A label is taken from one table only, so no label carries both languages. What
 * the corpus says internally in English (how a speaker was decided, why a paragraph is left out)
 * is said here in plain words; a reason this table does not know is shown in English, marked
 * `lang="en"`, rather than guessed. Proper nouns and technical names (API, JSON, PNG, Atom) stay
 * as they are in both languages.
 */

export type { Words };

type Convert = (text: string) => string;

/** Every string a table holds (and every string its functions return) passed through `convert`. */
function convertAll<T>(value: T, convert: Convert): T {
  if (typeof value === 'string') return convert(value) as T;
  if (typeof value === 'function')
    return ((...args: unknown[]) =>
      convertAll((value as (...a: unknown[]) => unknown)(...args), convert)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, convertAll(v, convert)]),
    ) as T;
  return value;
}

const converted = new Map<DisplayScript, Words>();

/**
 * The words of a page: English, or Chinese in the page's script (讲者 on simplified pages, 講者 on
 * traditional ones). Tables in other scripts are converted once and kept.
 */
export function wordsFor(ui: Ui, script: DisplayScript = 'hans'): Words {
  if (ui === 'en') return EN;
  if (script === 'hans') return ZH;
  let words = converted.get(script);
  if (!words) {
    words = convertAll(ZH, (text) => convertScript(text, 'hans', script));
    words.site.otherLanguage = ZH.site.otherLanguage;
    words.lang = SCRIPTS[script].htmlLang;
    converted.set(script, words);
  }
  return words;
}

/** Both tables, for tests that check a page's text against them. */
export const WORDS: Readonly<Record<Ui, Words>> = { zh: ZH, en: EN };
