import type { AttributionMethod, Paragraph } from '../../corpus/types.ts';
import type { QuoteFlag } from '../../quotes/types.ts';
import { html, type Html } from '../html/markup.ts';
import { say as sayIn, type Ui } from '../html/ui.ts';

/** How the speaker of a paragraph was decided, said plainly to a reader. */
const METHOD: Record<AttributionMethod, [zh: string, en: string]> = {
  prefix: ['段首写着讲者的名字', 'the paragraph starts with the speaker’s name'],
  'prefix-without-colon': [
    '段首写着讲者的名字（没有冒号）',
    'the paragraph starts with the speaker’s name (without a colon)',
  ],
  continuation: ['接着上一段同一位讲者的话', 'it continues the previous speaker’s turn'],
  'tagged-speech': [
    '引号里的话后面注明了是谁说的',
    'the quoted words are followed by who said them',
  ],
  'untagged-question': [
    '这是引号里的提问，由采访者提出',
    'a question in quotation marks, asked by the interviewer',
  ],
  'split-turn': [
    '原文把两人的话并在一行，已按名字拆开',
    'two turns were merged on one line and split at the name',
  ],
  'unmarked-question': [
    '小标题后没有署名的提问，来自记者',
    'an unsigned question after a heading, from the press',
  ],
  'transcript-turn': [
    '转写稿没有标讲者，按问答轮次推断',
    'the transcript names no speaker; inferred from the turn-taking',
  ],
  'not-speech': ['这一段不是讲话', 'this paragraph is not speech'],
};

/** The caveats a quote's flags call for, in the interface language. */
const NOTE: Record<QuoteFlag, [zh: string, en: string]> = {
  'machine-transcript': [
    '机器转写：这句话出自语音识别生成的转写稿，个别词语可能听错。',
    'Machine transcript: the words come from speech recognition and may be mis-heard.',
  ],
  edited: [
    '经编辑校正：编辑审核后修正了文字，原文另有记录。',
    'Edited: an editor’s reviewed correction applies; the original wording is kept on record.',
  ],
  draft: [
    '草稿预览：编辑提议的修正，尚未发布。',
    'Draft: an editor’s proposed correction, not published.',
  ],
  'inferred-speaker': [
    '讲者为推断：这一段没有写名字，讲者是根据上下文判断的。',
    'Inferred speaker: the paragraph names nobody; the speaker was inferred from context.',
  ],
  'traditional-source': [
    '繁体原文：来源为繁体字，其他字形为自动转换。',
    'Traditional source: other scripts are automatic conversions.',
  ],
};

/** How sure the attribution is, in words rather than a percentage alone. */
function certainty(ui: Ui, confidence: number): string {
  const say = sayIn;
  const pct = `${Math.round(confidence * 100)}%`;
  if (confidence >= 0.95) return say(ui, `几乎可以确定（${pct}）`, `near certain (${pct})`);
  if (confidence >= 0.8) return say(ui, `把握较大（${pct}）`, `likely (${pct})`);
  return say(ui, `把握一般（${pct}），请对照原文`, `uncertain (${pct}); check the source`);
}

/** Notes on a quote, with how its speaker was decided behind a details element; '' when none. */
export function quoteNotes(
  ui: Ui,
  flags: readonly QuoteFlag[],
  paragraph: Paragraph,
  /** Converts simplified labels into the page's script. */
  t: (text: string) => string = (text) => text,
): Html | '' {
  if (!flags.length) return '';
  const say = (ui: Ui, zh: string, en: string) => sayIn(ui, t(zh), en);
  const { method, confidence } = paragraph.attribution;
  const how = METHOD[method];
  return html`<section class="notes"><h2>${say(ui, '注意', 'Notes')}</h2><ul>${flags.map(
    (flag) => html`<li>${say(ui, ...NOTE[flag])}</li>`,
  )}</ul>
<details><summary>${say(ui, '讲者是怎么判断的', 'How the speaker was decided')}</summary>
<p>${say(ui, `${how[0]}；${certainty(ui, confidence)}。`, `${how[1]}; ${certainty(ui, confidence)}.`)}</p></details></section>`;
}
