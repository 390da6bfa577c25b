import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SHORTCUT_EDITOR } from '../../desk/editors.ts';
import type { EditorialStore } from '../../desk/store.ts';
import {
  newSession,
  readSession,
  SESSION_COOKIE,
  SESSION_SECONDS,
  signSession,
  tokenMatches,
} from '../../desk/session.ts';
import { YuluError } from '../../errors.ts';
import { deskPage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { readForm, sameOrigin } from './forms.ts';
import type { Desk } from './routes.ts';
import { deskLang, LANG_COOKIE, words } from './words.ts';

function loginForm(c: Context, token: string | undefined, problem: string): Html {
  const w = words(c);
  const other = deskLang(c) === 'en' ? 'zh' : 'en';
  const switcher = html`<p><a href="/editor/login?lang=${other}" lang="${other === 'en' ? 'en' : 'zh-Hans'}">${w.switchTo}</a></p>`;
  if (!token)
    return html`<p>${w.closed} <code>EDITOR_TOKEN=… npm start</code> · <code>wrangler secret put EDITOR_TOKEN</code> · <code>.dev.vars</code> (<code>npm run dev:worker</code>)</p>${switcher}`;
  return html`${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
    <form method="post" action="/editor/login${deskLang(c) === 'en' ? '?lang=en' : ''}" class="filters"><label>${w.token} <input type="password" name="token" autocomplete="current-password" autofocus></label> <button class="primary">${w.signIn}</button></form>${switcher}`;
}

const signInPage = (c: Context, token: string | undefined, problem: string, status: 200 | 401) =>
  deskPage(c, words(c).signIn, loginForm(c, token, problem), status, { lang: deskLang(c) });

/**
 * Who a submitted token signs in as: `editor` for EDITOR_TOKEN (the single-editor shortcut),
 * else the named editor whose token it is (src/desk/editors.ts), else nobody.
 */
async function editorFor(
  submitted: string,
  token: string,
  store: (() => Promise<EditorialStore>) | undefined,
): Promise<string | null> {
  if (await tokenMatches(submitted, token)) return SHORTCUT_EDITOR;
  if (!store || !submitted) return null;
  return (await store()).editors().signIn(submitted);
}

/**
 * Sign-in and sign-out, and the gate in front of everything else: a signed session cookie, and
 * for writes a same-origin request carrying the session's CSRF token.
 */
export function deskAuth(
  app: Desk,
  token: string | undefined,
  store?: () => Promise<EditorialStore>,
): void {
  const secret = token ?? '';
  app.get('/editor/login', (c) => signInPage(c, token, '', 200));
  app.post('/editor/login', async (c) => {
    sameOrigin(c);
    const form = await readForm(c);
    const submitted = typeof form.token === 'string' ? form.token : '';
    const editor = token ? await editorFor(submitted, token, store) : null;
    if (!editor) return signInPage(c, token, words(c).badToken, 401);
    if (c.req.query('lang') === 'en')
      setCookie(c, LANG_COOKIE, 'en', { path: '/editor', sameSite: 'Strict', httpOnly: true });
    setCookie(c, SESSION_COOKIE, await signSession(newSession(editor), secret), {
      httpOnly: true,
      sameSite: 'Strict',
      secure: new URL(c.req.url).protocol === 'https:',
      path: '/editor',
      maxAge: SESSION_SECONDS,
    });
    return c.redirect('/editor', 303);
  });

  // Everything else needs a session; writes also need the session's CSRF token.
  // A session of a named editor who has since been revoked is no session.
  const current = async (c: Context) => {
    const session = await readSession(getCookie(c, SESSION_COOKIE), secret);
    if (!session || session.editor === SHORTCUT_EDITOR || !store) return session;
    return (await (await store()).editors().active(session.editor)) ? session : null;
  };
  app.use('/editor/*', async (c, next) => {
    const session = await current(c);
    if (!session) {
      if (c.req.method === 'GET') return signInPage(c, token, '', 401);
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
    const session = await current(c);
    if (!session) return signInPage(c, token, '', 401);
    c.set('session', session);
    await next();
  });

  app.post('/editor/logout', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/editor' });
    return c.redirect('/editor/login', 303);
  });
}
