import { YuluError } from '../errors.ts';

/** Daily quotes follow the calendar in China, whatever the server's clock zone. */
export const DAILY_TIME_ZONE = 'Asia/Shanghai';

/** Today's date (YYYY-MM-DD) in Asia/Shanghai. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: DAILY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The instant the next Shanghai day begins (Shanghai has no daylight saving: UTC+8 all year). */
export function nextShanghaiMidnight(now: Date = new Date()): Date {
  const tomorrow = addDays(todayInShanghai(now), 1);
  return new Date(`${tomorrow}T00:00:00+08:00`);
}

/** A calendar date `YYYY-MM-DD` that exists, or a 400 naming the input. */
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

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Every day from `from` to `to`, both included (empty when `from` is later). */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
