import { PRIVATE_USE } from '../text/cjk.ts';

/**
 * Text that shows damage never becomes a quote. Each check names what it catches; all are
 * conservative, since a false alarm only loses a candidate while a miss puts garbage on a card.
 */
const CHECKS: [string, RegExp][] = [
  ['private-use character (byte damage)', PRIVATE_USE],
  ['replacement character', /\uFFFD/u],
  ['ASCII punctuation between Chinese characters', /\p{Script=Han} ?[,;:?!] ?\p{Script=Han}/u],
  ['pinyin annotation', /[(（?？][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]/u],
  ['word spacing between Chinese characters', /\p{Script=Han} \p{Script=Han}/u],
];

export function damageIn(text: string): string | null {
  for (const [what, re] of CHECKS) if (re.test(text)) return what;
  if (!balanced(text)) return 'unbalanced quotes or brackets';
  return null;
}

const PAIRS: Record<string, string> = { '「': '」', '『': '』', '“': '”', '（': '）', '《': '》', '(': ')' };
const CLOSING = new Set(Object.values(PAIRS));

function balanced(text: string): boolean {
  const stack: string[] = [];
  for (const ch of text) {
    const close = PAIRS[ch];
    if (close) stack.push(close);
    else if (CLOSING.has(ch) && stack.pop() !== ch) return false;
  }
  return stack.length === 0;
}
