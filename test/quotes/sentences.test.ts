import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../src/quotes/sentences.ts';

const split = (text: string) => sentenceSpans(text).map(([a, b]) => text.slice(a, b));

describe('sentenceSpans', () => {
  it('splits at Chinese terminators', () => {
    expect(split('我估计有个 60 分。从我们的视角来看！真的吗？好')).toEqual(['我估计有个 60 分。', '从我们的视角来看！', '真的吗？', '好']);
  });

  it('keeps a closing quote with the sentence it ends', () => {
    expect(split('他说「更像爬山。」然后笑了。')).toEqual(['他说「更像爬山。」', '然后笑了。']);
  });

  it('does not split inside an open quote', () => {
    expect(split('「我们内部一直在说。要爬楼梯」杨植麟说。')).toEqual(['「我们内部一直在说。要爬楼梯」杨植麟说。']);
  });

  it('treats runs of terminators and ellipses as one end', () => {
    expect(split('真的吗？！当然……是的。')).toEqual(['真的吗？！', '当然……', '是的。']);
  });

  it('respects a sub-range and returns offsets into the whole text', () => {
    const text = '杨植麟：对。我觉得是这样。';
    const spans = sentenceSpans(text, 4);
    expect(spans).toEqual([
      [4, 6],
      [6, 13],
    ]);
  });
});
