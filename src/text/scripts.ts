/*
 * Every fact Yulu knows about a display script, in one table: how OpenCC converts into it, which
 * glyph forms its fonts use, its quotation marks, the language tags cards and pages carry, what
 * readers call it, and whether card punctuation is compressed. Everything else reads this table;
 * adding a script is one row here (plus, for a new glyph form, its fonts in src/fonts/fonts.ts).
 */

/** Display scripts, in the order pages list them. */
export const DISPLAY_SCRIPTS = ['hans', 'hant', 'tw', 'hk'] as const;
export type DisplayScript = (typeof DISPLAY_SCRIPTS)[number];
/** The scripts sources are written in. */
export type SourceScript = 'hans' | 'hant';

/** OpenCC's names for the conventions it converts between. */
export type OpenCCLocale = 'cn' | 't' | 'tw' | 'hk';
/** Glyph-form locale of a CJK font: mainland (SC), traditional/Taiwan (TC), Hong Kong (HK). */
export type FontScript = 'sc' | 'tc' | 'hk';

export interface ScriptFacts {
  /** What readers call the script, in itself. */
  label: string;
  /** OpenCC locale of the script's character and word conventions. */
  opencc: OpenCCLocale;
  /** Glyph forms of the fonts that draw it. */
  font: FontScript;
  /** The pair that wraps a quote, and the pair quotation marks inside it become. */
  marks: { outer: readonly [string, string]; inner: readonly [string, string] };
  /** Marks in the quote's text that turn into the inner pair (openers, closers). */
  nested: { open: string; close: string };
  /** `lang` of the card (Satori picks glyph forms by it). */
  cardLang: string;
  /** `lang` of HTML in this script. */
  htmlLang: string;
  /** Open Graph locale. */
  ogLocale: string;
  /** Whether card typesetting compresses full-width punctuation (mainland practice). */
  compressPunctuation: boolean;
}

const CORNER_BRACKETS = {
  marks: { outer: ['「', '」'], inner: ['『', '』'] },
  nested: { open: '“「', close: '”」' },
} as const;

export const SCRIPTS: Readonly<Record<DisplayScript, ScriptFacts>> = {
  hans: {
    label: '简体',
    opencc: 'cn',
    font: 'sc',
    marks: { outer: ['“', '”'], inner: ['‘', '’'] },
    nested: { open: '“', close: '”' },
    cardLang: 'zh-CN',
    htmlLang: 'zh-Hans',
    ogLocale: 'zh_CN',
    compressPunctuation: true,
  },
  hant: {
    label: '繁體',
    opencc: 't',
    font: 'tc',
    ...CORNER_BRACKETS,
    cardLang: 'zh-TW',
    htmlLang: 'zh-Hant',
    ogLocale: 'zh_TW',
    compressPunctuation: false,
  },
  tw: {
    label: '台灣正體',
    opencc: 'tw',
    font: 'tc',
    ...CORNER_BRACKETS,
    cardLang: 'zh-TW',
    htmlLang: 'zh-Hant-TW',
    ogLocale: 'zh_TW',
    compressPunctuation: false,
  },
  hk: {
    label: '香港繁體',
    opencc: 'hk',
    font: 'hk',
    ...CORNER_BRACKETS,
    cardLang: 'zh-HK',
    htmlLang: 'zh-Hant-HK',
    ogLocale: 'zh_HK',
    compressPunctuation: false,
  },
};

/** Whether `value` names a display script. */
export function isDisplayScript(value: string): value is DisplayScript {
  return (DISPLAY_SCRIPTS as readonly string[]).includes(value);
}

/**
 * Quotation marks inside the quote become the inner pair of the script, since the quote is wrapped
 * in the outer pair: “” → ‘’ in simplified; “”「」 → 『』 in traditional forms.
 */
export function nestQuotes(text: string, script: DisplayScript): string {
  const { marks, nested } = SCRIPTS[script];
  let out = '';
  for (const ch of text)
    out += nested.open.includes(ch)
      ? marks.inner[0]
      : nested.close.includes(ch)
        ? marks.inner[1]
        : ch;
  return out;
}

/** The quote wrapped in the script's outer marks, inner marks nested. */
export function quoted(text: string, script: DisplayScript): string {
  const [open, close] = SCRIPTS[script].marks.outer;
  return `${open}${nestQuotes(text, script)}${close}`;
}
