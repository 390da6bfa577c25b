import type { Context } from 'hono';
import { YuluError } from '../../errors.ts';

/*
 * The interface language of public pages: Chinese by default, English with `?lang=en`. One
 * language per label, never both doubled; what is quoted stays in its own script, marked with
 * its own `lang`.
 */

export type Ui = 'zh' | 'en';
export const UI_PARAMETER = 'lang';

/** The page's interface language from `?lang=` (zh or en); anything else is a 400. */
export function uiOf(c: Context): Ui {
  const lang = c.req.query(UI_PARAMETER);
  if (lang === undefined || lang === 'zh') return 'zh';
  if (lang === 'en') return 'en';
  throw new YuluError('invalid_argument', `unknown lang "${lang.slice(0, 20)}"; allowed: zh, en`);
}

/** `<html lang>` of the interface (the quoted text carries its own). */
export const uiLang = (ui: Ui, zh = 'zh-Hans') => (ui === 'en' ? 'en' : zh);

/** The same URL in the other interface language (relative). */
export function switchHref(c: Context, to: Ui): string {
  const url = new URL(c.req.url);
  if (to === 'en') url.searchParams.set(UI_PARAMETER, 'en');
  else url.searchParams.delete(UI_PARAMETER);
  return `${url.pathname}${url.search}`;
}

/** Adds `lang=en` to a relative href when the interface is English. */
export function withUi(href: string, ui: Ui): string {
  if (ui === 'zh') return href;
  const [path, hash] = href.split('#') as [string, string | undefined];
  return `${path}${path.includes('?') ? '&' : '?'}lang=en${hash ? `#${hash}` : ''}`;
}
