import { memoryStore } from '../support/store.ts';
import { describe, expect, it } from 'vitest';
import { addDays, dailyPick, NO_REPEAT_DAYS, todayInShanghai } from '../../src/desk/daily.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);

const store = memoryStore;

describe('the daily quote', () => {
  it('uses Asia/Shanghai dates', () => {
    // 2026-11-22 17:30 UTC is already 2026-11-23 in Shanghai.
    expect(todayInShanghai(new Date('2026-11-22T17:30:00Z'))).toBe('2026-11-23');
    expect(todayInShanghai(new Date('2026-11-22T15:59:00Z'))).toBe('2026-11-22');
  });

  it('serves the editors’ pick for a scheduled day', async () => {
    const s = await store();
    const id = catalog.quotes[42]!.id;
    await s.setSchedule('2027-01-05', id, { actor: 'ann', expectedVersion: 0 });
    expect(await dailyPick('2027-01-05', library, s)).toMatchObject({
      how: 'scheduled',
      quote: { id },
    });
  });

  it('falls back deterministically to approved quotes first', async () => {
    const s = await store();
    const approved = catalog.quotes.slice(100, 103).map((q) => q.id);
    for (const id of approved)
      await s.setStatus(id, { status: 'approved', note: '' }, { actor: 'ann', expectedVersion: 0 });
    const now = new Date('2026-11-01T00:00:00Z');
    const a = await dailyPick('2027-02-01', library, s, now);
    const b = await dailyPick('2027-02-01', library, s, now);
    expect(a.quote.id).toBe(b.quote.id);
    expect(approved).toContain(a.quote.id);
    expect(a.how).toBe('fallback');
  });

  it('keeps a day that has gone out, whatever happens to the pool later', async () => {
    const s = await store();
    const now = new Date('2026-11-23T04:00:00Z');
    const served = await dailyPick('2026-11-23', library, s, now);
    // The pool changes: another quote is approved and the served one is rejected.
    await s.setStatus(
      catalog.quotes[7]!.id,
      { status: 'approved', note: '' },
      { actor: 'ann', expectedVersion: 0 },
    );
    const status = await s.status(served.quote.id);
    await s.setStatus(
      served.quote.id,
      { status: 'rejected', note: 'too long' },
      { actor: 'ann', expectedVersion: status?.version ?? 0 },
    );
    expect((await dailyPick('2026-11-23', library, s, now)).quote.id).toBe(served.quote.id);
  });

  it(`does not repeat a quote within ${NO_REPEAT_DAYS} days`, async () => {
    const s = await store();
    const seen = new Map<string, string>();
    let day = '2027-03-01';
    for (let i = 0; i < 90; i++) {
      // Each day is served as it goes out.
      const pick = await dailyPick(day, library, s, new Date(`${day}T12:00:00Z`));
      const last = seen.get(pick.quote.id);
      if (last)
        expect(Date.parse(day) - Date.parse(last)).toBeGreaterThan(NO_REPEAT_DAYS * 86_400_000);
      seen.set(pick.quote.id, day);
      day = addDays(day, 1);
    }
    expect(seen.size).toBeGreaterThan(NO_REPEAT_DAYS);
  });

  it('rejects a malformed date with a clear error', async () => {
    await expect(dailyPick('2026-02-30', library, await store())).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });
});
