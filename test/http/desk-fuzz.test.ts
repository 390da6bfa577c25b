import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { planTrim } from '../../src/desk/overlay.ts';
import type { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { memoryStore } from '../support/store.ts';

/**
 * Seeded fuzzing of the desk's writes *with* a signed-in session and a valid CSRF token, so the
 * requests get past the door and reach the store: random quote IDs, versions, notes, spans,
 * corrections, days, idempotency keys, repeated fields and broken bodies. Every answer is below
 * 500 and explained; afterwards the saved state must be exactly what the audit log says happened
 * (nothing lost, nothing applied twice or half), every trim's words must be its paragraph's, and
 * every erratum must be on a machine-transcript quote and drawable by the card fonts.
 */
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const ORIGIN = 'https://desk.test';
const TOKEN = 'desk-fuzz-token-5b0e7d2c91a4';
let app: ReturnType<typeof createApp>;
let store: EditorialStore;
let engine: Awaited<ReturnType<typeof createNodeCardEngine>>;
let cookie = '';
let csrf = '';

beforeAll(async () => {
  engine = await createNodeCardEngine(library, 'https://yulu.example');
  store = await memoryStore();
  app = createApp({
    library,
    cards: { engine },
    // The desk's public origin: writes are checked against it (issue 15), not the request URL.
    links: { baseUrl: ORIGIN, renderVersion: engine.version },
    store: async () => store,
    editorToken: TOKEN,
  });
  const login = await app.request(`${ORIGIN}/editor/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
    body: `token=${TOKEN}`,
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const desk = await (
    await app.request(`${ORIGIN}/editor`, { headers: { Cookie: cookie } })
  ).text();
  csrf = /name="csrf" value="([^"]+)"/.exec(desk)?.[1] ?? '';
  expect(cookie).toMatch(/=/);
  expect(csrf).not.toBe('');
});

/** A path segment; a lone surrogate cannot be percent-encoded, so send its CESU-8 bytes. */
function segment(id: string): string {
  try {
    return encodeURIComponent(id);
  } catch {
    return '%ED%A0%80';
  }
}

const transcript = catalog.quotes.filter((q) => q.flags.includes('machine-transcript'));
const published = catalog.quotes.filter((q) => !q.flags.includes('machine-transcript'));
const someIds = [...transcript.slice(0, 3), ...published.slice(0, 3)].map((q) => q.id);
const nasty = fc.constantFrom(
  '',
  ' ',
  '..',
  '%2F',
  '<script>alert(1)</script>',
  '😀🀄',
  '𠀀𪚥',
  '\u0000',
  '\uD800',
  'x'.repeat(5000),
  'a'.repeat(400) + '中',
  '１２３',
);
const version = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 3 }).map(String), weight: 6 },
  fc.constantFrom('-1', '1.5', 'NaN', '1e308', '', 'abc', '99999999999999999999'),
);
const quoteId = fc.oneof(
  { arbitrary: fc.constantFrom(...someIds), weight: 6 },
  fc.constantFrom('zzzzzzzz', ''),
  nasty,
);
const transcriptId = fc.oneof(
  { arbitrary: fc.constantFrom(...transcript.slice(0, 3).map((q) => q.id)), weight: 4 },
  quoteId,
);
/** Spans around a real quote's, so some trims are valid and some cross its boundaries. */
const trimRequest = fc
  .constantFrom(...[...transcript.slice(0, 2), ...published.slice(0, 2)])
  .chain((q) =>
    fc.record({
      path: fc
        .oneof({ arbitrary: fc.constant(q.id), weight: 5 }, quoteId)
        .map((id) => `/editor/q/${segment(id)}/trim`),
      form: fc.record({
        start: fc.oneof(
          {
            arbitrary: fc.integer({ min: q.span[0] - 3, max: q.span[0] + 8 }).map(String),
            weight: 5,
          },
          nasty,
        ),
        end: fc.oneof(
          {
            arbitrary: fc.integer({ min: q.span[1] - 8, max: q.span[1] + 3 }).map(String),
            weight: 5,
          },
          nasty,
        ),
      }),
    }),
  );
const key = fc.option(
  fc.oneof(
    fc.constantFrom(
      ...['a', 'b', 'c', 'd'].map((k) => `${k}`.repeat(8) + '-0000-4000-8000-000000000000'),
    ),
    fc.uuid().map((u) => u.toLowerCase()),
    nasty,
  ),
);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('模型', '大模型的能力', 'GPT-4 很强'),
  nasty,
);

type Form = Record<string, string | string[]>;
const write = fc.oneof(
  fc.record({
    path: quoteId.map((id) => `/editor/q/${segment(id)}/status`),
    form: fc.record({
      status: fc.oneof(fc.constantFrom('approved', 'rejected', 'candidate'), nasty),
      note: text,
      version,
    }),
  }),
  trimRequest,
  fc.record({
    path: transcriptId.map((id) => `/editor/q/${segment(id)}/erratum`),
    form: fc.record({
      corrected: text,
      reason: fc.oneof({ arbitrary: fc.constant('ASR misheard'), weight: 3 }, text),
      version,
    }),
  }),
  fc.record({
    path: fc.constant('/editor/schedule'),
    form: fc.record({
      day: fc.oneof(
        fc.integer({ min: 1, max: 40 }).map((d) => `2026-12-${String(d).padStart(2, '0')}`),
        fc.constantFrom('2026-02-30', '2026-13-01', 'today', ''),
        nasty,
      ),
      quote: quoteId,
      version,
    }),
  }),
);
const request = fc.record({
  write,
  key,
  csrf: fc.constantFrom('valid', 'valid', 'valid', 'valid', 'wrong', 'missing'),
  origin: fc.constantFrom('same', 'same', 'same', 'none', 'https://evil.example'),
  encoding: fc.constantFrom('form', 'form', 'form', 'multipart', 'json', 'broken', 'repeated'),
});

function body(form: Form, encoding: string): { body: string | FormData; type?: string } {
  const entries = Object.entries(form).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((x) => [k, x] as [string, string]),
  );
  if (encoding === 'multipart') {
    const data = new FormData();
    for (const [k, v] of entries) data.append(k, v);
    return { body: data };
  }
  if (encoding === 'json') return { body: JSON.stringify(form), type: 'application/json' };
  if (encoding === 'broken')
    return {
      body: `${new URLSearchParams(entries)}&%ZZ=%`,
      type: 'multipart/form-data; boundary=',
    };
  if (encoding === 'repeated')
    entries.push(...entries.map(([k]) => [k, 'again'] as [string, string]));
  return {
    body: new URLSearchParams(entries).toString(),
    type: 'application/x-www-form-urlencoded',
  };
}

describe('the desk under fuzzed writes from a signed-in editor', () => {
  it('answers every write below 500 and keeps state equal to the audit log', async () => {
    const runs = Number(process.env.DESK_FUZZ_RUNS ?? 5_000);
    const outcome = { applied: 0, conflicts: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const form: Form = { ...r.write.form };
        if (r.csrf === 'valid') form.csrf = csrf;
        if (r.csrf === 'wrong') form.csrf = `${csrf}x`;
        if (r.key !== null) form.key = r.key;
        const { body: payload, type } = body(form, r.encoding);
        const headers: Record<string, string> = { Cookie: cookie };
        if (type) headers['Content-Type'] = type;
        if (r.origin === 'same') headers.Origin = ORIGIN;
        else if (r.origin !== 'none') headers.Origin = r.origin;
        const res = await app.request(`${ORIGIN}${r.write.path}`, {
          method: 'POST',
          headers,
          body: payload,
          redirect: 'manual',
        });
        const label = `${r.write.path} ${JSON.stringify(form).slice(0, 200)} (${r.encoding})`;
        expect(res.status, label).toBeLessThan(500);
        if (res.status === 303) outcome.applied++;
        else if (res.status === 409) outcome.conflicts++;
        else {
          outcome.refused++;
          expect(res.status, label).toBeGreaterThanOrEqual(400);
          const answer = await res.text();
          // The stable error code: in the desk's error page, or the JSON error of unknown routes.
          expect(answer, label).toMatch(/<strong>[a-z_]+<\/strong>|^\{"error":\{"code":"[a-z_]+"/);
          expect(answer, label).not.toMatch(/\bat .*\.ts:\d+/);
        }
        if (r.origin === 'https://evil.example' || r.csrf !== 'valid')
          // Refused, and never applied: 403, or 400 when the body is not even a readable form.
          expect(res.status, `${label} must be refused`).toBe(
            r.encoding === 'broken' && r.origin !== 'https://evil.example' ? 400 : 403,
          );
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 20261129), numRuns: runs },
    );
    console.log(
      `desk fuzz: ${runs} signed-in writes — ${outcome.applied} applied, ${outcome.conflicts} × 409 version conflict, ${outcome.refused} refused with an explained 4xx, 0 × 5xx`,
    );
    expect(outcome.applied).toBeGreaterThan(runs * 0.02); // the fuzzer reached the store

    // Nothing lost, nothing doubled or half applied: each record's version is the number of
    // audit entries for it, and its current value is the last entry's `after`.
    const audit = (await store.audit(1_000_000)).reverse();
    const byEntity = new Map<string, typeof audit>();
    for (const entry of audit.filter((e) => e.action !== 'trim'))
      byEntity.set(entry.entity, [...(byEntity.get(entry.entity) ?? []), entry]);
    const records = [
      ...(await store.statuses()).map((r) => [`quote:${r.quoteId}`, r] as const),
      ...(await store.errata()).map((r) => [`erratum:${r.quoteId}`, r] as const),
      ...(await store.schedule('0000-01-01', '9999-12-31')).map(
        (r) => [`day:${r.day}`, r] as const,
      ),
    ];
    for (const [entity, record] of records) {
      const entries = byEntity.get(entity) ?? [];
      expect(entries.length, entity).toBe(record.version);
      expect(entries.at(-1)?.after, entity).toEqual(record);
    }
    for (const entry of audit.filter((e) => e.action === 'trim')) {
      const trim = await store.trim(entry.entity.replace(/^quote:/, ''));
      expect(trim).not.toBeNull();
      // A trim's words are its paragraph's, under the ID the catalog rule gives them.
      const plan = planTrim(library, trim!.parentId, trim!.span);
      expect(plan.text).toBe(trim!.text);
      expect(plan.quoteId).toBe(trim!.quoteId);
    }
    for (const erratum of await store.errata()) {
      expect(library.resolve(erratum.quoteId).quote.flags).toContain('machine-transcript');
      expect(await engine.uncovered(erratum.corrected)).toEqual([]);
    }
  }, 300_000);
});
