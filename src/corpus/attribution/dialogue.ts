import type { SourceMeta } from '../meta.ts';
import { furnitureReason, isLinkListHeader } from '../structure/furniture.ts';
import { isHeading, NUMBERED_ITEM, TERMINAL } from '../structure/headings.ts';
import type { Draft } from './draft.ts';
import {
  castOf,
  matchBareName,
  matchPrefix,
  NARRATION_AFTER_NAME,
  notSpeech,
  said,
  type Cast,
} from './people.ts';
import type { Person } from '../meta.ts';

/** Verbs that tag 「quoted speech」 with its speaker: 「…」杨植麟说 / 杨植麟回答,「…」. */
const SPEECH_VERBS = '说|回答|表示|坦言|笑称|强调|指出';

/** Journalistic reporting in an article (001): a continuation that reads like this is narration. */
const REPORTING_CUES = /显示|介绍|宣布|公布|透露|据悉|此次|发布了/u;
const FIRST_PERSON = /我/u;

/** A lead sentence introducing what follows (004: `以下为我们提取的…关键要点：`): narration, not a heading. */
const LEAD_INTRO = /^以下/u;

/** Longest line that can be a related-article title at the end of a page. */
const MAX_LINK_TITLE_LENGTH = 40;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function taggedSpeaker(text: string, cast: Cast): Person | null {
  for (const { alias, person } of cast.aliases) {
    const a = escape(alias);
    if (
      new RegExp(
        `[」”][，,]?${a}(?:${SPEECH_VERBS})|${a}(?:${SPEECH_VERBS})[：:，,]?[「“]`,
        'u',
      ).test(text)
    )
      return person;
  }
  return null;
}

const OPENING_QUOTE = new Set(['「', '“']);
const CLOSING_QUOTE = new Set(['」', '”']);

/** Ranges inside 「…」 or “…” pairs; an unbalanced opening mark runs to the end of the paragraph (000 has one). */
function bracketedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (OPENING_QUOTE.has(ch) && open < 0) open = i + 1;
    else if (CLOSING_QUOTE.has(ch) && open >= 0) {
      ranges.push([open, i]);
      open = -1;
    }
  }
  if (open >= 0) ranges.push([open, text.length]);
  return ranges;
}

function isUntaggedQuestion(text: string): boolean {
  return /^「[^「」]*？」$/u.test(text);
}

/** A page's trailing related-article titles: short lines shaped as titles, after the last turn. */
function markTrailingLinkList(drafts: Draft[], cast: Cast): void {
  const tail: Draft[] = [];
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i] as Draft;
    if (d.kind === 'furniture') continue;
    const titleLike =
      d.text.length <= MAX_LINK_TITLE_LENGTH &&
      matchPrefix(d.text, cast) === null &&
      (d.text.includes('：') || !TERMINAL.test(d.text));
    if (!titleLike) break;
    tail.push(d);
  }
  if (tail.length < 2) return;
  for (const d of tail) {
    d.kind = 'furniture';
    d.reason = 'link list';
    d.attribution = notSpeech('related-article title at the end of the page');
    d.speech = [];
  }
}

/**
 * Attributes the paragraphs of an article or dialogue whose turns are marked by `名字：` prefixes.
 * Furniture is marked first; the lead (before the first prefix) is narration, tagged speech or an
 * editor's key points; after it, prefixes open turns and unprefixed paragraphs continue them.
 */
export function attributeDialogue(drafts: Draft[], meta: SourceMeta): void {
  const cast = castOf(meta);
  markFurniture(drafts, meta);
  markTrailingLinkList(drafts, cast);

  const content = drafts.filter((d) => d.kind === undefined);
  const prefixes = content.map((d) => matchPrefix(d.text, cast));
  const firstTurn = prefixes.findIndex((p) => p !== null);
  const nextPrefixed = (from: number) => prefixes.slice(from + 1).find((p) => p !== null)?.person;

  const state: TurnState = {
    current: undefined,
    afterHeading: false,
    inKeyPoints: false,
    leadOver: false,
  };

  content.forEach((d, i) => {
    const prefix = prefixes[i];
    if (prefix) {
      d.kind = 'speech';
      d.attribution = said(
        prefix.person,
        'prefix',
        0.98,
        `prefix “${d.text.slice(0, prefix.length)}”`,
      );
      d.speech = [[prefix.length, d.text.length]];
      state.current = { person: prefix.person, id: d.id };
      state.afterHeading = false;
      return;
    }
    const inLead = !state.leadOver && (firstTurn < 0 || i < firstTurn);
    if (markLeadStructure(d, inLead, state, meta)) return;
    if (inLead) {
      attributeLead(d, content[i + 1], cast);
      // A dialogue's lead quotes the guest to trail the conversation that follows (000): the
      // turns are the original, so the lead's version is kept attributed but never quoted.
      if (d.kind === 'speech' && meta.kind === 'dialogue') d.flags.push('restated');
      return;
    }
    if (openBareNameTurn(d, cast, state, () => nextPrefixed(i))) return;
    attributeInTurn(d, cast, meta, state);
  });
}

/** Where the walk through a source's paragraphs stands. */
interface TurnState {
  /** The speaker whose turn an unprefixed paragraph continues, and where the turn opened. */
  current: { person: Person; id: string } | undefined;
  afterHeading: boolean;
  inKeyPoints: boolean;
  leadOver: boolean;
}

/** Marks page furniture, and every paragraph after a link list's header, as not speech. */
function markFurniture(drafts: Draft[], meta: SourceMeta): void {
  const context = { title: meta.title, publication: meta.publication };
  let inLinkList = false;
  for (const d of drafts) {
    const reason = furnitureReason(d.hans, context) ?? (inLinkList ? 'link list' : null);
    if (isLinkListHeader(d.hans)) inLinkList = true;
    if (reason) {
      d.kind = 'furniture';
      d.reason = reason;
      d.attribution = notSpeech(reason);
      d.speech = [];
    }
  }
}

/** An editor's numbered key points in the lead, or a section heading: true when `d` is one. */
function markLeadStructure(d: Draft, inLead: boolean, state: TurnState, meta: SourceMeta): boolean {
  const where = { inLead, afterHeading: state.afterHeading };
  if (
    inLead &&
    (state.inKeyPoints || NUMBERED_ITEM.test(d.text)) &&
    !(state.inKeyPoints && isHeading(d.text, where) && !NUMBERED_ITEM.test(d.text))
  ) {
    d.kind = 'key-points';
    d.reason = 'editor’s key points (paraphrase, not verbatim)';
    d.attribution = notSpeech('numbered list in the lead: the editor paraphrasing the guest');
    d.speech = [];
    state.inKeyPoints = true;
    return true;
  }
  if (isHeading(d.text, where) && !(inLead && LEAD_INTRO.test(d.hans))) {
    d.kind = 'heading';
    d.reason = 'section heading';
    d.attribution = notSpeech('short line without sentence-final punctuation, no known speaker');
    d.speech = [];
    state.afterHeading = true;
    state.inKeyPoints = false;
    // An article's topic headings end its lead (001); a dialogue's lead ends at the first turn.
    if (meta.kind === 'article') state.leadOver = true;
    return true;
  }
  return false;
}

/**
 * A paragraph opening with a speaker's name where a turn belongs (its colon lost): true when `d`
 * opens a turn so. Not when the name starts narration, continues the same speaker, or the next
 * prefixed turn (`nextSpeaker`, asked only when needed) is the same speaker's.
 */
function openBareNameTurn(
  d: Draft,
  cast: Cast,
  state: TurnState,
  nextSpeaker: () => Person | undefined,
): boolean {
  const bare = matchBareName(d.text, cast);
  if (
    !bare ||
    NARRATION_AFTER_NAME.test(d.text.slice(bare.length)) ||
    bare.person.name === state.current?.person.name ||
    nextSpeaker()?.name === bare.person.name
  )
    return false;
  d.kind = 'speech';
  d.attribution = said(
    bare.person,
    'prefix-without-colon',
    0.75,
    `starts with the name ${d.text.slice(0, bare.length)} where a turn belongs (colon lost)`,
  );
  d.speech = [[bare.length, d.text.length]];
  state.current = { person: bare.person, id: d.id };
  state.afterHeading = false;
  return true;
}

/**
 * An unprefixed paragraph after the lead: a press question opening an article's topic section,
 * reported speech, the current speaker's turn continued, or narration with no speaker in scope.
 */
function attributeInTurn(d: Draft, cast: Cast, meta: SourceMeta, state: TurnState): void {
  const { current, afterHeading } = state;
  if (meta.kind === 'article' && afterHeading && cast.interviewer) {
    d.kind = 'speech';
    d.attribution = said(
      cast.interviewer,
      'unmarked-question',
      0.7,
      'unprefixed paragraph opening a topic section: a question from the press',
    );
    d.speech = [[0, d.text.length]];
    state.current = { person: cast.interviewer, id: d.id };
    state.afterHeading = false;
    return;
  }
  if (meta.kind === 'article' && REPORTING_CUES.test(d.hans) && !FIRST_PERSON.test(d.hans)) {
    d.kind = 'narration';
    d.reason = 'reported speech';
    d.attribution = notSpeech(
      'third-person reporting inside a turn (no first person, reporting verb)',
    );
    d.speech = [];
    return;
  }
  if (current) {
    d.kind = 'speech';
    d.attribution = said(
      current.person,
      'continuation',
      afterHeading ? 0.6 : 0.9,
      `continues ${current.person.name} from ${current.id}`,
    );
    d.speech = [[0, d.text.length]];
    state.afterHeading = false;
    return;
  }
  d.kind = 'narration';
  d.attribution = notSpeech('no speaker in scope');
  d.speech = [];
}

function attributeLead(d: Draft, next: Draft | undefined, cast: Cast): void {
  const tagged = taggedSpeaker(d.text, cast);
  if (tagged) {
    d.kind = 'speech';
    d.attribution = said(tagged, 'tagged-speech', 0.9, `「…」 tagged with ${tagged.name}`);
    d.speech = bracketedRanges(d.text);
    return;
  }
  if (
    isUntaggedQuestion(d.text) &&
    next &&
    taggedSpeaker(next.text, cast)?.role === 'guest' &&
    cast.interviewer
  ) {
    d.kind = 'speech';
    d.attribution = said(
      cast.interviewer,
      'untagged-question',
      0.7,
      '「…？」 answered by the guest’s tagged speech in the next paragraph',
    );
    d.speech = bracketedRanges(d.text);
    return;
  }
  d.kind = 'narration';
  d.reason = 'lead';
  d.attribution = notSpeech('before the first speaker turn');
  d.speech = [];
}
