import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
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

const SIGN_IN = '登录 · Sign in';

function loginForm(token: string | undefined, problem: string): Html {
  if (!token)
    return html`<p>The desk is closed: no editor token is configured. Start the server with <code>EDITOR_TOKEN=… npm start</code> (on the Worker: <code>wrangler secret put EDITOR_TOKEN</code>, or <code>.dev.vars</code> for <code>npm run dev:worker</code>).</p>`;
  return html`${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
    <form method="post" action="/editor/login"><label>Editor token <input type="password" name="token" autocomplete="current-password" autofocus></label> <button>Sign in</button></form>`;
}

/**
 * Sign-in and sign-out, and the gate in front of everything else: a signed session cookie, and
 * for writes a same-origin request carrying the session's CSRF token.
 */
export function deskAuth(app: Desk, token: string | undefined): void {
  const secret = token ?? '';
  app.get('/editor/login', (c) => deskPage(c, SIGN_IN, loginForm(token, '')));
  app.post('/editor/login', async (c) => {
    sameOrigin(c);
    const form = await readForm(c);
    const submitted = typeof form.token === 'string' ? form.token : '';
    if (!token || !(await tokenMatches(submitted, token)))
      return deskPage(c, SIGN_IN, loginForm(token, 'That token is not right.'), 401);
    setCookie(c, SESSION_COOKIE, await signSession(newSession('editor'), secret), {
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
      if (c.req.method === 'GET') return deskPage(c, SIGN_IN, loginForm(token, ''), 401);
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
    if (!session) return deskPage(c, SIGN_IN, loginForm(token, ''), 401);
    c.set('session', session);
    await next();
  });

  app.post('/editor/logout', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/editor' });
    return c.redirect('/editor/login', 303);
  });
}
