import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.ts';
import { loadArtifacts } from '../src/runtime/node/artifacts.ts';
import { decodePng } from './support/png.ts';

const { catalog } = loadArtifacts();
const dir = mkdtempSync(join(tmpdir(), 'yulu-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function capture(argv: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await run(argv, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

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
    expect(readdirSync(out).sort()).toEqual([`${ids[0]}.png`, `${ids[2]}.png`].sort());
  });

  it('batch-renders a speaker with a progress bar on stderr', () => {
    const out = join(dir, 'speaker');
    const result = spawnSync('node', ['bin/yulu.js', 'render', '--speaker', '张鹏', '-o', out], {
      encoding: 'utf8',
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

describe('yulu daily', () => {
  it('prints the day’s pick and exports every size for a range', () => {
    const env = { ...process.env, YULU_DATA_DIR: join(dir, 'data') };
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
      ['bin/yulu.js', 'daily', 'export', '--from', '2026-11-23', '--to', '2026-11-24', '-o', out],
      { encoding: 'utf8', env },
    );
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/exported 2 days, 10 cards and manifest.json/);
    expect(readdirSync(join(out, '2026-11-23'))).toContain(`${quote.id}-xiaohongshu.png`);
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
  }, 120_000);
});
