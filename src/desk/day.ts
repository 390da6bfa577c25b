/**
 * The editorial calendar's clock, below the store and the daily pick so both can read it: daily
 * quotes follow the calendar in China, whatever the server's clock zone.
 */
export const DAILY_TIME_ZONE = 'Asia/Shanghai';
/** The actor recorded when a fallback pick is fixed for a day that has gone out. */
export const FALLBACK_ACTOR = 'daily-fallback';

/** Today's date (YYYY-MM-DD) in Asia/Shanghai. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: DAILY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
