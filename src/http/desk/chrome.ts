import type { Context } from 'hono';
import type { Session } from '../../desk/session.ts';
import { errorReply } from '../errors.ts';
import { deskPage } from '../html/layout.ts';
import { html, type Html } from '../html/markup.ts';

/** The desk's navigation, with the sign-out form. */
export function nav(session: Session): Html {
  return html`<nav><a href="/editor">Quotes</a> · <a href="/editor/calendar">Calendar</a> · <a href="/editor/audit">Audit log</a> · <a href="/api/daily">Today’s quote</a>
    <form method="post" action="/editor/logout" class="inline"><input type="hidden" name="csrf" value="${session.csrf}"><button>Sign out</button></form></nav>`;
}

/** An error as a desk page: the stable code and message of errors.ts, with its status. */
export function deskErrorPage(c: Context, error: unknown): Response {
  const { code, message, status, retryAfter } = errorReply(error);
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  return deskPage(
    c,
    code,
    html`<p class="error" role="alert"><strong>${code}</strong>: ${message}</p><p><a href="/editor">Back to the desk</a></p>`,
    status,
  );
}
