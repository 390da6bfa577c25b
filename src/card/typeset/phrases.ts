import { Parser, zhHansModel, zhHantModel } from 'budoux';

/**
 * Phrase boundaries from BudouX (Google's small chunk segmenter; its simplified and traditional
 * Chinese models run anywhere JavaScript does, the Worker included). Display type of a few lines
 * should break between phrases (`可能`, `唯一`, `计算机` stay whole), so the typesetter breaks inside
 * a phrase only when the phrase is wider than the line.
 */
export type PhraseScript = 'hans' | 'hant';

/** Code-point offsets (0 < offset < length) where a phrase ends and the next begins. */
export type Segmenter = (text: string) => Set<number>;

const parsers = new Map<PhraseScript, Parser>();

function parser(script: PhraseScript): Parser {
  let found = parsers.get(script);
  if (!found) {
    found = new Parser(script === 'hans' ? zhHansModel : zhHantModel);
    parsers.set(script, found);
  }
  return found;
}

/** The BudouX segmenter for a script's model: simplified for `hans`, traditional for the rest. */
export function phraseSegmenter(script: PhraseScript): Segmenter {
  return (text) => {
    const boundaries = new Set<number>();
    let at = 0;
    for (const chunk of parser(script).parse(text)) {
      at += [...chunk].length;
      boundaries.add(at);
    }
    boundaries.delete(at);
    return boundaries;
  };
}

/** BudouX's chunks of `text` (for tests and `yulu render --lines`). */
export function phrases(text: string, script: PhraseScript): string[] {
  return parser(script).parse(text);
}
