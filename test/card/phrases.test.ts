import { describe, expect, it } from 'vitest';
import { breakLines } from '../../src/card/typeset/break-lines.ts';
import { phraseSegmenter } from '../../src/card/typeset/phrases.ts';
import { trackingRuns } from '../../src/card/typeset/tracking.ts';
import { toUnits } from '../../src/card/typeset/units.ts';

/** A monospaced stand-in: Han and full-width punctuation 1 em, everything else half. */
const measure = (text: string) =>
  [...text].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef“”‘’—…·]/u.test(c) ? 1 : 0.5), 0);
const hans = phraseSegmenter('hans');

describe('phrase segmentation (BudouX)', () => {
  it('marks phrase starts on units, moving boundaries across glued punctuation', () => {
    const units = toUnits('他说：“我们可能会改变生活方式。”', measure, hans);
    const starts = units.filter((u) => u.phraseStart).map((u) => u.text);
    expect(starts).toContain('“我');
    // 可能 is one phrase: no break between 可 and 能.
    const i = units.findIndex((u) => u.text === '能');
    expect(units[i]!.phraseStart).toBe(false);
    expect(units.map((u) => u.text).join('')).toBe('他说：“我们可能会改变生活方式。”');
  });

  it('keeps a number with its unit and its ordinal prefix', () => {
    const texts = toUnits('融资了10亿美元，第3轮，大概3.5倍，小1-2个', measure).map((u) => u.text);
    expect(texts).toContain('1-2个');
    expect(texts).toContain('10亿');
    expect(texts).toContain('第3轮，');
    expect(texts).toContain('3.5倍，');
  });

  it('breaks between phrases where the line allows, inside one only when it is wider than the line', () => {
    const text = '我觉得人工智能最重要的是可能会改变每一代人的生活方式。';
    for (let width = 5; width <= 14; width++) {
      const units = toUnits(text, measure, hans);
      const lines = breakLines(units, width, { balance: false })!;
      expect(lines.map((l) => l.text).join('')).toBe(text);
      let at = 0;
      for (const line of lines.slice(0, -1)) {
        at += [...line.text].length;
        const next = units.findIndex(
          (_, i) => units.slice(0, i).reduce((n, u) => n + [...u.text].length, 0) === at,
        );
        expect(units[next]!.phraseStart, `${width}: ${lines.map((l) => l.text).join('|')}`).toBe(
          true,
        );
      }
    }
    // A phrase wider than the line may be broken, rather than having no solution.
    const narrow = breakLines(toUnits('计算机识别', measure, phraseSegmenter('hant')), 2, {
      balance: false,
    });
    expect(narrow).not.toBeNull();
  });

  it('never tracks a two-em dash or an ellipsis apart', () => {
    const runs = trackingRuns('模型——数据……好');
    // Spacing only after the mark's second glyph: its first is untracked.
    expect(runs.filter((r) => !r.tracked).map((r) => r.text)).toEqual(['—', '…']);
    expect(runs.map((r) => r.text).join('')).toBe('模型——数据……好');
  });
});
