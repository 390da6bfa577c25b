import { YuluError } from '../errors.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import type { Quote } from '../quotes/types.ts';
import { hash53 } from '../text/hash.ts';
import { FALLBACK_ACTOR, todayInShanghai } from './day.ts';
import { resolveEdited } from './overlay.ts';

export { DAILY_TIME_ZONE, FALLBACK_ACTOR, todayInShanghai } from './day.ts';
import type { EditorialStore, ScheduleRecord } from './store.ts';

/** A quote does not come back within this many days. */
export const NO_REPEAT_DAYS = 60;
/** Candidates good enough to stand in when nothing is approved. */
const CANDIDATE_MIN_SCORE = 0.7;

export function parseDay(day: string): string {
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
    Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ||
    new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day
  )
    throw new YuluError(
      'invalid_argument',
      `date must be a calendar date like 2026-11-23, got "${day}"`,
    );
  return day;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface DailyPick {
  date: string;
  quote: Quote;
  /** `scheduled` by an editor, or the deterministic `fallback` (fixed once the day has gone out). */
  how: 'scheduled' | 'fallback';
}

/**
 * The quote of a day: the editors' pick when one is scheduled; otherwise a deterministic pick
 * over approved quotes (then the best candidates, machine-transcript ones last), never a quote used
 * within 60 days either side.
 * A day that has gone out (today or earlier in Shanghai) keeps its pick: the fallback is written
 * to the schedule the first time it is served, so later changes to the pool cannot rewrite the past.
 */
export async function dailyPick(
  day: string,
  library: QuoteLibrary,
  store: EditorialStore,
  now: Date = new Date(),
): Promise<DailyPick> {
  const date = parseDay(day);
  const scheduled = await store.scheduled(date);
  if (scheduled)
    return {
      date,
      quote: await resolveScheduled(library, store, scheduled),
      how: scheduled.updatedBy === FALLBACK_ACTOR ? 'fallback' : 'scheduled',
    };

  const quote = await fallback(date, library, store);
  if (date <= todayInShanghai(now)) {
    try {
      await store.setSchedule(date, quote.id, {
        actor: FALLBACK_ACTOR,
        expectedVersion: 0,
        idempotencyKey: `daily:${date}`,
      });
    } catch (error) {
      // Someone fixed the day a moment ago: theirs stands.
      if (!(error instanceof YuluError && error.code === 'version_conflict')) throw error;
      const now = await store.scheduled(date);
      if (now)
        return { date, quote: await resolveScheduled(library, store, now), how: 'scheduled' };
    }
  }
  return { date, quote, how: 'fallback' };
}

async function fallback(
  date: string,
  library: QuoteLibrary,
  store: EditorialStore,
): Promise<Quote> {
  const statuses = new Map((await store.statuses()).map((s) => [s.quoteId, s.status]));
  const recent = new Set(
    (await store.schedule(addDays(date, -NO_REPEAT_DAYS), addDays(date, NO_REPEAT_DAYS))).map(
      (s) => s.quoteId,
    ),
  );
  const approved = library.quotes.filter((q) => statuses.get(q.id) === 'approved');
  const candidates = library.quotes.filter(
    (q) =>
      statuses.get(q.id) !== 'rejected' &&
      q.tier === 'publishable' &&
      q.score >= CANDIDATE_MIN_SCORE,
  );
  // Unreviewed machine-transcript wording goes out only when nothing else is left.
  const transcribed = (q: Quote) => q.flags.includes('machine-transcript');
  const pools = [
    approved,
    candidates.filter((q) => !transcribed(q)),
    candidates.filter(transcribed),
  ];
  for (const pool of pools) {
    const open = pool.filter((q) => !recent.has(q.id)).sort((a, b) => a.id.localeCompare(b.id));
    if (open.length) return open[hash53(`daily:${date}`) % open.length] as Quote;
  }
  throw new YuluError(
    'quote_not_found',
    `no quote is available for ${date}: every approved quote and candidate was used within ${NO_REPEAT_DAYS} days`,
  );
}

/** A scheduled ID may be an editor's trim, and may carry an erratum. */
async function resolveScheduled(
  library: QuoteLibrary,
  store: EditorialStore,
  record: ScheduleRecord,
): Promise<Quote> {
  return (await resolveEdited(record.quoteId, library, store)).quote;
}
