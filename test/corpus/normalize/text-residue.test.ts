import { describe, expect, it } from 'vitest';
import { joinSplitNames, undoConversionArtefacts } from '../../../src/corpus/normalize/names.ts';
import { foldLatinFullStops } from '../../../src/corpus/normalize/punctuation.ts';
import {
  foldSimplifiedLeaks,
  isSimplifiedForm,
} from '../../../src/corpus/normalize/script-leaks.ts';
import { loadArtifacts } from '../../../src/runtime/node/artifacts.ts';
import { readSources } from '../../../src/runtime/node/sources.ts';
import { convertScript } from '../../../src/text/script.ts';

const fold = (text: string, chars = text) => foldSimplifiedLeaks(text, 'hant', new Set(chars)).text;

describe('simplified leaks in a traditional source', () => {
  it('converts leaked simplified characters by their context', () => {
    expect(fold('我們這么做，然后在心里想。')).toBe('我們這麼做，然後在心裏想。');
    expect(fold('AGI 之于世界的位置')).toBe('AGI 之於世界的位置');
  });

  it('changes nothing else: traditional characters, names, variants the source does not use', () => {
    expect(fold('閆俊杰對話黃明明')).toBe('閆俊杰對話黃明明');
    expect(fold('出席一場線下峰會。')).toBe('出席一場線下峰會。');
    expect(fold('字節跳動、騰訊、阿里')).toBe('字節跳動、騰訊、阿里');
    expect(fold('裡面的東西')).toBe('裡面的東西');
    expect(foldSimplifiedLeaks('然后', 'hans', new Set()).text).toBe('然后');
  });

  it('over 004: only simplified forms change, and the text reads the same in simplified', () => {
    const source = readSources().find((s) => s.meta.script === 'hant')!;
    const chars = new Set(source.raw);
    let changed = 0;
    for (const line of source.raw.split('\n')) {
      const out = foldSimplifiedLeaks(line, 'hant', chars).text;
      expect(out.length).toBe(line.length);
      for (let i = 0; i < line.length; i++) {
        if (out[i] === line[i]) continue;
        changed++;
        expect(isSimplifiedForm(line[i]!), `${line[i]} → ${out[i]}`).toBe(true);
      }
      expect(convertScript(out, 'hant', 'hans')).toBe(convertScript(line, 'hant', 'hans'));
    }
    expect(changed).toBeGreaterThan(50);
  });

  it('the traditional source in the corpus keeps no 后/么 and 于/里 only where they are right', () => {
    const { corpus } = loadArtifacts();
    const doc = corpus.documents.find((d) => d.meta.script === 'hant')!;
    for (const p of doc.paragraphs.filter((x) => x.kind === 'speech')) {
      expect(p.text, p.id).not.toMatch(/[后么]/u);
      expect(p.text.replace(/阿里|萬里|于都/gu, ''), p.id).not.toMatch(/[于里]/u);
    }
  });
});

describe('other text residue', () => {
  it('joins a name the source writes joined elsewhere', () => {
    expect(joinSplitNames('永远都不可能超越 Open AI。', new Set(['OpenAI'])).text).toBe(
      '永远都不可能超越 OpenAI。',
    );
    expect(joinSplitNames('Open Source 的模型', new Set(['OpenAI'])).text).toBe(
      'Open Source 的模型',
    );
  });

  it('folds an ASCII full stop that ends a Chinese sentence after a Latin word', () => {
    expect(foldLatinFullStops('我就去读读 PHD. 我觉得').text).toBe('我就去读读 PHD。我觉得');
    expect(foldLatinFullStops('但是不一定是 OpenAI.').text).toBe('但是不一定是 OpenAI。');
    expect(foldLatinFullStops('像 Character.ai 这样的产品').text).toBe(
      '像 Character.ai 这样的产品',
    );
    expect(foldLatinFullStops('1. 從做人').text).toBe('1. 從做人');
    expect(foldLatinFullStops('Episode 22. Hello').text).toBe('Episode 22. Hello');
  });

  it('undoes the 领網域 conversion artefact', () => {
    expect(undoConversionArtefacts('大模型领網域竞争加剧').text).toBe('大模型领域竞争加剧');
    expect(undoConversionArtefacts('网域名称').text).toBe('网域名称');
  });

  it('the corpus has none of them left in speech', () => {
    const { corpus } = loadArtifacts();
    for (const doc of corpus.documents)
      for (const p of doc.paragraphs.filter((x) => x.kind === 'speech')) {
        expect(p.text, p.id).not.toMatch(/Open AI|[网網]域|[A-Za-z]{2}\.(?= *\p{Script=Han})/u);
      }
  });
});
