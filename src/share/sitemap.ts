import { escapeXml as esc } from './xml.ts';

/** The sitemap protocol allows 50,000 URLs per file; Yulu has a few hundred pages. */
export const SITEMAP_LIMIT = 50_000;

/** A sitemaps.org urlset; `lastmod` is a date (YYYY-MM-DD) when known. */
export function sitemapXml(urls: readonly { loc: string; lastmod?: string }[]): string {
  const rows = urls
    .slice(0, SITEMAP_LIMIT)
    .map(
      (u) =>
        `  <url><loc>${esc(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
    );
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${rows.join('\n')}
</urlset>
`;
}

/** robots.txt: pages are public; the desk, drafts and the API's lists are not for crawlers. */
export function robotsTxt(origin: string): string {
  return `User-agent: *
Disallow: /editor
Disallow: /cards/draft/
Disallow: /api/
Allow: /

Sitemap: ${origin}/sitemap.xml
`;
}
