import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CardModel } from '../card/compose.ts';
import { cardSpec, type CardEngine, type CardSpec } from '../card/engine.ts';
import { YuluError } from '../errors.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import { parse } from './args.ts';
import { cardFileName } from './file-names.ts';
import { ProgressBar } from './progress.ts';

export const RENDER_USAGE = `yulu render <id> [--size og|square|portrait|xiaohongshu|story] [--theme T] [--script hans|hant|tw|hk] [--scale 1|2] [--layout horizontal|vertical] [--svg] [--lines] [-o card.png]
       yulu render --all | --speaker NAME | --ids a,b,c  [same options] -o DIR
         (a batch writes DIR/<id>-<size>-<theme>-<script>[@2x].png, so batches in other sizes, themes or scripts can share DIR)`;

export interface RenderIo {
  out: (line: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
}

/** `yulu render`: one card to a file, or a batch to a directory with progress and a summary. */
export async function renderCommand(
  library: QuoteLibrary,
  engine: CardEngine,
  args: string[],
  io: RenderIo,
): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      size: { type: 'string' },
      theme: { type: 'string' },
      script: { type: 'string' },
      scale: { type: 'string' },
      layout: { type: 'string' },
      svg: { type: 'boolean' },
      lines: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      all: { type: 'boolean' },
      speaker: { type: 'string' },
      ids: { type: 'string' },
    },
    RENDER_USAGE,
  );
  const spec = cardSpec(values);
  const format = values.svg ? 'svg' : 'png';

  const batch = values.all || values.speaker !== undefined || values.ids !== undefined;
  const job: RenderJob = { library, engine, spec, format, io };
  return batch ? renderBatch(job, positionals, values) : renderSingle(job, positionals, values);
}

/** What every card of one run shares: where quotes and cards come from, the spec, the output. */
interface RenderJob {
  library: QuoteLibrary;
  engine: CardEngine;
  spec: CardSpec;
  format: 'svg' | 'png';
  io: RenderIo;
}

interface RenderValues {
  output?: string;
  lines?: boolean;
  all?: boolean;
  speaker?: string;
  ids?: string;
}

/** One card to a file (or its laid-out lines with --lines); a retired ID renders its successor. */
async function renderSingle(
  { library, engine, spec, format, io }: RenderJob,
  positionals: string[],
  values: RenderValues,
): Promise<number> {
  const [id, extra] = positionals;
  if (!id || extra)
    throw new YuluError(
      'invalid_argument',
      `give exactly one quote ID, or --all / --speaker / --ids\nusage: ${RENDER_USAGE}`,
    );
  // A retired ID (quotes/aliases.json) renders its successor, and says so.
  const moved = library.retired(id)?.successor;
  if (moved) io.err(`quote ${id} moved to ${moved} (a catalog rebuild retired the old ID)\n`);
  const target = moved ?? id;
  if (values.lines) {
    // The quote's lines as laid out, for reviewing breaks without opening images.
    for (const line of cardLines((await engine.svg(target, spec)).model)) io.out(line);
    return 0;
  }
  const file = values.output ?? cardFileName(target, spec, format);
  const bytes = await renderOne(engine, target, spec, format);
  writeOut(file, bytes);
  io.out(`wrote ${file} (${bytes.length} bytes)`);
  return 0;
}

/** A batch to a directory, with a progress bar and a summary; a failed card does not stop it. */
async function renderBatch(
  { library, engine, spec, format, io }: RenderJob,
  positionals: string[],
  values: RenderValues,
): Promise<number> {
  if (positionals.length > 0)
    throw new YuluError(
      'invalid_argument',
      `a batch takes no positional IDs (got ${positionals.join(' ')}); use --ids a,b`,
    );
  if (!values.output)
    throw new YuluError(
      'invalid_argument',
      `a batch needs an output directory: -o DIR\nusage: ${RENDER_USAGE}`,
    );
  const ids = selectIds(library, values);
  if (ids.length === 0) throw new YuluError('invalid_argument', 'the selection matched no quotes');

  const dir = values.output;
  mkdirSync(dir, { recursive: true });
  const bar = new ProgressBar(ids.length, io);
  const failures: { id: string; message: string }[] = [];
  let bytes = 0;
  const started = performance.now();
  for (const id of ids) {
    try {
      const data = await renderOne(engine, id, spec, format);
      writeFileSync(join(dir, cardFileName(id, spec, format)), data);
      bytes += data.length;
    } catch (error) {
      if (!(error instanceof YuluError)) throw error;
      failures.push({ id, message: `${error.message} [${error.code}]` });
    }
    bar.tick(id);
  }
  bar.done();
  const seconds = (performance.now() - started) / 1000;
  const rendered = ids.length - failures.length;
  io.out(
    `rendered ${rendered} of ${ids.length} cards (${spec.size}, ${spec.theme}, ${spec.script}, ${spec.scale}x) in ${seconds.toFixed(1)} s` +
      ` — ${(bytes / 1024).toFixed(0)} KiB, ${rendered ? ((seconds * 1000) / rendered).toFixed(0) : 0} ms/card → ${dir}`,
  );
  for (const f of failures) io.out(`failed ${f.id}: ${f.message}`);
  return failures.length ? 1 : 0;
}

async function renderOne(
  engine: CardEngine,
  id: string,
  spec: CardSpec,
  format: 'svg' | 'png',
): Promise<Uint8Array> {
  if (format === 'svg') return new TextEncoder().encode((await engine.svg(id, spec)).svg);
  return (await engine.png(id, spec)).png;
}

function selectIds(
  library: QuoteLibrary,
  values: { all?: boolean; speaker?: string; ids?: string },
): string[] {
  if (values.ids !== undefined) {
    return values.ids
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (values.speaker !== undefined) {
    const quotes = library.filter({ speaker: values.speaker });
    if (quotes.length === 0) {
      const known = library
        .speakers()
        .map((s) => s.name)
        .join(', ');
      throw new YuluError(
        'invalid_argument',
        `no quotes by "${values.speaker}"; speakers are: ${known}`,
      );
    }
    return quotes.map((q) => q.id);
  }
  return library.quotes.map((q) => q.id);
}

/** `72px · 4 行` then each line between bars, with its justification spacing (after characters,
 * and 空格 after spaces) when it has some. */
export function cardLines(model: CardModel): string[] {
  const { fitted } = model.quote;
  return [
    `${fitted.fontSize}px · ${fitted.lines.length} 行`,
    ...fitted.lines.map((line, i) => {
      const spacing = fitted.letterSpacing[i] ?? 0;
      const space = fitted.spaceSpacing?.[i] ?? 0;
      const shown = [
        spacing > 0 ? ` +${spacing.toFixed(1)}px` : '',
        space > 0 ? ` 空格 +${space.toFixed(1)}px` : '',
      ].join('');
      return `${String(i + 1).padStart(2)} │${line.text}│${shown}`;
    }),
  ];
}

function writeOut(file: string, bytes: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}
