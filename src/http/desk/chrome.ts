import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Session } from '../../desk/session.ts';
import { errorReply } from '../errors.ts';
import { deskPage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { DESK_SCRIPT } from './script.ts';
import { readForm } from './forms.ts';
import type { Desk } from './types.ts';
import { deskLang, LANG_COOKIE, words, type DeskLang } from './words.ts';

export type Room = 'quotes' | 'calendar' | 'audit' | 'other';

/** The desk's header: brand, rooms, who is signed in, the language switch, sign-out. */
export function deskHeader(c: Context, session: Session, room: Room = 'other'): Html {
  const w = words(c);
  const lang = deskLang(c);
  const here = new URL(c.req.url);
  const back = `${here.pathname}${here.search.replace(/([?&])lang=(en|zh)&?/, '$1').replace(/[?&]$/, '')}`;
  const link = (href: string, name: Room, label: string) =>
    html`<a href="${href}"${name === room ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<header class="desk"><a class="skip" href="#main">${w.skip}</a><span class="brand">语录 · ${w.desk}</span>
  <nav aria-label="${w.desk}">${link('/editor', 'quotes', w.quotes)}${link('/editor/calendar', 'calendar', w.calendar)}${link('/editor/audit', 'audit', w.audit)}<a href="/daily">${w.today}</a></nav>
  <span class="who">${session.editor}</span>
  <form method="post" action="/editor/lang" class="inline"><input type="hidden" name="csrf" value="${session.csrf}"><input type="hidden" name="back" value="${back}"><button name="lang" value="${lang === 'en' ? 'zh' : 'en'}" class="link" lang="${lang === 'en' ? 'zh-Hans' : 'en'}">${w.switchTo}</button></form>
  <form method="post" action="/editor/logout" class="inline"><input type="hidden" name="csrf" value="${session.csrf}"><button class="link">${w.signOut}</button></form></header>`;
}

/** The frame of a signed-in desk page: its language and header. */
export function frame(c: Context, room: Room = 'other') {
  return { lang: deskLang(c), header: deskHeader(c, c.get('session') as Session, room) };
}

/** An error as a desk page: the stable code and message of errors.ts, with its status. */
export function deskErrorPage(c: Context, error: unknown): Response {
  const { code, message, status, retryAfter } = errorReply(error);
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  const w = words(c);
  return deskPage(
    c,
    code,
    html`<p class="error" role="alert"><strong>${code}</strong>: ${message}</p><p><a href="/editor">${w.back}</a></p>`,
    status,
    { lang: deskLang(c) },
  );
}

/** The desk's one script file, served before the sign-in gate (it holds no data). */
export function deskScript(app: Desk): void {
  app.get('/editor/desk.js', (c) =>
    c.body(DESK_SCRIPT, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    }),
  );
}

/** POST /editor/lang: remembers the editor's language (a cookie) and goes back where they were. */
export function deskLanguage(app: Desk): void {
  app.post('/editor/lang', async (c) => {
    const form = await readForm(c);
    const lang: DeskLang = form.lang === 'en' ? 'en' : 'zh';
    setCookie(c, LANG_COOKIE, lang, {
      path: '/editor',
      sameSite: 'Strict',
      httpOnly: true,
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: 365 * 86_400,
    });
    const back =
      typeof form.back === 'string' && /^\/editor(\/|\?|$)/.test(form.back) ? form.back : '/editor';
    return c.redirect(back, 303);
  });
}
