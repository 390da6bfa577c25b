import { hash53 } from '../text/hash.ts';

/** A quote does not come back within this many days (two uses are at least 60 days apart). */
export const NO_REPEAT_DAYS = 60;
/** No speaker on more than this many days of any 7 consecutive days. */
export const SPEAKER_WEEK_LIMIT = 3;
export const WEEK_DAYS = 7;
/** Every guest at least once in any this many consecutive days, while the pool allows. */
export const GUEST_RETURN_DAYS = 14;

/** How a day got its quote: an editor scheduled it, or the plan chose it. */
export type DailyHow = 'scheduled' | 'auto';

/** A quote the plan may choose: a publishable guest quote (see pool.ts), with its review state. */
export interface PlanCandidate {
  id: string;
  speaker: string;
  /** Approved by an editor: preferred over the rest of the pool. */
  approved: boolean;
}

export interface PlanEntry {
  id: string;
  speaker: string;
}

export interface PlanInput {
  /** The first day with a daily quote. */
  firstDay: string;
  /** The pool, in any order (the plan orders it by a hash of the ID, so catalog order is irrelevant). */
  pool: readonly PlanCandidate[];
  /** Days that went out: fixed facts, whatever the pool or the schedule say now. */
  published: ReadonlyMap<string, PlanEntry & { how: DailyHow }>;
  /** The editors' picks: a scheduled day overrides the plan, which flows around it. */
  scheduled: ReadonlyMap<string, PlanEntry>;
}

export interface PlannedDay extends PlanEntry {
  date: string;
  how: DailyHow;
  /** True when the day has gone out (a stored fact), false for a preview. */
  published: boolean;
}

/**
 * The daily plan from `firstDay` through `through`: a pure function of its input, so the answer for
 * any day depends only on the pool, the editors' schedule, what has gone out and the day itself,
 * never on which days were looked up before or in what order.
 *
 * Days are decided in calendar order. A published day is taken as it went out; a scheduled day is
 * the editor's pick; any other day goes to a guest who has an unused quote and would not exceed 3
 * days of any 7 (counting the days decided before and the fixed days after):
 * - a guest about to miss the 14-day return (absent for 14 − the number of guests days or more)
 *   goes first, the longest absent first (earliest deadline first keeps every guest's deadline);
 * - otherwise a guest chosen by a hash of the date among those not on yesterday's card.
 * Of that guest's quotes, the approved ones come first, then the least recently used, then a fixed
 * hash order of IDs. A quote used — or fixed — within 59 days either side is never chosen. A day
 * where nothing satisfies the rules has no entry.
 */
export function planDays(input: PlanInput, through: string): Map<string, PlannedDay> {
  const first = dayNumber(input.firstDay);
  const last = dayNumber(through);
  const fixed = new Map<number, PlanEntry>();
  for (const [day, entry] of input.scheduled) fixed.set(dayNumber(day), entry);
  for (const [day, entry] of input.published) fixed.set(dayNumber(day), entry);
  const bySpeaker = poolBySpeaker(input.pool);
  const speakers = [...bySpeaker.keys()];
  const decided = new Map<number, PlanEntry>();
  const lastSeen = new Map<string, number>();
  const lastUsed = new Map<string, number>();
  const speakerOn = (day: number, today: number) =>
    day < today ? decided.get(day)?.speaker : fixed.get(day)?.speaker;

  const planned = new Map<string, PlannedDay>();
  for (let day = first; day <= last; day++) {
    const date = dayString(day);
    const published = input.published.get(date);
    const scheduled = input.scheduled.get(date);
    let entry: PlannedDay | undefined;
    if (published) entry = { date, ...published, published: true };
    else if (scheduled) entry = { date, ...scheduled, how: 'scheduled', published: false };
    else {
      const used = new Set<string>();
      for (let k = 1; k < NO_REPEAT_DAYS; k++) {
        const before = decided.get(day - k);
        if (before) used.add(before.id);
        const after = fixed.get(day + k);
        if (after) used.add(after.id);
      }
      const open = speakers
        .filter((speaker) => withinWeekLimit(day, speaker, speakerOn))
        .map((speaker) => ({
          speaker,
          quote: leastRecent(bySpeaker.get(speaker) ?? [], used, lastUsed),
          absent: day - (lastSeen.get(speaker) ?? first - GUEST_RETURN_DAYS),
          spacing: Math.ceil(NO_REPEAT_DAYS / Math.max(1, bySpeaker.get(speaker)?.length ?? 1)),
        }))
        .filter(
          (s): s is { speaker: string; quote: PlanCandidate; absent: number; spacing: number } =>
            !!s.quote,
        );
      const chosen = chooseGuest(open, date);
      if (chosen)
        entry = {
          date,
          id: chosen.quote.id,
          speaker: chosen.speaker,
          how: 'auto',
          published: false,
        };
    }
    if (!entry) continue;
    planned.set(date, entry);
    decided.set(day, entry);
    lastSeen.set(entry.speaker, day);
    lastUsed.set(entry.id, day);
  }
  return planned;
}

/**
 * Earliest deadline first when a guest's 14 days run out; otherwise a hash of the date among the
 * guests rested enough: absent since yesterday at least, and for a guest with few quotes, for
 * as long as their pool lasts over 60 days (18 quotes: every 4th day), so a small pool is rationed
 * instead of running dry and leaving a day the others may not fill (3 days of 7 each).
 */
function chooseGuest<T extends { speaker: string; absent: number; spacing: number }>(
  open: readonly T[],
  date: string,
): T | undefined {
  const urgent = open
    .filter((s) => s.absent >= GUEST_RETURN_DAYS - open.length)
    .sort((a, b) => b.absent - a.absent || (a.speaker < b.speaker ? -1 : 1));
  if (urgent[0]) return urgent[0];
  const pick = (list: readonly T[]) => list[hash53(`daily:${date}`) % list.length];
  const rationed = open.filter((s) => s.absent > 1 && s.absent >= s.spacing);
  if (rationed.length) return pick(rationed);
  const rested = open.filter((s) => s.absent > 1);
  return pick(rested.length ? rested : open);
}

/** Would one more day for `speaker` on `day` keep every 7-day window around it within the limit? */
function withinWeekLimit(
  day: number,
  speaker: string,
  speakerOn: (day: number, today: number) => string | undefined,
): boolean {
  const on: boolean[] = [];
  for (let k = -(WEEK_DAYS - 1); k < WEEK_DAYS; k++)
    on.push(k !== 0 && speakerOn(day + k, day) === speaker);
  for (let start = 0; start < WEEK_DAYS; start++) {
    let count = 1;
    for (let k = start; k < start + WEEK_DAYS; k++) if (on[k]) count++;
    if (count > SPEAKER_WEEK_LIMIT) return false;
  }
  return true;
}

/** The approved-first, least recently used quote not in `used` (pool order breaks ties). */
function leastRecent(
  quotes: readonly PlanCandidate[],
  used: ReadonlySet<string>,
  lastUsed: ReadonlyMap<string, number>,
): PlanCandidate | undefined {
  let best: PlanCandidate | undefined;
  let bestRank = Infinity;
  for (const quote of quotes) {
    if (used.has(quote.id)) continue;
    // Approved before the rest; within each, never used (−1) before the least recently used.
    const rank = (quote.approved ? 0 : 1e7) + (lastUsed.get(quote.id) ?? -1);
    if (rank < bestRank) {
      best = quote;
      bestRank = rank;
    }
  }
  return best;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayString = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** Each speaker's quotes in a fixed pseudo-random order (a hash of the ID), deduplicated. */
function poolBySpeaker(pool: readonly PlanCandidate[]): Map<string, PlanCandidate[]> {
  const seen = new Set<string>();
  const bySpeaker = new Map<string, PlanCandidate[]>();
  const ordered = [...pool].sort((a, b) => hash53(a.id) - hash53(b.id) || (a.id < b.id ? -1 : 1));
  for (const quote of ordered) {
    if (seen.has(quote.id)) continue;
    seen.add(quote.id);
    const list = bySpeaker.get(quote.speaker) ?? [];
    list.push(quote);
    bySpeaker.set(quote.speaker, list);
  }
  return new Map([...bySpeaker].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
