import { createHash } from 'node:crypto';
import { filesUnder, readCharsetSources, ROOT } from './charset-sources.ts';
import type { CharsetSources } from '../../fonts/charset.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rawShown } from '../../http/pages/damage.ts';

export { ROOT };

/** Directories whose files hold text a page can show: the card's UI, the pages, scripts' labels. */
export const WEB_UI_DIRS = ['templates', 'src/card', 'src/http', 'src/share', 'src/text'];

/** What the web fonts' charset is built from (see src/fonts/web-fonts.ts). */
export function readWebCharsetSources(root: string = ROOT): CharsetSources {
  const { corpus, catalog } = readCharsetSources(root);
  const uiFiles = WEB_UI_DIRS.flatMap((dir) => filesUnder(join(root, dir))).map((path) =>
    readFileSync(path, 'utf8'),
  );
  // The source view offers the raw capture of repaired or damaged lines: draw those too.
  const raw = corpus.documents.flatMap((d) => d.paragraphs.flatMap((p) => rawShown(p) ?? []));
  return { corpus, catalog, uiFiles: [...uiFiles, raw.join('\n')] };
}

export const sha256Hex = (bytes: Uint8Array | string) =>
  createHash('sha256').update(bytes).digest('hex');
