import { resolveEdited } from '../desk/overlay.ts';
import type { EditorialStore, PublishedDay, QuoteStatus } from '../desk/store.ts';
import { YuluError } from '../errors.ts';
import type { QuoteLibrary, ResolvedQuote } from '../quotes/library.ts';
import { contentHash } from '../text/hash.ts';
import { addDays, daysBetween, daysFrom, parseDay, todayInShanghai } from './calendar.ts';
import { dailyPool } from './pool.ts';
import { planDays, type DailyHow, type PlanEntry, type PlannedDay } from './plan.ts';

/** The first daily quote, unless configured otherwise (DAILY_FIRST_DAY). */
export const DEFAULT_FIRST_DAY = '2026-11-01';
/** Previews reach this many days ahead of today; further is a 400. */
export const PREVIEW_DAYS = 365;

export interface DailyOptions {
  library: QuoteLibrary;
  store: () => Promise<EditorialStore>;
  /** The first day with a daily quote (YYYY-MM-DD, Asia/Shanghai). */
  firstDay?: string | undefined;
  now?: () => Date;
}

/** A day's quote as pages, feeds and the API show it (errata and trims applied). */
export interface DailyQuote extends ResolvedQuote {
  date: string;
  how: DailyHow;
  /** True once the day has gone out; false for a preview (which is what will go out unless an
   * editor changes the schedule or the pool first). */
  published: boolean;
}

/**
 * The daily quote, read and published. Reading never writes: every answer is the pure plan
 * (plan.ts) over what the store holds. Days become fixed only through `publishDue`, which the
 * publishing job calls (Cron Trigger, the Node server's day timer, `yulu daily publish`).
 */
export class DailyService {
  readonly firstDay: string;
  private readonly now: () => Date;
  /** The last plan, keyed by a fingerprint of every input, reused while nothing changed. */
  private cached: { key: string; through: string; plan: Map<string, PlannedDay> } | undefined;

  constructor(private readonly options: DailyOptions) {
    this.firstDay = parseDay(options.firstDay ?? DEFAULT_FIRST_DAY);
    this.now = options.now ?? (() => new Date());
  }

  today(): string {
    return todayInShanghai(this.now());
  }

  /**
   * One day's quote. `preview`: future days up to a year ahead are answered (the API, the desk);
   * otherwise only days that have gone out (pages, feeds). Errors name the allowed range.
   */
  async day(date: string, { preview = false } = {}): Promise<DailyQuote> {
    const day = parseDay(date);
    const today = this.today();
    if (day < this.firstDay)
      throw new YuluError(
        'daily_not_found',
        `the daily quote starts on ${this.firstDay}; there is none for ${day}`,
      );
    if (!preview && day > today)
      throw new YuluError(
        'daily_not_found',
        `${day} has not gone out yet (today in Shanghai is ${today})`,
      );
    if (daysBetween(today, day) > PREVIEW_DAYS)
      throw new YuluError(
        'invalid_argument',
        `date ${day} is more than ${PREVIEW_DAYS} days ahead of today (${today}); ask for ${addDays(today, PREVIEW_DAYS)} or earlier`,
      );
    const store = await this.options.store();
    const planned = (await this.plan(store)).get(day);
    if (!planned)
      throw new YuluError(
        'daily_not_found',
        `no quote satisfies the daily rules on ${day}: the pool is exhausted`,
      );
    return this.describe(planned, store);
  }

  /**
   * The plan's days from `from` to `to` (both included) as the desk's calendar shows them:
   * published, scheduled and automatic alike, without resolving their quotes. Days before the
   * first day or past the preview range have no entry. Reads only.
   */
  async days(from: string, to: string): Promise<PlannedDay[]> {
    const store = await this.options.store();
    const plan = await this.plan(store);
    const out: PlannedDay[] = [];
    for (const day of daysFrom(maxDay(from, this.firstDay), to)) {
      const planned = plan.get(day);
      if (planned) out.push(planned);
    }
    return out;
  }

  /** The days that have gone out, newest first: up to `count` days ending today. */
  async recent(count: number): Promise<DailyQuote[]> {
    const today = this.today();
    if (today < this.firstDay) return [];
    const store = await this.options.store();
    const plan = await this.plan(store);
    const days = daysFrom(maxDay(this.firstDay, addDays(today, 1 - count)), today).reverse();
    const out: DailyQuote[] = [];
    for (const day of days) {
      const planned = plan.get(day);
      if (planned) out.push(await this.describe(planned, store));
    }
    return out;
  }

  /**
   * Fixes every day from the first day through today that has not gone out yet, as the plan has
   * it now (a job that missed a day catches up). Idempotent: a second run publishes nothing.
   */
  async publishDue(): Promise<PublishedDay[]> {
    const today = this.today();
    if (today < this.firstDay) return [];
    const store = await this.options.store();
    const plan = await this.plan(store);
    const due = [...plan.values()].filter((d) => !d.published && d.date <= today);
    const written = await store.publish(
      due.map((d) => ({ day: d.date, quoteId: d.id, how: d.how })),
    );
    this.cached = undefined;
    return written;
  }

  /**
   * The plan through the last day a preview reaches, over the store's current state; computed
   * once per state (a few tens of milliseconds) and reused while nothing changed.
   */
  private async plan(store: EditorialStore): Promise<Map<string, PlannedDay>> {
    const { library } = this.options;
    const through = addDays(this.today(), PREVIEW_DAYS);
    const [statuses, published, scheduled] = await Promise.all([
      store.statuses(),
      store.published(this.firstDay, LAST_DAY),
      // Every scheduled day from the first: the key below then stays the same whatever `through`.
      store.schedule(this.firstDay, LAST_DAY),
    ]);
    const key = contentHash(
      JSON.stringify([
        library.quotes.length,
        library.quotes[0]?.id,
        statuses.map((s) => [s.quoteId, s.status]),
        published.map((p) => [p.day, p.quoteId, p.how]),
        scheduled.map((s) => [s.day, s.quoteId]),
      ]),
    );
    if (this.cached?.key === key && this.cached.through >= through) return this.cached.plan;

    const statusOf = new Map<string, QuoteStatus>(statuses.map((s) => [s.quoteId, s.status]));
    const entry = async (id: string): Promise<PlanEntry | undefined> => {
      const speaker = library.find(id)?.speaker ?? (await this.speakerOf(id, store));
      return speaker ? { id, speaker } : undefined;
    };
    const publishedDays = new Map<string, PlanEntry & { how: DailyHow }>();
    for (const p of published) {
      const e = await entry(p.quoteId);
      if (e) publishedDays.set(p.day, { ...e, how: p.how });
    }
    const scheduledDays = new Map<string, PlanEntry>();
    for (const s of scheduled) {
      const e = await entry(s.quoteId);
      if (e) scheduledDays.set(s.day, e);
    }
    const plan = planDays(
      {
        firstDay: this.firstDay,
        pool: dailyPool(library.quotes, statusOf),
        published: publishedDays,
        scheduled: scheduledDays,
      },
      through,
    );
    this.cached = { key, through, plan };
    return plan;
  }

  /** The speaker of an editor's trim (not in the catalog); undefined when the ID is unknown. */
  private async speakerOf(id: string, store: EditorialStore): Promise<string | undefined> {
    try {
      return (await resolveEdited(id, this.options.library, store)).quote.speaker;
    } catch (error) {
      if (error instanceof YuluError && error.status === 404) return undefined;
      throw error;
    }
  }

  private async describe(planned: PlannedDay, store: EditorialStore): Promise<DailyQuote> {
    const resolved = await resolveEdited(planned.id, this.options.library, store);
    return { ...resolved, date: planned.date, how: planned.how, published: planned.published };
  }
}

const LAST_DAY = '9999-12-31';
const maxDay = (a: string, b: string) => (a > b ? a : b);
