import type { Context } from 'hono';
import type { DailyQuote, DailyService } from '../../daily/service.ts';
import { monthDay } from '../../share/shared-quote.ts';
import { convertScript } from '../../text/script.ts';
import { sitePage } from '../html/layout.ts';
import { html } from '../html/markup.ts';
import { withUi, type Ui } from '../html/ui.ts';
import { wordsFor } from '../html/words.ts';
import { absolute, dailyHref, FEED_HREFS, type Links } from '../links.ts';
import { quoteCard } from './quote-card.ts';

/** How many earlier days the archive lists under a day. */
export const ARCHIVE_DAYS = 30;

const fullDate = (date: string, ui: Ui) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return ui === 'en'
    ? new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : `${y}年${m}月${d}日`;
};

/**
 * GET /daily (today, Asia/Shanghai) and /daily/{date} (any day that has gone out): the day's
 * quote under its date, and the archive of the days before it.
 */
export async function dailyPage(
  c: Context,
  links: Links,
  daily: DailyService,
  day: DailyQuote,
  ui: Ui,
): Promise<Response> {
  const today = day.date === daily.today();
  const w = wordsFor(ui);
  const heading = (today ? w.daily.today : w.daily.day)(monthDay(day.date, ui));
  const archive = (await daily.recent(ARCHIVE_DAYS + 1)).filter((d) => d.date !== day.date);
  const body = html`<h1>${heading}<time class="daily-date" datetime="${day.date}">${fullDate(day.date, ui)}</time></h1>
${quoteCard(ui, links, day)}
<section><h2>${w.daily.earlier}</h2>
<ol class="archive">${archive
    .slice(0, ARCHIVE_DAYS)
    .map(
      (d) =>
        html`<li><a href="${withUi(dailyHref(d.date), ui)}"><time datetime="${d.date}">${fullDate(d.date, ui)}</time><span lang="zh-Hans">${convertScript(d.quote.text, d.document.meta.script, 'hans')}</span></a> <span class="muted small">—— <span lang="zh-Hans">${d.quote.speaker}</span></span></li>`,
    )}</ol>
<p class="small">${w.daily.subscribe}${ui === 'en' ? ': ' : '：'}<a href="${FEED_HREFS.atom}">Atom</a> · <a href="${FEED_HREFS.json}">JSON Feed</a></p></section>`;
  return sitePage(c, {
    title: `${heading} · ${w.site.brand}`,
    head: html`<meta name="description" content="${day.quote.speaker}：${day.quote.text}">`,
    body,
    ui,
    canonical: absolute(links, dailyHref(today ? undefined : day.date)),
  });
}
