import { addDays } from '../../daily/calendar.ts';
import { NO_REPEAT_DAYS, type PlannedDay } from '../../daily/plan.ts';
import { resolveEdited } from '../../desk/overlay.ts';
import { isCalendarDay } from '../../desk/store.ts';
import { YuluError } from '../../errors.ts';
import { deskPage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { dayCell, dayWarnings, isOpen, type GridContext, type Shown } from './calendar-day.ts';
import { frame } from './chrome.ts';
import { deskSchedule } from './schedule.ts';
import type { Desk, DeskOptions } from './types.ts';
import { words } from './words.ts';

const MONTH = /^(\d{4})-(\d{2})$/;

/** The first day of the month a `?month=YYYY-MM` names, or of this month in Asia/Shanghai. */
function monthStart(asked: string | undefined, today: string): string {
  if (!asked) return `${today.slice(0, 7)}-01`;
  const m = MONTH.exec(asked);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw new YuluError('invalid_argument', `month must look like 2026-12, not "${asked}"`);
  return `${asked}-01`;
}

const monthOf = (day: string) => day.slice(0, 7);

/**
 * The daily-quote calendar: a month grid (Monday first) in Asia/Shanghai showing what goes out
 * each day — published days, editors' scheduled days and the daily plan's automatic picks, each
 * marked — with the warnings that concern each day, and schedule, clear and swap on open days
 * (POST forms: schedule.ts). `?swap=DAY` picks the first day of a swap (a read; nothing written).
 */
export function deskCalendar(app: Desk, options: DeskOptions): void {
  const { library, links, store, daily } = options;
  app.get('/editor/calendar', async (c) => {
    const w = words(c);
    const session = c.get('session');
    const today = daily.today();
    const first = monthStart(c.req.query('month'), today);
    const swapAsked = c.req.query('swap');
    if (swapAsked !== undefined && !isCalendarDay(swapAsked))
      throw new YuluError(
        'invalid_argument',
        `swap must be a date like 2026-12-05, not "${swapAsked.slice(0, 40)}"`,
      );
    const { gridStart, gridEnd } = gridBounds(first);
    const editorial = await store();
    // Warnings look 60 days either side of the grid, so a repeat across months is seen.
    const planned = await daily.days(
      addDays(gridStart, -NO_REPEAT_DAYS),
      addDays(gridEnd, NO_REPEAT_DAYS),
    );
    const plan = new Map<string, PlannedDay>(planned.map((p) => [p.date, p]));
    const rows = new Map(
      (await editorial.scheduleRows(gridStart, gridEnd)).map((r) => [r.day, r] as const),
    );
    const swapping = swapAsked ? plan.get(swapAsked) : undefined;
    const swapOpen = swapping && isOpen(swapping.date, today, swapping);
    const inGrid = planned.filter((p) => p.date >= gridStart && p.date <= gridEnd);
    const grid: GridContext = {
      w,
      shown: await shownQuotes(inGrid, library, editorial),
      links,
      session,
      today,
      month: monthOf(first),
      swapping: swapOpen ? swapping : undefined,
      swapRow: swapOpen ? rows.get(swapping.date) : undefined,
    };
    const cells: Html[] = [];
    for (let day = gridStart; day <= gridEnd; day = addDays(day, 1)) {
      const entry = plan.get(day);
      cells.push(
        dayCell(grid, {
          day,
          inMonth: monthOf(day) === monthOf(first),
          planned: entry,
          row: rows.get(day),
          warned: entry ? dayWarnings(w, plan, entry) : [],
        }),
      );
    }
    const [y, m] = first.split('-').map(Number) as [number, number];
    return deskPage(
      c,
      `${w.calendar} · ${w.month(y, m)}`,
      monthView(grid, first, cells),
      200,
      frame(c, 'calendar'),
    );
  });

  deskSchedule(app, options);
}

/** The Monday before (or on) the month's first day, and the Sunday after (or on) its last. */
function gridBounds(first: string): { gridStart: string; gridEnd: string } {
  const lead = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  const gridStart = addDays(first, -lead);
  let gridEnd = addDays(first, 27);
  while (monthOf(addDays(gridEnd, 1)) === monthOf(first)) gridEnd = addDays(gridEnd, 1);
  while ((new Date(`${gridEnd}T00:00:00Z`).getUTCDay() + 6) % 7 !== 6)
    gridEnd = addDays(gridEnd, 1);
  return { gridStart, gridEnd };
}

/** Each planned quote as the grid shows it (editors' trims and errata applied); unresolvable ones left out. */
async function shownQuotes(
  planned: readonly PlannedDay[],
  library: DeskOptions['library'],
  editorial: Parameters<typeof resolveEdited>[2],
): Promise<Map<string, Shown>> {
  const shown = new Map<string, Shown>();
  for (const p of planned) {
    if (shown.has(p.id)) continue;
    const resolved = await resolveEdited(p.id, library, editorial).catch(() => undefined);
    if (resolved)
      shown.set(p.id, {
        text: library.simplified(resolved.quote),
        speaker: resolved.quote.speaker,
        content: resolved,
      });
  }
  return shown;
}

/** The month's help, swap banner, month navigation and grid of day cells. */
function monthView(grid: GridContext, first: string, cells: Html[]): Html {
  const { w, today } = grid;
  const prev = monthOf(addDays(first, -1));
  const next = monthOf(addDays(first, 32));
  // While a swap is under way, moving between months keeps it (the other day may be in another).
  const keep = grid.swapping ? `&swap=${grid.swapping.date}` : '';
  const banner = grid.swapping
    ? html`<p class="notice" role="status">${w.swapping(grid.swapping.date)} <a href="/editor/calendar?month=${grid.month}">${w.cancel}</a></p>`
    : '';
  return html`<p class="muted">${w.calendarHelp}</p>${banner}
      <nav class="monthnav" aria-label="${w.calendar}"><a href="/editor/calendar?month=${prev}${keep}" rel="prev">← ${prev}</a><a href="/editor/calendar">${today}</a><a href="/editor/calendar?month=${next}${keep}" rel="next">${next} →</a></nav>
      <ol class="month">${w.weekdays.map((d) => html`<li class="wd" aria-hidden="true">${d}</li>`)}${cells}</ol>`;
}
