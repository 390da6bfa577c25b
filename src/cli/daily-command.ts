import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardSpec, type CardEngine } from '../card/engine.ts';
import { CARD_SIZES } from '../card/templates.ts';
import { addDays, dailyPick, parseDay, todayInShanghai } from '../desk/daily.ts';
import type { EditorialStore } from '../desk/store.ts';
import { YuluError } from '../errors.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import { parse } from './args.ts';
import { refuseLoopbackExport, type CardOrigin } from './card-origin.ts';
import { cardFileName } from './file-names.ts';
import { ProgressBar } from './progress.ts';
import type { RenderIo } from './render-command.ts';

export const DAILY_USAGE = `yulu daily [--date YYYY-MM-DD] [--json]
       yulu daily export --from YYYY-MM-DD --to YYYY-MM-DD -o DIR [--theme T] [--script S] [--allow-loopback]`;
const MAX_EXPORT_DAYS = 366;

/** `yulu daily`: the day's pick; `yulu daily export`: every day's cards in every size. */
export async function dailyCommand(
  library: QuoteLibrary,
  store: EditorialStore,
  engine: () => Promise<CardEngine>,
  args: string[],
  io: RenderIo,
  origin: CardOrigin,
): Promise<number> {
  if (args[0] === 'export') return exportDays(library, store, engine, args.slice(1), io, origin);
  const { values, positionals } = parse(
    args,
    { date: { type: 'string' }, json: { type: 'boolean' } },
    DAILY_USAGE,
  );
  if (positionals.length)
    throw new YuluError(
      'invalid_argument',
      `unexpected "${positionals.join(' ')}"\nusage: ${DAILY_USAGE}`,
    );
  const pick = await dailyPick(values.date ?? todayInShanghai(), library, store);
  if (values.json) {
    io.out(JSON.stringify({ date: pick.date, how: pick.how, quote: pick.quote }, null, 2));
    return 0;
  }
  io.out(
    `${pick.date} (${pick.how === 'scheduled' ? 'scheduled by an editor' : 'automatic pick'})`,
  );
  io.out(`“${library.simplified(pick.quote)}”`);
  io.out(`— ${pick.quote.speaker} · ${pick.quote.id}`);
  return 0;
}

async function exportDays(
  library: QuoteLibrary,
  store: EditorialStore,
  engineOf: () => Promise<CardEngine>,
  args: string[],
  io: RenderIo,
  origin: CardOrigin,
): Promise<number> {
  const { values } = parse(
    args,
    {
      from: { type: 'string' },
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
      theme: { type: 'string' },
      script: { type: 'string' },
      'allow-loopback': { type: 'boolean' },
    },
    DAILY_USAGE,
  );
  if (!values.from || !values.to || !values.output)
    throw new YuluError(
      'invalid_argument',
      `daily export needs --from, --to and -o\nusage: ${DAILY_USAGE}`,
    );
  const from = parseDay(values.from);
  const to = parseDay(values.to);
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    days.push(day);
    if (days.length > MAX_EXPORT_DAYS)
      throw new YuluError('invalid_argument', `export at most ${MAX_EXPORT_DAYS} days at a time`);
  }
  if (!days.length) throw new YuluError('invalid_argument', `--from ${from} is after --to ${to}`);
  refuseLoopbackExport(origin, values['allow-loopback'] === true);
  const engine = await engineOf();
  const bar = new ProgressBar(days.length * CARD_SIZES.length, io);
  let files = 0;
  for (const day of days) {
    const pick = await dailyPick(day, library, store);
    const dir = join(values.output, day);
    mkdirSync(dir, { recursive: true });
    for (const size of CARD_SIZES) {
      const spec = cardSpec({ size: size.name, theme: values.theme, script: values.script });
      writeFileSync(
        join(dir, cardFileName(pick.quote.id, spec, 'png')),
        (await engine.png(pick.quote.id, spec)).png,
      );
      files++;
      bar.tick(`${day} ${size.name}`);
    }
  }
  bar.done();
  io.out(`exported ${days.length} days, ${files} cards → ${values.output}`);
  return 0;
}
