import { GAP_MARK } from '../corpus/types.ts';
import { PRIVATE_USE } from '../text/cjk.ts';

/**
 * Text that shows damage never becomes a quote. Each check names what it catches; all are
 * conservative, since a false alarm only loses a candidate while a miss puts garbage on a card.
 */
const CHECKS: [string, RegExp][] = [
  ['private-use character (byte damage)', PRIVATE_USE],
  ['replacement character', /\uFFFD/u],
  ['a gap left by unrepaired byte damage', new RegExp(GAP_MARK, 'u')],
  ['ASCII punctuation between Chinese characters', /\p{Script=Han} ?[,;:?!] ?\p{Script=Han}/u],
  ['pinyin annotation', /[(（?？][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]/u],
  ['word spacing between Chinese characters', /\p{Script=Han} \p{Script=Han}/u],
  // Byte-shift damage without a `?` marker (004: 我經；乜 h 城觀察): a lone lower-case letter or a
  // semicolon wedged between Chinese characters is never speech.
  ['stray letter between Chinese characters (byte damage)', /\p{Script=Han} ?[a-z] ?\p{Script=Han}|\p{Script=Han}；\p{Script=Han}[a-z ]/u],
  // Site and reporter residue: a stock ticker (比亞迪（002594）) or a reporter's note in brackets
  // (缩减（出海业务）, 在于，（模型）能够) is not what the speaker said.
  ['stock ticker', /[（(][0-9]{4,6}(\.[A-Z]{2})?[）)]/u],
  ['reporter insertion in brackets', /(^|[^A-Za-z0-9 ])\s?[（(]\p{Script=Han}[^）)]{0,14}[）)]/u],
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
