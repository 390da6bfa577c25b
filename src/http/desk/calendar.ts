import type { CardContent } from '../../card/card-version.ts';
import { addDays, todayInShanghai } from '../../daily/calendar.ts';
import { NO_REPEAT_DAYS } from '../../daily/plan.ts';
import { resolveEdited } from '../../desk/overlay.ts';
import type { Session } from '../../desk/session.ts';
import type { ScheduleRecord } from '../../desk/store.ts';
import { YuluError } from '../../errors.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { deskPage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { cardHref, type Links } from '../links.ts';
import { frame } from './chrome.ts';
import {
  conflictLine,
  conflictStatus,
  hidden,
  readForm,
  unlessConflict,
  writeContext,
} from './forms.ts';
import type { Desk, DeskOptions } from './types.ts';
import { shortQuote, words, type Words } from './words.ts';

/** More than this many days of one speaker in a week is flagged on the calendar. */
const SPEAKER_WEEK_LIMIT = 3;
const DAY_MS = 86_400_000;
const MONTH = /^(\d{4})-(\d{2})$/;

/** What an editor should know about a day's pick: a repeat too soon, one speaker too often. */
function warnings(
  w: Words,
  library: QuoteLibrary,
  days: readonly ScheduleRecord[],
  day: string,
  entry: ScheduleRecord,
): string[] {
  const out: string[] = [];
  const quote = library.find(entry.quoteId);
  const repeat = days.find(
    (d) =>
      d.quoteId === entry.quoteId &&
      d.day !== day &&
      Math.abs(Date.parse(d.day) - Date.parse(day)) <= NO_REPEAT_DAYS * DAY_MS,
  );
  if (repeat) out.push(w.repeats(repeat.day, NO_REPEAT_DAYS));
  const week = days.filter((d) => Math.abs(Date.parse(d.day) - Date.parse(day)) < 4 * DAY_MS);
  const same = week.filter((d) => library.find(d.quoteId)?.speaker === quote?.speaker).length;
  if (quote && same > SPEAKER_WEEK_LIMIT) out.push(w.tooOften(quote.speaker, same));
  return out;
}

interface Cell {
  day: string;
  inMonth: boolean;
  entry: ScheduleRecord | undefined;
  warned: string[];
}

/** What a day's cell shows of its quote: catalog quotes and editors' trims alike. */
interface Shown {
  text: string;
  speaker: string;
  /** What the day's card draws (errata applied), for its thumbnail's content-versioned URL. */
  content: CardContent;
}

function dayCell(
  w: Words,
  shown: ReadonlyMap<string, Shown>,
  links: Links,
  session: Session,
  today: string,
  { day, inMonth, entry, warned }: Cell,
): Html {
  const quote = entry ? shown.get(entry.quoteId) : undefined;
  const text = quote?.text;
  const weekday = w.weekdays[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7];
  const past = day < today;
  const classes = ['day', inMonth ? '' : 'out', past ? 'past' : '', day === today ? 'today' : '']
    .filter(Boolean)
    .join(' ');
  // Seam for the daily plan (issue 14): an open day will show the plan's automatic pick here.
  return html`<li class="${classes}" data-day="${day}"${day === today ? html` aria-current="date"` : ''}>
      <span class="date">${day.slice(8).replace(/^0/, '')}<span class="wdname"> · ${weekday} · ${day}</span></span>
      ${
        entry
          ? html`<a href="/editor/q/${entry.quoteId}" class="said">${text ? shortQuote(text, 40) : entry.quoteId}</a>
          <span class="muted">${quote?.speaker ?? ''} · ${entry.quoteId}</span>
          ${quote ? html`<img src="${cardHref(links, quote.content, { size: 'og', theme: 'paper', script: 'hans', scale: 1 }, 'png')}" alt="" loading="lazy" width="300" height="158">` : ''}`
          : html`<span class="muted">${w.open}</span>`
      }
      ${warned.map((x) => html`<span class="warn">⚠ ${x}</span>`)}
      ${
        past
          ? ''
          : html`<form method="post" action="/editor/schedule">${hidden(session, entry?.version ?? 0)}
          <input type="hidden" name="day" value="${day}"><input name="quote" placeholder="${w.quoteId}" value="" aria-label="${w.quoteIdFor(day)}" autocomplete="off">
          <button>${w.schedule}<span class="vh"> ${day}</span></button></form>`
      }</li>`;
}

/** The first day of the month a `?month=YYYY-MM` names, or of this month in Asia/Shanghai. */
function monthStart(asked: string | undefined, today: string): string {
  if (!asked) return `${today.slice(0, 7)}-01`;
  const m = MONTH.exec(asked);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw new YuluError('invalid_argument', `month must look like 2026-12, not "${asked}"`);
  return `${asked}-01`;
}

const monthOf = (day: string) => day.slice(0, 7);

/** The daily-quote calendar: a month grid (Monday first) in Asia/Shanghai, with warnings. */
export function deskCalendar(app: Desk, { library, links, store }: DeskOptions): void {
  app.get('/editor/calendar', async (c) => {
    const w = words(c);
    const session = c.get('session');
    const today = todayInShanghai();
    const first = monthStart(c.req.query('month'), today);
    const lead = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
    const gridStart = addDays(first, -lead);
    let gridEnd = addDays(first, 27);
    while (monthOf(addDays(gridEnd, 1)) === monthOf(first)) gridEnd = addDays(gridEnd, 1);
    while ((new Date(`${gridEnd}T00:00:00Z`).getUTCDay() + 6) % 7 !== 6)
      gridEnd = addDays(gridEnd, 1);
    const editorial = await store();
    const days = await editorial.schedule(
      addDays(gridStart, -NO_REPEAT_DAYS),
      addDays(gridEnd, NO_REPEAT_DAYS),
    );
    const byDay = new Map(days.map((d) => [d.day, d]));
    const shown = new Map<string, Shown>();
    for (const d of days) {
      if (d.day < gridStart || d.day > gridEnd || shown.has(d.quoteId)) continue;
      const resolved = await resolveEdited(d.quoteId, library, editorial).catch(() => undefined);
      if (resolved)
        shown.set(d.quoteId, {
          text: library.simplified(resolved.quote),
          speaker: resolved.quote.speaker,
          content: resolved,
        });
    }
    const cells: Html[] = [];
    for (let day = gridStart; day <= gridEnd; day = addDays(day, 1)) {
      const entry = byDay.get(day);
      const cell = {
        day,
        inMonth: monthOf(day) === monthOf(first),
        entry,
        warned: entry ? warnings(w, library, days, day, entry) : [],
      };
      cells.push(dayCell(w, shown, links, session, today, cell));
    }
    const [y, m] = first.split('-').map(Number) as [number, number];
    const prev = monthOf(addDays(first, -1));
    const next = monthOf(addDays(first, 32));
    return deskPage(
      c,
      `${w.calendar} · ${w.month(y, m)}`,
      html`<p class="muted">${w.calendarHelp}</p>
      <nav class="monthnav" aria-label="${w.calendar}"><a href="/editor/calendar?month=${prev}" rel="prev">← ${prev}</a><a href="/editor/calendar">${today}</a><a href="/editor/calendar?month=${next}" rel="next">${next} →</a></nav>
      <ol class="month">${w.weekdays.map((d) => html`<li class="wd" aria-hidden="true">${d}</li>`)}${cells}</ol>`,
      200,
      frame(c, 'calendar'),
    );
  });

  app.post('/editor/schedule', async (c) => {
    const w = words(c);
    const form = await readForm(c);
    const day = String(form.day ?? '');
    const quoteId = String(form.quote ?? '').trim();
    await resolveEdited(quoteId, library, await store());
    const editorial = await store();
    const conflict = await unlessConflict(
      () => editorial.setSchedule(day, quoteId, writeContext(form, c.get('session'))),
      (error) =>
        deskPage(
          c,
          w.conflict,
          html`${conflictLine(error)}<p>${w.yours}: ${day} → <q class="kept">${quoteId}</q>. <a href="/editor/calendar?month=${day.slice(0, 7)}">${w.calendar}</a></p>`,
          conflictStatus(error),
          frame(c),
        ),
    );
    return conflict ?? c.redirect(`/editor/calendar?month=${day.slice(0, 7)}`, 303);
  });
}
