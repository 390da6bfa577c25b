import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.ts';
import { YuluError } from '../src/errors.ts';
import { loadArtifacts } from '../src/runtime/node/artifacts.ts';

function capture(argv: string[]): { code: number; output: string } {
  const lines: string[] = [];
  const code = run(
    argv,
    (line) => lines.push(line),
    (text) => lines.push(text),
  );
  if (typeof code !== 'number')
    throw new Error('capture() is for synchronous verbs; await run() for render');
  return { code, output: lines.join('\n') };
}

const { catalog } = loadArtifacts();
const first = catalog.quotes[0]!;

describe('yulu quotes', () => {
  it('list filters by speaker, source and score', () => {
    const { output } = capture([
      'quotes',
      'list',
      '--speaker',
      '闫俊杰',
      '--min-score',
      '0.7',
      '--json',
    ]);
    const quotes = JSON.parse(output) as { speaker: string; score: number; source: string }[];
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      expect(q.speaker).toBe('闫俊杰');
      expect(q.score).toBeGreaterThanOrEqual(0.7);
    }
    const bySource = JSON.parse(
      capture(['quotes', 'list', '--source', '002_d0fd0afe85795688', '--json']).output,
    ) as { source: string }[];
    expect(new Set(bySource.map((q) => q.source))).toEqual(
      new Set(['yang-zhilin-overseas-unicorn-2024']),
    );
  });

  it('list shows publishable quotes unless --tier all; a retired ID says where it moved', () => {
    const listed = (args: string[]) =>
      JSON.parse(capture(['quotes', 'list', ...args, '--json']).output) as { tier: string }[];
    const publishable = listed([]);
    expect(publishable.length).toBe(catalog.quotes.filter((q) => q.tier === 'publishable').length);
    expect(publishable.every((q) => q.tier === 'publishable')).toBe(true);
    expect(listed(['--tier', 'all']).length).toBe(catalog.quotes.length);
    expect(() => capture(['quotes', 'list', '--tier', 'some'])).toThrow(/--tier/);
    const { aliases } = loadArtifacts();
    const [oldId, alias] = Object.entries(aliases.aliases).find(([, a]) => a.successor)!;
    const { output } = capture(['quotes', 'show', oldId]);
    expect(output).toContain(`quote ${oldId} moved to ${alias.successor}`);
    expect(output).toContain(`id          ${alias.successor}`);
  });

  it('list accepts a traditional-script speaker name', () => {
    const { output } = capture(['quotes', 'list', '--speaker', '閆俊杰', '--limit', '1']);
    expect(output).toMatch(/闫俊杰/);
  });

  it('show prints the quote, speaker and the whole paragraph with the span marked', () => {
    const { output } = capture(['quotes', 'show', first.id]);
    expect(output).toContain(`“${first.text}”`);
    expect(output).toContain(first.speaker);
    expect(output).toContain(`⟦${first.text}⟧`);
    expect(output).toMatch(
      new RegExp(`${first.paragraph} \\(quotes/sources/\\d{3}_[0-9a-f]+\\.txt line \\d+\\)`),
    );
  });

  it('show nests inner quotation marks and prints the cleaned source title, like the pages', () => {
    const nested = catalog.quotes.find(
      (q) => q.source === 'yan-junjie-waves-2024' && q.text.includes('“'),
    )!;
    const { output } = capture(['quotes', 'show', nested.id]);
    const [first] = output.split('\n');
    // One outer pair; the inner marks become ‘’ (the bug printed “…“…”。”).
    expect(first).toMatch(/^“[^“”]*‘[^“”]+’[^“”]*”$/u);
    const source = output.split('\n').find((line) => line.startsWith('source'))!;
    // The captured title is width-folded ("MiniMax闫俊杰对话黄明明:AGI,只有…").
    expect(source).toContain('MiniMax 闫俊杰对话黄明明：AGI，');
    expect(source).not.toMatch(/[:,]/u);
  });

  it('search finds quotes by text in either script', () => {
    const simplified = capture(['quotes', 'search', '爬楼梯', '--json']).output;
    expect((JSON.parse(simplified) as unknown[]).length).toBeGreaterThan(0);
    const quote = catalog.quotes.find((q) => q.source === 'yan-junjie-waves-2024')!;
    const probe = quote.text.slice(0, 6);
    expect(capture(['quotes', 'search', probe]).output).toContain(quote.id);
  });

  it('unknown IDs, verbs and flags are clear errors', () => {
    expect(() => capture(['quotes', 'show', 'nope'])).toThrowError(/no quote with ID "nope"/);
    expect(() => capture(['quotes', 'frobnicate'])).toThrowError(
      /unknown quotes verb "frobnicate"; verbs are list, show, search/,
    );
    expect(() => capture(['quotes', 'list', '--colour'])).toThrowError(YuluError);
    expect(() => capture(['quotes', 'list', '--min-score', 'high'])).toThrowError(
      /--min-score must be a number, got "high"/,
    );
  });
});

describe('yulu --help', () => {
  const cases: [argv: string[], shows: string][] = [
    [[], 'usage: yulu <command>'],
    [['--help'], 'usage: yulu <command>'],
    [['-h'], 'usage: yulu <command>'],
    [['help'], 'usage: yulu <command>'],
    [['help', 'quotes'], 'usage: yulu quotes list'],
    [['quotes', '--help'], 'usage: yulu quotes list'],
    [['quotes', 'list', '--help'], 'usage: yulu quotes list'],
    [['quotes', 'show', '--help'], 'usage: yulu quotes show <id>'],
    [['quotes', 'search', '-h'], 'usage: yulu quotes search <text>'],
    [['corpus', '--help'], 'usage: yulu corpus report'],
    [['corpus', 'report', '--help'], 'usage: yulu corpus report'],
    [['catalog', '--help'], 'usage: yulu catalog build'],
    [['catalog', 'build', '--help'], 'usage: yulu catalog build'],
    [['catalog', 'check', '--help'], 'usage: yulu catalog check'],
    [['daily', '--help'], 'usage: yulu daily [--date'],
    [['daily', 'export', '--help'], 'usage: yulu daily export --from'],
    [['render', '--help'], 'usage: yulu render <id>'],
    [['render', 'abcd1234', '--help'], 'usage: yulu render <id>'],
  ];
  it.each(cases)('yulu %j prints its usage and exits 0, running nothing', (argv, shows) => {
    // Synchronous: help never loads the catalog, opens the store or builds anything.
    const { code, output } = capture(argv);
    expect(code).toBe(0);
    expect(output.startsWith(shows)).toBe(true);
  });

  it('the bin exits 0 for a sub-verb --help', () => {
    const out = execFileSync('node', ['bin/yulu.js', 'daily', 'export', '--help'], {
      encoding: 'utf8',
    });
    expect(out).toMatch(/^usage: yulu daily export --from YYYY-MM-DD --to YYYY-MM-DD -o DIR/);
  });
});

describe('yulu corpus report', () => {
  it('prints per-source figures', () => {
    const { output } = capture(['corpus', 'report']);
    for (const slug of catalog.sources.map((s) => s.slug)) expect(output).toContain(slug);
    expect(output).toMatch(/excluded +.*furniture: link list/);
    expect(output).toMatch(/repairs +.*full-width-punctuation \d+/);
    expect(output).toMatch(/quotes +杨植麟 \d+/);
  });
});

describe('the installed bin', () => {
  it('runs through `node bin/yulu.js` and exits non-zero with a message on errors', () => {
    const out = execFileSync('node', ['bin/yulu.js', 'quotes', 'show', first.id], {
      encoding: 'utf8',
    });
    expect(out).toContain(first.text);
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync('node', ['bin/yulu.js', 'quotes', 'show', 'zzzzzzzz'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toMatch(/yulu: no quote with ID "zzzzzzzz".*\[quote_not_found\]/);
  });
});
