import { html as honoHtml, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/*
 * The one markup idiom of the web side: Hono's `html` tagged template. Every interpolated value
 * is escaped (& < > " ') unless it is already markup; arrays are joined; null, undefined and
 * booleans render nothing. Pages and the desk never interpolate promises, so markup is a plain
 * synchronous value here, which keeps page functions simple to compose and to test.
 */

/** Markup that is already escaped. */
export type Html = HtmlEscapedString;

/** Escapes every interpolated value unless it is already Html. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new TypeError('markup must not interpolate promises');
  return out;
}

/** Trusted markup written in this code base (a style sheet, a script): never request data. */
export const trusted = (markup: string): Html => raw(markup);
