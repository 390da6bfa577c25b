/** Transcript formats (src/corpus/formats/): detection, labels, markup and notes, on small texts. */
import { describe, expect, it } from 'vitest';
import { editorNoteReason } from '../../src/corpus/formats/editor-notes.ts';
import { stripMarkdown } from '../../src/corpus/formats/bold-names.ts';
import { sourceFormat, unlistedSpeakers } from '../../src/corpus/formats/index.ts';
import { ingestSource } from '../../src/corpus/ingest.ts';
import { corpusLanguageModel } from '../../src/corpus/language.ts';
import { sourceMetaSchema, type SourceMeta } from '../../src/corpus/meta.ts';
import type { SourceFile } from '../../src/corpus/types.ts';

const meta = (people: string, extra: Partial<SourceMeta> = {}): SourceMeta =>
  sourceMetaSchema.parse({
    slug: 'test-2025',
    title: '一篇测试访谈的标题',
    publication: '测试周刊',
    date: '2025-01-01',
    script: 'hans',
    kind: 'dialogue',
    people: people.split(',').map((p) => {
      const [name, role] = p.split(':');
      return { name, role, title: '职务', company: '公司' };
    }),
    ...extra,
  });

function speakers(raw: string, m: SourceMeta): (string | null)[] {
  const source: SourceFile = { stem: '900_test', raw, meta: m };
  return ingestSource(source, corpusLanguageModel([source])).paragraphs.map(
    (p) => p.attribution.speaker,
  );
}

describe('format detection', () => {
  const people = meta('甲乙:guest,丙丁:interviewer');
  it.each([
    ['问：一？\n答：二。\n问：三？\n答：四。', ['qa-blocks']],
    ['Q: 一？\nA: 二。\nQ: 三？\nA: 四。', ['qa-blocks']],
    // Questions without a single answer label are not a Q&A: `问：` may open a heading.
    ['问：一？\n二。\n问：三？', []],
    ['记者：一？\n甲乙：二。\n记者：三？', ['role-labels']],
    ['**丙丁**：一？\n**甲乙**：二。', ['bold-names']],
    ['丙丁：一？\n甲乙：二。\n丙丁：三？', []],
  ])('%j → %j', (raw, names) => {
    expect(sourceFormat(raw, people).names).toEqual(names);
  });
  it('leaves a machine transcript alone', () => {
    const transcript = meta('甲乙:guest,丙丁:host', { kind: 'machine-transcript' });
    expect(sourceFormat('问：一？\n答：二。\n问：三？', transcript).names).toEqual([]);
  });
  it('adds no alias for a role nobody in the metadata holds', () => {
    const guestOnly = meta('甲乙:guest');
    const { castMeta } = sourceFormat('问：一？\n答：二。\n问：三？\n答：四。', guestOnly);
    expect(castMeta.people[0]!.aliases).toEqual(['答', 'A']);
  });
});

describe('attribution with a format', () => {
  it('Q:/A: labels name the interviewer and the guest; an answer runs on', () => {
    const raw = [
      'Q: 你们为什么做这件事？',
      'A: 因为没有人做。我们觉得这件事值得做十年。',
      '第二年我们才找到第一个客户。',
      'Q: 接下来呢？',
      'A: 继续做下去。',
    ].join('\n');
    expect(speakers(raw, meta('甲乙:guest,丙丁:interviewer'))).toEqual([
      '丙丁',
      '甲乙',
      '甲乙',
      '丙丁',
      '甲乙',
    ]);
  });
  it('主持人： names the host; a name with its title in brackets is that person', () => {
    const raw = [
      '主持人：欢迎你。',
      '甲乙（某公司创始人）：谢谢邀请，很高兴来。',
      '主持人：我们开始吧。',
      '甲乙：好的。',
    ].join('\n');
    expect(speakers(raw, meta('甲乙:guest,丙丁:host'))).toEqual(['丙丁', '甲乙', '丙丁', '甲乙']);
  });
  it('a short unpunctuated line before a labelled turn is a heading, not the answer’s tail', () => {
    const raw = [
      '记者：一个问题？',
      '甲乙：一个回答。',
      '关于未来',
      '记者：还有呢？',
      '甲乙：没有了。',
    ];
    expect(speakers(raw.join('\n'), meta('甲乙:guest,丙丁:interviewer'))).toEqual([
      '丙丁',
      '甲乙',
      null,
      '丙丁',
      '甲乙',
    ]);
  });
});

describe('cast lists and unlisted speakers in a labelled source', () => {
  it('`主持人：刘畅。` lists the cast; `观众：` speaks for nobody listed, up to the next turn', () => {
    const raw = [
      '嘉宾：甲乙。主持人：丙丁。',
      '主持人：请甲乙先说。',
      '甲乙：好的。我先说两句。',
      '观众：我能问一个问题吗？',
      '我想知道价格。',
      '甲乙：价格会降下来。',
    ];
    expect(speakers(raw.join('\n'), meta('甲乙:guest,丙丁:host'))).toEqual([
      null,
      null,
      '丙丁',
      '甲乙',
      null,
      null,
      '甲乙',
    ]);
  });
  it('**名字：** with the colon inside the bold, and a job word before the name', () => {
    const raw = ['**主持人 丙丁：**欢迎。', '**甲乙：**谢谢。', '**丙丁：**开始吧。'];
    expect(speakers(raw.join('\n'), meta('甲乙:guest,丙丁:host'))).toEqual([
      '丙丁',
      '甲乙',
      '丙丁',
    ]);
  });
});

describe('markdown and notes', () => {
  it('strips emphasis and line marks, counting them, and leaves arithmetic alone', () => {
    expect(stripMarkdown('那一刻我才明白，**手比脑更难**。')).toEqual({
      text: '那一刻我才明白，手比脑更难。',
      changes: 1,
    });
    expect(stripMarkdown('## 关于量产')).toEqual({ text: '关于量产', changes: 1 });
    expect(stripMarkdown('> 本期嘉宾：*宋佳禾*')).toEqual({ text: '本期嘉宾：宋佳禾', changes: 2 });
    expect(stripMarkdown('2*3*4 等于 24')).toEqual({ text: '2*3*4 等于 24', changes: 0 });
  });
  it('knows editors’ notes, stage directions and rules from speech', () => {
    expect(editorNoteReason('（本文经受访者审阅，有删节）')).toBe('editor’s note');
    expect(editorNoteReason('*本文由节目组整理，转载请联系授权。*')).toBe('editor’s note');
    expect(editorNoteReason('---')).toBe('markdown rule');
    expect(editorNoteReason('（笑）')).toBe('stage direction');
    expect(editorNoteReason('（笑）我们当时也没想到。')).toBeNull();
    expect(editorNoteReason('本文讲的是我们的第一款产品。')).toBeNull();
  });
});

describe('unlisted speakers', () => {
  it('names a label that opens several turns but is nobody in the metadata', () => {
    const raw = [
      '丙丁：你好？',
      '甲乙：你好。',
      '王五：我也想问一句？',
      '甲乙：请讲。',
      '王五：谢谢。',
    ];
    const source: SourceFile = {
      stem: '900_test',
      raw: raw.join('\n'),
      meta: meta('甲乙:guest,丙丁:interviewer'),
    };
    const doc = ingestSource(source, corpusLanguageModel([source]));
    expect(unlistedSpeakers(doc)).toEqual([{ label: '王五', paragraphs: ['L3', 'L5'] }]);
  });
});
