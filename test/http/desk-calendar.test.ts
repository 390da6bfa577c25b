/**
 * The desk's month grid and its writes (issues 14 and 16): the daily plan's automatic picks shown
 * beside scheduled and published days, warnings on the day they concern, schedule refusals
 * (a day that went out, a quote back within 60 days), clear and swap as versioned, audited,
 * idempotent POST forms. Store write counts are checked around every refusal and conflict.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/daily/calendar.ts';
import { DailyService } from '../../src/daily/service.ts';
import type { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { memoryStore } from '../support/store.ts';

const TOKEN = 'test-editor-token-0123456789';
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const origin = 'http://localhost';
let app: ReturnType<typeof createApp>;
let store: EditorialStore;
let daily: DailyService;
let today: string;

beforeAll(async () => {
  store = await memoryStore();
  daily = new DailyService({ library, store: async () => store });
  today = daily.today();
  app = createApp({
    library,
    links: { baseUrl: origin, renderVersion: 'test' },
    store: async () => store,
    editorToken: TOKEN,
    daily,
  });
});

const post = (path: string, fields: Record<string, string>, cookie: string) =>
  app.request(`${origin}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
  });

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const res = await post('/editor/login', { token: TOKEN }, '');
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const desk = await (
    await app.request(`${origin}/editor`, { headers: { Cookie: cookie } })
  ).text();
  return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(desk)![1]! };
}

const grid = async (cookie: string, query = '') =>
  (await app.request(`${origin}/editor/calendar${query}`, { headers: { Cookie: cookie } })).text();

/** The `<li>` of one day in the grid. */
function cellOf(page: string, day: string): string {
  const at = page.indexOf(`id="d-${day}"`);
  expect(at, `day ${day} in the grid`).toBeGreaterThan(0);
  return page.slice(page.lastIndexOf('<li', at), page.indexOf('</li>', at));
}

/** The fields of the form posting to `action` inside `html`. */
function formFields(html: string, action: string): Record<string, string> {
  const at = html.indexOf(`action="${action}"`);
  expect(at, action).toBeGreaterThan(0);
  const form = html.slice(at, html.indexOf('</form>', at));
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[m[1]!] = m[2]!;
  return fields;
}

async function writes() {
  return {
    audit: (await store.audit(100_000)).length,
    rows: (await store.scheduleRows('0000-01-01', '9999-12-31')).map((r) => [r.day, r.version]),
  };
}

const guests = () => library.quotes.filter((q) => q.role === 'guest' && q.tier === 'publishable');
/** A guest quote that no published or scheduled day holds within 60 days of `day`. */
async function unused(day: string, skip = 0) {
  const free = [];
  for (const q of guests()) if (!(await store.usesNear(q.id, day)).length) free.push(q);
  return free[free.length - 1 - skip]!;
}
const monthQuery = (day: string) => `?month=${day.slice(0, 7)}`;

describe('the month grid', () => {
  it('shows the automatic picks, marked apart from scheduled days, and no GET writes', async () => {
    const { cookie, csrf } = await signIn();
    const day = addDays(today, 3);
    const quote = guests()[5]!;
    const res = await post(
      '/editor/schedule',
      { day, quote: quote.id, version: '0', csrf, key: crypto.randomUUID() },
      cookie,
    );
    expect(res.status).toBe(303);
    const before = await writes();
    const page = await grid(cookie, monthQuery(day));
    const scheduled = cellOf(page, day);
    expect(scheduled).toContain('data-how="scheduled"');
    expect(scheduled).toContain(quote.id);
    expect(scheduled).toContain('编辑安排');
    // Every other open day of the month shows the plan's pick, with its quote and card.
    const planned = await daily.days(`${day.slice(0, 7)}-01`, addDays(`${day.slice(0, 7)}-28`, 0));
    const autos = planned.filter((p) => p.how === 'auto' && p.date >= today);
    expect(autos.length).toBeGreaterThan(5);
    for (const p of autos) {
      const cell = cellOf(page, p.date);
      expect(cell, p.date).toContain('data-how="auto"');
      expect(cell).toContain(`/editor/q/${p.id}`);
      expect(cell).toContain('自动选取');
      expect(cell).toMatch(/<img src="[^"]*\/cards\//);
    }
    await grid(cookie, `${monthQuery(day)}&swap=${day}`);
    expect(await writes()).toEqual(before);
  });

  it('warns on the days a speaker crowds a week, and on a repeat the editor cannot make', async () => {
    const { cookie, csrf } = await signIn();
    const start = addDays(today, 40);
    const speaker = guests()[0]!.speaker;
    const same = guests().filter((q) => q.speaker === speaker);
    for (let k = 0; k < 4; k++) {
      const res = await post(
        '/editor/schedule',
        {
          day: addDays(start, k),
          quote: same[10 + k]!.id,
          version: '0',
          csrf,
          key: crypto.randomUUID(),
        },
        cookie,
      );
      expect(res.status).toBe(303);
    }
    const page = await grid(cookie, monthQuery(start));
    for (let k = 0; k < 4; k++)
      expect(cellOf(page, addDays(start, k))).toContain(`${speaker} 本周出现 4 天`);
    expect(cellOf(page, addDays(start, 10))).not.toContain('本周出现');
  });
});

describe('schedule refusals (issue 14)', () => {
  it('refuses a quote back within 60 days, in Chinese, naming the day; nothing written', async () => {
    const { cookie, csrf } = await signIn();
    const quote = (await unused(addDays(today, 70))).id;
    const first = addDays(today, 70);
    expect(
      (
        await post(
          '/editor/schedule',
          { day: first, quote, version: '0', csrf, key: crypto.randomUUID() },
          cookie,
        )
      ).status,
    ).toBe(303);
    const before = await writes();
    const again = addDays(first, 59);
    const res = await post(
      '/editor/schedule',
      { day: again, quote, version: '0', csrf, key: crypto.randomUUID() },
      cookie,
    );
    expect(res.status).toBe(409);
    const text = await res.text();
    expect(text).toContain('daily_repeat');
    expect(text).toContain(`语录 ${quote} 已在 ${first} 出现或安排`);
    expect(text).toContain('至少相隔 60 天');
    expect(text).toContain(again); // what the editor asked for is kept
    expect(await writes()).toEqual(before);
    // In English on request, one language per page.
    const en = await (
      await post(
        '/editor/schedule?lang=en',
        { day: again, quote, version: '0', csrf, key: crypto.randomUUID() },
        cookie,
      )
    ).text();
    expect(en).toContain(`Quote ${quote} is already on ${first}`);
    expect(en).not.toContain('至少相隔');
    // Sixty days on is allowed.
    expect(
      (
        await post(
          '/editor/schedule',
          { day: addDays(first, 60), quote, version: '0', csrf, key: crypto.randomUUID() },
          cookie,
        )
      ).status,
    ).toBe(303);
  });

  it('refuses to change a day that went out, and the grid shows it fixed without controls', async () => {
    const { cookie, csrf } = await signIn();
    await daily.publishDue(); // today goes out (00:00 in Shanghai)
    const before = await writes();
    const res = await post(
      '/editor/schedule',
      { day: today, quote: guests()[40]!.id, version: '0', csrf, key: crypto.randomUUID() },
      cookie,
    );
    expect(res.status).toBe(409);
    const text = await res.text();
    expect(text).toContain('day_fixed');
    expect(text).toContain(
      `${today} 的语录已经发出，不能再改。可以安排 ${addDays(today, 1)} 及以后`,
    );
    expect(await writes()).toEqual(before);
    const cell = cellOf(await grid(cookie), today);
    expect(cell).toContain('data-how="published"');
    expect(cell).toContain('已发出（已固定）');
    expect(cell).not.toContain('<form');
    expect(cell).not.toContain('swap=');
  });
});

describe('clear and swap on the grid', () => {
  it('clears a scheduled day: the plan flows back, the audit says so, a stale form conflicts', async () => {
    const { cookie } = await signIn();
    const day = addDays(today, 5);
    const page = await grid(cookie, monthQuery(day));
    const fields = formFields(cellOf(page, day), '/editor/schedule');
    const quote = (await unused(day)).id;
    expect((await post('/editor/schedule', { ...fields, quote }, cookie)).status).toBe(303);
    const scheduled = cellOf(await grid(cookie, monthQuery(day)), day);
    const clear = formFields(scheduled, '/editor/clear');
    expect(clear.version).toBe('1');
    const before = await writes();
    expect((await post('/editor/clear', clear, cookie)).status).toBe(303);
    // The same form again (a double submit): applied once.
    expect((await post('/editor/clear', clear, cookie)).status).toBe(303);
    const after = await writes();
    expect(after.audit).toBe(before.audit + 1);
    const cell = cellOf(await grid(cookie, monthQuery(day)), day);
    expect(cell).toContain('data-how="auto"');
    expect(cell).not.toContain('action="/editor/clear"');
    const [entry] = await store.audit(1);
    expect(entry).toMatchObject({ action: 'clear', entity: `day:${day}`, actor: 'editor' });
    const audit = await (
      await app.request(`${origin}/editor/audit`, { headers: { Cookie: cookie } })
    ).text();
    expect(audit).toContain('清空（交回自动选取）');
    // The schedule form read before the clear (version 0) is stale now.
    const stale = await post(
      '/editor/schedule',
      { ...fields, key: crypto.randomUUID(), quote },
      cookie,
    );
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('version_conflict');
    expect(await writes()).toEqual(after);
  });

  it('swaps a scheduled day with an automatic one in two steps, without script; stale swaps conflict', async () => {
    const { cookie } = await signIn();
    const a = addDays(today, 8);
    const b = addDays(today, 11);
    const quote = (await unused(a)).id;
    const sched = formFields(cellOf(await grid(cookie, monthQuery(a)), a), '/editor/schedule');
    expect((await post('/editor/schedule', { ...sched, quote }, cookie)).status).toBe(303);
    const [autoB] = await daily.days(b, b);
    expect(autoB?.how).toBe('auto');
    // Step one: pick the first day (a link, a GET); step two: the other day's button.
    const picked = await grid(cookie, `${monthQuery(b)}&swap=${a}`);
    expect(picked).toContain('正在交换');
    expect(cellOf(picked, a)).not.toContain('action="/editor/swap"');
    const swap = formFields(cellOf(picked, b), '/editor/swap');
    expect(swap).toMatchObject({
      day: a,
      quote,
      with: b,
      with_quote: autoB!.id,
      version: '1',
      with_version: '0',
    });
    const before = await writes();
    const res = await post('/editor/swap', swap, cookie);
    expect(res.status, await res.clone().text()).toBe(303);
    expect((await post('/editor/swap', swap, cookie)).status).toBe(303); // replayed, not reapplied
    expect(await store.scheduled(a)).toMatchObject({ quoteId: autoB!.id, version: 2 });
    expect(await store.scheduled(b)).toMatchObject({ quoteId: quote, version: 1 });
    const after = await writes();
    expect(after.audit).toBe(before.audit + 2);
    const audit = await store.audit(2);
    expect(audit.map((e) => [e.action, e.entity])).toEqual([
      ['swap', `day:${b}`],
      ['swap', `day:${a}`],
    ]);
    // The same swap form with a fresh key is stale now: a conflict, nothing written.
    const stale = await post('/editor/swap', { ...swap, key: crypto.randomUUID() }, cookie);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('version_conflict');
    expect(await writes()).toEqual(after);
  });

  it('refuses a swap whose automatic pick moved, and a swap onto a day that went out', async () => {
    const { cookie } = await signIn();
    const a = addDays(today, 15);
    const b = addDays(today, 16);
    const picked = await grid(cookie, `${monthQuery(b)}&swap=${a}`);
    const swap = formFields(cellOf(picked, b), '/editor/swap');
    const before = await writes();
    const moved = await post('/editor/swap', { ...swap, with_quote: 'zzzzzzzz' }, cookie);
    expect(moved.status).toBe(409);
    expect(await moved.text()).toContain('和你看到的不同');
    const fixed = await post('/editor/swap', { ...swap, with: today, with_version: '0' }, cookie);
    expect(fixed.status).toBe(409);
    expect(await fixed.text()).toContain('day_fixed');
    expect(await writes()).toEqual(before);
  });
});
