/** `npm test` says what to install before anything runs: scripts/preflight.ts. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { preflight } from '../scripts/preflight.ts';

const root = process.cwd();
const empty = mkdtempSync(join(tmpdir(), 'yulu-preflight-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('npm test preflight', () => {
  it('names the missing Chromium and the apt-get command, before anything runs', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/preflight.ts'], {
      env: { ...process.env, CHROMIUM_PATH: join(empty, 'no-chromium-here'), PATH: empty },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Chromium not found at ${join(empty, 'no-chromium-here')}`);
    expect(result.stderr).toContain('sudo apt-get install chromium');
    expect(result.stderr).toContain('CHROMIUM_PATH=/path/to/chromium npm test');
  });

  it('suggests a Chromium found on PATH', () => {
    const bin = join(empty, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'chromium-browser'), '#!/bin/sh\n', { mode: 0o755 });
    const [problem] = preflight({ CHROMIUM_PATH: join(empty, 'absent'), PATH: bin }, root);
    expect(problem).toContain(`CHROMIUM_PATH=${join(bin, 'chromium-browser')} npm test`);
  });

  it('passes with an executable Chromium and the built SQLite addon; a file that cannot run does not count', () => {
    expect(preflight({ CHROMIUM_PATH: process.execPath }, root)).toEqual([]);
    const notExecutable = join(empty, 'chromium');
    writeFileSync(notExecutable, '', { mode: 0o644 });
    expect(preflight({ CHROMIUM_PATH: notExecutable, PATH: '' }, root)).toHaveLength(1);
  });

  it('says how to build the SQLite addon when npm ci has not', () => {
    const problems = preflight({ CHROMIUM_PATH: process.execPath }, empty);
    expect(problems).toEqual([expect.stringContaining('run `npm ci`')]);
    expect(problems[0]).toContain('apt-get install python3 make g++');
  });
});
