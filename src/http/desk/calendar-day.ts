import type { CardContent } from '../../card/card-version.ts';
import { addDays } from '../../daily/calendar.ts';
import {
  NO_REPEAT_DAYS,
  SPEAKER_WEEK_LIMIT,
  WEEK_DAYS,
  type PlannedDay,
} from '../../daily/plan.ts';
import type { Session } from '../../desk/session.ts';
import type { ScheduleRecord } from '../../desk/store.ts';
import { html, type Html } from '../html/markup.ts';
import { cardHref, type Links } from '../links.ts';
import { hidden } from './forms.ts';
import { shortQuote, type Words } from './words.ts';

/*
 * One day of the month grid: what goes out that day (published, scheduled by an editor, or the
 * daily plan's automatic pick — each marked in words, not colour alone), the warnings that
 * concern it, and, while the day is open, its controls: schedule, clear, swap.
 */

/** What a day's cell shows of its quote: catalog quotes and editors' trims alike. */
export interface Shown {
  text: string;
  speaker: string;
  /** What the day's card draws (errata applied), for its thumbnail's content-versioned URL. */
  content: CardContent;
}

export interface DayCell {
  day: string;
  inMonth: boolean;
  /** What the plan has for the day (published, scheduled or automatic); none: nothing fits. */
  planned: PlannedDay | undefined;
  /** The day's schedule row (a cleared day keeps one), for the version forms carry. */
  row: ScheduleRecord | undefined;
  warned: string[];
}

export interface GridContext {
  w: Words;
  shown: ReadonlyMap<string, Shown>;
  links: Links;
  session: Session;
  today: string;
  month: string;
  /** The day picked as the first of a swap (`?swap=`), when one is. */
  swapping: PlannedDay | undefined;
  swapRow: ScheduleRecord | undefined;
}

/**
 * What an editor should know about a day, judged over every day the plan has (published,
 * scheduled and automatic): the same quote fewer than 60 days away, and its speaker on more than
 * 3 days of a 7-day window that contains the day.
 */
export function dayWarnings(
  w: Words,
  plan: ReadonlyMap<string, PlannedDay>,
  entry: PlannedDay,
): string[] {
  const out: string[] = [];
  for (let k = -(NO_REPEAT_DAYS - 1); k < NO_REPEAT_DAYS; k++) {
    const other = k === 0 ? undefined : plan.get(addDays(entry.date, k));
    if (other?.id === entry.id) out.push(w.repeats(other.date, NO_REPEAT_DAYS));
  }
  let most = 0;
  for (let start = -(WEEK_DAYS - 1); start <= 0; start++) {
    let count = 0;
    for (let k = start; k < start + WEEK_DAYS; k++)
      if (plan.get(addDays(entry.date, k))?.speaker === entry.speaker) count++;
    most = Math.max(most, count);
  }
  if (most > SPEAKER_WEEK_LIMIT) out.push(w.tooOften(entry.speaker, most));
  return out;
}

/** May editors still change this day? Not once it has gone out (published, or before today). */
export const isOpen = (day: string, today: string, planned: PlannedDay | undefined) =>
  day >= today && !planned?.published;

export function dayCell(g: GridContext, { day, inMonth, planned, row, warned }: DayCell): Html {
  const { w, today } = g;
  const quote = planned ? g.shown.get(planned.id) : undefined;
  const weekday = w.weekdays[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7];
  const open = isOpen(day, today, planned);
  const how = planned ? (planned.published ? 'published' : planned.how) : 'none';
  const classes = [
    'day',
    how,
    inMonth ? '' : 'out',
    open ? '' : 'past',
    day === today ? 'today' : '',
    g.swapping?.date === day ? 'swapping' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const badge = !planned
    ? ''
    : planned.published
      ? html`<span class="badge fixed">${w.publishedMark}</span>`
      : planned.how === 'scheduled'
        ? html`<span class="badge sched">${w.scheduledBy(row?.updatedBy ?? '')}</span>`
        : html`<span class="badge auto">${w.automatic}</span>`;
  return html`<li class="${classes}" id="d-${day}" data-day="${day}" data-how="${how}"${day === today ? html` aria-current="date"` : ''}>
      <span class="date">${day.slice(8).replace(/^0/, '')}<span class="wdname"> · ${weekday} · ${day}</span></span>
      ${badge}
      ${
        planned
          ? html`<a href="/editor/q/${planned.id}" class="said">${quote ? shortQuote(quote.text, 40) : planned.id}</a>
          <span class="muted">${quote?.speaker ?? planned.speaker} · ${planned.id}</span>
          ${quote ? html`<img src="${cardHref(g.links, quote.content, { size: 'og', theme: 'paper', script: 'hans', scale: 1 }, 'svg')}" alt="" loading="lazy" width="300" height="158">` : ''}`
          : html`<span class="muted">${day >= today ? w.noPick : w.open}</span>`
      }
      ${warned.map((x) => html`<span class="warn">⚠ ${x}</span>`)}
      ${open ? controls(g, day, planned, row) : ''}</li>`;
}

/** Schedule (any open day), clear (a scheduled day), swap (a day with a quote). */
function controls(
  g: GridContext,
  day: string,
  planned: PlannedDay | undefined,
  row: ScheduleRecord | undefined,
): Html {
  const { w, session } = g;
  const version = row?.version ?? 0;
  const schedule = html`<form method="post" action="/editor/schedule">${hidden(session, version)}
          <input type="hidden" name="day" value="${day}"><input name="quote" placeholder="${w.quoteId}" value="" aria-label="${w.quoteIdFor(day)}" autocomplete="off">
          <button>${w.schedule}<span class="vh"> ${day}</span></button></form>`;
  const clear =
    planned?.how === 'scheduled'
      ? html`<form method="post" action="/editor/clear" class="clear">${hidden(session, version)}<input type="hidden" name="day" value="${day}"><button>${w.clearDay}<span class="vh"> ${w.clearOf(day)}</span></button></form>`
      : '';
  return html`${schedule}${clear}${planned ? swapControl(g, day, planned, version) : ''}`;
}

function swapControl(g: GridContext, day: string, planned: PlannedDay, version: number): Html {
  const { w, swapping } = g;
  if (!swapping)
    return html`<a class="swap" href="/editor/calendar?month=${g.month}&amp;swap=${day}#d-${day}">${w.swap}<span class="vh"> ${day}</span></a>`;
  if (swapping.date === day)
    return html`<a class="swap" href="/editor/calendar?month=${g.month}#d-${day}">${w.cancel}</a>`;
  return html`<form method="post" action="/editor/swap" class="swap">${hidden(g.session, g.swapRow?.version ?? 0)}
      <input type="hidden" name="day" value="${swapping.date}"><input type="hidden" name="quote" value="${swapping.id}">
      <input type="hidden" name="with" value="${day}"><input type="hidden" name="with_quote" value="${planned.id}"><input type="hidden" name="with_version" value="${version}">
      <button class="primary">${w.swapWith(swapping.date)}<span class="vh"> · ${day}</span></button></form>`;
}

/** The first day from `today` that editors may still change (today unless it went out). */
export function firstOpenDay(today: string, todayPlanned: PlannedDay | undefined): string {
  return todayPlanned?.published ? addDays(today, 1) : today;
}
