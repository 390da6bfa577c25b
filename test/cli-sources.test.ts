/**
 * `yulu sources add` on the three interviews of test/fixtures/interviews/ (one per transcript
 * format the corpus lacks: 问/答, 记者：/名字：, **名字**：), each added in turn to a temporary
 * copy of quotes/ — never the committed one. Speakers are checked paragraph by paragraph against
 * hand labels, every quote's speaker against the label of its paragraph, and every quote ID that
 * existed before each add against the catalog after it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusData } from '../src/corpus/corpus-data.ts';
import { parseSourceMeta } from '../src/corpus/meta.ts';
import { sourcesCommand } from '../src/cli/sources-command.ts';
import { YuluError } from '../src/errors.ts';
import type { Aliases } from '../src/quotes/aliases.ts';
import { buildAll, serialize } from '../src/quotes/build.ts';
import type { Catalog } from '../src/quotes/types.ts';
import { readSources } from '../src/runtime/node/sources.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FIXTURES = join(ROOT, 'test/fixtures/interviews');

interface Interview {
  file: string;
  format: string;
  title: string;
  publication: string;
  date: string;
  people: string;
  speakers: Record<string, string | null>;
}
const { interviews } = JSON.parse(readFileSync(join(FIXTURES, 'labels.json'), 'utf8')) as {
  interviews: Interview[];
};

let quotesDir: string;
const paths = () => ({ root: ROOT, quotesDir });
const read = <T>(file: string) => JSON.parse(readFileSync(join(quotesDir, file), 'utf8')) as T;
const committed = JSON.parse(readFileSync(join(ROOT, 'quotes/catalog.json'), 'utf8')) as Catalog;

beforeAll(() => {
  quotesDir = join(mkdtempSync(join(tmpdir(), 'yulu-sources-')), 'quotes');
  cpSync(join(ROOT, 'quotes'), quotesDir, { recursive: true });
});
afterAll(() => rmSync(join(quotesDir, '..'), { recursive: true, force: true }));

function add(iv: Interview, ...extra: string[]): string[] {
  const lines: string[] = [];
  const args = [
    'add',
    join(FIXTURES, iv.file),
    '--title',
    iv.title,
    '--publication',
    iv.publication,
  ];
  const code = sourcesCommand(
    [...args, '--date', iv.date, '--people', iv.people, ...extra],
    (line) => lines.push(line),
    paths(),
    'zh',
  );
  expect(code).toBe(0);
  return lines;
}

/** Every file under the quotes copy with its bytes, to prove a run wrote nothing. */
function snapshot(): Map<string, string> {
  const files = readdirSync(quotesDir, { recursive: true, encoding: 'utf8' }).sort();
  return new Map(
    files
      .filter((f) => f.includes('.'))
      .map((f) => [f, readFileSync(join(quotesDir, f), 'utf8')] as const),
  );
}

describe('yulu sources add', () => {
  it('--dry-run reports what the pipeline made of the text and writes nothing', () => {
    const before = snapshot();
    const lines = add(interviews[0]!, '--dry-run');
    expect(snapshot()).toEqual(before);
    const text = lines.join('\n');
    expect(text).toMatch(/^试运行，未写入任何文件/);
    expect(text).toContain('格式\u3000\u3000\u3000问/答');
    expect(text).toMatch(/段落\u3000\u3000\u3000共 14 段：保留 9 段讲话，排除 5 段/);
    expect(text).toMatch(/讲者\u3000\u3000\u3000林晓舟（嘉宾） 5、周蔚（采访者） 4/);
    expect(text).toMatch(/未归属\u3000\u30001 段：L3 /);
    expect(text).toMatch(/语录\u3000\u3000\u3000\d+ 条：可发布 \d+/);
    expect(text).toContain(`已有编号\u3000${committed.quotes.length} 条全部不变`);
    // The committed fonts were cut for the five sources: 深瞳智造 and 林晓舟 bring new characters.
    expect(text).toMatch(/卡片字体\u3000缺 \d+ 个字：[^ ]*瞳[^ ]* —— 运行 npm run fonts 重建/);
  });

  it('speaks English under YULU_LANG=en and warns of a speaker --people leaves out', () => {
    const iv = interviews[1]!;
    const lines: string[] = [];
    const args = [
      'add',
      join(FIXTURES, iv.file),
      '--title',
      iv.title,
      '--publication',
      iv.publication,
    ];
    sourcesCommand(
      [...args, '--date', iv.date, '--people', '沈若言:guest:启明语音', '--dry-run'],
      (line) => lines.push(line),
      paths(),
      'en',
    );
    const text = lines.join('\n');
    expect(text).toMatch(/^Dry run: nothing written\./);
    expect(text).toContain('Format       role-labels');
    // No interviewer in --people: 记者 names nobody, and the editor is told where it opens turns.
    expect(text).toContain(
      'Warning      "记者:" opens L4, L7, L9, L12, L14 but is nobody in --people',
    );
    expect(text).not.toMatch(/[\u4e00-\u9fff]{2,}\s+(?:段|条)/u);
  }, 240_000);

  for (const [n, iv] of interviews.entries()) {
    it(`adds the ${iv.format} interview (${iv.file}) with correct speakers and no existing ID changed`, () => {
      const before = read<Catalog>('catalog.json');
      const aliasesBefore = read<Aliases>('aliases.json');
      const lines = add(iv);
      expect(lines[0]).toMatch(/^已添加 quotes\/sources\/00\d_[0-9a-f]{16}\.txt/);

      // Copied byte for byte, with valid metadata.
      const stem = /sources\/(00\d_[0-9a-f]{16})\.txt/.exec(lines[0]!)![1]!;
      expect(stem.startsWith(String(5 + n).padStart(3, '0'))).toBe(true);
      const raw = readFileSync(join(quotesDir, 'sources', `${stem}.txt`), 'utf8');
      expect(raw).toBe(readFileSync(join(FIXTURES, iv.file), 'utf8'));
      const meta = parseSourceMeta(
        `${stem}.meta.json`,
        JSON.parse(readFileSync(join(quotesDir, 'sources', `${stem}.meta.json`), 'utf8')),
      );
      expect(meta).toMatchObject({ title: iv.title, publication: iv.publication, date: iv.date });

      // Every ID that existed before this add (the committed ones and earlier adds) is unchanged.
      const after = read<Catalog>('catalog.json');
      const now = new Map(after.quotes.map((q) => [q.id, q]));
      for (const q of before.quotes) expect(now.get(q.id), q.id).toEqual(q);
      for (const q of committed.quotes) expect(now.get(q.id), q.id).toEqual(q);
      expect(after.quotes.length).toBeGreaterThan(before.quotes.length);
      const aliases = read<Aliases>('aliases.json');
      expect(aliases).toMatchObject(aliasesBefore);

      // Speakers, paragraph by paragraph, against the hand labels.
      const doc = read<CorpusData>('corpus.json').documents.find((d) => d.stem === stem)!;
      const got = Object.fromEntries(doc.paragraphs.map((p) => [p.id, p.attribution.speaker]));
      const right = Object.entries(iv.speakers).filter(([id, who]) => got[id] === who).length;
      const accuracy = right / Object.keys(iv.speakers).length;
      console.info(
        `${iv.format}: attribution ${right}/${Object.keys(iv.speakers).length} = ${accuracy.toFixed(3)}`,
      );
      expect(got).toEqual(iv.speakers);

      // Every quote of the new source speaks with its paragraph's labelled speaker.
      const quotes = after.quotes.filter((q) => q.source === meta.slug);
      expect(quotes.length).toBeGreaterThan(0);
      for (const q of quotes) expect(q.speaker, q.id).toBe(iv.speakers[q.paragraph.split('-')[0]!]);
      expect(quotes.some((q) => q.tier === 'publishable')).toBe(true);

      // What was written is what a rebuild of the copy makes: `catalog check` holds there.
      const rebuilt = buildAll(readSources(join(quotesDir, 'sources')));
      expect(serialize(rebuilt.catalog)).toBe(
        readFileSync(join(quotesDir, 'catalog.json'), 'utf8'),
      );
      expect(serialize(rebuilt.corpus)).toBe(readFileSync(join(quotesDir, 'corpus.json'), 'utf8'));

      // The same text again is a duplicate, refused before anything is built.
      expect(() => add(iv)).toThrow(
        new RegExp(`^重复的来源：这段正文已在语料中（${stem}，${meta.slug}）$`),
      );
    }, 240_000);
  }
});

describe('yulu sources add, refusals: one line, invalid_argument (exit 2), nothing written', () => {
  const iv = interviews[0]!;
  const good = {
    file: join(FIXTURES, iv.file),
    title: iv.title,
    publication: iv.publication,
    date: iv.date,
    people: iv.people,
  };
  const addArgs = (o: Partial<typeof good>) => {
    const v = { ...good, ...o };
    const args = ['add', v.file, '--title', v.title, '--publication', v.publication];
    return [...args, '--date', v.date, '--people', v.people];
  };
  const committedFiles = () => readdirSync(join(ROOT, 'quotes/sources')).sort();
  const filesBefore = committedFiles();
  const cli = (args: string[], lang = 'zh') =>
    spawnSync('node', ['bin/yulu.js', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, YULU_LANG: lang, LANG: 'C' },
    });

  it.each([
    [
      'a missing file',
      addArgs({ file: 'no/such/interview.txt' }),
      '找不到文件：no/such/interview.txt',
    ],
    [
      'a day that does not exist',
      addArgs({ date: '2025-02-30' }),
      '--date 须为真实日期，格式 YYYY-MM-DD，收到“2025-02-30”',
    ],
    [
      'a date in another shape',
      addArgs({ date: '2025/3/18' }),
      '--date 须为真实日期，格式 YYYY-MM-DD，收到“2025/3/18”',
    ],
    [
      '--people without a role',
      addArgs({ people: '林晓舟,周蔚:interviewer:制造前沿' }),
      '--people 的“林晓舟”不符合 名字:角色:公司[:头衔]',
    ],
    [
      'an unknown role',
      addArgs({ people: '林晓舟:founder:深瞳智造' }),
      '--people 中的角色“founder”未知；可用：guest、嘉宾、受访者、interviewer、采访者、记者、host、主持人',
    ],
    [
      '--people without a guest',
      addArgs({ people: '周蔚:interviewer:制造前沿' }),
      '--people 中须有一位嘉宾（角色 guest），现有 0 位',
    ],
    [
      'a text the corpus has',
      addArgs({ file: join(ROOT, 'quotes/sources/002_d0fd0afe85795688.txt') }),
      '重复的来源：这段正文已在语料中（002_d0fd0afe85795688，yang-zhilin-overseas-unicorn-2024）',
    ],
    [
      'a slug the corpus has',
      [...addArgs({}), '--slug', 'yan-junjie-waves-2024'],
      '重复的来源：slug yan-junjie-waves-2024 已被 004_95c9e2481a9911a1 使用；请换一个 --slug',
    ],
    [
      'a missing --date',
      addArgs({}).slice(0, -4).concat(['--people', iv.people]),
      '缺少 --date（见 yulu sources add --help）',
    ],
    [
      'an unknown option',
      [...addArgs({}), '--force'],
      /^参数有误：Unknown option '--force'\..*（见 yulu sources add --help）$/,
    ],
  ])('refuses %s', (_what, args, message) => {
    let thrown: unknown;
    try {
      sourcesCommand(args, () => {}, { root: ROOT, quotesDir: join(ROOT, 'quotes') }, 'zh');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(YuluError);
    expect((thrown as YuluError).code).toBe('invalid_argument');
    expect((thrown as YuluError).message).toMatch(
      typeof message === 'string' ? new RegExp(`^${escape(message)}$`) : message,
    );
    expect(committedFiles()).toEqual(filesBefore);
  });

  it('as a process: the refusal is one stderr line with its code, exit 2, no stack trace', () => {
    const result = cli(['sources', ...addArgs({ people: '林晓舟:founder:深瞳智造' })]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^yulu: --people 中的角色“founder”未知；[^\n]*\[invalid_argument\]\n$/,
    );
    const english = cli(['sources', ...addArgs({ date: '18.3.2025' })], 'en');
    expect(english.status).toBe(2);
    expect(english.stderr).toBe(
      'yulu: --date must be a real day as YYYY-MM-DD, got "18.3.2025" [invalid_argument]\n',
    );
  }, 60_000);

  it('--help explains the command in Chinese, or English under YULU_LANG=en', () => {
    const zh = cli(['sources', 'add', '--help']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/^用法：yulu sources add <file> --title/);
    expect(zh.stdout).toContain('--dry-run         只报告，不写入任何文件');
    const en = cli(['help', 'sources'], 'en');
    expect(en.stdout).toMatch(/^usage: yulu sources add <file>/);
    expect(en.stdout).toContain('--dry-run         report only; write nothing');
  }, 60_000);
});
