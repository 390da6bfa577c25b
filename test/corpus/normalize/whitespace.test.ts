import { describe, expect, it } from 'vitest';
import {
  joinTranscriptSpacing,
  normalizeSpaces,
} from '../../../src/corpus/normalize/whitespace.ts';

describe('normalizeSpaces', () => {
  it('turns NBSP and ideographic spaces into single spaces and trims', () => {
    expect(normalizeSpaces('\u00a0 01\u00a0 ').text).toBe('01');
    expect(normalizeSpaces('a\u3000\u3000b').text).toBe('a b');
  });
  it('reports no change for clean text', () => {
    expect(normalizeSpaces('干净的文本')).toEqual({ text: '干净的文本', changes: 0 });
  });
});

describe('joinTranscriptSpacing', () => {
  it.each([
    ['好多 人都 这么 跟 我 说话', '好多人都这么跟我说话'],
    ['在 那个 public university avenue, 不是', '在那个 public university avenue, 不是'],
    ['读 读 P H D.', '读读 PHD.'],
    ['可能 A I 听到 了', '可能 AI 听到了'],
    ['他 是 C E O 和 A G I', '他是 CEO 和 AGI'],
  ])('%s → %s', (input, expected) => {
    expect(joinTranscriptSpacing(input).text).toBe(expected);
  });

  it('keeps single capitals that are not spelled out', () => {
    expect(joinTranscriptSpacing('I think A is fine').text).toBe('I think A is fine');
  });
});
