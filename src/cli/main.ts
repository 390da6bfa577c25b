/** The `yulu` command line. Thin: parses arguments, loads the committed artifacts, prints. */
import { corpusReport, formatCorpusReport } from '../quotes/report.ts';
import { YuluError } from '../errors.ts';
import { QuoteLibrary } from '../quotes/library.ts';
import {
  loadArtifacts,
  rebuildArtifacts,
  writeArtifacts,
  CATALOG_PATH,
  CORPUS_PATH,
} from '../runtime/node/artifacts.ts';
import { readFileSync } from 'node:fs';
import { quotesCommand, QUOTES_USAGE } from './quotes-command.ts';
import { renderCommand, RENDER_USAGE, type RenderIo } from './render-command.ts';
import { dailyCommand, DAILY_USAGE } from './daily-command.ts';
import { editorsCommand, EDITORS_USAGE } from './editors-command.ts';
import { openNodeStore } from '../runtime/node/store.ts';
import { createNodeCardEngine } from '../runtime/node/cards.ts';
import { backupCommand, BACKUP_USAGE } from './backup-command.ts';
import { cardOrigin, loopbackWarning } from './card-origin.ts';
import { helpFor, wantsHelp } from './help.ts';
import { sourcesCommand } from './sources-command.ts';

const CORPUS_USAGE = 'yulu corpus report [--json]';
const CATALOG_USAGE = `yulu catalog build
       yulu catalog check`;

/** Each command's usage, for `yulu <command> [<verb>] --help` and `yulu help <command>`. */
const USAGES: Partial<Record<string, string>> = {
  quotes: QUOTES_USAGE,
  corpus: CORPUS_USAGE,
  catalog: CATALOG_USAGE,
  daily: DAILY_USAGE,
  render: RENDER_USAGE,
  editors: EDITORS_USAGE,
  backup: BACKUP_USAGE.split('\n')[0],
  export: BACKUP_USAGE.split('\n')[1],
  import: BACKUP_USAGE.split('\n')[2],
};

const USAGE = `usage: yulu <command> [--help]
  quotes list|show|search …   browse the quote catalog
  corpus report [--json]      per-source figures: paragraphs kept/excluded, repairs, flags, speakers
  catalog build               regenerate quotes/catalog.json and quotes/corpus.json
  catalog check               fail if the committed artifacts differ from a rebuild
  sources add <file> …        添加一篇访谈 / add an interview: copy, describe, rebuild, report (--help)
  editors add|list|revoke     named editors of the desk (tokens shown once, stored hashed)
  daily …                     the daily quote (${DAILY_USAGE.split('\n')[0]}); daily export renders days
  ${BACKUP_USAGE.replaceAll('\n', '\n  ')}
  render …                    quote cards as PNG or SVG:
    ${RENDER_USAGE.replaceAll('\n', '\n    ')}
Cards link to YULU_BASE_URL (default http://127.0.0.1:8787, loopback): set it to the public origin.`;

/**
 * Runs one command. `out` gets stdout lines; `err` gets stderr text (progress, warnings), so a
 * caller (a test) can keep both.
 */
export function run(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (text: string) => void = (text) => process.stderr.write(text),
): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h' || command === undefined) {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic === 'sources') return sourcesCommand(['--help'], out);
    const usage = topic === undefined ? undefined : USAGES[topic];
    out(topic !== undefined && usage !== undefined ? helpFor(topic, usage, rest[1]) : USAGE);
    return 0;
  }
  const usage = USAGES[command];
  if (usage !== undefined && wantsHelp(rest)) {
    out(helpFor(command, usage, rest[0]));
    return 0;
  }
  const io: RenderIo = { out, err, isTTY: process.stderr.isTTY === true };
  const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (handler === undefined)
    throw new YuluError('invalid_argument', `unknown command "${command}"\n${USAGE}`);
  return handler(rest, io);
}

/** One command: its arguments after the name, and stdout/stderr. */
type Command = (rest: string[], io: RenderIo) => number | Promise<number>;

function loadLibrary(): QuoteLibrary {
  const { catalog, corpus, aliases } = loadArtifacts();
  return new QuoteLibrary(catalog, corpus, aliases);
}

function runDaily(rest: string[], io: RenderIo): Promise<number> {
  const library = loadLibrary();
  const origin = cardOrigin();
  return openNodeStore().then((store) =>
    dailyCommand(
      library,
      store,
      () => {
        const warning = loopbackWarning(origin);
        if (warning) io.err(warning);
        return createNodeCardEngine(library, origin.origin);
      },
      rest,
      io,
      origin,
    ),
  );
}

function runRender(rest: string[], io: RenderIo): Promise<number> {
  const library = loadLibrary();
  const origin = cardOrigin();
  const warning = loopbackWarning(origin);
  if (warning) io.err(warning);
  return createNodeCardEngine(library, origin.origin).then((engine) =>
    renderCommand(library, engine, rest, io),
  );
}

function runQuotes(rest: string[], io: RenderIo): number {
  quotesCommand(loadLibrary(), rest, io.out, process.stdout.isTTY === true);
  return 0;
}

function runCorpus(rest: string[], io: RenderIo): number {
  if (rest[0] !== 'report')
    throw new YuluError(
      'invalid_argument',
      `unknown corpus verb "${rest[0] ?? ''}"; verbs are: report\n${USAGE}`,
    );
  const { catalog, corpus } = loadArtifacts();
  const report = corpusReport(corpus, catalog);
  io.out(rest.includes('--json') ? JSON.stringify(report, null, 2) : formatCorpusReport(report));
  return 0;
}

function runCatalog(rest: string[], io: RenderIo): number {
  if (rest[0] === 'build') {
    const built = writeArtifacts();
    io.out(
      `wrote quotes/catalog.json (${(JSON.parse(built.catalog) as { quotes: unknown[] }).quotes.length} quotes) and quotes/corpus.json`,
    );
    return 0;
  }
  if (rest[0] === 'check') {
    const built = rebuildArtifacts();
    const same =
      readFileSync(CATALOG_PATH, 'utf8') === built.catalog &&
      readFileSync(CORPUS_PATH, 'utf8') === built.corpus;
    io.out(
      same
        ? 'catalog is up to date'
        : 'catalog is out of date: run `npm run build:catalog` and commit the result',
    );
    return same ? 0 : 1;
  }
  throw new YuluError(
    'invalid_argument',
    `unknown catalog verb "${rest[0] ?? ''}"; verbs are: build, check\n${USAGE}`,
  );
}

/** The command table: each name to the step that loads what it needs and runs it. */
const COMMANDS: Record<string, Command> = {
  daily: runDaily,
  sources: (rest, io) => sourcesCommand(rest, io.out),
  editors: (rest, io) =>
    editorsCommand(async () => (await openNodeStore()).editors(), rest, io.out),
  render: runRender,
  backup: (rest, io) => backupCommand('backup', rest, io.out),
  export: (rest, io) => backupCommand('export', rest, io.out),
  import: (rest, io) => backupCommand('import', rest, io.out),
  quotes: runQuotes,
  corpus: runCorpus,
  catalog: runCatalog,
};

/** Runs the CLI as a process: exit code set, Yulu errors printed as one line with their code. */
export async function main(argv: string[]): Promise<void> {
  try {
    process.exitCode = await run(argv);
  } catch (error) {
    if (!(error instanceof YuluError)) throw error;
    console.error(`yulu: ${error.message} [${error.code}]`);
    process.exitCode = error.code === 'invalid_argument' ? 2 : 1;
  }
}
