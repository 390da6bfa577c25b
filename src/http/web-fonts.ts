import { Hono } from 'hono';
import { YuluError } from '../errors.ts';
import { fontVersion, WEB_FONTS, webFontHref } from './html/fonts.ts';
import { strictQuery } from './validate.ts';

const FOREVER = 'public, max-age=31536000, immutable';

/**
 * GET /fonts/web/{file}?v=: the pages' web fonts. Only files the manifest lists; the current `v`
 * is immutable, no `v` revalidates, a stale `v` redirects to the current URL.
 * `read` is the runtime's: fonts/web on disk (Node), the static assets (Worker).
 */
export function webFontRoutes(read: (file: string) => Promise<Uint8Array | null>) {
  return new Hono().get('/fonts/web/:file', async (c) => {
    const { v } = strictQuery(c, ['v']);
    const file = c.req.param('file');
    const font = WEB_FONTS.fonts.find((f) => f.file === file);
    if (!font)
      throw new YuluError(
        'route_not_found',
        `no web font "${file.slice(0, 60)}"; fonts are ${WEB_FONTS.fonts.map((f) => f.file).join(', ')}`,
      );
    if (v !== undefined && v !== fontVersion(font.sha256)) {
      c.header('Cache-Control', 'public, max-age=300');
      return c.redirect(webFontHref(file), 302);
    }
    const bytes = await read(file);
    if (!bytes)
      throw new YuluError('render_failed', `web font ${file} is missing on this server`, {
        status: 503,
      });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'font/woff2',
      'Cache-Control': v === undefined ? 'public, max-age=300' : FOREVER,
      ETag: `"${font.sha256.slice(0, 32)}"`,
      'Access-Control-Allow-Origin': '*',
    });
  });
}
