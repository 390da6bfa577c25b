import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourceMeta } from '../../src/corpus/meta.ts';
import { YuluError } from '../../src/errors.ts';
import { readSources, SOURCES_DIR } from '../../src/runtime/node/sources.ts';

const STEM = '001_c45be7c6cf9445b0';
const validMeta = () =>
  JSON.parse(readFileSync(join(SOURCES_DIR, `${STEM}.meta.json`), 'utf8')) as Record<
    string,
    unknown
  >;

function sourcesDirWith(meta: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'yulu-sources-'));
  copyFileSync(join(SOURCES_DIR, `${STEM}.txt`), join(dir, `${STEM}.txt`));
  if (meta !== null) writeFileSync(join(dir, `${STEM}.meta.json`), meta);
  return dir;
}

describe('source metadata', () => {
  it('every shipped source has valid metadata naming a guest', () => {
    const sources = readSources();
    expect(sources.map((s) => s.stem)).toHaveLength(5);
    for (const { meta } of sources) expect(meta.people.some((p) => p.role === 'guest')).toBe(true);
    expect(new Set(sources.map((s) => s.meta.slug)).size).toBe(5);
  });

  it('a missing field is an ingest error naming the file and the field', () => {
    const meta = validMeta();
    delete meta.publication;
    expect(() => parseSourceMeta(`${STEM}.meta.json`, meta)).toThrowError(
      /001_c45be7c6cf9445b0\.meta\.json: invalid metadata — publication: /,
    );
  });

  it('a bad value names the nested field', () => {
    const meta = validMeta();
    (meta.people as { role: string }[])[0]!.role = 'speaker';
    expect(() => parseSourceMeta('x.meta.json', meta)).toThrowError(/people\.0\.role/);
    meta.date = '16 Nov 2024';
    expect(() => parseSourceMeta('x.meta.json', meta)).toThrowError(/date: expected YYYY-MM-DD/);
  });

  it('unknown fields are rejected rather than ignored', () => {
    expect(() => parseSourceMeta('x.meta.json', { ...validMeta(), speakers: [] })).toThrowError(
      /speakers/,
    );
  });

  it('a missing or unreadable metadata file is a clear error', () => {
    expect(() => readSources(sourcesDirWith(null))).toThrowError(YuluError);
    expect(() => readSources(sourcesDirWith(null))).toThrowError(
      `${STEM}.meta.json: metadata file for ${STEM}.txt is missing`,
    );
    expect(() => readSources(sourcesDirWith('{ not json'))).toThrowError(/is not valid JSON/);
  });

  it('the shipped sources are the raw texts, byte for byte', () => {
    for (const { stem, raw } of readSources()) {
      expect(raw.length).toBeGreaterThan(1000);
      expect(raw, stem).toBe(readFileSync(join(SOURCES_DIR, `${stem}.txt`), 'utf8'));
    }
  });
});
