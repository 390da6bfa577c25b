import { describe, expect, it } from 'vitest';
import { assertCardText, cleanCardText } from '../../src/desk/card-text.ts';

describe('text typed for a card', () => {
  it('collapses line breaks: nothing between Chinese characters, one space elsewhere', () => {
    expect(cleanCardText('我们\n觉得')).toBe('我们觉得');
    expect(cleanCardText('我们\r\n\r\n  觉得，\n scaling\nlaw 很重要')).toBe(
      '我们觉得，scaling law 很重要',
    );
    expect(cleanCardText(`模型${'\n'.repeat(60)}能力`)).toBe('模型能力');
    expect(cleanCardText('GPT\n4')).toBe('GPT 4');
    expect(cleanCardText('  a\u2028b\tc  ')).toBe('a b c');
  });

  it('refuses control and bidi-override characters, naming the code point', () => {
    expect(() => cleanCardText('好\u0007的')).toThrow(/U\+0007/);
    expect(() => cleanCardText('abc\u202edef')).toThrow(/U\+202E/);
    expect(() => cleanCardText('x\u0000')).toThrow(/control character/);
  });

  it('lets the store refuse what slipped past the form', () => {
    expect(() => assertCardText('一行\n两行', 'corrected')).toThrow(/one line/);
    expect(() => assertCardText('好\u0085', 'corrected')).toThrow(/one line/);
    expect(() => assertCardText('一行', 'corrected')).not.toThrow();
  });
});
