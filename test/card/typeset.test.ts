import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, greedy, hasOrphan } from '../../src/card/typeset/break-lines.ts';
import { fitText } from '../../src/card/typeset/fit.ts';
import { trackedCount, trackingRuns } from '../../src/card/typeset/tracking.ts';
import { NO_LINE_END, NO_LINE_START, toUnits } from '../../src/card/typeset/units.ts';
import { YuluError } from '../../src/errors.ts';

/** A monospaced stand-in: Han and full-width punctuation 1 em, everything else half. */
const measure = (text: string) =>
  [...text].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef“”‘’—…·]/u.test(c) ? 1 : 0.5), 0);

const HAN = '我们相信通用人工智能会改变每一个行业这是长期的事情需要耐心和判断力';
const PUNCT = '，。、；：？！「」“”《》（）…—';

function checkRules(lines: { text: string }[]): void {
  for (const line of lines) {
    const chars = [...line.text];
    expect(NO_LINE_START.has(chars[0]!), `line starts with closing punctuation: ${line.text}`).toBe(
      false,
    );
    expect(NO_LINE_END.has(chars.at(-1)!), `line ends with opening punctuation: ${line.text}`).toBe(
      false,
    );
  }
}

describe('toUnits', () => {
  it('keeps a Latin word whole and glues punctuation to its neighbours', () => {
    const units = toUnits('我说：“AGI 是长期的事。”', measure).map((u) => u.text);
    expect(units).toEqual(['我', '说：', '“AGI', ' ', '是', '长', '期', '的', '事。”']);
  });

  it('never loses or reorders a character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...HAN, ...PUNCT, 'A', 'I', ' ', '1') }),
        (text) => {
          expect(
            toUnits(text, measure)
              .map((u) => u.text)
              .join(''),
          ).toBe(text);
        },
      ),
    );
  });
});

describe('breakLines', () => {
  it('never starts a line with closing or ends one with opening punctuation', () => {
    const unit = fc.constantFrom(...HAN, ...PUNCT);
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 2, maxLength: 120 }),
        fc.integer({ min: 4, max: 20 }),
        (chars, width) => {
          const text = chars.join('');
          // A text that itself starts with closing or ends with opening punctuation cannot comply.
          if (NO_LINE_START.has(chars[0]!) || NO_LINE_END.has(chars.at(-1)!)) return;
          const lines = breakLines(toUnits(text, measure), width, { balance: false });
          if (!lines) return; // a glued group wider than the line: reported, never overflowing
          checkRules(lines);
          expect(lines.map((l) => l.text).join('')).toBe(text.replace(/ +$/u, ''));
          for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + 1e-9);
        },
      ),
      { seed: 7, numRuns: 400 },
    );
  });

  it('leaves no single character alone on the last line', () => {
    const text = HAN.slice(0, 21); // 21 characters at 10 per line: greedy leaves one
    expect(hasOrphan(greedy(toUnits(text, measure), 10))).toBe(true);
    const lines = breakLines(toUnits(text, measure), 10, { balance: false })!;
    expect(hasOrphan(lines)).toBe(false);
    expect(lines.every((l) => l.width <= 10)).toBe(true);
  });

  it('balances short quotes into nearly equal lines', () => {
    const lines = breakLines(toUnits(HAN.slice(0, 22), measure), 20, { balance: true })!;
    expect(lines.map((l) => [...l.text].length)).toEqual([11, 11]);
  });

  it('returns null when an unbreakable word is wider than the line', () => {
    expect(
      breakLines(toUnits('我们Supercalifragilistic', measure), 6, { balance: false }),
    ).toBeNull();
  });
});

describe('fitText', () => {
  const box = { width: 600, height: 300, maxSize: 60, minSize: 24, lineHeight: 1.5 };

  it('sets a short quote large and a long one smaller, never below the floor', () => {
    const short = fitText(HAN.slice(0, 12), measure, box);
    const long = fitText(HAN.repeat(2), measure, box);
    expect(short.fontSize).toBeGreaterThan(long.fontSize);
    expect(long.fontSize).toBeGreaterThanOrEqual(box.minSize);
    for (const fitted of [short, long]) {
      expect(fitted.lines.length * fitted.fontSize * fitted.lineHeight).toBeLessThanOrEqual(
        box.height,
      );
      for (const line of fitted.lines)
        expect(line.width * fitted.fontSize).toBeLessThanOrEqual(box.width + 1e-6);
    }
  });

  it('justifies full lines of long quotes but not their last line', () => {
    const fitted = fitText(HAN.repeat(2) + '。', measure, { ...box, maxSize: 30 });
    expect(fitted.letterSpacing.at(-1)).toBe(0);
    const full = fitted.lines.slice(0, -1);
    full.forEach((line, i) => {
      const stretched =
        line.width * fitted.fontSize + fitted.letterSpacing[i]! * trackedCount(line.text);
      expect(stretched).toBeLessThanOrEqual(box.width + 1e-6);
    });
  });

  it('rejects text that cannot fit with a clear error, not an overflow', () => {
    expect(() => fitText(HAN.repeat(20), measure, box)).toThrow(YuluError);
    try {
      fitText(HAN.repeat(20), measure, box);
    } catch (error) {
      expect((error as YuluError).code).toBe('quote_does_not_fit');
      expect((error as YuluError).message).toMatch(/does not fit/);
    }
  });
});

describe('trackingRuns', () => {
  it('keeps justification out of Latin words and numbers: spacing only after their last character', () => {
    expect(trackingRuns('用 GPT-4o 做到 3.5 倍，a 也行')).toEqual([
      { text: '用 ', tracked: true },
      { text: 'GPT-4', tracked: false },
      { text: 'o 做到 ', tracked: true },
      { text: '3.', tracked: false },
      { text: '5 倍，a 也行', tracked: true },
    ]);
    expect(trackedCount('用 GPT-4o 做到')).toBe([...'用 o 做到'].length);
    expect(trackingRuns('模型')).toEqual([{ text: '模型', tracked: true }]);
  });

  it('splits any text into runs that put it back together, Latin runs never tracked inside', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const runs = trackingRuns(text);
        expect(runs.map((r) => r.text).join('')).toBe(text);
        for (const run of runs.filter((r) => !r.tracked))
          expect(run.text).toMatch(/^[A-Za-z0-9—…]/);
      }),
      { seed: 3, numRuns: 500 },
    );
  });
});
