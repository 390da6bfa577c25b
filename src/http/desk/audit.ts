import { deskPage } from '../html/layout.ts';
import { html } from '../html/markup.ts';
import { nav } from './chrome.ts';
import type { Desk, DeskOptions } from './routes.ts';

/** GET /editor/audit: the append-only log of every change, newest first. */
export function deskAudit(app: Desk, { store }: DeskOptions): void {
  app.get('/editor/audit', async (c) => {
    const entries = await (await store()).audit(200);
    const rows = entries.map(
      (e) =>
        html`<tr><td>${e.seq}</td><td>${e.at}</td><td>${e.actor}</td><td>${e.action}</td><td>${e.entity}</td><td><code>${JSON.stringify(e.before)}</code></td><td><code>${JSON.stringify(e.after)}</code></td></tr>`,
    );
    return deskPage(
      c,
      '审计日志 · Audit log',
      html`${nav(c.get('session'))}<p class="muted">Every change, newest first; the log is append-only.</p>
      <table><thead><tr><th>#</th><th>when</th><th>who</th><th>what</th><th>record</th><th>before</th><th>after</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  });
}
