import type { MiddlewareHandler } from 'hono';
import type { Session } from '../../desk/session.ts';
import { YuluError } from '../../errors.ts';
import { deskSessions, noStore, SAFE_METHODS } from '../desk-session.ts';
import { deskPage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';
import { readForm } from './forms.ts';
import type { Desk, DeskOptions } from './routes.ts';

const SIGN_IN = '登录 · Sign in';

function loginForm(token: string | undefined, problem: string): Html {
  if (!token)
    return html`<p>The desk is closed: no editor token is configured. Start the server with <code>EDITOR_TOKEN=… npm start</code> (on the Worker: <code>wrangler secret put EDITOR_TOKEN</code>, or <code>.dev.vars</code> for <code>npm run dev:worker</code>).</p>`;
  return html`${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
    <form method="post" action="/editor/login"><label>Editor token <input type="password" name="token" autocomplete="current-password" autofocus></label> <button>Sign in</button></form>`;
}

/**
 * Sign-in and sign-out, and the gate in front of everything else (desk-session.ts): sign-in under
 * per-client backoff, a server-side session (sign-out revokes it everywhere), and for writes a
 * request from the configured public origin carrying the session's CSRF token. GET, HEAD and
 * OPTIONS are safe; every desk response is `no-store`.
 */
export function deskAuth(app: Desk, options: DeskOptions): void {
  const { token } = options;
  const sessions = deskSessions({
    store: options.store,
    baseUrl: options.links.baseUrl,
    token,
    clientKey: options.clientKey,
  });
  app.use('/editor', noStore);
  app.use('/editor/*', noStore);
  app.get('/editor/login', (c) => deskPage(c, SIGN_IN, loginForm(token, '')));
  app.post('/editor/login', async (c) => {
    sessions.checkOrigin(c);
    const form = await readForm(c);
    const submitted = typeof form.token === 'string' ? form.token : '';
    if (!(await sessions.signIn(c, submitted)))
      return deskPage(c, SIGN_IN, loginForm(token, 'That token is not right.'), 401);
    return c.redirect('/editor', 303);
  });

  // Everything else needs a live session; writes also need the public origin and the CSRF token.
  const gate: MiddlewareHandler<{ Variables: { session: Session } }> = async (c, next) => {
    if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: 'GET, HEAD, POST, OPTIONS' });
    const session = await sessions.read(c);
    const safe = SAFE_METHODS.has(c.req.method);
    if (!session) {
      if (safe) return deskPage(c, SIGN_IN, loginForm(token, ''), 401);
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
    await sessions.signOut(c);
    return c.redirect('/editor/login', 303);
  });
}
