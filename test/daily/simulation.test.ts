import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysFrom } from '../../src/daily/calendar.ts';
import {
  GUEST_RETURN_DAYS,
  NO_REPEAT_DAYS,
  SPEAKER_WEEK_LIMIT,
  WEEK_DAYS,
} from '../../src/daily/plan.ts';
import { dailyEligible } from '../../src/daily/pool.ts';
import { DailyService } from '../../src/daily/service.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { countingStore } from '../support/counting-store.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const FIRST = '2027-01-01';
const DAYS = 120;

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe(`${DAYS} days of the daily quote going out`, () => {
  it('keeps every rule, previews equal what went out, and reads write nothing', async () => {
    let clock = new Date(`${FIRST}T00:00:05+08:00`);
    const { store, counter } = await countingStore(() => clock);
    const daily = new DailyService({
      library,
      store: async () => store,
      firstDay: FIRST,
      now: () => clock,
    });
    const app = createApp({
      library,
      links: { baseUrl: 'https://yulu.example', renderVersion: 'test' },
      store: async () => store,
      daily,
    });
    const next = random(14);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
    const guests = [
      ...new Set(catalog.quotes.filter((q) => q.role === 'guest').map((q) => q.speaker)),
    ];
    const eligible = catalog.quotes.filter((q) => dailyEligible(q, undefined));

    // Some quotes approved before launch: they go out before the rest of their speaker's pool.
    const approved = new Set<string>();
    for (const q of eligible.filter((_, i) => i % 37 === 0)) {
      await store.setStatus(
        q.id,
        { status: 'approved', note: '' },
        { actor: 'ann', expectedVersion: 0 },
      );
      approved.add(q.id);
    }

    const scheduled = new Map<string, string>();
    const published = new Map<string, string>();
    /** The last preview of each future day seen since the schedule last changed. */
    const previews = new Map<string, string>();
    /** An editor schedules a quote that went out more than 60 days ago (or never) on `day`. */
    const schedule = async (day: string) => {
      const recent = new Set(
        [...published].filter(([d]) => daysBetween(d, day) < NO_REPEAT_DAYS).map(([, id]) => id),
      );
      const taken = new Set(scheduled.values());
      const quote = pick(
        eligible.filter((q) => !recent.has(q.id) && !taken.has(q.id) && !approved.has(q.id)),
      );
      await store.setSchedule(day, quote.id, { actor: 'ann', expectedVersion: 0 });
      scheduled.set(day, quote.id);
      previews.clear(); // the plan may legitimately flow differently around the new day
    };
    await schedule(addDays(FIRST, 5));
    await schedule(addDays(FIRST, 40));

    let readCount = 0;
    let previewsChecked = 0;
    for (let n = 0; n < DAYS; n++) {
      const today = addDays(FIRST, n);
      clock = new Date(`${today}T00:00:05+08:00`);
      // The publishing job at the day boundary.
      const written = await daily.publishDue();
      expect(written.map((w) => w.day)).toEqual([today]);
      published.set(today, written[0]!.quoteId);
      const preview = previews.get(today);
      if (preview) {
        expect(written[0]!.quoteId, `preview of ${today}`).toBe(preview);
        previewsChecked++;
      }
      if (scheduled.has(today)) expect(written[0]!.quoteId).toBe(scheduled.get(today));

      // Editors schedule now and then, 3–30 days ahead.
      if (n % 17 === 8) await schedule(addDays(today, 3 + Math.floor(next() * 28)));

      // Readers look up random days: past, today, up to a year ahead; some out of range.
      for (let k = 0; k < 6; k++) {
        clock = new Date(clock.getTime() + 60_000);
        // Half of them in the coming fortnight (previews), half anywhere.
        const day =
          k % 2 === 0
            ? addDays(today, 1 + Math.floor(next() * 14))
            : addDays(FIRST, Math.floor(next() * (n + 400)) - 20);
        const before = counter.writes;
        const res = await app.request(`/api/daily?date=${day}`);
        readCount++;
        expect(counter.writes, `GET /api/daily?date=${day} wrote`).toBe(before);
        if (day < FIRST) {
          expect(res.status).toBe(404);
          continue;
        }
        if (daysBetween(today, day) > 365) {
          expect(res.status).toBe(400);
          continue;
        }
        expect(res.status).toBe(200);
        const body = (await res.json()) as { date: string; quote: { id: string } };
        if (day <= today) expect(body.quote.id).toBe(published.get(day));
        else previews.set(day, body.quote.id);
      }
    }
    expect(readCount).toBe(DAYS * 6);
    expect(previewsChecked).toBeGreaterThan(60);

    // Every rule over what went out.
    const days = daysFrom(FIRST, addDays(FIRST, DAYS - 1));
    const speakerOn = (day: string) => library.find(published.get(day)!)!.speaker;
    const lastUse = new Map<string, string>();
    for (const day of days) {
      const id = published.get(day)!;
      const quote = library.find(id)!;
      expect(quote.role, `${day} ${id}`).toBe('guest');
      const last = lastUse.get(id);
      if (last)
        expect(daysBetween(last, day), `${id} on ${last} and ${day}`).toBeGreaterThanOrEqual(
          NO_REPEAT_DAYS,
        );
      lastUse.set(id, day);
    }
    for (const start of days.slice(0, DAYS - WEEK_DAYS + 1)) {
      const week = daysFrom(start, addDays(start, WEEK_DAYS - 1)).map(speakerOn);
      for (const guest of guests)
        expect(
          week.filter((s) => s === guest).length,
          `${guest} in the week from ${start}`,
        ).toBeLessThanOrEqual(SPEAKER_WEEK_LIMIT);
    }
    for (const start of days.slice(0, DAYS - GUEST_RETURN_DAYS + 1)) {
      const fortnight = new Set(
        daysFrom(start, addDays(start, GUEST_RETURN_DAYS - 1)).map(speakerOn),
      );
      for (const guest of guests)
        expect(fortnight.has(guest), `${guest} in 14 days from ${start}`).toBe(true);
    }
    // Approved quotes went out before their speaker's other automatic picks repeated anything.
    for (const id of approved) expect([...published.values()]).toContain(id);
    // Publishing twice changes nothing.
    expect(await daily.publishDue()).toEqual([]);
  }, 120_000);
});
