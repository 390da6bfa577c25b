import { addDays, todayInShanghai } from '../../daily/calendar.ts';
import { NO_REPEAT_DAYS } from '../../daily/plan.ts';
import { resolveEdited } from '../../desk/overlay.ts';
import type { Session } from '../../desk/session.ts';
import type { ScheduleRecord } from '../../desk/store.ts';
import type { QuoteLibrary } from '../../quotes/library.ts';
import { deskPage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { quoteHref } from '../links.ts';
import { nav } from './chrome.ts';
import {
  conflictLine,
  conflictStatus,
  hidden,
  readForm,
  unlessConflict,
  writeContext,
} from './forms.ts';
import type { Desk, DeskOptions } from './routes.ts';

/** More than this many days of one speaker in a week is flagged on the calendar. */
const SPEAKER_WEEK_LIMIT = 3;
const DAY_MS = 86_400_000;

/** What an editor should know about a day's pick: a repeat too soon, one speaker too often. */
function warnings(
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
  if (repeat) out.push(`repeats ${repeat.day} (within ${NO_REPEAT_DAYS} days)`);
  const week = days.filter((d) => Math.abs(Date.parse(d.day) - Date.parse(day)) < 4 * DAY_MS);
  const same = week.filter((d) => library.find(d.quoteId)?.speaker === quote?.speaker).length;
  if (quote && same > SPEAKER_WEEK_LIMIT) out.push(`${quote.speaker} on ${same} days this week`);
  return out;
}

function dayCell(
  library: QuoteLibrary,
  session: Session,
  from: string,
  day: string,
  entry: ScheduleRecord | undefined,
  warned: readonly string[],
): Html {
  const quote = entry ? library.find(entry.quoteId) : undefined;
  return html`<li class="day ${day < from ? 'past' : ''}" data-day="${day}">
        <strong>${day}</strong> ${entry ? html`<a href="${quoteHref(entry.quoteId)}">${entry.quoteId}</a> ${quote?.speaker ?? ''} <span class="muted">(v${entry.version}${entry.updatedBy === 'daily-fallback' ? ', automatic' : ''})</span>` : html`<span class="muted">open</span>`}
        ${warned.map((w, i) => html`${i ? ' ' : ''}<span class="warn">⚠ ${w}</span>`)}
        <form method="post" action="/editor/schedule">${hidden(session, entry?.version ?? 0)}
          <input type="hidden" name="day" value="${day}"><input name="quote" placeholder="quote ID" size="9" value="" aria-label="quote ID for ${day}">
          <button>Schedule</button></form></li>`;
}

/** The daily-quote calendar: six weeks ahead in Asia/Shanghai, with repeat and balance warnings. */
export function deskCalendar(app: Desk, { library, store }: DeskOptions): void {
  app.get('/editor/calendar', async (c) => {
    const session = c.get('session');
    const from = todayInShanghai();
    const to = addDays(from, 41);
    const editorial = await store();
    const days = await editorial.schedule(
      addDays(from, -NO_REPEAT_DAYS),
      addDays(to, NO_REPEAT_DAYS),
    );
    const byDay = new Map(days.map((d) => [d.day, d]));
    const cells: Html[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const entry = byDay.get(day);
      const warned = entry ? warnings(library, days, day, entry) : [];
      cells.push(dayCell(library, session, from, day, entry, warned));
    }
    return deskPage(
      c,
      '日历 · Calendar',
      html`${nav(session)}<p>Daily quotes by date in Asia/Shanghai. Past days that went out are fixed.</p><ol class="calendar">${cells}</ol>`,
    );
  });

  app.post('/editor/schedule', async (c) => {
    const form = await readForm(c);
    const day = String(form.day ?? '');
    const quoteId = String(form.quote ?? '').trim();
    await resolveEdited(quoteId, library, await store());
    const editorial = await store();
    const conflict = await unlessConflict(
      () => editorial.setSchedule(day, quoteId, writeContext(form)),
      (error) =>
        deskPage(
          c,
          '冲突 · Conflict',
          html`${conflictLine(error)}<p>Your pick for ${day}, not applied: <q class="kept">${quoteId}</q>. <a href="/editor/calendar">Back to the calendar</a>.</p>`,
          conflictStatus(error),
        ),
    );
    return conflict ?? c.redirect('/editor/calendar', 303);
  });
}
