/**
 * Publishability: whether a quote can go out unattended (home page, API listing, daily fallback,
 * feeds) or waits for an editor. Publishable means whole sentence(s) that stand alone, in the
 * guest's own voice, in clean text. Every rule that fails names itself in `reasons`, so an editor
 * sees why a quote is held back; a quote with no reason is publishable. Rules read the simplified
 * form of the text.
 */
import type { PersonRole } from '../corpus/meta.ts';

export type Tier = 'publishable' | 'candidate';

export type Reason =
  | 'interviewer' // an interviewer's or host's line: never published automatically
  | 'needs-context' // points back (这/那/它/第二种/这些问题…) or lacks its subject
  | 'fragment' // not a complete sentence: cut off, a clause without its sentence, ends on a colon
  | 'question' // asks rather than says
  | 'setup-without-payoff' // announces a list or a point that the span does not contain
  | 'transcript-garble' // a machine transcript's stutter, filler or mis-hearing
  | 'rambling' // spoken filler and restarts that read poorly in print
  | 'residue' // site or reporter insertions: stock tickers, （…） notes
  | 'low-score'; // ranks too low on the card scorer

export interface VerdictInput {
  /** Simplified form of the quote's text. */
  hans: string;
  role: PersonRole;
  machineTranscript: boolean;
  score: number;
  /** The span ends where its paragraph ends (a missing stop there is the source's). */
  endsParagraph: boolean;
}

export interface Verdict {
  tier: Tier;
  reasons: Reason[];
}

/** Least card score for a publishable quote. */
export const MIN_PUBLISHABLE_SCORE = 0.58;

/** Openers that point back at what was said before. */
const POINTS_BACK =
  /^(这|那|它|他|她|其|该|此|上述|以上|前者|后者|第[一二三四五六七八九十]|一种是|另一种|另一个|一方面|另一方面|其次|再次|最后|首先|同时|包括|比如|例如|举个例子|就像|像这样|这样|那样|所以|因此|因为|而|但|可是|不过|然而|而且|并且|然后|或者|还有|也就是|就是|即|甚至|尤其|特别是|至于|对于|在这个|在这种|在这|除此之外|此外|另外|当然|确实|至少|整体|对我们来说|对我来说)/u;

/** Subject-less openers: an adverb or auxiliary where the subject should be (很快會…, 也是…). */
const NO_SUBJECT =
  /^(很快|也|还|都|才|又|再|却|便|就|是|会|能|可以|应该|已经|一直|主要|反而|只是|不是|没有|不会|不能|得|必须|肯定|一定|可能|大概|基本上|说|讲|觉得|认为|希望|知道|发现|看到)/u;

/** Phrases that only make sense with the surrounding conversation. */
const DEICTIC =
  /刚才|刚刚|上面|前面说|前面提到|这个问题|这些问题|这个事情|这件事|这一点|这个过程|这个阶段|这种情况|这样的话|你说的|你刚|你提到|我们刚|第二种|第三种|后者|前者|上一个|同样的/u;

/** A list or a point announced but not delivered (AI 发展会有三个阶段。 / 原因有两个：). */
const SETUP =
  /(有|分为|分成|包括|分|是)(两|三|四|五|六|几|2|3|4|5)(个|種|种|类|類|点|點|层|層|条|條)?(阶段|方面|层次|层面|点|原因|问题|因素|维度|部分|步|种|類|类|方向|路径|路线|挑战|变化|东西|事情|逻辑|判断|特点|区别)?[。：:]?$/u;

/** Ends where the sentence is not finished: colon, comma, enumeration comma, a dash. */
const OPEN_END = /[：:，,、——-]$/u;
const TERMINAL_END = /[。！？…」”』）!?]$/u;

/** A subordinate clause on its own (在…的情况下。 / 如果…的话。). */
const DEPENDENT_CLAUSE = /^(在|当|如果|假如|即使|虽然|因为|由于|随着)[^，。！？]*(情况下|时候|的话|之后|以后|之前|以前|过程中|前提下|基础上)[。！…]?$/u;

/** Spoken filler; a few per span read as rambling in print. */
const FILLER = /就是说|然后|这个|那个|或者说|比如说|怎么说|反正|对吧|是吧|嗯|呃|啊|somehow|其实|基本上|大概|的话/gu;

/** A speech recogniser's stutter and restarts: 我我我, 就是就是, 一个一个. */
const STUTTER = /(\p{Script=Han})\1\1|(\p{Script=Han}{2})\2|(\p{Script=Han}{3})\3/u;

/** Residue a site or a reporter inserted into speech: a stock ticker, a bracketed gloss in Chinese. */
const TICKER = /[（(][0-9]{4,6}(\.[A-Z]{2})?[）)]/u;
const INSERTION = /\p{Script=Han}[（(]\p{Script=Han}[^）)]{0,12}[）)]/u;

export function verdictOf(input: VerdictInput): Verdict {
  const { hans } = input;
  const reasons = new Set<Reason>();
  if (input.role !== 'guest') reasons.add('interviewer');
  if (POINTS_BACK.test(hans) || DEICTIC.test(hans) || NO_SUBJECT.test(hans)) reasons.add('needs-context');
  if (OPEN_END.test(hans) || DEPENDENT_CLAUSE.test(hans) || (!TERMINAL_END.test(hans) && !input.endsParagraph))
    reasons.add('fragment');
  if (/[？?]/u.test(hans)) reasons.add('question');
  if (SETUP.test(hans)) reasons.add('setup-without-payoff');
  const fillers = (hans.match(FILLER) ?? []).length;
  if (input.machineTranscript && (STUTTER.test(hans) || fillers >= 2)) reasons.add('transcript-garble');
  else if (fillers >= 3) reasons.add('rambling');
  if (TICKER.test(hans) || INSERTION.test(hans)) reasons.add('residue');
  if (input.score < MIN_PUBLISHABLE_SCORE) reasons.add('low-score');
  const list = [...reasons].sort();
  return { tier: list.length === 0 ? 'publishable' : 'candidate', reasons: list };
}
