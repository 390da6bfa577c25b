import type { Context, MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Session } from '../../desk/session.ts';
import { YuluError } from '../../errors.ts';
import { deskSessions, noStore, SAFE_METHODS } from '../desk-session.ts';
import { deskPage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { readForm } from './forms.ts';
import type { Desk, DeskOptions } from './types.ts';
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
 * Sign-in and sign-out, and the gate in front of everything else (desk-session.ts): sign-in under
 * per-client backoff, a server-side session (sign-out revokes it everywhere), and for writes a
 * request from the configured public origin carrying the session's CSRF token. GET, HEAD and
 * OPTIONS are safe; every desk response is `no-store`. EDITOR_TOKEN signs in as `editor`; any
 * other token as the named editor whose token it is (src/desk/editors.ts); a session of a named
 * editor revoked since is no session.
 */
export function deskAuth(app: Desk, options: DeskOptions): void {
  const { token } = options;
  const sessions = deskSessions({
    store: options.store,
    baseUrl: options.links.baseUrl,
    token,
    clientKey: options.clientKey,
    access: options.access,
  });
  app.use('/editor', noStore);
  app.use('/editor/*', noStore);
  // Behind Cloudflare Access there is nothing to sign in to: Access did it (the gate checks).
  app.get('/editor/login', (c) =>
    sessions.access ? c.redirect('/editor', 303) : signInPage(c, token, '', 200),
  );
  app.post('/editor/login', async (c) => {
    if (sessions.access) return c.redirect('/editor', 303);
    sessions.checkOrigin(c);
    const form = await readForm(c);
    const submitted = typeof form.token === 'string' ? form.token : '';
    if (!(await sessions.signIn(c, submitted))) return signInPage(c, token, words(c).badToken, 401);
    if (c.req.query('lang') === 'en')
      setCookie(c, LANG_COOKIE, 'en', {
        path: '/editor',
        sameSite: 'Strict',
        httpOnly: true,
        secure: sessions.secure,
      });
    return c.redirect('/editor', 303);
  });

  // Everything else needs a live session; writes also need the public origin and the CSRF token.
  const gate: MiddlewareHandler<{ Variables: { session: Session } }> = async (c, next) => {
    if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: 'GET, HEAD, POST, OPTIONS' });
    const session = await sessions.read(c);
    const safe = SAFE_METHODS.has(c.req.method);
    if (!session) {
      if (safe) return signInPage(c, token, '', 401);
      throw new YuluError('unauthorized', 'sign in at /editor/login first', { status: 401 });
    }
    if (!safe) {
      sessions.checkOrigin(c);
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
  };
  app.use('/editor/*', gate);
  app.use('/editor', gate);

  app.post('/editor/logout', async (c) => {
    if (sessions.access) return c.redirect('/cdn-cgi/access/logout', 303);
    await sessions.signOut(c);
    return c.redirect('/editor/login', 303);
  });
}
