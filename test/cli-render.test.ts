import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.ts';
import { loadArtifacts } from '../src/runtime/node/artifacts.ts';
import { decodePng } from './support/png.ts';

const { catalog } = loadArtifacts();
const dir = mkdtempSync(join(tmpdir(), 'yulu-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process; stdout lines in `output`, stderr (progress, warnings) in `stderr`. */
async function capture(argv: string[]): Promise<{ code: number; output: string; stderr: string }> {
  const lines: string[] = [];
  let stderr = '';
  const code = await run(
    argv,
    (line) => lines.push(line),
    (text) => (stderr += text),
  );
  return { code, output: lines.join('\n'), stderr };
}

const PUBLIC = { ...process.env, YULU_BASE_URL: 'https://yulu.example' };

describe('yulu render', () => {
  it('renders one card to the named file in the requested size', async () => {
    const file = join(dir, 'one.png');
    const { code, output } = await capture([
      'render',
      catalog.quotes[0]!.id,
      '--size',
      'xiaohongshu',
      '--theme',
      'ink',
      '--script',
      'hk',
      '-o',
      file,
    ]);
    expect(code).toBe(0);
    expect(output).toMatch(/wrote .*one\.png \(\d+ bytes\)/);
    const png = decodePng(readFileSync(file));
    expect([png.width, png.height]).toEqual([1080, 1440]);
  });

  it('prints the laid-out lines with --lines: the quote as set, one row per line', async () => {
    const quote = catalog.quotes[0]!;
    const { code, output } = await capture(['render', quote.id, '--size', 'story', '--lines']);
    expect(code).toBe(0);
    const [head, ...rows] = output.split('\n');
    expect(head).toMatch(/^\d+px · \d+ 行$/);
    expect(rows.length).toBe(Number(/(\d+) 行/.exec(head!)![1]));
    const text = rows.map((r) => /│(.*)│/.exec(r)![1]).join('');
    expect(text.replace(/\s/g, '')).toContain(quote.text.replace(/\s/g, '').slice(0, 4));
  });

  it('renders SVG and 2x scale', async () => {
    const svg = join(dir, 'one.svg');
    await capture(['render', catalog.quotes[1]!.id, '--svg', '-o', svg]);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
    const big = join(dir, 'big.png');
    await capture(['render', catalog.quotes[1]!.id, '--scale', '2', '-o', big]);
    expect(decodePng(readFileSync(big)).width).toBe(2400);
  });

  it('batch-renders a list of IDs, reporting failures per ID and rendering the rest', async () => {
    const out = join(dir, 'batch');
    const ids = [catalog.quotes[2]!.id, 'zzzzzzzz', catalog.quotes[3]!.id];
    const { code, output } = await capture(['render', '--ids', ids.join(','), '-o', out]);
    expect(code).toBe(1);
    expect(output).toMatch(/rendered 2 of 3 cards .* KiB, \d+ ms\/card/);
    expect(output).toMatch(/failed zzzzzzzz: no quote with ID "zzzzzzzz"/);
    expect(readdirSync(out).sort()).toEqual(
      [`${ids[0]}-og-paper-hans.png`, `${ids[2]}-og-paper-hans.png`].sort(),
    );
  });

  it('batches in other sizes, themes, scripts and scales share a directory without overwriting', async () => {
    const out = join(dir, 'shared');
    const id = catalog.quotes[4]!.id;
    const variants = [
      [],
      ['--size', 'portrait'],
      ['--size', 'portrait', '--theme', 'ink', '--script', 'tw'],
      ['--scale', '2'],
    ];
    for (const options of variants) await capture(['render', '--ids', id, ...options, '-o', out]);
    expect(readdirSync(out).sort()).toEqual(
      [
        `${id}-og-paper-hans.png`,
        `${id}-og-paper-hans@2x.png`,
        `${id}-portrait-ink-tw.png`,
        `${id}-portrait-paper-hans.png`,
      ].sort(),
    );
    const portrait = decodePng(readFileSync(join(out, `${id}-portrait-ink-tw.png`)));
    expect([portrait.width, portrait.height]).toEqual([1080, 1350]);
  });

  it('batch-renders a speaker with a progress bar on stderr', () => {
    const out = join(dir, 'speaker');
    const result = spawnSync('node', ['bin/yulu.js', 'render', '--speaker', '张鹏', '-o', out], {
      encoding: 'utf8',
      env: PUBLIC,
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/\d+\/\d+ \(100%\)/);
    expect(result.stdout).toMatch(/rendered (\d+) of \1 cards/);
    expect(readdirSync(out).length).toBe(catalog.quotes.filter((q) => q.speaker === '张鹏').length);
  });

  it('rejects bad options with the allowed values', async () => {
    await expect(capture(['render', catalog.quotes[0]!.id, '--size', 'a4'])).rejects.toThrow(
      /unknown size "a4"; allowed: og, square/,
    );
    await expect(capture(['render', '--all'])).rejects.toThrow(/needs an output directory/);
    await expect(capture(['render'])).rejects.toThrow(/exactly one quote ID/);
    const result = spawnSync(
      'node',
      ['bin/yulu.js', 'render', 'zzzzzzzz', '-o', join(dir, 'x.png')],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/yulu: no quote with ID "zzzzzzzz".*\[quote_not_found\]/);
  });
});

describe('the origin CLI cards carry', () => {
  const id = catalog.quotes[0]!.id;
  /** The test process's environment with YULU_BASE_URL replaced (or removed when undefined). */
  const env = (extra: { YULU_BASE_URL: string | undefined }) => {
    const copy = new Map(Object.entries(process.env));
    copy.set('YULU_DATA_DIR', join(dir, 'data'));
    if (extra.YULU_BASE_URL === undefined) copy.delete('YULU_BASE_URL');
    else copy.set('YULU_BASE_URL', extra.YULU_BASE_URL);
    return Object.fromEntries(copy);
  };

  it('warns once on stderr when cards would link to loopback, and says how to set it', () => {
    const result = spawnSync(
      'node',
      ['bin/yulu.js', 'render', '--ids', `${id},${catalog.quotes[1]!.id}`, '-o', join(dir, 'lo')],
      { encoding: 'utf8', env: env({ YULU_BASE_URL: undefined }) },
    );
    expect(result.status).toBe(0);
    const warnings = result.stderr.match(/warning: cards link to http:\/\/127\.0\.0\.1:8787/g);
    expect(warnings).toHaveLength(1);
    expect(result.stderr).toContain('YULU_BASE_URL=https://');
  });

  it('says nothing when YULU_BASE_URL is public, and rejects a value that is not a URL', () => {
    const ok = spawnSync(
      'node',
      ['bin/yulu.js', 'render', id, '-o', join(dir, 'pub.svg'), '--svg'],
      {
        encoding: 'utf8',
        env: env({ YULU_BASE_URL: 'https://yulu.example/' }),
      },
    );
    expect(ok.status).toBe(0);
    expect(ok.stderr).toBe('');
    expect(readFileSync(join(dir, 'pub.svg'), 'utf8')).not.toContain('127.0.0.1');
    const bad = spawnSync('node', ['bin/yulu.js', 'render', id, '-o', join(dir, 'x.png')], {
      encoding: 'utf8',
      env: env({ YULU_BASE_URL: 'yulu.example' }),
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/YULU_BASE_URL="yulu\.example" is not a URL/);
  });

  it('daily export refuses a loopback origin, before rendering anything', () => {
    const args = ['bin/yulu.js', 'daily', 'export', '--from', '2026-11-23', '--to', '2026-11-23'];
    const refused = spawnSync('node', [...args, '-o', join(dir, 'refused')], {
      encoding: 'utf8',
      env: env({ YULU_BASE_URL: 'http://localhost:8787' }),
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/would point to http:\/\/localhost:8787 \(loopback\)/);
    expect(refused.stderr).toMatch(/YULU_BASE_URL=https:\/\/.*--allow-loopback/);
    expect(existsSync(join(dir, 'refused'))).toBe(false);
  });
});

describe('yulu daily', () => {
  it('prints the day’s pick and exports every size for a range', () => {
    // No YULU_BASE_URL: the export runs only with --allow-loopback, and warns.
    const env = Object.fromEntries(
      Object.entries({ ...process.env, YULU_DATA_DIR: join(dir, 'data') }).filter(
        ([key]) => key !== 'YULU_BASE_URL',
      ),
    );
    const pick = spawnSync('node', ['bin/yulu.js', 'daily', '--date', '2026-11-23', '--json'], {
      encoding: 'utf8',
      env,
    });
    expect(pick.status).toBe(0);
    const { date, quote } = JSON.parse(pick.stdout) as { date: string; quote: { id: string } };
    expect(date).toBe('2026-11-23');
    const out = join(dir, 'export');
    const exported = spawnSync(
      'node',
      [
        'bin/yulu.js',
        ...['daily', 'export', '--from', '2026-11-23', '--to', '2026-11-24', '-o', out],
        '--allow-loopback',
      ],
      { encoding: 'utf8', env },
    );
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/exported 2 days, 10 cards and manifest.json/);
    expect(exported.stderr).toMatch(
      /warning: cards link to http:\/\/127\.0\.0\.1:8787 \(loopback\)/,
    );
    expect(readdirSync(join(out, '2026-11-23'))).toContain(
      `${quote.id}-xiaohongshu-paper-hans.png`,
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      date: string;
      id: string;
      text: string;
      speaker: string;
      files: { file: string; url: string }[];
    }[];
    expect(manifest.map((m) => m.date)).toEqual(['2026-11-23', '2026-11-24']);
    expect(manifest[0]).toMatchObject({ id: quote.id, speaker: expect.any(String) });
    expect(manifest[0]!.files).toHaveLength(5);
    for (const entry of manifest)
      for (const f of entry.files)
        expect(readFileSync(join(out, f.file)).length).toBeGreaterThan(1000);
    // Publishing fixes every day through today, once.
    const publish = spawnSync('node', ['bin/yulu.js', 'daily', 'publish'], {
      encoding: 'utf8',
      env,
    });
    expect(publish.status).toBe(0);
    expect(publish.stdout).toMatch(/published \d+ day\(s\) through/);
    const again = spawnSync('node', ['bin/yulu.js', 'daily', 'publish'], { encoding: 'utf8', env });
    expect(again.stdout).toMatch(/nothing to publish/);
    const bad = spawnSync('node', ['bin/yulu.js', 'daily', '--date', 'tomorrow'], {
      encoding: 'utf8',
      env,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/calendar date/);
  }, 120_000); // five processes, ten cards
});
