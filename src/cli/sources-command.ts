import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { YuluError } from '../errors.ts';
import { ROOT } from '../runtime/node/charset-sources.ts';
import { readSources } from '../runtime/node/sources.ts';
import { cliLanguage, type CliLanguage } from './language.ts';
import { parsePeople } from './sources/people-option.ts';
import { newSource } from './sources/new-source.ts';
import { planAdd, type SourcesPaths } from './sources/plan.ts';
import { formatAddReport } from './sources/report.ts';
import { sourcesWords, type SourcesWords } from './sources/words.ts';

export const SOURCES_USAGE = `yulu sources add <file> --title T --publication P --date YYYY-MM-DD --people '名字:role:公司[:头衔],…' [--dry-run]`;

const HELP: Record<CliLanguage, string> = {
  zh: `用法：${SOURCES_USAGE}
把一篇访谈加入语料：复制正文到 quotes/sources/，写入元数据，重建语录目录，并报告流水线的处理结果
（保留与排除的段落、找到的讲者与未归属的段落、修复、各级语录数、卡片字体缺少的字）。已有语录编号保持不变，否则不写入。
  <file>            UTF-8 文本，一段一行。支持：名字：前缀、问：/答：（Q:/A:）、记者：/主持人：、**名字**：（Markdown）
  --title           标题（与正文第一行相同时，该行不会被当作讲话）
  --publication     出版方或节目名
  --date            发表日期 YYYY-MM-DD；--date-estimate 表示推定日期，--date-note 写明依据
  --people          每人一项，逗号分隔：名字:角色:公司[:头衔]；角色为 guest（嘉宾）、interviewer（采访者/记者）或 host（主持人）
  --slug            网址中的名称（默认：嘉宾姓名拼音-年份）
  --script          hans（简体）或 hant（繁体）；默认按正文判断
  --kind            dialogue（对话，默认）或 article（报道）
  --url             原文网址
  --dry-run         只报告，不写入任何文件
  --paragraphs      逐段列出：段落号、类别、讲者、依据、开头
之后运行 npm run fonts 补齐卡片字体（报告会列出缺少的字），提交 quotes/ 与 fonts/。
英文输出：YULU_LANG=en。`,
  en: `usage: ${SOURCES_USAGE}
Adds an interview to the corpus: copies the text into quotes/sources/, writes its metadata, rebuilds the quote catalog and
reports what the pipeline made of it (paragraphs kept and excluded, speakers and unattributed paragraphs, repairs, quotes per
tier, characters the card fonts lack). Existing quote IDs stay unchanged, or nothing is written.
  <file>            UTF-8 text, one paragraph per line. Understood: name: prefixes, 问：/答： (Q:/A:), 记者：/主持人：, **name**： (markdown)
  --title           title (a first line equal to it is not taken for speech)
  --publication     publication or show
  --date            publication date YYYY-MM-DD; --date-estimate marks it inferred, --date-note says why
  --people          one entry per person, comma-separated: name:role:company[:title]; role is guest, interviewer or host
  --slug            name in URLs (default: the guest's name in pinyin and the year)
  --script          hans (simplified) or hant (traditional); detected from the text by default
  --kind            dialogue (default) or article
  --url             address of the original
  --dry-run         report only; write nothing
  --paragraphs      list every paragraph: id, kind, speaker, how, first words
Then run npm run fonts for the characters the report lists, and commit quotes/ and fonts/.
Chinese output: unset YULU_LANG (or YULU_LANG=zh).`,
};

const OPTIONS = {
  title: { type: 'string' },
  publication: { type: 'string' },
  date: { type: 'string' },
  people: { type: 'string' },
  slug: { type: 'string' },
  script: { type: 'string' },
  kind: { type: 'string' },
  url: { type: 'string' },
  'date-note': { type: 'string' },
  'date-estimate': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  paragraphs: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** An interview file is a few hundred kilobytes at most; anything far larger is a wrong file. */
const MAX_BYTES = 2_000_000;

export const PROJECT_PATHS: SourcesPaths = { root: ROOT, quotesDir: join(ROOT, 'quotes') };

/**
 * `yulu sources add`: an editor adds an interview in one step (README: 添加一篇访谈). Every
 * refusal is a one-line `invalid_argument` (exit 2) before anything is written; the rebuild is
 * checked in memory and then written file by file through temporary names.
 */
export function sourcesCommand(
  args: string[],
  out: (line: string) => void,
  paths: SourcesPaths = PROJECT_PATHS,
  lang: CliLanguage = cliLanguage(),
): number {
  const say = sourcesWords(lang);
  const [verb, ...rest] = args;
  if (
    verb === undefined ||
    verb === '--help' ||
    verb === '-h' ||
    rest.includes('--help') ||
    rest.includes('-h')
  ) {
    out(HELP[lang]);
    return 0;
  }
  if (verb !== 'add') throw new YuluError('invalid_argument', say.unknownVerb(verb));
  const { values, positionals } = parse(rest, say);
  if (positionals.length !== 1)
    throw new YuluError('invalid_argument', say.oneFile(positionals.length));
  const file = positionals[0] as string;
  const required = (name: 'title' | 'publication' | 'date' | 'people') => {
    const value = values[name]?.trim();
    if (!value) throw new YuluError('invalid_argument', say.missingOption(name));
    return value;
  };
  const options = {
    title: required('title'),
    publication: required('publication'),
    date: required('date'),
    people: parsePeople(required('people'), say),
  };
  const raw = readText(file, say);
  const existing = readSources(join(paths.quotesDir, 'sources'));
  const source = newSource(
    {
      ...options,
      raw,
      fileName: basename(file),
      slug: values.slug,
      script: values.script,
      kind: values.kind,
      url: values.url,
      dateNote: values['date-note'],
      dateIsEstimate: values['date-estimate'],
    },
    existing,
    say,
  );
  const plan = planAdd(source, existing, paths, say);
  const dryRun = values['dry-run'] === true;
  if (!dryRun) writeAll(paths.quotesDir, plan.writes);
  for (const line of formatAddReport(plan, lang, {
    dryRun,
    paragraphs: values.paragraphs === true,
  }))
    out(line);
  return 0;
}

function parse(args: string[], say: SourcesWords) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new YuluError(
      'invalid_argument',
      say.badOption((cause as Error).message.split('\n')[0] ?? ''),
      {
        cause,
      },
    );
  }
}

/** The file's text: UTF-8 (a BOM dropped), not empty, not huge; each failure one line. */
function readText(file: string, say: SourcesWords): string {
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_BYTES)
      throw new YuluError('invalid_argument', say.tooBig(file, MAX_BYTES));
    bytes = readFileSync(file);
  } catch (cause) {
    if (cause instanceof YuluError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    throw new YuluError(
      'invalid_argument',
      code === 'ENOENT'
        ? say.fileMissing(file)
        : say.fileUnreadable(file, code ?? (cause as Error).message),
      { cause },
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new YuluError('invalid_argument', say.notUtf8(file), { cause });
  }
  if (!text.trim()) throw new YuluError('invalid_argument', say.empty(file));
  return text;
}

/**
 * Writes every file under a temporary name first, then renames them into place: a failure while
 * writing leaves the corpus as it was (renames within one folder do not fail half-way in practice).
 */
function writeAll(quotesDir: string, writes: { file: string; text: string }[]): void {
  const staged: string[] = [];
  try {
    for (const { file, text } of writes) {
      const path = join(quotesDir, file);
      writeFileSync(`${path}.tmp`, text);
      staged.push(path);
    }
  } catch (cause) {
    for (const path of staged) rmSync(`${path}.tmp`, { force: true });
    throw new YuluError('invalid_argument', `${(cause as Error).message}`, { cause });
  }
  for (const path of staged) renameSync(`${path}.tmp`, path);
}
