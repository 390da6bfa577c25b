import { compactConverter } from './opencc.ts';
import { SCRIPTS, type DisplayScript, type OpenCCLocale, type SourceScript } from './scripts.ts';

/**
 * Display scripts a card or page can be shown in. `hans` simplified (mainland forms), `hant`
 * OpenCC standard traditional, `tw` Taiwan forms, `hk` Hong Kong forms. Their facts: scripts.ts.
 */
export { DISPLAY_SCRIPTS, type DisplayScript, type SourceScript } from './scripts.ts';

const converters = new Map<string, (text: string) => string>();

/** OpenCC converters are built lazily and reused; their dictionaries are shared (opencc.ts). */
function converter(from: OpenCCLocale, to: OpenCCLocale): (text: string) => string {
  const key = `${from}>${to}`;
  let convert = converters.get(key);
  if (!convert) {
    convert = compactConverter(from, to);
    converters.set(key, convert);
  }
  return convert;
}

/** Converts text written in `from` into the glyph conventions of `to`. Identity when they match. */
export function convertScript(text: string, from: SourceScript, to: DisplayScript): string {
  const source = SCRIPTS[from].opencc;
  const target = SCRIPTS[to].opencc;
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
  return script === 'hans' ? converter(SCRIPTS.hant.opencc, SCRIPTS.hans.opencc)(text) : text;
}
