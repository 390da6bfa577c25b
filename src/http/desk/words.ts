import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { ZH, type Words } from './words/zh.ts';
import { EN } from './words/en.ts';

/*
 * Every word the desk shows, Chinese first (words/zh.ts), English on request (words/en.ts).
 * One language per page, never both doubled on a label. The language is `?lang=en|zh` on any desk URL, else the editor's
 * preference cookie (set by the switch in the header, a POST), else Chinese.
 */

export type DeskLang = 'zh' | 'en';
export const LANG_COOKIE = 'yulu_desk_lang';

export function deskLang(c: Context): DeskLang {
  const asked = c.req.query('lang') ?? getCookie(c, LANG_COOKIE);
  return asked === 'en' ? 'en' : 'zh';
}

export type { Words };

export const WORDS: Record<DeskLang, Words> = { zh: ZH, en: EN };

export const words = (c: Context): Words => WORDS[deskLang(c)];

/** A quote shortened for a label: the first characters, with an ellipsis when cut. */
export function shortQuote(text: string, max = 14): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
