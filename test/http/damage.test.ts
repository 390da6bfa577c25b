import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { GAP_MARK, type Paragraph } from '../../src/corpus/types.ts';
import { wordsFor } from '../../src/http/html/words.ts';
import {
  damageDetails,
  damagedRanges,
  rawCharacters,
  textWithGaps,
} from '../../src/http/pages/damage.ts';
import { paragraphBlock } from '../../src/http/pages/paragraph.ts';
import { pageRoutes } from '../../src/http/pages/routes.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import type { Quote } from '../../src/quotes/types.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const zh = wordsFor('zh');
const en = wordsFor('en');
const GAP = '〔此处原文损坏，无法修复〕';
const PRIVATE_USE = /\p{Co}/u;
let app: Hono;

beforeAll(() => {
  app = new Hono().route(
    '/',
    pageRoutes(library, async () => ({ baseUrl: 'https://yulu.example', renderVersion: 't' })),
  );
});

const paragraph = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  id: 'L7',
  lines: [7, 7],
  raw: text,
  text,
  kind: 'speech',
  speech: [[0, text.length]],
  attribution: {
    speaker: '闫俊杰',
    role: 'guest',
    method: 'prefix',
    confidence: 0.98,
    evidence: 'prefix “闫俊杰：”',
  },
  repairs: {},
  flags: [],
  ...extra,
});

describe('damaged text as a marked gap', () => {
  it('knows where a paragraph is damaged: its gaps, else all of it when flagged, else nowhere', () => {
    const text = '我们看到的是一个很长的句子。';
    expect(damagedRanges(paragraph(text))).toEqual([]);
    expect(damagedRanges(paragraph(text, { flags: ['unrepaired-mojibake'] }))).toEqual([
      [0, text.length],
    ]);
    // Finer ranges from the corpus win over the flag; sorted, clipped, merged where they touch.
    const ranges = damagedRanges({
      ...paragraph(text, { flags: ['unrepaired-mojibake'] }),
      gaps: [
        [9, 99],
        [2, 4],
        [3, 5],
        [6, 6],
      ].map(([start, end]) => ({ start: start!, end: end!, raw: '?', reason: 'test' })),
    });
    expect(ranges).toEqual([
      [2, 5],
      [9, text.length],
    ]);
  });

  it('replaces each range with the gap and keeps the words around it', () => {
    const out = textWithGaps(zh, 'ab\uE4C6\uE4C7cd？qū)Υef', [
      [2, 4],
      [6, 11],
    ]).toString();
    expect(out).toBe(
      `ab<span class="gap" lang="zh-Hans">${GAP}</span>cd<span class="gap" lang="zh-Hans">${GAP}</span>ef`,
    );
    // A piece of the paragraph (around a highlighted quote) places the ranges by its offset.
    expect(textWithGaps(en, 'cdXYef', [[6, 8]], 4).toString()).toBe(
      'cd<span class="gap" lang="en">[the original text is damaged here and could not be repaired]</span>ef',
    );
  });

  it('offers the raw characters on request, undrawable ones written as codes', () => {
    expect(rawCharacters('中\uE4C6文\u0007')).toBe('中 U+E4C6 文 U+0007 ');
    const details = damageDetails(
      zh,
      { ...paragraph('好〓坏'), gaps: [{ start: 1, end: 2, raw: '\uE4C6', reason: 'test' }] },
      'zh-Hant',
    ).toString();
    expect(details).toMatch(
      /^<details class="damage small"><summary>查看损坏处的原始字符<\/summary>/,
    );
    expect(details).toContain('<code lang="zh-Hant"> U+E4C6 </code>');
    expect(details).not.toMatch(PRIVATE_USE);
  });

  it('draws a highlighted quote and a gap in one paragraph', () => {
    const text = '第一句话说完了。第二句〓〓损坏了。第三句是语录。';
    const p = {
      ...paragraph(text),
      gaps: [{ start: 11, end: 13, raw: '\uE4C6\uE4C7', reason: 'test' }],
    };
    const quote = { id: 'abcdefgh', span: [17, 23] } as unknown as Quote;
    expect(text.slice(17, 23)).toBe('第三句是语录');
    const block = paragraphBlock({ w: zh, ui: 'zh', lang: 'zh-Hant' }, p, [], quote, []).toString();
    const shown = /<p class="text"[^>]*>(.*?)<\/p>/s.exec(block)![1]!;
    expect(shown).toBe(
      `第一句话说完了。第二句<span class="gap" lang="zh-Hans">${GAP}</span>损坏了。<mark id="q-abcdefgh">第三句是语录</mark>。`,
    );
    expect(block.replace(/<details class="damage[\s\S]*?<\/details>/, '')).not.toMatch(PRIVATE_USE);
  });
});

describe('the source view of a damaged source', () => {
  const damaged = corpus.documents.flatMap((d) =>
    d.paragraphs.filter((p) => p.flags.includes('unrepaired-mojibake')).map((p) => [d, p] as const),
  );

  it('has damaged paragraphs to show (the corpus flags them)', () => {
    expect(damaged.length).toBeGreaterThan(0);
  });

  it.each(['', '?lang=en'])(
    'never shows their garbage, only the gap, and the raw line on request (%s)',
    async (query) => {
      for (const [document, p] of damaged) {
        const body = await (await app.request(`/sources/${document.meta.slug}${query}`)).text();
        const start = body.indexOf(`id="${p.id}">`);
        const block = body.slice(start, body.indexOf('</section>', start));
        const [visible, hidden] = block.split('<details class="damage');
        expect(visible).toContain(query ? en.source.damaged : GAP);
        expect(visible).not.toMatch(PRIVATE_USE);
        expect(visible).not.toContain(GAP_MARK);
        expect(hidden).toContain(query ? en.source.damagedRaw : zh.source.damagedRaw);
        expect(hidden).not.toMatch(PRIVATE_USE);
        if (p.gaps) {
          // The corpus says where: the readable words around each gap stay, the damaged
          // characters are shown only on request, as captured (HTML-escaped).
          const before = p.text.slice(Math.max(0, p.gaps[0]!.start - 6), p.gaps[0]!.start);
          expect(visible).toContain(before);
          for (const gap of p.gaps) {
            expect(visible).not.toContain(gap.raw);
            expect(hidden).toContain(rawCharacters(gap.raw).replaceAll('&', '&amp;').trim());
          }
        } else {
          // Only the flag: the whole paragraph is the gap, the raw line is there in full.
          expect(visible).not.toContain(p.text.slice(0, 12));
          expect(hidden).toContain(rawCharacters(p.raw).slice(0, 20).replaceAll('&', '&amp;'));
        }
      }
    },
  );
});
