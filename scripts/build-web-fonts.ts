/**
 * `npm run fonts:web`: the pages' own fonts, so a page reads the same in a browser with no CJK
 * fonts installed. For each glyph-form locale (SC for simplified, TC for traditional and Taiwan,
 * HK for Hong Kong) it subsets Debian's Noto Sans CJK Regular (the same source files as
 * `npm run fonts`) to every character a page can show in those scripts — the corpus, the quotes,
 * source metadata (src/fonts/charset.ts) and the pages' own text (the files under WEB_UI_DIRS) —
 * and writes WOFF2 (fontTools + Debian's python3-brotli) to fonts/web/, with manifest.json
 * (files, hashes, the charset's hash) and the licence. Timestamps are the sources' own, so a rerun
 * with the same inputs is byte-identical; test/fonts/web-fonts.test.ts fails when the charset of
 * the current sources differs from the one the committed fonts were cut for.
 *
 *   apt-get install fonts-noto-cjk python3-fonttools python3-brotli
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_SPECS } from '../src/fonts/fonts.ts';
import { buildCharset, charsetFor } from '../src/fonts/charset.ts';
import { WEB_FONT_SCRIPTS, type WebFontManifest } from '../src/fonts/web-fonts.ts';
import { readWebCharsetSources, ROOT, sha256Hex } from '../src/runtime/node/web-font-sources.ts';

const PYTHON = '/usr/bin/python3';
const OUT = join(ROOT, 'fonts', 'web');
const OPTIONS = [
  '--flavor=woff2',
  '--no-hinting',
  '--desubroutinize',
  '--layout-features=',
  '--drop-tables+=GSUB,GPOS,GDEF,BASE,JSTF,VORG,vhea,vmtx,gasp,DSIG,meta,STAT',
  '--name-IDs=0,1,2,3,4,5,6,7,13,14',
  '--name-languages=1033',
  '--no-glyph-names',
  '--notdef-outline',
  '--no-recalc-timestamp',
];

function fail(message: string): never {
  console.error(`npm run fonts:web: ${message}`);
  process.exit(1);
}

try {
  execFileSync(PYTHON, ['-c', 'import fontTools.subset, brotli'], { stdio: 'ignore' });
} catch {
  fail(`${PYTHON} needs fontTools and brotli: apt-get install python3-fonttools python3-brotli`);
}

mkdirSync(OUT, { recursive: true });
const charset = buildCharset(readWebCharsetSources());
const manifest: WebFontManifest = { charsetSha256: '', fonts: [] };
const charsets: string[] = [];
for (const web of WEB_FONT_SCRIPTS) {
  const spec = FONT_SPECS.find(
    (s) => s.face === 'sans' && s.weight === 400 && s.script === web.script,
  );
  if (!spec) fail(`no sans regular font spec for ${web.script}`);
  if (!existsSync(spec.source.path))
    fail(`${spec.source.path} is missing: apt-get install ${spec.source.package}`);
  const chars = charsetFor(charset, web.scripts, 'full');
  charsets.push(chars);
  const file = `${web.family.replace(/ /g, '')}.woff2`;
  const text = join(OUT, `.${web.script}.txt`);
  writeFileSync(text, chars);
  try {
    execFileSync(
      PYTHON,
      [
        '-m',
        'fontTools.subset',
        `${spec.source.path}`,
        `--font-number=${spec.source.faceIndex}`,
        `--text-file=${text}`,
        `--output-file=${join(OUT, file)}`,
        ...OPTIONS,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } finally {
    execFileSync('rm', ['-f', text]);
  }
  const bytes = readFileSync(join(OUT, file));
  manifest.fonts.push({
    file,
    family: web.family,
    scripts: web.scripts,
    sha256: sha256Hex(bytes),
    bytes: bytes.length,
    characters: [...chars].length,
  });
  console.log(
    `fonts/web/${file}: ${[...chars].length} characters, ${(bytes.length / 1024).toFixed(0)} KiB`,
  );
}
manifest.charsetSha256 = sha256Hex(charsets.join('\n'));
writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
copyFileSync(join(ROOT, 'fonts', 'LICENSE-NotoCJK.txt'), join(OUT, 'LICENSE-NotoCJK.txt'));
