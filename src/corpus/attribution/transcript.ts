import type { SourceMeta } from '../meta.ts';
import type { Attribution } from '../types.ts';
import { countHan } from '../../text/cjk.ts';
import type { Draft } from './draft.ts';
import { castOf, notSpeech, said } from './people.ts';

/**
 * Speaker-less podcast transcripts (003): who speaks each segment is inferred. Host turns are
 * short, address the guest (你/你们), ask or echo; guest turns are long first-person narratives.
 * A two-state Viterbi pass combines that per-segment evidence with how turns follow each other
 * (a host question is nearly always followed by the guest; the guest often speaks for several
 * segments in a row).
 */

/** The transcript proper starts after this line of the podcast page; everything above is page header. */
export const TRANSCRIPT_MARKER = /^(?:Shownotes\s+)?Transcript$/u;
/** The host's opening welcome. Segments before it are the cold-open teaser, replayed later. */
export const WELCOME = /欢迎(?:收听|来到)/u;

type Side = 'host' | 'guest';

const QUESTION_END = /(？|吗|呢|吧)[。？]?$/u;
/** Tag questions (对吧？ 是吧？) are a speaking habit of both sides, not a real question. */
const TAG_QUESTION = /((对|是|好)吧|你知道吧|知道吧)？/gu;
const QUESTION = /？/gu;
/**
 * A question inside a story is the storyteller's: reported (人家问我说怎么跟某度竞争？) or asked of
 * oneself (我下一步该干啥呢？). Such sentences are not evidence of the host.
 */
const STORY_QUESTION =
  /(问我|问他|问她|问说|人家问|别人问|有人问|大家问|我就问|我说|他说|她说|自问|我想|我觉得我|我该|我下一步|我能不能|我是不是)[^。？！]*？/gu;
/** The host's own first-person remarks: curiosity, the show, what the guest just said. */
const HOST_REMARK =
  /好奇|我想问|想问一下|我想从|我们今天|听众|这期节目|你刚才|你刚刚|你提到|你说的|你讲的|你也说|跟你聊|请你/gu;

/**
 * Evidence that a stretch of transcript is the guest's, as log-odds. `guestNames` are the ways the
 * host addresses or mentions the guest (志飞): the guest does not talk about himself by name.
 */
export function guestLogit(text: string, guestNames: readonly string[] = []): number {
  const plain = text
    .replace(TAG_QUESTION, '')
    .replace(STORY_QUESTION, (q) => q.replace(/？$/u, '。'));
  const han = Math.min(countHan(text), 120);
  const hostRemarks = Math.min((plain.match(HOST_REMARK) ?? []).length, 2);
  const me = Math.min((plain.match(/我/gu) ?? []).length, 5);
  const you = Math.min((plain.match(/你/gu) ?? []).length, 3);
  const asksAtEnd = QUESTION_END.test(plain) ? 1 : 0;
  const asksInside = Math.min((plain.match(QUESTION) ?? []).length - asksAtEnd, 2);
  const namesGuest = guestNames.some((name) => plain.includes(name)) ? 1 : 0;
  return (
    -1 +
    0.05 * han +
    0.4 * me -
    0.7 * you -
    2 * asksAtEnd -
    0.8 * Math.max(0, asksInside) -
    1.5 * namesGuest -
    3 * hostRemarks
  );
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** log P(next | previous): the host rarely speaks twice in a row, the guest often does. */
const TRANSITION: Record<Side, Record<Side, number>> = {
  host: { host: Math.log(0.15), guest: Math.log(0.85) },
  guest: { host: Math.log(0.45), guest: Math.log(0.55) },
};

/**
 * Most likely host/guest sequence for the segments (first segment: host, who opens the show).
 * `isHostForSure` pins segments that only the host can say (the show's welcome).
 */
export function labelTurns(
  texts: string[],
  isHostForSure: (text: string) => boolean = () => false,
  guestNames: readonly string[] = [],
): Side[] {
  const sides: Side[] = ['host', 'guest'];
  const emit = (t: string, s: Side) => {
    if (isHostForSure(t)) return s === 'host' ? 0 : -Infinity;
    const p = sigmoid(guestLogit(t, guestNames));
    return Math.log(s === 'guest' ? p : 1 - p);
  };
  const score: Record<Side, number>[] = [];
  const back: Record<Side, Side>[] = [];
  texts.forEach((t, i) => {
    if (i === 0) {
      score.push({ host: emit(t, 'host'), guest: emit(t, 'guest') + Math.log(0.2) });
      back.push({ host: 'host', guest: 'host' });
      return;
    }
    const prev = score[i - 1] as Record<Side, number>;
    const row = {} as Record<Side, number>;
    const ptr = {} as Record<Side, Side>;
    for (const s of sides) {
      const fromHost = prev.host + TRANSITION.host[s];
      const fromGuest = prev.guest + TRANSITION.guest[s];
      row[s] = Math.max(fromHost, fromGuest) + emit(t, s);
      ptr[s] = fromHost >= fromGuest ? 'host' : 'guest';
    }
    score.push(row);
    back.push(ptr);
  });
  const out: Side[] = [];
  const last = score.at(-1);
  if (!last) return out;
  let side: Side = last.guest > last.host ? 'guest' : 'host';
  for (let i = texts.length - 1; i >= 0; i--) {
    out[i] = side;
    side = (back[i] as Record<Side, Side>)[side];
  }
  return out;
}

/** Raw sentence boundaries of a transcript segment (ASCII or full-width terminators). */
export function rawSentences(raw: string): string[] {
  return raw.split(/(?<=[。？?！!])\s+/u).filter((s) => s.trim() !== '');
}

const MIN_ANSWER_HAN = 20;
/** A question put to the other side: it addresses them (你是…, 你们) — not the generic 你 of 你就算, 你会发现 — or asks 吗. */
const ADDRESSES_OTHER = /你(?![就会可能要得去再也发现看想还不一定没])|吗[。？]?$|好奇|想问|志飞/u;
/** The host turning to the guest with the next question (那你现在…？, 你们也属于…？). */
const TURNS_TO_GUEST = /^(那你|那么你|你们也|那你们|你觉得)[^。]*[？?]$/u;
const MAX_QUESTION_HAN = 50;
/**
 * Any 你 at all, looser than ADDRESSES_OTHER: used only at a segment's last sentence, where the
 * position already points to a turn boundary.
 */
const ADDRESSES_YOU = /你/u;

/**
 * Finds a turn boundary inside one segment, as raw parts. About one segment in 25 holds one: a
 * host question followed by the answer, or a guest's tail followed by the next question.
 * Splits only at a question, only when one side is clearly the host's and the other the guest's.
 */
export function splitTurn(raw: string, normalize: (raw: string) => string): string[] {
  const sentences = rawSentences(raw);
  if (sentences.length < 2) return [raw];
  for (let k = 1; k < sentences.length; k++) {
    const head = sentences.slice(0, k).join(' ');
    const tail = sentences.slice(k).join(' ');
    const h = normalize(head);
    const t = normalize(tail);
    const questionThenAnswer =
      // A question that addresses nobody (为什么又叫自监督呢？ 有什么答案？) is the speaker's own
      // set-up, answered at once: it stays with the answer.
      isHostQuestion(h, ADDRESSES_OTHER) && isGuestAnswer(t);
    const answerThenQuestion =
      k === sentences.length - 1 && isHostQuestion(t, ADDRESSES_YOU) && isGuestAnswer(h);
    // A short tail of the guest (进展太快了。) then the host turning to him (那你现在准备…？).
    const tailThenTurn =
      k === sentences.length - 1 &&
      TURNS_TO_GUEST.test(t) &&
      countHan(t) <= MAX_QUESTION_HAN &&
      !ADDRESSES_YOU.test(h) &&
      countHan(h) >= 4;
    if (questionThenAnswer || answerThenQuestion || tailThenTurn) return [head, tail];
  }
  return [raw];
}

/**
 * The host's question: it ends as a question, addresses someone (`addressed`), is short and reads
 * as the host's.
 */
function isHostQuestion(text: string, addressed: RegExp): boolean {
  return (
    QUESTION_END.test(text) &&
    addressed.test(text) &&
    countHan(text) <= MAX_QUESTION_HAN &&
    guestLogit(text) < -1
  );
}

/** The guest's answer: long enough to be one and reading as the guest's. */
function isGuestAnswer(text: string): boolean {
  return countHan(text) >= MIN_ANSWER_HAN && guestLogit(text) > 1.5;
}

/** The guest's given name (志飞 for 李志飞) and aliases: how a host addresses him. */
function guestNames(guest: { name: string; aliases: string[] } | undefined): string[] {
  if (!guest) return [];
  const given = guest.name.length === 3 ? [guest.name.slice(1)] : [];
  return [guest.name, ...given, ...guest.aliases];
}

/** Attributes transcript drafts in place (header and teaser already marked by the caller). */
export function attributeTranscript(drafts: Draft[], meta: SourceMeta): void {
  const cast = castOf(meta);
  const host = cast.interviewer;
  const guest = cast.guest;
  const turns = drafts.filter((d) => d.kind === undefined);
  const names = guestNames(guest);
  const sides = labelTurns(
    turns.map((d) => d.text),
    (text) => WELCOME.test(text),
    names,
  );
  turns.forEach((d, i) => {
    const side = sides[i] as Side;
    const person = side === 'guest' ? guest : host;
    if (!person) {
      d.kind = 'narration';
      d.attribution = notSpeech('transcript without a known ' + side);
      d.speech = [];
      return;
    }
    const p = sigmoid(guestLogit(d.text, names));
    const confidence =
      Math.round(Math.min(0.95, Math.max(0.5, side === 'guest' ? p : 1 - p)) * 100) / 100;
    const attribution: Attribution = said(
      person,
      'transcript-turn',
      confidence,
      `${side} turn (guest log-odds ${guestLogit(d.text, names).toFixed(1)}, turn sequence)`,
    );
    d.kind = 'speech';
    d.attribution = attribution;
    d.speech = [[0, d.text.length]];
  });
}
