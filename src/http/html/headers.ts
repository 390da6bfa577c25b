/*
 * The security headers every HTML response carries. Public pages run no script at all, so their
 * CSP allows none; the desk allows one same-origin script file (/editor/desk.js: trims by selection or
 * keys, live card previews) and nothing inline or from elsewhere. Both frame nothing and are framed by nothing.
 */

const CSP = [
  "default-src 'none'",
  "img-src 'self' data:",
  "font-src 'self'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

function headers(csp: readonly string[]): Readonly<Record<string, string>> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Content-Security-Policy': csp.join('; '),
  };
}

/** Public pages: no script. */
export const PAGE_HEADERS = headers(CSP);

/** The editorial desk: its own script file only (no inline script). */
export const DESK_HEADERS = headers([...CSP.slice(0, 3), "script-src 'self'", ...CSP.slice(3)]);

/** Pages change only when the deployment does: cache briefly. Errors are not cached. */
export const PAGE_CACHE = 'public, max-age=300';
