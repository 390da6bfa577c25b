import { countHan } from '../text/cjk.ts';

/**
 * How good a span is on a card: self-contained, striking, and clean. Each signal is a named rule
 * with its weight, and the result lists the rules that fired, so an editor can see why a quote
 * ranks where it does. Rules are matched on the simplified form.
 */

/** Openers that point back at what was said before: the span cannot stand alone. */
const ANAPHORIC_OPENER =
  /^(确实|至少|整体|所以|但是|但|可是|因为|而且|并且|然后|那么|那|这个|那个|这样|那样|这些|那些|这|他们|他|她|它们|它|其|比如说?|例如|另外|另一方面|其次|再次|最后|首先|第[一二三四五六七八九十]|同时|包括|也就是|就是|当然|或者|而|还有|对于|至于|如果是这样|不过|也|就比如)/u;

/** Words that only make sense with the conversation around them. */
const DEICTIC = /刚才|刚刚|上面|前面|这个问题|这个事情|这件事|这一点|你说的|你刚|你提到|我们刚/u;

/** Markers of a general, quotable claim rather than a report of circumstance. */
const GNOMIC = /本质|核心|最重要|关键|唯一|终极|必然|永远|第一性|真正|只有.{1,20}才|不是.{1,20}而是|意味着|最大的|取决于|决定了|才是|一定要|从来|所有人/u;

/** A subordinate clause standing alone (在…的情况下。): it completes somebody else's sentence. */
const DEPENDENT_CLAUSE = /^(在|当|如果|假如|即使|虽然|因为)[^，。！？]*(情况下|时候|的话|之后|以后|之前|以前)[。！…]?$/u;

/** Greetings and thanks: the show's frame, not anybody's view. */
const BOILERPLATE = /感谢|谢谢|欢迎收听|大家好|欢迎来到/u;

/** A question without a question mark (001's press questions end in 。). */
const QUESTION_WORDS = /怎么看|怎么|如何|为什么|为啥|是什么|什么样|哪些|哪个|吗[。？]?$|呢[。？]?$/u;

/** Spoken filler that reads poorly in print. */
const FILLER = /可能|就是说|然后|这个|那个|或者说|比如说|怎么样|somehow|其实|基本上|大概/gu;

/** A speech recogniser's stutter: 我我我, 就是就是. */
const STUTTER = /(\p{Script=Han})\1\1|(\p{Script=Han}{2})\2/u;

const TERMINAL_END = /[。！？…」”』）]$/u;

export interface ScoreInput {
  /** Simplified form of the span's text. */
  hans: string;
  /** The span opens its speaker's turn: the first words of an answer usually answer the question. */
  opensTurn: boolean;
  /** How many sentences the span joins: one crisp sentence beats three that carry it. */
  sentences: number;
  /** The span runs to the end of its paragraph (a missing full stop there is the source's, not a cut). */
  endsParagraph: boolean;
  role: 'guest' | 'interviewer' | 'host';
  machineTranscript: boolean;
}

export interface Score {
  score: number;
  signals: string[];
}

/** Length preference in Han characters: 16–50 reads best on a card; 12 and 100 are the hard limits. */
export const MIN_HAN = 12;
export const MAX_HAN = 100;
const IDEAL_MIN = 16;
const IDEAL_MAX = 50;

function lengthFit(han: number): number {
  if (han < MIN_HAN || han > MAX_HAN) return 0;
  if (han < IDEAL_MIN) return 0.6 + (0.4 * (han - MIN_HAN)) / (IDEAL_MIN - MIN_HAN);
  if (han <= IDEAL_MAX) return 1;
  return 1 - (0.5 * (han - IDEAL_MAX)) / (MAX_HAN - IDEAL_MAX);
}

export function scoreSpan(input: ScoreInput): Score {
  const { hans } = input;
  const signals: string[] = [];
  const han = countHan(hans);
  let score = 0.55 * lengthFit(han) + 0.15;

  const add = (name: string, weight: number) => {
    signals.push(`${name} ${weight > 0 ? '+' : ''}${weight}`);
    score += weight;
  };

  if (GNOMIC.test(hans)) add('general claim', 0.2);
  if (/我(觉得|认为|相信)|我们(相信|希望|认为)/u.test(hans) && han >= 18) add('stated view', 0.05);
  if (ANAPHORIC_OPENER.test(hans)) add('opens by pointing back', -0.3);
  if (DEICTIC.test(hans)) add('refers to the conversation', -0.25);
  const fillers = (hans.match(FILLER) ?? []).length;
  if (fillers > 1) add(`spoken filler ×${fillers}`, -Math.min(0.3, 0.06 * (fillers - 1)));
  if (/[？?]$/u.test(hans)) add('a question', -0.35);
  if (!TERMINAL_END.test(hans) && !input.endsParagraph) add('unfinished sentence', -0.2);
  if (input.opensTurn) add('opens an answer', -0.12);
  if (input.sentences > 1) add(`${input.sentences} sentences`, -0.04 * (input.sentences - 1));
  if (DEPENDENT_CLAUSE.test(hans)) add('a clause without its sentence', -0.3);
  if (BOILERPLATE.test(hans)) add('greeting or thanks', -0.5);
  if (input.role !== 'guest' && QUESTION_WORDS.test(hans)) add('asks', -0.35);
  if (input.machineTranscript && STUTTER.test(hans)) add('transcript stutter', -0.2);
  if (input.machineTranscript) add('machine transcript', -0.05);
  const latin = (hans.match(/[A-Za-z]/gu) ?? []).length;
  if (latin > han * 0.5) add('mostly Latin', -0.2);
  if (input.role !== 'guest') add('interviewer', -0.1);

  return { score: Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000, signals };
}
