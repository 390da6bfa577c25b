import { describe, expect, it } from 'vitest';
import { addDays, nextShanghaiMidnight, todayInShanghai } from '../../src/daily/calendar.ts';
import { planDays, type PlanCandidate, type PlanInput } from '../../src/daily/plan.ts';
import { dailyPool } from '../../src/daily/pool.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';

const { catalog } = loadArtifacts();
const FIRST = '2027-03-01';
const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  firstDay: FIRST,
  pool: dailyPool(catalog.quotes, new Map()),
  published: new Map(),
  scheduled: new Map(),
  ...over,
});

describe('the daily plan', () => {
  it('uses Asia/Shanghai dates and day boundaries', () => {
    expect(todayInShanghai(new Date('2026-11-22T17:30:00Z'))).toBe('2026-11-23');
    expect(todayInShanghai(new Date('2026-11-22T15:59:00Z'))).toBe('2026-11-22');
    expect(nextShanghaiMidnight(new Date('2026-11-22T15:59:00Z')).toISOString()).toBe(
      '2026-11-22T16:00:00.000Z',
    );
  });

  it('is a pure function: a day’s answer does not depend on how far the plan was computed', () => {
    const short = planDays(input(), addDays(FIRST, 30));
    const long = planDays(input(), addDays(FIRST, 300));
    for (const [day, entry] of short) expect(long.get(day)).toEqual(entry);
    // The pool's order does not matter either.
    const reversed = planDays(input({ pool: [...input().pool].reverse() }), addDays(FIRST, 30));
    expect([...reversed.values()]).toEqual([...short.values()]);
  });

  it('chooses guests only, from the pool, never a rejected quote', () => {
    const rejected = input()
      .pool.slice(0, 40)
      .map((q) => q.id);
    const pool = dailyPool(
      catalog.quotes,
      new Map(rejected.map((id) => [id, 'rejected' as const])),
    );
    const plan = planDays(input({ pool }), addDays(FIRST, 200));
    const byId = new Map(catalog.quotes.map((q) => [q.id, q]));
    for (const day of plan.values()) {
      expect(byId.get(day.id)?.role).toBe('guest');
      expect(rejected).not.toContain(day.id);
    }
    expect(catalog.quotes.some((q) => q.role !== 'guest')).toBe(true);
  });

  it('honours a scheduled day and flows around it', () => {
    const base = planDays(input(), addDays(FIRST, 90));
    // The editor schedules, 40 days out, the quote the plan had chosen for day 10.
    const day10 = base.get(addDays(FIRST, 10))!;
    const scheduledDay = addDays(FIRST, 40);
    const plan = planDays(
      input({ scheduled: new Map([[scheduledDay, { id: day10.id, speaker: day10.speaker }]]) }),
      addDays(FIRST, 90),
    );
    expect(plan.get(scheduledDay)).toMatchObject({ id: day10.id, how: 'scheduled' });
    // Within 59 days of the scheduled day the quote appears nowhere else; day 10 chose another.
    expect(plan.get(addDays(FIRST, 10))!.id).not.toBe(day10.id);
    const uses = [...plan.values()].filter((d) => d.id === day10.id);
    expect(uses.map((d) => d.date)).toEqual([scheduledDay]);
    // Days before anything could see the schedule are unchanged.
    expect(plan.get(FIRST)).toEqual(base.get(FIRST));
  });

  it('keeps published days as they went out, whatever the pool says now', () => {
    const gone = { id: 'zzzzzzzz', speaker: '杨植麟', how: 'auto' as const };
    const plan = planDays(input({ published: new Map([[FIRST, gone]]) }), addDays(FIRST, 5));
    expect(plan.get(FIRST)).toMatchObject({ id: 'zzzzzzzz', published: true });
  });

  it('leaves a day empty rather than break the rules when the pool runs out', () => {
    const pool: PlanCandidate[] = [
      { id: 'a0000000', speaker: 'A', approved: false },
      { id: 'b0000000', speaker: 'B', approved: false },
    ];
    const plan = planDays(input({ pool }), addDays(FIRST, 9));
    expect([...plan.keys()]).toEqual([FIRST, addDays(FIRST, 1)]);
  });

  it('puts approved quotes first', () => {
    const pool = dailyPool(
      catalog.quotes,
      new Map(
        input()
          .pool.slice(-3)
          .map((q) => [q.id, 'approved' as const]),
      ),
    );
    const approved = pool.filter((q) => q.approved).map((q) => q.id);
    const firstWeek = [...planDays(input({ pool }), addDays(FIRST, 9)).values()].map((d) => d.id);
    for (const id of approved) expect(firstWeek).toContain(id);
  });
});
