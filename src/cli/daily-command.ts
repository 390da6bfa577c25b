import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardPath, cardSpec, type CardEngine } from '../card/engine.ts';
import { CARD_SIZES } from '../card/templates.ts';
import { daysFrom, parseDay } from '../daily/calendar.ts';
import { DailyService, PREVIEW_DAYS } from '../daily/service.ts';
import type { EditorialStore } from '../desk/store.ts';
import { YuluError } from '../errors.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import { parse } from './args.ts';
import { refuseLoopbackExport, type CardOrigin } from './card-origin.ts';
import { cardFileName } from './file-names.ts';
import { ProgressBar } from './progress.ts';
import type { RenderIo } from './render-command.ts';

export const DAILY_USAGE = `yulu daily [--date YYYY-MM-DD] [--json]
       yulu daily publish
       yulu daily export --from YYYY-MM-DD --to YYYY-MM-DD -o DIR [--theme T] [--script S] [--allow-loopback]`;
const MAX_EXPORT_DAYS = PREVIEW_DAYS + 1;

/**
 * `yulu daily`: a day's quote (a preview for future days); `yulu daily publish`: fix every day that
 * has gone out (what the server's day timer and the Worker's Cron Trigger do); `yulu daily export`:
 * every day's cards in every size as they will be served, with a manifest.
 * The first day comes from DAILY_FIRST_DAY, as for the server.
 */
export async function dailyCommand(
  library: QuoteLibrary,
  store: EditorialStore,
  engine: () => Promise<CardEngine>,
  args: string[],
  io: RenderIo,
  origin: CardOrigin,
): Promise<number> {
  const daily = new DailyService({
    library,
    store: async () => store,
    firstDay: process.env.DAILY_FIRST_DAY,
  });
  if (args[0] === 'export') return exportDays(daily, engine, args.slice(1), io, origin);
  if (args[0] === 'publish') {
    if (args.length > 1)
      throw new YuluError(
        'invalid_argument',
        `daily publish takes no arguments\nusage: ${DAILY_USAGE}`,
      );
    const written = await daily.publishDue();
    for (const day of written) io.out(`${day.day}  ${day.quoteId}  (${day.how})`);
    io.out(
      written.length
        ? `published ${written.length} day(s) through ${daily.today()}`
        : `nothing to publish: every day through ${daily.today()} has gone out`,
    );
    return 0;
  }
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
  const day = await daily.day(values.date ?? daily.today(), { preview: true });
  if (values.json) {
    io.out(
      JSON.stringify(
        { date: day.date, how: day.how, published: day.published, quote: day.quote },
        null,
        2,
      ),
    );
    return 0;
  }
  const state = day.published ? '已发布' : '预览';
  io.out(`${day.date}（${day.how === 'scheduled' ? '编辑排期' : '自动选取'} · ${state}）`);
  io.out(`“${library.simplified(day.quote)}”`);
  io.out(`— ${day.quote.speaker} · ${day.quote.id}`);
  return 0;
}

/**
 * Every day's cards as the site will serve them (errata and trims applied, the same spec and
 * renderer as `/cards/…`), and `manifest.json`: per day the date, ID, text, speaker and files.
 */
async function exportDays(
  daily: DailyService,
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
  if (from > to) throw new YuluError('invalid_argument', `--from ${from} is after --to ${to}`);
  const days = daysFrom(from, to);
  if (days.length > MAX_EXPORT_DAYS)
    throw new YuluError('invalid_argument', `export at most ${MAX_EXPORT_DAYS} days at a time`);
  // Resolve every day before rendering anything: a day out of range fails the export up front.
  const picks = [];
  for (const day of days) picks.push(await daily.day(day, { preview: true }));
  refuseLoopbackExport(origin, values['allow-loopback'] === true);
  const engine = await engineOf();
  const bar = new ProgressBar(days.length * CARD_SIZES.length, io);
  const manifest = [];
  for (const pick of picks) {
    const dir = join(values.output, pick.date);
    mkdirSync(dir, { recursive: true });
    const files = [];
    for (const size of CARD_SIZES) {
      const spec = cardSpec({ size: size.name, theme: values.theme, script: values.script });
      const file = cardFileName(pick.quote.id, spec, 'png');
      writeFileSync(join(dir, file), (await engine.png(pick.quote.id, spec, pick)).png);
      files.push({
        size: size.name,
        file: `${pick.date}/${file}`,
        url: `${engine.baseUrl}${cardPath(pick, spec, 'png', engine.version)}`,
      });
      bar.tick(`${pick.date} ${size.name}`);
    }
    manifest.push({
      date: pick.date,
      id: pick.quote.id,
      text: pick.quote.text,
      speaker: pick.quote.speaker,
      how: pick.how,
      published: pick.published,
      permalink: engine.permalink(pick.quote.id),
      files,
    });
  }
  bar.done();
  writeFileSync(join(values.output, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  io.out(
    `exported ${days.length} days, ${manifest.length * CARD_SIZES.length} cards and manifest.json → ${values.output}`,
  );
  return 0;
}
