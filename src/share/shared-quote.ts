/**
 * A quote as it leaves the site — in a feed, an oEmbed answer, structured data, an embed: the words
 * in one display script, who said them and where, and the absolute URLs of its page and card.
 * Built in one place (src/http/share.ts) so every way out says the same thing.
 */
export interface SharedQuote {
  id: string;
  /** The words as shown (display script, an erratum or trim applied). */
  text: string;
  speaker: string;
  /** Company and position, e.g. 月之暗面创始人兼 CEO; empty when unknown. */
  affiliation: string;
  source: {
    title: string;
    publication: string;
    /** YYYY-MM-DD; when `dateIsEstimate`, only the month is meant. */
    date: string;
    dateIsEstimate: boolean;
    /** The original publication, when known. */
    url?: string | undefined;
  };
  /** Absolute URL of the quote's page. */
  permalink: string;
  /** Absolute URL of the quote in its source's reading view. */
  sourceView: string;
  card: { url: string; width: number; height: number };
  /** BCP 47 tag of the text (zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK). */
  lang: string;
}

/** A date as a reader should see it: exact days in full, estimates as the month they are (约2024年1月). */
export function displayDate(date: string, estimate: boolean, lang: 'zh' | 'en' = 'zh'): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (lang === 'en') {
    const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', {
      month: 'long',
      timeZone: 'UTC',
    });
    return estimate ? `c. ${monthName} ${year}` : `${day} ${monthName} ${year}`;
  }
  return estimate ? `约${year}年${month}月` : `${year}年${month}月${day}日`;
}

/** 12月1日: a daily quote's day as its heading shows it. */
export function monthDay(date: string, lang: 'zh' | 'en' = 'zh'): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (lang === 'en')
    return new Date(Date.UTC(year, month - 1, day)).toLocaleString('en-GB', {
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
  return `${month}月${day}日`;
}
