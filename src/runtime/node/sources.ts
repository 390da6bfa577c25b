import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSourceMeta } from '../../corpus/meta.ts';
import type { SourceFile } from '../../corpus/types.ts';
import { YuluError } from '../../errors.ts';

/** `quotes/sources/` in this checkout, resolved from this file so any working directory works. */
export const SOURCES_DIR = new URL('../../../quotes/sources/', import.meta.url).pathname;

/** Reads every `*.txt` source with its `*.meta.json`, validated; sorted by file name. */
export function readSources(dir: string = SOURCES_DIR): SourceFile[] {
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return texts.map((file) => {
    const stem = file.slice(0, -'.txt'.length);
    const metaFile = `${stem}.meta.json`;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, metaFile), 'utf8'));
    } catch (cause) {
      const what =
        (cause as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'is missing'
          : `is not valid JSON (${(cause as Error).message})`;
      throw new YuluError('invalid_source_meta', `${metaFile}: metadata file for ${file} ${what}`, {
        cause,
      });
    }
    return {
      stem,
      raw: readFileSync(join(dir, file), 'utf8'),
      meta: parseSourceMeta(metaFile, json),
    };
  });
}
