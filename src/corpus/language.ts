import { CharBigramModel } from '../text/char-model.ts';
import { convertScript, DISPLAY_SCRIPTS } from '../text/script.ts';
import type { SourceFile } from './types.ts';

/**
 * Stretches of raw text that may be byte damage: from a `?reading)` marker, a Private-Use
 * character to where such runs end at the latest, and the few characters before a stray
 * lower-case letter wedged between Chinese characters (`;乜h城`: a run that lost its marker ends
 * at that letter, a real byte). The model must not learn from the damage it is
 * asked to judge (004 repeats several damaged sentences, which would otherwise look idiomatic).
 */
const SUSPECT =
  /\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)[^\n]{0,40}|[^\n]{0,12}[\uE000-\uF8FF][^\n]{0,12}|[^\n]{0,6}\p{Script=Han}[a-z](?=\p{Script=Han})/gu;

/**
 * The corpus's own character model: every source in every display script, so a source in either
 * script is judged against all the Chinese the corpus holds. Built once per build; deterministic.
 */
export function corpusLanguageModel(sources: readonly SourceFile[]): CharBigramModel {
  const texts: string[] = [];
  for (const source of sources) {
    const clean = source.raw.replace(SUSPECT, '\n');
    for (const script of DISPLAY_SCRIPTS)
      texts.push(convertScript(clean, source.meta.script, script));
  }
  return CharBigramModel.fromTexts(texts);
}
