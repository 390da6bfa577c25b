/**
 * Attribution on the interviews written for the transcript formats, measured against hand labels
 * (test/fixtures/interviews/labels.json, and held-out/labels.json: written after the rules, see its
 * `about` for what they measured before the rules were generalised). Ingestion only; the whole
 * `yulu sources add` run on the first three is test/cli-sources.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../src/corpus/ingest.ts';
import { corpusLanguageModel } from '../../src/corpus/language.ts';
import { sourceMetaSchema } from '../../src/corpus/meta.ts';
import type { SourceFile } from '../../src/corpus/types.ts';

const FIXTURES = new URL('../fixtures/interviews/', import.meta.url).pathname;

interface Labelled {
  file: string;
  format: string;
  title: string;
  publication: string;
  date: string;
  people: string;
  speakers: Record<string, string | null>;
}

const sets = ['labels.json', 'held-out/labels.json'].map((file) => ({
  dir: join(FIXTURES, file, '..'),
  name: file.includes('held-out') ? 'held-out' : 'written with the rules',
  interviews: (JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { interviews: Labelled[] })
    .interviews,
}));

/** `名字:role:公司[:头衔]` as `yulu sources add` reads it (without the role-word translations). */
function people(spec: string) {
  return spec.split(',').map((entry) => {
    const [name, role, company, title] = entry.split(':');
    return { name, role, company, title: title ?? role };
  });
}

describe.each(sets)('attribution on the $name interviews', ({ dir, interviews }) => {
  it.each(interviews)('$format: $file', (iv) => {
    const source: SourceFile = {
      stem: '900_fixture',
      raw: readFileSync(join(dir, iv.file), 'utf8'),
      meta: sourceMetaSchema.parse({
        slug: 'fixture-2025',
        title: iv.title,
        publication: iv.publication,
        date: iv.date,
        script: 'hans',
        kind: 'dialogue',
        people: people(iv.people),
      }),
    };
    const doc = ingestSource(source, corpusLanguageModel([source]));
    const got = Object.fromEntries(doc.paragraphs.map((p) => [p.id, p.attribution.speaker]));
    const total = Object.keys(iv.speakers).length;
    const right = Object.entries(iv.speakers).filter(([id, who]) => got[id] === who).length;
    console.info(`${iv.format} (${iv.file}): ${right}/${total} = ${(right / total).toFixed(3)}`);
    expect(got).toEqual(iv.speakers);
  });
});
