/**
 * `npm run fonts`: cuts the card fonts out of Debian's font packages into fonts/, reproducibly.
 *
 *   apt-get install fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai python3-fonttools
 *
 * Each face in src/fonts/fonts.ts is subset (fontTools' pyftsubset, run as `python3 -m
 * fontTools.subset` from Debian's python3-fonttools) to the characters it must draw
 * (src/fonts/charset.ts, from quotes/*.json and the card's UI files), as a static OpenType font
 * (CFF for Noto, TrueType for WenKai) without hinting, OpenType layout, vertical-writing tables or
 * glyph names, keeping hhea/OS/2 metrics and a name table with the copyright and licence. Writes
 * fonts/*.otf|ttf, fonts/charset.txt, fonts/manifest.json and fonts/LICENSE-*.txt. Timestamps are
 * the sources' own (head.modified), so a rerun with the same inputs is byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCharset, charsetFor, formatCharset } from '../src/fonts/charset.ts';
import { FONT_SPECS, type FontManifest, type FontSpec } from '../src/fonts/fonts.ts';
import { parseFont } from '../src/fonts/sfnt.ts';
import { readCharsetSources, ROOT } from '../src/runtime/node/charset-sources.ts';

const FONTS = join(ROOT, 'fonts');
const PYTHON = '/usr/bin/python3';
const INSTALL =
  'apt-get install fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai python3-fonttools';

/** Licence files written beside the fonts, from Debian's copyright files. */
const LICENCES = [
  {
    file: 'LICENSE-NotoCJK.txt',
    package: 'fonts-noto-cjk',
    copyright: '/usr/share/doc/fonts-noto-cjk/copyright',
    faces: (s: FontSpec) => s.source.package.startsWith('fonts-noto-cjk'),
    reserved: 'Reserved Font Name "Source" (upstream LICENSE of noto-cjk).',
  },
  {
    file: 'LICENSE-LXGWWenKai.txt',
    package: 'fonts-lxgw-wenkai',
    copyright: '/usr/share/doc/fonts-lxgw-wenkai/copyright',
    faces: (s: FontSpec) => s.source.package === 'fonts-lxgw-wenkai',
    reserved:
      'Reserved Font Names "霞鹜" and "LXGW". The files here are subsets, i.e. Modified Versions,\n' +
      'so they are renamed "Yulu WenKai" in their name tables.',
  },
];

/** pyftsubset options: static outlines, no hinting, no layout, a small name table. */
const SUBSET_OPTIONS = [
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

/** Prints the name table facts of each (path, face index) as JSON. */
const NAMES_PY = `
import json, sys
from fontTools.ttLib import TTFont
out = []
for arg in sys.argv[1:]:
    path, index = arg.rsplit(':', 1)
    font = TTFont(path, fontNumber=int(index), lazy=True)
    name = font['name']
    out.append({'family': name.getDebugName(1), 'copyright': name.getDebugName(0)})
print(json.dumps(out))
`;

/** Rewrites name IDs 1, 3, 4 and 6 of a subset (OFL reserved names), keeping head.modified. */
const RENAME_PY = `
import sys
from fontTools.ttLib import TTFont
path, family, postscript = sys.argv[1:4]
font = TTFont(path, recalcTimestamp=False, recalcBBoxes=False)
name = font['name']
style = name.getDebugName(2)
version = name.getDebugName(5) or ''
full = family if style == 'Regular' else family + ' ' + style
for rec in list(name.names):
    if rec.nameID in (1, 3, 4, 6):
        name.removeNames(nameID=rec.nameID)
for value, name_id in ((family, 1), (postscript + ';' + version, 3), (full, 4), (postscript, 6)):
    name.setName(value, name_id, 3, 1, 0x409)
font.save(path, reorderTables=True)
`;

function fail(message: string): never {
  console.error(`npm run fonts: ${message}`);
  process.exit(1);
}

function python(args: string[]): string {
  try {
    return execFileSync(PYTHON, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    fail(`${PYTHON} ${args[0] === '-c' ? '-c …' : args.join(' ')} failed:\n${stderr ?? error}`);
  }
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const hex = (c: string) => `U+${(c.codePointAt(0) as number).toString(16).toUpperCase()}`;

/** The OFL text from a Debian copyright file (its `License: OFL-1.1`/`SIL-1.1` paragraph). */
function oflText(copyrightFile: string): string {
  const lines = readFileSync(copyrightFile, 'utf8').split('\n');
  // The stand-alone licence paragraph, not a `Files:` paragraph's `License:` field.
  const start = lines.findIndex(
    (l, i) => /^License: (OFL|SIL)-1\.1\s*$/.test(l) && (i === 0 || lines[i - 1] === ''),
  );
  if (start < 0) fail(`no OFL licence paragraph in ${copyrightFile}`);
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith(' ')) break;
    body.push(line === ' .' ? '' : line.slice(1));
  }
  return `${body.join('\n').trim()}\n`;
}

// --- preflight: packages and tools ------------------------------------------------------------

const missingPackages = new Set<string>();
for (const spec of FONT_SPECS)
  if (!existsSync(spec.source.path)) missingPackages.add(spec.source.package);
for (const licence of LICENCES)
  if (!existsSync(licence.copyright)) missingPackages.add(licence.package);
if (!existsSync(PYTHON)) missingPackages.add('python3-fonttools');
else {
  try {
    execFileSync(PYTHON, ['-c', 'import fontTools.subset'], { stdio: 'ignore' });
  } catch {
    missingPackages.add('python3-fonttools');
  }
}
if (missingPackages.size > 0) {
  fail(
    `missing Debian package(s): ${[...missingPackages].sort().join(', ')}.\n` +
      `Install them with:\n  ${INSTALL}`,
  );
}

// --- check each face is the one we mean (TTC indexes) -------------------------------------------

const sourceNames = JSON.parse(
  python(['-c', NAMES_PY, ...FONT_SPECS.map((s) => `${s.source.path}:${s.source.faceIndex}`)]),
) as { family: string; copyright: string }[];
FONT_SPECS.forEach((spec, i) => {
  const found = sourceNames[i]?.family;
  if (found !== spec.source.family)
    fail(
      `${spec.source.path} face ${spec.source.faceIndex} is "${found}", expected "${spec.source.family}"` +
        ' — the package layout changed; fix TTC_INDEX in src/fonts/fonts.ts',
    );
});

// --- charset ------------------------------------------------------------------------------------

const sources = readCharsetSources();
const charset = buildCharset(sources);
const charsetText = formatCharset(charset.all);
writeFileSync(join(FONTS, 'charset.txt'), charsetText);
console.log(
  `charset: ${[...charset.all].length} characters from quotes/corpus.json, quotes/catalog.json` +
    ` and ${sources.uiPaths.length} UI files (${[...charset.all].filter((c) => c > '\u2e7f').length} CJK and full-width)`,
);
if (charset.skipped)
  console.log(`  skipped (no font draws them): ${[...charset.skipped].map(hex).join(' ')}`);

// --- subset -------------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'yulu-fonts-'));
const manifest: FontManifest = { version: 1, charsetSha256: sha256(charsetText), fonts: [] };
try {
  for (const spec of FONT_SPECS) {
    const chars = charsetFor(charset, spec.scripts, spec.charset);
    const unicodes = join(work, `${spec.file}.unicodes`);
    writeFileSync(unicodes, [...chars].map((c) => `${hex(c)}\n`).join(''));
    const output = join(FONTS, spec.file);
    python([
      '-m',
      'fontTools.subset',
      spec.source.path,
      `--font-number=${spec.source.faceIndex}`,
      `--unicodes-file=${unicodes}`,
      `--output-file=${output}`,
      ...SUBSET_OPTIONS,
    ]);
    if (spec.rename) python(['-c', RENAME_PY, output, spec.rename.family, spec.rename.postscript]);

    const bytes = readFileSync(output);
    const font = parseFont(bytes);
    const missing = [...chars].filter(
      (c) => c !== ' ' && !font.hasGlyph(c.codePointAt(0) as number),
    );
    manifest.fonts.push({
      ...spec,
      bytes: bytes.length,
      sha256: sha256(bytes),
      glyphs: font.glyphCount,
      chars: [...chars].length,
      missing,
    });
    console.log(
      `${spec.file.padEnd(26)} ${String(font.glyphCount).padStart(5)} glyphs` +
        ` ${String(bytes.length).padStart(9)} B  gzip ${String(gzipSync(bytes, { level: 9 }).length).padStart(9)} B` +
        (missing.length ? `  lacks ${missing.length}: ${missing.join('')}` : ''),
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// --- licences, manifest, stale files ------------------------------------------------------------

for (const licence of LICENCES) {
  const notices = [
    ...new Set(
      FONT_SPECS.flatMap((s, i) => (licence.faces(s) ? [sourceNames[i]?.copyright ?? ''] : [])),
    ),
  ]
    .filter(Boolean)
    .map((n) => n.replace(/\r\n?/g, '\n'));
  const files = FONT_SPECS.filter(licence.faces).map(
    (s) => `  ${s.file} from ${s.source.path} face ${s.source.faceIndex} (${s.source.package})`,
  );
  writeFileSync(
    join(FONTS, licence.file),
    [
      'Applies to these files in fonts/, subsets (Modified Versions under the OFL) of Debian fonts:',
      ...files,
      '',
      ...notices,
      licence.reserved,
      '',
      `The licence text below is the OFL 1.1 as given in ${licence.copyright}.`,
      '',
      oflText(licence.copyright),
    ].join('\n'),
  );
}

writeFileSync(join(FONTS, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const wanted = new Set(FONT_SPECS.map((s) => s.file));
for (const name of readdirSync(FONTS)) {
  const generated = /\.(otf|ttf)$/.test(name) || /^charset-.*\.txt$/.test(name);
  if (generated && !wanted.has(name)) {
    unlinkSync(join(FONTS, name));
    console.log(`removed stale fonts/${basename(name)}`);
  }
}

const total = manifest.fonts.reduce((n, f) => n + f.bytes, 0);
const gzipTotal = manifest.fonts.reduce(
  (n, f) => n + gzipSync(readFileSync(join(FONTS, f.file)), { level: 9 }).length,
  0,
);
console.log(
  `wrote ${manifest.fonts.length} fonts (${total} B, ${(total / 2 ** 20).toFixed(2)} MiB;` +
    ` gzip ${(gzipTotal / 2 ** 20).toFixed(2)} MiB), fonts/charset.txt and fonts/manifest.json`,
);
