import type { Person, SourceMeta } from '../../corpus/meta.ts';
import type { AttributionMethod, ParagraphFlag, ParagraphKind } from '../../corpus/types.ts';

/** What the pages call the corpus's categories: Chinese first, English beside. */

export const KINDS: Record<ParagraphKind, string> = {
  speech: '讲话 speech',
  heading: '标题 heading',
  narration: '叙述 narration',
  'key-points': '编辑要点（转述）key points, paraphrase',
  furniture: '页面杂项 page furniture',
  teaser: '片头预告 teaser',
};

export const SOURCE_KINDS: Record<SourceMeta['kind'], string> = {
  article: '报道 article',
  dialogue: '对话 dialogue',
  'machine-transcript': '播客机器转写 machine transcript',
};

export const ROLES: Record<Person['role'], string> = {
  guest: '嘉宾 guest',
  interviewer: '提问 interviewer',
  host: '主持 host',
};

export const METHODS: Record<AttributionMethod, string> = {
  prefix: 'name prefix',
  'prefix-without-colon': 'name prefix without colon',
  continuation: 'continues the previous turn',
  'tagged-speech': 'tagged 「…」 speech',
  'untagged-question': 'untagged question',
  'split-turn': 'turn split off a merged line',
  'unmarked-question': 'unmarked press question',
  'transcript-turn': 'transcript turn (inferred)',
  'not-speech': 'not speech',
};

/** What a paragraph flag means to a reader. */
export const PARAGRAPH_FLAGS: Record<ParagraphFlag, string> = {
  'unrepaired-mojibake': '乱码未能确定修复，不产出语录 unrepaired mojibake: never quoted',
  'machine-transcript': '机器转写 machine transcript: words may be mis-heard',
  'traditional-source': '繁体原文 traditional-script source',
  edited: '经编辑校正 edited',
  restated: '导语复述正文，不重复收录 restated: the lead repeats the body, never quoted',
};

export const pct = (confidence: number) => `${Math.round(confidence * 100)}%`;
