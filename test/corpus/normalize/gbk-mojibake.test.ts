import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusLanguageModel } from '../../../src/corpus/language.ts';
import { repairGbkMojibake } from '../../../src/corpus/normalize/gbk-mojibake.ts';
import { GAP_MARK, type SourceFile } from '../../../src/corpus/types.ts';
import { loadArtifacts } from '../../../src/runtime/node/artifacts.ts';
import { readSources } from '../../../src/runtime/node/sources.ts';
import type { CharBigramModel } from '../../../src/text/char-model.ts';
import { damageAt, unmarkedDamageAt } from '../../support/gbk-damage.ts';

const MARKER = /\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)|[\uE000-\uF8FF]/u;

let sources: SourceFile[];
let model: CharBigramModel;
let linesOf004: string[];

beforeAll(() => {
  sources = readSources();
  model = corpusLanguageModel(sources);
  const source = sources.find((s) => s.stem.startsWith('004'));
  linesOf004 = source!.raw.split('\n');
});

describe('repairGbkMojibake on the examples in docs/CORPUS.md', () => {
  it.each([
    ['但他沒有辦法寫出來,因?yàn)檫@需要非常好的語言組織能力', '因為這需要'],
    ['AGI是中國不能輸?shù)舻囊粓?chǎng)比賽。', '輸掉的一場(chǎng)比賽'],
    ['好在我們?nèi)齻(gè)人里至少有一個(gè)人', '我們三個(gè)人'],
  ])('realigns %s', (damaged, expected) => {
    const result = repairGbkMojibake(damaged, model);
    expect(result.text).toContain(expected);
    expect(result.runs.every((run) => run.repaired !== null)).toBe(true);
  });

  it('reports each run with its offsets, the damage and the repair', () => {
    const damaged = '因?yàn)檫@需要';
    const [run] = repairGbkMojibake(damaged, model).runs;
    expect(run).toMatchObject({ start: 1, end: 8, garbage: '?yàn)檫@', repaired: '為這' });
    expect(damaged.slice(run!.start, run!.end)).toBe(run!.garbage);
  });

  it('leaves a run it cannot verify as it is, reported unrepaired', () => {
    // 前?0人: a lost byte took a digit with it, so no realignment can be certain.
    const damaged = '你甚至提過全球?qū)Υ竽P陀凶钪卮笥绊懥Φ那?0人都';
    const result = repairGbkMojibake(damaged, model);
    expect(result.text).toBe(damaged);
    expect(result.runs.some((run) => run.repaired === null)).toBe(true);
  });

  it('reports a Private-Use character it cannot place in a run', () => {
    const result = repairGbkMojibake('中文\uE265中文', model);
    expect(result.runs).toEqual([expect.objectContaining({ repaired: null, garbage: '\uE265' })]);
  });
});

describe('repairGbkMojibake leaves clean text alone', () => {
  it('changes nothing in the four undamaged sources, real question marks included', () => {
    for (const source of sources.filter((s) => !s.stem.startsWith('004'))) {
      for (const line of source.raw.split('\n')) {
        const result = repairGbkMojibake(line, model);
        expect(result.runs, line).toEqual([]);
        expect(result.text).toBe(line);
      }
    }
  });

  it('keeps 004’s real question marks', () => {
    const questions = linesOf004.filter((l) => /[^\s]\?[^a-z]/u.test(l) && !MARKER.test(l));
    expect(questions.length).toBeGreaterThanOrEqual(3);
    for (const line of questions) expect(repairGbkMojibake(line, model).text).toBe(line);
  });
});

describe('repairGbkMojibake against simulated damage', () => {
  it('never makes a wrong repair, and repairs most runs', () => {
    // Clean lines of 004, damaged by an independent re-enactment of the mechanism.
    const clean = linesOf004.filter((l) => l.length > 30 && !MARKER.test(l) && !l.includes('?'));
    let tried = 0;
    let repaired = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: clean.length - 1 }),
        fc.nat({ max: 200 }),
        (lineIndex, position) => {
          const line = clean[lineIndex]!;
          const damaged = damageAt(line, position % [...line].length);
          if (damaged === null || damaged === line) return;
          tried++;
          const result = repairGbkMojibake(damaged, model);
          if (result.runs.some((run) => run.repaired === null)) return; // flagged, never shown
          expect(result.text).toBe(line);
          repaired++;
        },
      ),
      { seed: 20261122, numRuns: 800 },
    );
    console.log(`simulated GBK damage: ${repaired}/${tried} repaired, the rest flagged`);
    expect(tried).toBeGreaterThan(200);
    expect(repaired / tried).toBeGreaterThanOrEqual(0.85);
  });
});

describe('repairGbkMojibake on 004 as published', () => {
  it('repairs almost every run and flags the rest', () => {
    let repaired = 0;
    let unrepaired = 0;
    for (const line of linesOf004) {
      const result = repairGbkMojibake(line, model);
      for (const run of result.runs)
        if (run.repaired === null) unrepaired++;
        else repaired++;
      // Whatever is not flagged carries no damage marker any more.
      if (result.runs.every((run) => run.repaired !== null)) {
        expect(
          MARKER.test(result.text.replace(/\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/gu, '')),
          line,
        ).toBe(false);
      }
    }
    expect(repaired).toBeGreaterThanOrEqual(28);
    expect(unrepaired).toBeLessThanOrEqual(3);
  });
});

describe('repairGbkMojibake on runs without a `?` marker', () => {
  it('repairs 004’s 經(jīng);乜h城 as 經常回縣城 by replaying the bytes', () => {
    const damaged = '我老家在一個(gè)縣城,我經(jīng);乜h城觀察縣城人的生活。';
    const result = repairGbkMojibake(damaged, model);
    expect(result.text).toBe('我老家在一個(gè)縣城,我經(jīng)常回縣城觀察縣城人的生活。');
    expect(result.runs).toEqual([expect.objectContaining({ garbage: ';乜h', repaired: '常回縣' })]);
  });

  it('leaves ASR spelled letters and real semicolons alone', () => {
    for (const line of ['我们 做 m 上 这种 工程师', '在模型路線上的艱難抉擇;組織管理方面的心得'])
      expect(repairGbkMojibake(line, model).runs).toEqual([]);
  });

  it('against simulated unmarked damage: never a wrong repair, the rest flagged', () => {
    const clean = linesOf004.filter((l) => l.length > 30 && !MARKER.test(l) && !l.includes('?'));
    let tried = 0;
    let repaired = 0;
    for (const line of clean)
      for (let at = 1; at < [...line].length; at++) {
        const damaged = unmarkedDamageAt(line, at);
        if (damaged === null) continue;
        tried++;
        const result = repairGbkMojibake(damaged, model);
        if (result.text === damaged) {
          expect(
            result.runs.some((run) => run.repaired === null),
            damaged,
          ).toBe(true);
          continue;
        }
        expect(result.text).toBe(line);
        repaired++;
      }
    console.log(`simulated unmarked GBK damage: ${repaired}/${tried} repaired, the rest flagged`);
    expect(tried).toBeGreaterThan(50);
    expect(repaired / tried).toBeGreaterThanOrEqual(0.8);
  });
});

describe('unrepaired damage in the corpus the pages read', () => {
  it('is a marked gap in the text, with the raw characters and the reason beside it', () => {
    const { corpus } = loadArtifacts();
    let gaps = 0;
    for (const doc of corpus.documents)
      for (const p of doc.paragraphs) {
        // No garbage in any paragraph's text: no Private-Use characters, no damaged annotation.
        expect(p.text, p.id).not.toMatch(
          /[\uE000-\uF8FF]|\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/u,
        );
        const marks = p.text.split(GAP_MARK).length - 1;
        expect(p.gaps?.length ?? 0, p.id).toBe(marks);
        expect(p.flags.includes('unrepaired-mojibake'), p.id).toBe(marks > 0);
        for (const gap of p.gaps ?? []) {
          gaps++;
          expect(p.text.slice(gap.start, gap.end)).toBe(GAP_MARK);
          expect(p.raw).toContain(gap.raw);
          expect(gap.reason.length).toBeGreaterThan(0);
        }
      }
    expect(gaps).toBeGreaterThan(0);
  });
});
