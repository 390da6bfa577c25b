import type { Context } from 'hono';
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { cardPath } from '../card/engine.ts';
import { addDays, todayInShanghai } from '../daily/calendar.ts';
import { NO_REPEAT_DAYS } from '../daily/plan.ts';
import {
  newSession,
  readSession,
  SESSION_COOKIE,
  SESSION_SECONDS,
  signSession,
  tokenMatches,
  type Session,
} from '../desk/session.ts';
import {
  STATUSES,
  type EditorialStore,
  type QuoteStatus,
  type StatusRecord,
} from '../desk/store.ts';
import { YuluError } from '../errors.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import type { Quote } from '../quotes/types.ts';
import type { ApiLinks } from './api.ts';
import { planTrim, resolveEdited } from '../desk/overlay.ts';
import { esc, PAGE_HEADERS } from './html.ts';
import { DRAFT_TTL_SECONDS, signDraft, type SigningKey } from '../desk/draft.ts';
import { DRAFT_TEXT_MAX } from './drafts.ts';

export interface EditorOptions {
  library: QuoteLibrary;
  store: () => Promise<EditorialStore>;
  links: ApiLinks;
  /** EDITOR_TOKEN: without one the desk is closed and says how to open it. */
  token: string | undefined;
  /** Characters the card fonts cannot draw (errata must be drawable everywhere). */
  uncovered?: (text: string) => Promise<string[]>;
  /** Keys that sign draft-card links (the first signs); none: no previews. */
  draftKeys?: readonly SigningKey[];
  now?: () => number;
}

const PAGE_SIZE = 30;
/** More than this many days of one speaker in a week is flagged on the calendar. */
const SPEAKER_WEEK_LIMIT = 3;

/**
 * The editorial desk under /editor: sign in with the editor token, browse and search quotes with
 * card previews, approve or reject with a note, and schedule the daily quote on a calendar. Every
 * write carries the version the editor saw (a stale one is a 409 page that keeps what they typed),
 * a CSRF token bound to the session, and an idempotency key so a resubmitted form applies once.
 */
export function editorRoutes(options: EditorOptions) {
  const { library, links } = options;
  const app = new Hono<{ Variables: { session: Session } }>();
  const secret = options.token ?? '';

  app.onError((error, c) => page(c, errorTitle(error), errorBody(error), statusOf(error)));

  app.get('/editor/login', (c) => page(c, '登录 · Sign in', loginForm(options.token, '')));
  app.post('/editor/login', async (c) => {
    sameOrigin(c);
    const form = await readForm(c);
    const submitted = typeof form.token === 'string' ? form.token : '';
    if (!options.token || !(await tokenMatches(submitted, options.token)))
      return page(c, '登录 · Sign in', loginForm(options.token, 'That token is not right.'), 401);
    const session = newSession('editor');
    setCookie(c, SESSION_COOKIE, await signSession(session, secret), {
      httpOnly: true,
      sameSite: 'Strict',
      secure: new URL(c.req.url).protocol === 'https:',
      path: '/editor',
      maxAge: SESSION_SECONDS,
    });
    return c.redirect('/editor', 303);
  });

  // Everything else needs a session; writes also need the session's CSRF token.
  app.use('/editor/*', async (c, next) => {
    const session = await readSession(getCookie(c, SESSION_COOKIE), secret);
    if (!session) {
      if (c.req.method === 'GET')
        return page(c, '登录 · Sign in', loginForm(options.token, ''), 401);
      throw new YuluError('unauthorized', 'sign in at /editor/login first', { status: 401 });
    }
    if (c.req.method !== 'GET') {
      sameOrigin(c);
      const form = await readForm(c);
      if (form.csrf !== session.csrf)
        throw new YuluError(
          'forbidden',
          'this form is stale or came from another site (CSRF token mismatch); reload the page',
          { status: 403 },
        );
    }
    c.set('session', session);
    await next();
  });
  app.use('/editor', async (c, next) => {
    const session = await readSession(getCookie(c, SESSION_COOKIE), secret);
    if (!session) return page(c, '登录 · Sign in', loginForm(options.token, ''), 401);
    c.set('session', session);
    await next();
  });

  app.post('/editor/logout', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/editor' });
    return c.redirect('/editor/login', 303);
  });

  app.get('/editor', async (c) => {
    const store = await options.store();
    const session = c.get('session');
    const q = c.req.query();
    const statuses = new Map((await store.statuses()).map((s) => [s.quoteId, s]));
    const filter: Parameters<QuoteLibrary['filter']>[0] = {};
    if (q.speaker) filter.speaker = q.speaker;
    if (q.source) filter.source = q.source;
    if (q.text) filter.text = q.text;
    if (q.minScore && Number.isFinite(Number(q.minScore))) filter.minScore = Number(q.minScore);
    const wanted =
      q.status && (STATUSES as readonly string[]).includes(q.status)
        ? (q.status as QuoteStatus)
        : undefined;
    const quotes = library
      .filter(filter)
      .filter((quote) => !wanted || (statuses.get(quote.id)?.status ?? 'candidate') === wanted)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const size = q.size === 'portrait' || q.size === 'square' ? q.size : 'og';
    const theme = ['paper', 'ink', 'yulu', 'kai'].includes(q.theme ?? '')
      ? (q.theme as string)
      : 'paper';
    const script = ['hans', 'hant', 'tw', 'hk'].includes(q.script ?? '')
      ? (q.script as 'hans')
      : 'hans';
    const rows = quotes
      .slice(0, PAGE_SIZE)
      .map((quote) => quoteRow(quote, statuses.get(quote.id), session, { size, theme, script }))
      .join('');
    const speakers = library.speakers().map((s) => s.name);
    return page(
      c,
      '编辑台 · Editorial desk',
      `${nav(session)}
      <form method="get" action="/editor" class="filters" role="search">
        <label>文字 <input name="text" value="${esc(q.text ?? '')}" autofocus></label>
        <label>讲者 <select name="speaker"><option value="">all</option>${speakers
          .map((s) => `<option ${s === q.speaker ? 'selected' : ''}>${esc(s)}</option>`)
          .join('')}</select></label>
        <label>来源 <select name="source"><option value="">all</option>${library.documents
          .map(
            (d) =>
              `<option value="${esc(d.meta.slug)}" ${d.meta.slug === q.source ? 'selected' : ''}>${esc(d.meta.publication)}</option>`,
          )
          .join('')}</select></label>
        <label>状态 <select name="status"><option value="">all</option>${STATUSES.map(
          (s) => `<option ${s === wanted ? 'selected' : ''}>${s}</option>`,
        ).join('')}</select></label>
        <label>最低分 <input name="minScore" size="4" value="${esc(q.minScore ?? '')}"></label>
        <label>预览 <select name="size">${['og', 'square', 'portrait'].map((s) => `<option ${s === size ? 'selected' : ''}>${s}</option>`).join('')}</select>
        <select name="theme">${['paper', 'ink', 'yulu', 'kai'].map((t) => `<option ${t === theme ? 'selected' : ''}>${t}</option>`).join('')}</select>
        <select name="script">${['hans', 'hant', 'tw', 'hk'].map((t) => `<option ${t === script ? 'selected' : ''}>${t}</option>`).join('')}</select></label>
        <button>Search</button>
      </form>
      <p class="muted">${quotes.length} quotes${quotes.length > PAGE_SIZE ? `, showing the best ${PAGE_SIZE}` : ''}.</p>
      <ol class="quotes">${rows}</ol>`,
    );

    function quoteRow(
      quote: Quote,
      status: StatusRecord | undefined,
      s: Session,
      preview: { size: string; theme: string; script: 'hans' },
    ) {
      const version = status?.version ?? 0;
      const current = status?.status ?? 'candidate';
      const img = cardPath(
        { quote, document: library.document(quote.source) },
        { ...preview, scale: 1 },
        'png',
        links.renderVersion,
      );
      return `<li class="quote" id="q-${quote.id}" data-id="${quote.id}">
        <img src="${esc(img)}" alt="card preview" loading="lazy" width="300">
        <div>
          <p class="text"><a href="/editor/q/${quote.id}">${esc(library.simplified(quote))}</a></p>
          <p class="muted">${esc(quote.speaker)} · ${esc(quote.source)} · score ${quote.score.toFixed(2)} · <a href="/q/${quote.id}">${quote.id}</a>
            · <span class="status status-${current}" data-status>${current}</span> (v${version})${status?.note ? ` — ${esc(status.note)}` : ''}</p>
          <form method="post" action="/editor/q/${quote.id}/status" class="decide">
            ${hidden(s, version)}
            <input name="note" placeholder="note" value="${esc(status?.note ?? '')}" aria-label="note">
            <button name="status" value="approved">Approve</button>
            <button name="status" value="rejected">Reject</button>
          </form>
        </div>
      </li>`;
    }
  });

  app.post('/editor/q/:id/status', async (c) => {
    const id = c.req.param('id');
    await resolveEdited(id, library, await options.store());
    const form = await readForm(c);
    const status = String(form.status ?? '');
    if (!(STATUSES as readonly string[]).includes(status))
      throw new YuluError('invalid_argument', `status must be one of ${STATUSES.join(', ')}`);
    const note = String(form.note ?? '').slice(0, 500);
    const store = await options.store();
    try {
      await store.setStatus(id, { status: status as QuoteStatus, note }, writeContext(c, form));
    } catch (error) {
      if (error instanceof YuluError && error.code === 'version_conflict') {
        const now = await store.status(id);
        return page(
          c,
          '冲突 · Conflict',
          `<p class="error" role="alert"><strong>version_conflict</strong>: ${esc(error.message)}</p>
           <p>Now: <strong>${esc(now?.status ?? 'candidate')}</strong> (v${now?.version ?? 0}) by ${esc(now?.updatedBy ?? '—')}${now?.note ? ` — “${esc(now.note)}”` : ''}.</p>
           <p>Your change, not applied: <strong>${esc(status)}</strong> with note <q class="kept">${esc(note)}</q>.</p>
           <p><a href="/editor#q-${id}">Back to the desk</a> to apply it again on the current version.</p>`,
          409,
        );
      }
      throw error;
    }
    return c.redirect(`/editor#q-${id}`, 303);
  });

  app.get('/editor/q/:id', async (c) => {
    const session = c.get('session');
    const store = await options.store();
    const id = c.req.param('id');
    const { quote, paragraph, document } = library.resolve(id);
    const status = await store.status(id);
    const erratum = await store.erratum(id);
    const chars = [...paragraph.text];
    let offset = 0;
    const spans = chars
      .map((ch) => {
        const at = offset;
        offset += ch.length;
        const inQuote = at >= quote.span[0] && at < quote.span[1];
        return `<span data-i="${at}"${inQuote ? ' class="hl"' : ''}>${esc(ch)}</span>`;
      })
      .join('');
    const transcript = quote.flags.includes('machine-transcript');
    return page(
      c,
      `${quote.id} · ${quote.speaker}`,
      `${nav(session)}
      <p class="text">${esc(quote.text)}</p>
      <p class="muted">${esc(document.meta.publication)} · paragraph ${esc(paragraph.id)} (lines ${paragraph.lines.join('–')}) · ${esc(paragraph.attribution.speaker ?? '')} (${esc(paragraph.attribution.method)}) · status ${esc(status?.status ?? 'candidate')} v${status?.version ?? 0}</p>
      <h2>Trim</h2>
      <p class="muted">Select words in the paragraph, or type offsets. A trim is a new quote with its own ID; its words are always the paragraph's.</p>
      <p id="paragraph" class="paragraph" lang="zh">${spans}</p>
      <form method="post" action="/editor/q/${quote.id}/trim" id="trim">${hidden(session, 0)}
        <label>start <input name="start" type="number" min="0" value="${quote.span[0]}"></label>
        <label>end <input name="end" type="number" min="1" value="${quote.span[1]}"></label>
        <button>Create trim</button></form>
      ${
        transcript
          ? `<h2>Erratum</h2><p class="muted">Machine-transcript wording may be mis-heard. A correction is kept beside the original, needs a reason, and marks the card as edited.</p>
      <form method="post" action="/editor/q/${quote.id}/erratum">${hidden(session, erratum?.version ?? 0)}
        <label>Corrected text <textarea name="corrected" rows="3" cols="60">${esc(erratum?.corrected ?? quote.text)}</textarea></label>
        <label>Reason <input name="reason" size="50" value="${esc(erratum?.reason ?? '')}" required></label>
        <button>Save erratum</button>${options.draftKeys?.length ? ` <button formaction="/editor/q/${quote.id}/draft" formnovalidate>Preview as a draft card</button>` : ''}</form>`
          : ''
      }
      <script>
        const p = document.getElementById('paragraph');
        p.addEventListener('mouseup', () => {
          const s = getSelection();
          if (!s || s.isCollapsed) return;
          const a = s.anchorNode.parentElement, b = s.focusNode.parentElement;
          if (!p.contains(a) || !p.contains(b)) return;
          let i = Number(a.dataset.i), j = Number(b.dataset.i);
          if (i > j) [i, j] = [j, i];
          const last = (i === Number(a.dataset.i) ? b : a).textContent.length;
          document.querySelector('#trim [name=start]').value = i;
          document.querySelector('#trim [name=end]').value = j + last;
        });
      </script>`,
    );
  });

  app.post('/editor/q/:id/trim', async (c) => {
    const form = await readForm(c);
    const plan = planTrim(library, c.req.param('id'), [Number(form.start), Number(form.end)]);
    const store = await options.store();
    const trim = await store.createTrim(plan, 'editor');
    return c.redirect(`/editor/trim/${trim.quoteId}`, 303);
  });

  app.get('/editor/trim/:id', async (c) => {
    const store = await options.store();
    const trim = await store.trim(c.req.param('id'));
    if (!trim) throw new YuluError('quote_not_found', `no trim ${c.req.param('id')}`);
    const img = cardPath(
      await resolveEdited(trim.quoteId, library, store),
      { size: 'og', theme: 'paper', script: 'hans', scale: 1 },
      'png',
      links.renderVersion,
    );
    return page(
      c,
      `Trim ${trim.quoteId}`,
      `${nav(c.get('session'))}<p class="text" data-trim="${trim.quoteId}">${esc(trim.text)}</p>
      <p class="muted">from ${esc(trim.parentId)}, paragraph ${esc(trim.paragraph)}, ${trim.span.join('–')}</p>
      <p><img src="${esc(img)}" alt="card" width="600"></p>
      <form method="post" action="/editor/q/${trim.quoteId}/status" class="decide">${hidden(c.get('session'), (await store.status(trim.quoteId))?.version ?? 0)}
        <input name="note" placeholder="note" aria-label="note"><button name="status" value="approved">Approve</button></form>`,
    );
  });

  /** The corrected wording of a form, checked as errata are: transcript quotes, drawable text. */
  async function correction(id: string, form: Record<string, unknown>): Promise<string> {
    const { quote } = library.resolve(id);
    if (!quote.flags.includes('machine-transcript'))
      throw new YuluError(
        'invalid_argument',
        'errata are for machine-transcript quotes; published text is quoted as published',
      );
    const corrected = String(form.corrected ?? '')
      .trim()
      .slice(0, DRAFT_TEXT_MAX);
    const missing = options.uncovered ? await options.uncovered(corrected) : [];
    if (missing.length)
      throw new YuluError(
        'invalid_argument',
        `the cards' fonts cannot draw ${missing.slice(0, 10).join(' ')}; errata correct mis-heard words with characters the corpus uses`,
      );
    return corrected;
  }

  app.post('/editor/q/:id/erratum', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const store = await options.store();
    const change = {
      corrected: await correction(id, form),
      reason: String(form.reason ?? '')
        .trim()
        .slice(0, 300),
    };
    try {
      await store.setErratum(id, change, writeContext(c, form));
    } catch (error) {
      if (error instanceof YuluError && error.code === 'version_conflict')
        return page(
          c,
          '冲突 · Conflict',
          `<p class="error" role="alert"><strong>version_conflict</strong>: ${esc(error.message)}</p><p>Your correction, not applied: <q class="kept">${esc(change.corrected)}</q> (${esc(change.reason)}).</p>`,
          409,
        );
      throw error;
    }
    return c.redirect(`/editor/q/${id}`, 303);
  });

  // A signed link to the correction drawn as a draft card, to check it or show a colleague
  // before saving. Nothing is stored; the link expires.
  app.post('/editor/q/:id/draft', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    const text = await correction(id, form);
    if (!text) throw new YuluError('invalid_argument', 'type the corrected text to preview it');
    const [key] = options.draftKeys ?? [];
    if (!key) throw new YuluError('invalid_signature', 'draft cards are off: no signing key');
    const exp = Math.floor((options.now ?? Date.now)() / 1000) + DRAFT_TTL_SECONDS;
    const spec = { size: 'og', theme: 'paper', script: 'hans', scale: '1' };
    const query = await signDraft({ quoteId: id, text, ...spec }, key, exp);
    // The configured public origin, as everywhere links are made, never the request's Host.
    const link = `${links.baseUrl.replace(/\/+$/, '')}/cards/draft/${id}.png?${query}`;
    return page(
      c,
      `Draft ${id}`,
      `${nav(c.get('session'))}<p class="muted">Draft card — not saved, marked 草稿预览 · 未发布, link valid for ${DRAFT_TTL_SECONDS / 3600} hours:</p>
      <p><img src="${esc(link)}" alt="draft card" width="600"></p>
      <p><input readonly size="80" value="${esc(link)}" aria-label="signed draft link"></p>
      <p><a href="/editor/q/${id}">Back to the quote</a> to save the erratum.</p>`,
    );
  });

  app.get('/editor/audit', async (c) => {
    const entries = await (await options.store()).audit(200);
    const rows = entries
      .map(
        (e) =>
          `<tr><td>${e.seq}</td><td>${esc(e.at)}</td><td>${esc(e.actor)}</td><td>${esc(e.action)}</td><td>${esc(e.entity)}</td><td><code>${esc(JSON.stringify(e.before))}</code></td><td><code>${esc(JSON.stringify(e.after))}</code></td></tr>`,
      )
      .join('');
    return page(
      c,
      '审计日志 · Audit log',
      `${nav(c.get('session'))}<p class="muted">Every change, newest first; the log is append-only.</p>
      <table><thead><tr><th>#</th><th>when</th><th>who</th><th>what</th><th>record</th><th>before</th><th>after</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  });

  app.get('/editor/calendar', async (c) => {
    const store = await options.store();
    const session = c.get('session');
    const from = todayInShanghai();
    const to = addDays(from, 41);
    const days = await store.schedule(addDays(from, -NO_REPEAT_DAYS), addDays(to, NO_REPEAT_DAYS));
    const byDay = new Map(days.map((d) => [d.day, d]));
    const cells: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const entry = byDay.get(day);
      const quote = entry ? library.find(entry.quoteId) : undefined;
      const warnings: string[] = [];
      if (entry) {
        const repeat = days.find(
          (d) =>
            d.quoteId === entry.quoteId &&
            d.day !== day &&
            Math.abs(Date.parse(d.day) - Date.parse(day)) <= NO_REPEAT_DAYS * 86_400_000,
        );
        if (repeat) warnings.push(`repeats ${repeat.day} (within ${NO_REPEAT_DAYS} days)`);
        const week = days.filter(
          (d) => Math.abs(Date.parse(d.day) - Date.parse(day)) < 4 * 86_400_000,
        );
        const same = week.filter((d) => library.find(d.quoteId)?.speaker === quote?.speaker).length;
        if (quote && same > SPEAKER_WEEK_LIMIT)
          warnings.push(`${quote.speaker} on ${same} days this week`);
      }
      cells.push(`<li class="day ${day < from ? 'past' : ''}" data-day="${day}">
        <strong>${day}</strong> ${entry ? `<a href="/q/${entry.quoteId}">${esc(entry.quoteId)}</a> ${esc(quote?.speaker ?? '')} <span class="muted">(v${entry.version}${entry.updatedBy === 'daily-fallback' ? ', automatic' : ''})</span>` : '<span class="muted">open</span>'}
        ${warnings.map((w) => `<span class="warn">⚠ ${esc(w)}</span>`).join(' ')}
        <form method="post" action="/editor/schedule">${hidden(session, entry?.version ?? 0)}
          <input type="hidden" name="day" value="${day}"><input name="quote" placeholder="quote ID" size="9" value="" aria-label="quote ID for ${day}">
          <button>Schedule</button></form></li>`);
    }
    return page(
      c,
      '日历 · Calendar',
      `${nav(session)}<p>Daily quotes by date in Asia/Shanghai. Past days that went out are fixed.</p><ol class="calendar">${cells.join('')}</ol>`,
    );
  });

  app.post('/editor/schedule', async (c) => {
    const form = await readForm(c);
    const day = String(form.day ?? '');
    const quoteId = String(form.quote ?? '').trim();
    await resolveEdited(quoteId, library, await options.store());
    const store = await options.store();
    try {
      await store.setSchedule(day, quoteId, writeContext(c, form));
    } catch (error) {
      if (error instanceof YuluError && error.code === 'version_conflict')
        return page(
          c,
          '冲突 · Conflict',
          `<p class="error" role="alert"><strong>version_conflict</strong>: ${esc(error.message)}</p><p>Your pick for ${esc(day)}, not applied: <q class="kept">${esc(quoteId)}</q>. <a href="/editor/calendar">Back to the calendar</a>.</p>`,
          409,
        );
      throw error;
    }
    return c.redirect('/editor/calendar', 303);
  });

  return app;
}

/** The request's form; a body that is not a readable form is a 400, never a crash. */
async function readForm(c: Context): Promise<Record<string, unknown>> {
  try {
    return (await c.req.parseBody()) as Record<string, unknown>;
  } catch (cause) {
    throw new YuluError(
      'invalid_argument',
      `the form could not be read (${(cause as Error).message}); send application/x-www-form-urlencoded or multipart/form-data`,
      { cause },
    );
  }
}

function hidden(session: Session, version: number): string {
  const key = crypto.randomUUID();
  return `<input type="hidden" name="csrf" value="${esc(session.csrf)}"><input type="hidden" name="version" value="${version}"><input type="hidden" name="key" value="${key}">`;
}

function writeContext(c: Context, form: Record<string, unknown>) {
  const version = Number(form.version);
  if (!Number.isInteger(version) || version < 0)
    throw new YuluError(
      'invalid_argument',
      'the form lacks the version it was made from; reload the page',
    );
  const key =
    typeof form.key === 'string' && /^[0-9a-f-]{36}$/.test(form.key) ? form.key : undefined;
  void c;
  return {
    actor: 'editor',
    expectedVersion: version,
    idempotencyKey: key ? `form:${key}` : undefined,
  };
}

/** Cross-site form posts are refused even before the CSRF token is checked. */
function sameOrigin(c: Context): void {
  const origin = c.req.header('Origin');
  if (origin && origin !== new URL(c.req.url).origin)
    throw new YuluError('forbidden', `cross-site request from ${origin} refused`, { status: 403 });
}

function nav(session: Session): string {
  void session;
  return `<nav><a href="/editor">Quotes</a> · <a href="/editor/calendar">Calendar</a> · <a href="/editor/audit">Audit log</a> · <a href="/api/daily">Today’s quote</a>
    <form method="post" action="/editor/logout" class="inline"><input type="hidden" name="csrf" value="${esc(session.csrf)}"><button>Sign out</button></form></nav>`;
}

function loginForm(token: string | undefined, problem: string): string {
  if (!token)
    return `<p>The desk is closed: no editor token is configured. Start the server with <code>EDITOR_TOKEN=… npm start</code> (on the Worker: <code>wrangler secret put EDITOR_TOKEN</code>, or <code>.dev.vars</code> for <code>npm run dev:worker</code>).</p>`;
  return `${problem ? `<p class="error" role="alert">${esc(problem)}</p>` : ''}
    <form method="post" action="/editor/login"><label>Editor token <input type="password" name="token" autocomplete="current-password" autofocus></label> <button>Sign in</button></form>`;
}

function statusOf(error: unknown): 400 | 401 | 403 | 404 | 409 | 500 | 503 {
  const status = error instanceof YuluError ? error.status : 500;
  return ([400, 401, 403, 404, 409, 503].includes(status) ? status : 500) as 400;
}

function errorTitle(error: unknown): string {
  return error instanceof YuluError ? error.code : 'internal_error';
}

function errorBody(error: unknown): string {
  const message = error instanceof YuluError ? error.message : 'an unexpected error occurred';
  return `<p class="error" role="alert"><strong>${esc(errorTitle(error))}</strong>: ${esc(message)}</p><p><a href="/editor">Back to the desk</a></p>`;
}

function page(
  c: Context,
  title: string,
  body: string,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 500 | 503 = 200,
): Response {
  return c.html(
    `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)} · 语录</title>
<style>body{font:16px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;color:#1f1d1a;background:#faf8f3}
nav{display:flex;gap:.75rem;align-items:center;margin-bottom:1rem}.inline{display:inline}.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end}
.quotes{list-style:none;padding:0}.quote{display:grid;grid-template-columns:300px 1fr;gap:1rem;padding:1rem 0;border-top:1px solid #ddd}
.text{font-size:1.15rem;margin:0 0 .25rem}.muted{color:#6b645a}.status-approved{color:#0a6b2f;font-weight:600}.status-rejected{color:#a3382b;font-weight:600}
.paragraph{font-size:1.2rem;line-height:2;user-select:text}.hl{background:#fde7a6}.error{color:#a3382b}.warn{color:#8a5a00}.calendar{list-style:none;padding:0}table{border-collapse:collapse;font-size:.85rem}td,th{border-top:1px solid #ddd;padding:.25rem .5rem;vertical-align:top;text-align:left}.day{padding:.4rem 0;border-top:1px solid #eee}.past{opacity:.7}
button{font:inherit;cursor:pointer}input,select{font:inherit}:focus-visible{outline:3px solid #0f4c5c}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>`,
    status,
    PAGE_HEADERS,
  );
}
