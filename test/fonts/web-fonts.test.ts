import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCharset, charsetFor } from '../../src/fonts/charset.ts';
import { WEB_FONT_SCRIPTS, type WebFontManifest } from '../../src/fonts/web-fonts.ts';
import { readWebCharsetSources, ROOT, sha256Hex } from '../../src/runtime/node/web-font-sources.ts';

const dir = join(ROOT, 'fonts', 'web');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as WebFontManifest;

describe('the pages’ web fonts (fonts/web, npm run fonts:web)', () => {
  it('were cut for every character the pages can show now', () => {
    const charset = buildCharset(readWebCharsetSources());
    const chars = WEB_FONT_SCRIPTS.map((w) => charsetFor(charset, w.scripts, 'full'));
    // A failure here means page text, quotes or the corpus gained characters: run npm run fonts:web.
    expect(sha256Hex(chars.join('\n'))).toBe(manifest.charsetSha256);
  }, 60_000);

  it('are the WOFF2 files the manifest lists, with the licence beside them', () => {
    expect(manifest.fonts.map((f) => f.family)).toEqual(WEB_FONT_SCRIPTS.map((w) => w.family));
    for (const font of manifest.fonts) {
      const bytes = readFileSync(join(dir, font.file));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(sha256Hex(bytes)).toBe(font.sha256);
      expect(bytes.length).toBeLessThan(400 * 1024);
    }
    expect(readFileSync(join(dir, 'LICENSE-NotoCJK.txt'), 'utf8')).toMatch(/SIL OPEN FONT LICENSE/i);
  });
});
