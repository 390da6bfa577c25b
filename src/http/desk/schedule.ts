import type { Context } from 'hono';
import { parseDay } from '../../daily/calendar.ts';
import { NO_REPEAT_DAYS } from '../../daily/plan.ts';
import { resolveEdited } from '../../desk/overlay.ts';
import { YuluError } from '../../errors.ts';
import { deskPage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { firstOpenDay, isOpen } from './calendar-day.ts';
import { frame } from './chrome.ts';
import { conflictLine, conflictStatus, readForm, writeContext } from './forms.ts';
import type { Desk, DeskOptions } from './types.ts';
import { words, type Words } from './words.ts';

/*
 * The calendar's writes: schedule a day, clear it (the plan flows back), swap two days. Each is a
 * versioned store write with the session's CSRF token and the form's idempotency key. A stale
 * form is a conflict page; a day that has gone out (`day_fixed`) or a quote back within 60 days
 * (`daily_repeat`) is a refusal page that says, in the desk's language, why and what is allowed —
 * both keep what the editor asked for.
 */

/** What a write asked for: the days it changes and the quotes it puts on them. */
interface Asked {
  touched: string[];
  placed: { day: string; quoteId: string }[];
  /** The change as the editor made it, shown on a conflict or refusal page. */
  kept: Html;
  /** The month to go back to (YYYY-MM). */
  month: string;
}

/** The stores the calendar's writes read and write. */
type Deps = Pick<DeskOptions, 'library' | 'store' | 'daily'>;

export function deskSchedule(app: Desk, deps: DeskOptions): void {
  scheduleDay(app, deps);
  clearDay(app, deps);
  swapDays(app, deps);
}

/** The page for a refused or conflicting write, or undefined when `write` succeeded. */
async function attempt(
  c: Context,
  deps: Deps,
  asked: Asked,
  write: () => Promise<unknown>,
): Promise<Response | undefined> {
  try {
    await write();
    return undefined;
  } catch (error) {
    if (!(error instanceof YuluError)) throw error;
    const w = words(c);
    const back = html`<p><a href="/editor/calendar?month=${asked.month}">${w.calendar}</a></p>`;
    const yours = html`<p>${w.yours}: ${asked.kept}</p>`;
    if (error.code === 'version_conflict' || error.code === 'idempotency_mismatch')
      return deskPage(
        c,
        w.conflict,
        html`${conflictLine(error)}${yours}${back}`,
        conflictStatus(error),
        frame(c),
      );
    if (error.code === 'day_fixed' || error.code === 'daily_repeat')
      return deskPage(
        c,
        w.refused,
        html`<p class="error" role="alert"><strong>${error.code}</strong>: ${await explain(w, deps, error, asked)}</p>${yours}${back}`,
        409,
        frame(c),
      );
    throw error;
  }
}

/** The refusal in the editor's language: which day is fixed, or where the quote already is. */
async function explain(
  w: Words,
  { store, daily }: Deps,
  error: YuluError,
  asked: Asked,
): Promise<string> {
  const today = daily.today();
  if (error.code === 'day_fixed') {
    const [todayPlanned] = await daily.days(today, today);
    const from = firstOpenDay(today, todayPlanned);
    for (const day of asked.touched) {
      const [planned] = await daily.days(day, day);
      if (!isOpen(day, today, planned)) return w.dayFixed(day, from);
    }
    return w.dayFixed(asked.touched.join('、'), from);
  }
  const editorial = await store();
  for (const { day, quoteId } of asked.placed) {
    const near = await editorial.usesNear(quoteId, day, asked.touched);
    if (near.length)
      return w.repeatRefused(quoteId, near.map((n) => n.day).join('、'), NO_REPEAT_DAYS);
  }
  return error.message;
}

/** `POST /editor/schedule`: one day gets a quote. */
function scheduleDay(app: Desk, deps: Deps): void {
  const { library, store } = deps;
  app.post('/editor/schedule', async (c) => {
    const form = await readForm(c);
    const day = String(form.day ?? '');
    const quoteId = String(form.quote ?? '').trim();
    const editorial = await store();
    await resolveEdited(quoteId, library, editorial);
    const asked = {
      touched: [day],
      placed: [{ day, quoteId }],
      kept: html`${day} → <q class="kept">${quoteId}</q>`,
      month: day.slice(0, 7),
    };
    const page = await attempt(c, deps, asked, () =>
      editorial.setSchedule(day, quoteId, writeContext(form, c.get('session'))),
    );
    return page ?? c.redirect(`/editor/calendar?month=${day.slice(0, 7)}#d-${day}`, 303);
  });
}

/** `POST /editor/clear`: a day goes back to the plan's automatic pick. */
function clearDay(app: Desk, deps: Deps): void {
  const { store } = deps;
  app.post('/editor/clear', async (c) => {
    const form = await readForm(c);
    const day = parseDay(String(form.day ?? ''));
    const editorial = await store();
    const w = words(c);
    const asked = {
      touched: [day],
      placed: [],
      kept: html`${w.clearDay} ${w.clearOf(day)}`,
      month: day.slice(0, 7),
    };
    const page = await attempt(c, deps, asked, () =>
      editorial.clearSchedule(day, writeContext(form, c.get('session'))),
    );
    return page ?? c.redirect(`/editor/calendar?month=${day.slice(0, 7)}#d-${day}`, 303);
  });
}

/** `POST /editor/swap`: two days exchange their quotes. */
function swapDays(app: Desk, deps: Deps): void {
  const { store, daily } = deps;
  app.post('/editor/swap', async (c) => {
    const form = await readForm(c);
    const w = words(c);
    const context = writeContext(form, c.get('session'));
    const first = {
      day: parseDay(String(form.day ?? '')),
      quoteId: String(form.quote ?? '').trim(),
      expectedVersion: context.expectedVersion,
    };
    const second = {
      day: parseDay(String(form.with ?? '')),
      quoteId: String(form.with_quote ?? '').trim(),
      expectedVersion: Number(form.with_version),
    };
    const asked = {
      touched: [first.day, second.day],
      placed: [
        { day: first.day, quoteId: second.quoteId },
        { day: second.day, quoteId: first.quoteId },
      ],
      kept: html`${first.day} <q class="kept">${first.quoteId}</q> ⇄ ${second.day} <q class="kept">${second.quoteId}</q>`,
      month: first.day.slice(0, 7),
    };
    // What the editor saw must still be what goes out: an automatic pick moves when other days
    // change (no version of its own records that), so it is compared here; the store checks
    // versions and scheduled quotes inside its transaction.
    const today = daily.today();
    const precondition = async (): Promise<YuluError | null> => {
      for (const side of [first, second]) {
        const [now] = await daily.days(side.day, side.day);
        if (isOpen(side.day, today, now) && now?.id !== side.quoteId)
          return new YuluError('version_conflict', w.planMoved(side.day, now?.id ?? w.open));
      }
      return null;
    };
    const editorial = await store();
    const page = await attempt(c, deps, asked, () =>
      editorial.swapSchedule(first, second, {
        actor: context.actor,
        idempotencyKey: context.idempotencyKey,
        precondition,
      }),
    );
    return (
      page ?? c.redirect(`/editor/calendar?month=${first.day.slice(0, 7)}#d-${first.day}`, 303)
    );
  });
}
