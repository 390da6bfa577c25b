/**
 * Word boundaries in Chinese text, so a quote never starts or ends inside a word. The runtime's
 * dictionary segmenter (`Intl.Segmenter('zh', { granularity: 'word' })`, available in Node and
 * workerd) finds the words; a few rules correct what it splits that a reader would not: the
 * demonstrative 那/這/这 before a measure word or time noun (那|段, 那|個, 這|時) is one word with it.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** What follows a demonstrative 那/这/這 and binds to it: 那段, 那个, 那时, 这种, 那会儿, 那么. */
const BOUND_AFTER_DEMONSTRATIVE = /^[个個段时時些种種样樣边邊里裡裏天年次位家本件条條句会會么麼儿兒阵陣刻回批类類部套款份场場点點块塊半股]/u;

/** Word boundaries of one text: offsets (UTF-16) where a word starts or ends, 0 and length included. */
export class WordBreaks {
  private readonly sorted: number[];
  private readonly set: Set<number>;

  constructor(readonly text: string) {
    const out = new Set<number>([0, text.length]);
    for (const { index, segment } of segmenter.segment(text)) {
      out.add(index);
      out.add(index + segment.length);
    }
    // The segmenter splits 那|段 and 那|個; a reader does not.
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if ((ch === '那' || ch === '这' || ch === '這') && BOUND_AFTER_DEMONSTRATIVE.test(text.slice(i + 1, i + 2))) out.delete(i + 1);
    }
    this.set = out;
    this.sorted = [...out].sort((a, b) => a - b);
  }

  has(offset: number): boolean {
    return this.set.has(offset);
  }

  /** The first boundary after `offset` (text.length at the end). */
  next(offset: number): number {
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] as number) > offset) hi = mid;
      else lo = mid + 1;
    }
    const found = this.sorted[lo] as number;
    return found > offset ? found : this.text.length;
  }
}

/**
 * Connectives that only tie a sentence to the one before; an editor drops them from a pull quote.
 * Each must be a whole word where it stands: 但 of 但是 is not 但, and 那 is a connective only
 * when it stands before a comma or a new clause's subject (那我们…), never in 那个/那段/那是.
 */
const CONNECTIVES = new Set([
  '所以',
  '所以说',
  '但是',
  '但',
  '可是',
  '而且',
  '然后',
  '其实',
  '此外',
  '另外',
  '那么',
  '因此',
  '那',
]);

/** Words that can open the clause after a conjunction 那 (a subject or a clause adverb). */
const AFTER_CONJUNCTION_NA = /^[，,]|^(我|你|他|她|它|咱|大家|这|這|就|也|还|還|如果|当然|當然)/u;

/** Interjections a spoken answer opens with; trimmed only when a comma or stop follows. */
const INTERJECTIONS = new Set(['对对', '对', '對', '是的', '是', '嗯', '好', '没错', '沒錯']);

/**
 * Where a span starting at `start` may begin once leading interjections and connectives are
 * dropped, cutting only at word boundaries. Returns `start` when nothing is dropped.
 */
export function trimLeading(breaks: WordBreaks, start: number, end: number): number {
  const { text } = breaks;
  let at = start;
  for (let round = 0; round < 3; round++) {
    const first: [number, number] = [at, breaks.next(at)];
    if (first[1] > end || first[1] === at) return at;
    const word = text.slice(first[0], first[1]);
    const rest = text.slice(first[1], end);
    if (INTERJECTIONS.has(word) && /^[，。！、,]/u.test(rest)) {
      at = first[1] + 1;
      continue;
    }
    if (CONNECTIVES.has(word) && (word !== '那' || AFTER_CONJUNCTION_NA.test(rest))) {
      let next = first[1];
      if (/^[，,]/u.test(rest)) next++;
      // Only when Chinese words follow: a connective before Latin or a number is left alone.
      if (!/^\p{Script=Han}/u.test(text.slice(next, end))) return at;
      at = next;
      continue;
    }
    return at;
  }
  return at;
}
