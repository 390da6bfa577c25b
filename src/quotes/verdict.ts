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
  | 'uncertain-speaker' // a transcript turn whose speaker is inferred with too little confidence
  | 'low-score'; // ranks too low on the card scorer

export interface VerdictInput {
  /** Simplified form of the quote's text. */
  hans: string;
  role: PersonRole;
  machineTranscript: boolean;
  score: number;
  /** The span ends where its paragraph ends (a missing stop there is the source's). */
  endsParagraph: boolean;
  /** Confidence of the paragraph's attribution (1 for a name prefix). */
  confidence: number;
  /** The span opens its speaker's turn (its first words answer the question). */
  opensTurn: boolean;
}

export interface Verdict {
  tier: Tier;
  reasons: Reason[];
}

/** Least card score for a publishable quote. */
export const MIN_PUBLISHABLE_SCORE = 0.5;

/** Openers that point back at what was said before. */
const POINTS_BACK =
  /^(这|那|它|他|她|其|该|此|上述|以上|前者|后者|第[一二三四五六七八九十]|一种(定义|说法|观点|方式|可能)?是|不[，,]|是的[，,]|另一种|另一个|一方面|另一方面|其次|再次|最后|首先|同时|包括|比如|例如|举个例子|就像|像这样|这样|那样|所以|因此|因为|而|但|可是|不过|然而|而且|并且|然后|或者|还有|也就是|就是|即|甚至|尤其|特别是|至于|对于|在这个|在这种|在这|除此之外|此外|另外|当然|确实|至少|整体|对我们来说|对我来说)/u;

/** Subject-less openers: an adverb or auxiliary where the subject should be (很快會…, 也是…). */
const NO_SUBJECT =
  /^(好像|似乎|很快|也|还|都|才|又|再|却|便|就|是|会|能|可以|应该|不应该|已经|一直|主要|反而|只是|不是|没有|不会|不能|得|必须|肯定|一定|可能|大概|基本上|说|讲|觉得|认为|希望|知道|发现|看到)/u;

/** Phrases that only make sense with the surrounding conversation. */
const DEICTIC =
  /刚才|刚刚|上面|前面说|前面提到|这个问题|这些问题|这个事情|这件事|这一点|这个过程|这个阶段|这种情况|这样的话|你说的|你刚|你提到|我们刚|第二种|第三种|后者|前者|上一个|同样的|另一个问题|第一反应|第一感觉|第[一二三四五]层(?!面)|第[二三四五]点|第[二三四五]个/u;

/**
 * A demonstrative or a pronoun in the first clause points at something said before the quote
 * (我觉得这个…, 它会…, 他们应该…); later in the quote it usually points inside it. Fixed phrases
 * whose referent every reader knows (这个世界, 这一波, 这几年) do not count.
 */
const FIRST_CLAUSE = /^[^，。；：！？,;:!?—]*/u;
const ANAPHOR = /这(?!么|样的话|个世界|个时代|个行业|一代|一波|几年|些年|一轮)|那(?!么|时候|个时候)|它|(?<!其)他|她|(?<![与尤极])其(?!实|他|次|余)/gu;

/** 这样 announcing what follows (我觉得是这样，…) points forward, not back. */
const CATAPHORIC = /^这样[，：]/u;
/** After a noun, 这种/这类/这样的/这些 only determine it (像 BERT 这样的模型, 搜索引擎这类入口). */
const DETERMINER = /^这(种|类|样的|些)/u;
const CLAUSE_OPENING = /[是在把对从和跟说得了过用有]$|^$/u;

/** Something a 他/她/它 can stand for, named earlier in the span (a Latin name, 外公, 很多科学家, 一个对手). */
const ANTECEDENT = /[A-Za-z]{2,}|人|者|家|们|公司|团队|老师|同学|朋友|外公|外婆|父亲|母亲|爸|妈|对手|很多|大部分|每个|有的/u;

/**
 * Whether a clause holds a demonstrative or pronoun that points before the quote. `earlier` is
 * the span's text before the clause, where a pronoun's antecedent may stand.
 */
function pointsBackEarly(clause: string, earlier = ''): boolean {
  for (const m of clause.matchAll(ANAPHOR)) {
    const at = m.index;
    const rest = clause.slice(at);
    const before = clause.slice(0, at);
    if (CATAPHORIC.test(rest)) continue;
    if (DETERMINER.test(rest) && !CLAUSE_OPENING.test(before.trimEnd())) continue;
    // A pronoun after a named thing in the same clause (Midjourney 今天的地位在于它…) has its antecedent.
    if (/^[它他她]/u.test(rest) && ANTECEDENT.test(earlier + before)) continue;
    return true;
  }
  return false;
}

/** Topic openers whose referent is in the conversation (总之…, 核心是…, 需求角度…). */
const DANGLING_TOPIC =
  /^(总之|随后|之后|如今|更重要的|最重要的还是|核心是|关键是|一个维度|另一个维度|客观上|需求角度|供给角度|相对确定的|比较 ?tricky|今天还有|短期内关键|执行的意思|在这方面|动态|通用的问题|不一定是|取决于|让它|只不过|坏的地方|好的地方|坏处|好处|以前每)/u;

/** A list or a point announced but not delivered (AI 发展会有三个阶段。 / 原因有两个：). */
const SETUP =
  /(有|分为|分成|包括|分|是)(两|三|四|五|六|几|2|3|4|5)(个|種|种|类|類|点|點|层|層|条|條)?(阶段|方面|层次|层面|点|原因|问题|因素|维度|部分|步|种|類|类|方向|路径|路线|挑战|变化|东西|事情|逻辑|判断|特点|区别)?[。：:]?$/u;

/** 有几个比较重要的特征。 / 有两种不同的观点。: a count announced at the end, its items not given. */
const ANNOUNCED_LIST = /(有|分为|分成)(两|三|四|五|几)(个|种|类|点|层|条)[^，。；]{0,12}[。：:]?$/u;

/**
 * A count announced in the closing sentence with nothing after it in that sentence (我觉得有几个东西在
 * 趋势上…差不多。): the items would follow the span. A count followed by a comma or colon in the same
 * sentence (有两个输入：…, 有几个要素，算力是一个核心…) delivers at least one of them.
 */
const CLOSING_COUNT = /(有|分为|分成)(几|两|三|四|五|2|3|4|5)(个|种|点|类|条|层|件|方面)[^，、：；。！？,:;]*[。！…]?$/u;

/** 两者/二者/双方: a pair named before the span, unless the span names two things joined by 和/与/跟. */
const THE_PAIR = /两者|二者|双方|两个都/u;
const PAIR_NAMED = /\p{Script=Han}[和与跟及][^，。]{1,12}/u;

/**
 * A copula said twice or restarted (还有可以做研究的方式是就是人工智能, 就是是): speech that was not
 * edited for print, in any source.
 */
const DOUBLED_COPULA = /是就是|就是是|(?<![不还])是是(?!非)|就是也就是|是也就是/u;

/** 我一个同学…, 我有个朋友…: a story introducing its person; the story is outside the span. */
const ANECDOTE_OPENER = /^(我|我们)(的)?有?(一个|一位|个)(同学|朋友|同事|老师|学生|亲戚|邻居)/u;

/** …是在讨论…, 讨论的是…: talk about the discussion itself, whose topic was set before. */
const ABOUT_THE_DISCUSSION = /在讨论|讨论的是|我们在聊|聊的是/u;

/**
 * 我们希望它…, 让它…: the speaker's wish for "it" — the product or model of the conversation —
 * when the span names no product, model or other thing (产品, 模型, a Latin name) before it.
 */
const WISH_FOR_IT = /(希望|想让|要让|让)它/u;

/** A question without a question mark (你说…会不会…). */
const ASKS = /会不会|是不是|有没有|为什么|为啥|怎么样$|吗[。！]?$|呢[。！]?$/u;

/** 你发现…, 你可能…, 你的…: the listener's situation, set up by the conversation. */
const GENERIC_YOU_OPENER = /^你(发现|会发现|可能|的|看)/u;
/** A time topic with no subject after it (现在就是…, 现在主要…, 如今，…, 早期，…). */
const TIME_TOPIC_OPENER = /^(现在|今天|如今|早期|最近|之后|后来|当时)(就是|主要|对|，)/u;
/** X导致的。: the answer to a question (what caused it?), not a sentence of its own. */
const ANSWER_FRAGMENT = /^[^，。]{0,10}(导致|造成|决定)的[。！]/u;

/** 作为一个创业者…，会…: a role whose holder is not named. */
const DANGLING_ROLE = /^作为一个[^，]*，(会|能|就|要|也)/u;

/** A reason or a goal whose object is outside the span (…，这是很重要的一个原因。). */
const REASON_FOR = /(这|这也|这就|这可能)是[^，。]{0,12}(原因|理由)|[的个]原因[。！]?$/u;

/** A noun phrase standing for a sentence (过去十年最重要的一件事情。): the predicate was said before. */
const NOUN_PHRASE_ONLY = /^[^，。！？]*的(一件|一个)?(事情|东西|问题)[。！]?$/u;
const PREDICATE = /是|有|会|要|能|在|做|让|把|给|说|觉得|认为/u;

/** A recogniser's self-repair: 两完全两个, 是一是一个 — the speaker restarting a word. */
const RESTART = /(\p{Script=Han})\p{Script=Han}{1,2}\1(?=[个种件位])/u;

/** A span this long with this many clauses reads as a run-on, not a quote. */
const RUN_ON_HAN = 80;
const RUN_ON_CLAUSES = 6;

/** Each clause with the text of the span before it. */
function clausesOf(hans: string): [string, string][] {
  const out: [string, string][] = [];
  let at = 0;
  for (const clause of hans.split(/[，。！？；]/u)) {
    out.push([clause, hans.slice(0, at)]);
    at += clause.length + 1;
  }
  return out;
}

/** …弥补这些差距。: a plural demonstrative closing the sentence names things said before it. */
const CLOSING_DEMONSTRATIVE = /这些\p{Script=Han}{1,3}[。！]?$/u;

/** 也一样: the same as something said before. */
const SAME_AS_BEFORE = /也一样[。！]?$/u;

/** 他/她/他们 with no named person or thing before it in the span: somebody from the conversation. */
function personOutside(hans: string): boolean {
  const at = hans.search(/(?<!其)[他她](?!人)/u);
  if (at < 0) return false;
  return !ANTECEDENT.test(hans.slice(0, at));
}

/** 这个 used as a pronoun (这个更多应该是…, 这个也是…): it stands for something said before. */
const PRONOUN_THIS = /这个(?=[更是也就还会很都可能应该其实不])/u;

/** A condition whose consequence is not in the span (如果长期看，…假设只有五家公司。). */
const CONDITION = /^(如果|假如|假设|要是)/u;
const CONSEQUENCE = /[，,][^，,]*(那|就|会|才|也|都|肯定|一定|可以|能|要|是|不|没)/u;

/** In a transcript, 你 addressing the other side (你现在想做的…, 大家都知道你…): the host's voice. */
const ADDRESSES_GUEST = /你(们|现在|开始|当时|之前|十年前|刚才|觉得|认为|讲话|说的|提到|怎么|是不是|通过|经过)/u;

/** One side of a pair (一方面…) without the other. */
const ONE_SIDE = /一方面/u;
const OTHER_SIDE = /另一方面|一方面.*一方面|同时/u;

/**
 * A machine transcript's sentence goes out unattended only when it reads like clean speech: no
 * spoken filler, no stutter, no lower-case Latin (ASR's google, goog, bad for Bard), and short.
 * 就是 after a nominal 的 is the copula (最不一样的就是通用), not filler; after 真的 it is.
 */
const TRANSCRIPT_FILLER = /(?<!(?<!真)的)就是|然后|这个|那个|这种|那种|对吧|反正|说白了|或者说|怎么说|的话|一个[^，。]{0,8}的一个|就说|是说|我觉得我|我我|他他|这样子|哪怕即使|在以前在|或者什么|这么/u;
const LOWERCASE_LATIN = /(^|[^A-Za-z])[a-z]{2,}/u;
const TRANSCRIPT_MAX_HAN = 45;
/** A report of circumstance (去年…, 当时…, 2020年…) rather than a view: in a transcript, held back. */
const NARRATIVE_TIME = /去年|今年|当时|那时|最近|[0-9]{4} ?年|[0-9]+ ?月/u;
/** Least confidence in an inferred transcript turn for its words to go out unattended. */
const TRANSCRIPT_MIN_CONFIDENCE = 0.9;

/** Ends where the sentence is not finished: colon, comma, enumeration comma, a dash. */
const OPEN_END = /[：:，,、——-]$/u;
const TERMINAL_END = /[。！？…」”』）!?]$/u;

/** A subordinate clause on its own (在…的情况下。 / 如果…的话。). */
const DEPENDENT_CLAUSE = /^(在|当|如果|假如|即使|虽然|因为|由于|随着)[^，。！？]*(情况下|时候|的话|之后|以后|之前|以前|过程中|前提下|基础上)[。！…]?$/u;

/** A long span carries less filler before it reads as rambling. */
const LONG_HAN = 60;

/** Spoken filler; a few per span read as rambling in print. */
const FILLER = /就是说|然后|这个|那个|或者说|比如说?|怎么说|反正|对吧|是吧|嗯|呃|啊|somehow|其实|基本上|大概|的话|可能|或者怎么样/gu;

/** A speech recogniser's stutter and restarts: 我我我, 就是就是, 一个一个. */
const STUTTER = /(\p{Script=Han})\1\1|(\p{Script=Han}{2})\2|(\p{Script=Han}{3})\3/u;

/** Residue a site or a reporter inserted into speech: a stock ticker, a bracketed gloss in Chinese. */
const TICKER = /[（(][0-9]{4,6}(\.[A-Z]{2})?[）)]/u;
const INSERTION = /\p{Script=Han}[（(]\p{Script=Han}[^）)]{0,12}[）)]/u;
/** A stray lower-case letter between Chinese characters (乜 h 城): byte damage, not speech. */
const STRAY_LETTER = /\p{Script=Han} ?[a-z] ?\p{Script=Han}|\p{Script=Han}；\p{Script=Han}/u;

export function verdictOf(input: VerdictInput): Verdict {
  const { hans } = input;
  const reasons = new Set<Reason>();
  if (input.role !== 'guest') reasons.add('interviewer');
  const firstClause = FIRST_CLAUSE.exec(hans)?.[0] ?? '';
  if (POINTS_BACK.test(hans) || DEICTIC.test(hans) || NO_SUBJECT.test(hans) || DANGLING_TOPIC.test(hans) || pointsBackEarly(firstClause))
    reasons.add('needs-context');
  if (OPEN_END.test(hans) || DEPENDENT_CLAUSE.test(hans) || (!TERMINAL_END.test(hans) && !input.endsParagraph))
    reasons.add('fragment');
  if (/[？?]/u.test(hans) || ASKS.test(hans)) reasons.add('question');
  if (PRONOUN_THIS.test(hans) || REASON_FOR.test(hans) || SAME_AS_BEFORE.test(hans) || CLOSING_DEMONSTRATIVE.test(hans) || personOutside(hans)) reasons.add('needs-context');
  if ((CONDITION.test(hans) && !CONSEQUENCE.test(hans)) || ANSWER_FRAGMENT.test(hans)) reasons.add('fragment');
  if (NOUN_PHRASE_ONLY.test(hans) && !PREDICATE.test(hans.replace(/或者是|重要/gu, ''))) reasons.add('fragment');
  if (input.machineTranscript && RESTART.test(hans)) reasons.add('transcript-garble');
  if (input.machineTranscript && ADDRESSES_GUEST.test(hans)) reasons.add('interviewer');
  // Loose speech: in a transcript a pronoun anywhere usually points outside the span.
  if (input.machineTranscript && clausesOf(hans).some(([clause, earlier]) => pointsBackEarly(clause, earlier)))
    reasons.add('needs-context');
  if (input.machineTranscript && input.confidence < TRANSCRIPT_MIN_CONFIDENCE) reasons.add('uncertain-speaker');
  // The first words of a spoken answer lean on the question (我觉得太多了。); a transcript's
  // stories of circumstance are not views.
  if (input.machineTranscript && (input.opensTurn || NARRATIVE_TIME.test(hans))) reasons.add('needs-context');
  if (GENERIC_YOU_OPENER.test(hans) || TIME_TOPIC_OPENER.test(hans) || DANGLING_ROLE.test(hans)) reasons.add('needs-context');
  if (ONE_SIDE.test(hans) && !OTHER_SIDE.test(hans.replace(/一方面/u, ''))) reasons.add('setup-without-payoff');
  if (SETUP.test(hans) || ANNOUNCED_LIST.test(hans) || CLOSING_COUNT.test(hans)) reasons.add('setup-without-payoff');
  if (THE_PAIR.test(hans) && !PAIR_NAMED.test(hans.slice(0, hans.search(THE_PAIR)))) reasons.add('needs-context');
  if (DOUBLED_COPULA.test(hans)) reasons.add('rambling');
  if (ANECDOTE_OPENER.test(hans)) reasons.add('setup-without-payoff');
  if (ABOUT_THE_DISCUSSION.test(hans)) reasons.add('needs-context');
  const wish = hans.search(WISH_FOR_IT);
  if (wish >= 0 && !/[A-Za-z]{2,}|产品|模型|技术|系统|工具|软件|应用/u.test(hans.slice(0, wish))) reasons.add('needs-context');
  const fillers = (hans.match(FILLER) ?? []).length;
  const han = (hans.match(/\p{Script=Han}/gu) ?? []).length;
  if (
    input.machineTranscript &&
    (STUTTER.test(hans) || TRANSCRIPT_FILLER.test(hans) || LOWERCASE_LATIN.test(hans) || han > TRANSCRIPT_MAX_HAN)
  )
    reasons.add('transcript-garble');
  else if (fillers >= 3 || (fillers >= 2 && han > LONG_HAN)) reasons.add('rambling');
  if (han > RUN_ON_HAN && hans.split(/[，。；]/u).filter(Boolean).length >= RUN_ON_CLAUSES) reasons.add('rambling');
  if (TICKER.test(hans) || INSERTION.test(hans) || STRAY_LETTER.test(hans)) reasons.add('residue');
  if (input.score < MIN_PUBLISHABLE_SCORE) reasons.add('low-score');
  const list = [...reasons].sort();
  return { tier: list.length === 0 ? 'publishable' : 'candidate', reasons: list };
}
