import { Hono } from 'hono';
import type { DailyService } from '../daily/service.ts';
import { atomFeed, jsonFeed, type FeedSite } from '../share/feed.ts';
import { absolute, dailyHref, FEED_HREFS, type Links } from './links.ts';
import { sharedQuote } from './share.ts';
import { strictQuery } from './validate.ts';

/** Feeds carry the last 30 days that went out. */
export const FEED_DAYS = 30;
/** A new day arrives at 00:00 Shanghai; readers poll: an hour is fresh enough. */
const FEED_CACHE = 'public, max-age=3600';

/** The daily quote's feeds: Atom at /daily/feed.xml, JSON Feed 1.1 at /daily/feed.json. */
export function feedRoutes(daily: DailyService, links: Links) {
  const site: FeedSite = {
    title: '语录 · 今日语录',
    description: '每天一句出自中文访谈的原话，附讲者与出处。',
    home: absolute(links, dailyHref()),
    atom: absolute(links, FEED_HREFS.atom),
    json: absolute(links, FEED_HREFS.json),
  };
  const days = async () =>
    (await daily.recent(FEED_DAYS)).map((day) => ({
      date: day.date,
      url: absolute(links, dailyHref(day.date)),
      quote: sharedQuote(links, day),
    }));

  return new Hono()
    .get(FEED_HREFS.atom, async (c) => {
      strictQuery(c, []);
      return c.body(atomFeed(site, await days()), 200, {
        'Content-Type': 'application/atom+xml; charset=utf-8',
        'Cache-Control': FEED_CACHE,
        'Access-Control-Allow-Origin': '*',
      });
    })
    .get(FEED_HREFS.json, async (c) => {
      strictQuery(c, []);
      return c.body(JSON.stringify(jsonFeed(site, await days())), 200, {
        'Content-Type': 'application/feed+json; charset=utf-8',
        'Cache-Control': FEED_CACHE,
        'Access-Control-Allow-Origin': '*',
      });
    });
}
