import * as OpenCC from 'opencc-js';

/**
 * Display scripts a card or page can be shown in. `hans` simplified (mainland forms), `hant`
 * OpenCC standard traditional, `tw` Taiwan forms, `hk` Hong Kong forms.
 */
export const DISPLAY_SCRIPTS = ['hans', 'hant', 'tw', 'hk'] as const;
export type DisplayScript = (typeof DISPLAY_SCRIPTS)[number];
export type SourceScript = 'hans' | 'hant';

type OpenCCLocale = 'cn' | 't' | 'tw' | 'hk';
const locale: Record<DisplayScript, OpenCCLocale> = { hans: 'cn', hant: 't', tw: 'tw', hk: 'hk' };

const converters = new Map<string, (text: string) => string>();

/** OpenCC converters are built lazily (their dictionaries are large) and reused. */
function converter(from: OpenCCLocale, to: OpenCCLocale): (text: string) => string {
  const key = `${from}>${to}`;
  let convert = converters.get(key);
  if (!convert) {
    convert = OpenCC.Converter({ from, to });
    converters.set(key, convert);
  }
  return convert;
}

/** Converts text written in `from` into the glyph conventions of `to`. Identity when they match. */
export function convertScript(text: string, from: SourceScript, to: DisplayScript): string {
  const source: OpenCCLocale = from === 'hans' ? 'cn' : 't';
  const target = locale[to];
  if (source === target) return text;
  return converter(source, target)(text);
}

/**
 * Folds traditional characters that leaked into a simplified source (001 has 互動, 設定) into
 * simplified. Traditional sources are left as captured: simplified→traditional is one-to-many
 * (才/纔, 只/隻, 里/裏), so folding would corrupt valid text, and every display conversion out of a
 * traditional source goes through OpenCC anyway.
 */
export function foldScriptLeaks(text: string, script: SourceScript): string {
  return script === 'hans' ? converter('t', 'cn')(text) : text;
}
