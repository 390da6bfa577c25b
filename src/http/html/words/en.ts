import type { Words } from './zh.ts';

/** The public pages in English (`?lang=en`). */
export const EN: Words = {
  lang: 'en',
  site: {
    brand: 'Yulu',
    nav: 'Site',
    daily: 'Quote of the day',
    search: 'Search',
    otherLanguage: '中文',
    footer: 'Every quote leads back to its source paragraph.',
    feed: 'Feed',
  },
  home: {
    title: 'Yulu: attributed quote cards from Chinese interviews',
    heading: 'Yulu',
    intro:
      'Yulu turns Chinese interviews into attributed quote cards. Every quote has a short ID that leads back to the exact paragraph of its source, with the speaker, the publication and date, and every caveat (machine transcripts, inferred speakers) in plain view.',
    description:
      'Attributed quote cards from Chinese interviews; every quote leads back to its source paragraph.',
    sources: 'Sources',
    top: 'Top quotes',
    data: 'Data: ',
  },
  count: {
    quotes: (n) => `${n} ${n === 1 ? 'quote' : 'quotes'}`,
    paragraphs: (total, speech, excluded, quotes) =>
      `${total} paragraphs: ${speech} speech, ${excluded} excluded; ${quotes} quotes`,
  },
  originalPage: 'Original page',
  sourceKinds: {
    article: 'article',
    dialogue: 'dialogue',
    'machine-transcript': 'podcast, machine transcript',
  },
  roles: { guest: 'guest', interviewer: 'interviewer', host: 'host' },
  quote: {
    card: 'Quote card',
    from: ['A quote from ', ''],
    asPublished: 'As published',
    speaker: 'Speaker',
    source: 'Source',
    date: 'Date',
    inContext: 'In context',
    readInSource: (paragraph) => `Read it in the source (${paragraph})`,
    sourceAndContext: 'Source and context',
    scripts: 'Script',
    cite: 'Cite',
    citation: 'Citation',
    transcriptCaveat: ' (machine transcript)',
    editedCaveat: ' (edited)',
    embed: 'Embed',
    frameIntro: 'As a frame (no script, no cookies):',
    frameCode: 'Frame embed code',
    quotationIntro:
      'Or paste the HTML quotation (platforms with oEmbed need only this page’s link):',
    quotationCode: 'HTML quotation code',
    download: 'Download the card',
    size: 'Size',
    files: 'Files (px)',
    vertical: 'Vertical',
    sizes: {
      og: 'Link preview',
      square: 'WeChat Moments, Weibo (1:1)',
      portrait: 'Weibo portrait (4:5)',
      xiaohongshu: 'Xiaohongshu (3:4)',
      story: 'Stories and Channels (9:16)',
    },
  },
  notes: {
    heading: 'Notes',
    howDecided: 'How the speaker was decided',
    flags: {
      'machine-transcript':
        'Machine transcript: the words come from speech recognition and may be mis-heard.',
      edited:
        'Edited: an editor’s reviewed correction applies; the original wording is kept on record.',
      draft: 'Draft: an editor’s proposed correction, not published.',
      'inferred-speaker':
        'Inferred speaker: the paragraph names nobody; the speaker was inferred from context.',
      'traditional-source': 'Traditional source: other scripts are automatic conversions.',
    },
    methods: {
      prefix: 'the paragraph starts with the speaker’s name',
      'prefix-without-colon': 'the paragraph starts with the speaker’s name (without a colon)',
      continuation: 'it continues the previous speaker’s turn',
      'tagged-speech': 'the quoted words are followed by who said them',
      'untagged-question': 'a question in quotation marks, asked by the interviewer',
      'split-turn': 'two turns were merged on one line and split at the name',
      'unmarked-question': 'an unsigned question after a heading, from the press',
      'transcript-turn': 'the transcript names no speaker; inferred from the turn-taking',
      'not-speech': 'this paragraph is not speech',
    },
    certainty: (confidence) => {
      const pct = `${Math.round(confidence * 100)}%`;
      if (confidence >= 0.95) return `near certain (${pct})`;
      if (confidence >= 0.8) return `likely (${pct})`;
      return `uncertain (${pct}); check the source`;
    },
    how: (method, certainty) =>
      `${method.charAt(0).toUpperCase()}${method.slice(1)}; ${certainty}.`,
    continues: 'Continues',
  },
  daily: {
    today: (monthDay) => `Quote of the day · ${monthDay}`,
    day: (monthDay) => `Quote of the day · ${monthDay}`,
    earlier: 'Earlier days',
    subscribe: 'Subscribe',
  },
  search: {
    heading: 'Search quotes',
    title: 'Search',
    field: 'Words to find (simplified or traditional)',
    placeholder: 'Chinese words',
    button: 'Search',
    found: (n) => `${n} ${n === 1 ? 'quote' : 'quotes'} found`,
    firstShown: (n) => `; the first ${n} are shown`,
  },
  speaker: {
    sources: 'Sources',
    quotes: (shown, total) => `Quotes (the best ${shown} of ${total})`,
  },
  source: {
    description: () =>
      'Reading view of a source: every paragraph with its speaker and how that was decided.',
    about: 'About this source',
    legend:
      'Greyed paragraphs are not the speaker’s own words (headings, narration, page furniture…) or carry a flag; they never become quotes and are shown as they are, for checking.',
    lines: (first, last) => (first === last ? `line ${first}` : `lines ${first}–${last}`),
    how: 'How decided',
    excluded: (kind) => `Excluded: ${kind}`,
    quotes: 'Quotes',
    quotePage: 'Quote page',
    erratum: 'Erratum',
    erratumKept: 'The transcript’s words above are kept as captured.',
    raw: 'Raw capture, before repair',
    hlNotFound: 'The quote to highlight was not found in this source',
    hlElsewhere: 'is from another source:',
    hlStale: 'no longer matches its paragraph, so nothing is highlighted.',
    kinds: {
      speech: 'speech',
      heading: 'heading',
      narration: 'narration',
      'key-points': 'key points (paraphrase)',
      furniture: 'page furniture',
      teaser: 'teaser',
    },
    flags: {
      'unrepaired-mojibake': 'Damaged text that could not be repaired: never quoted',
      'machine-transcript': 'Machine transcript: words may be mis-heard',
      'traditional-source': 'Traditional-script source',
      edited: 'Edited',
      restated: 'The lead restates the body: never quoted twice',
    },
    reasons: {},
    damaged: '[the original text is damaged here and could not be repaired]',
    damagedRaw: 'Show the damaged raw characters',
    damagedNote:
      'The raw characters as captured; characters that cannot be drawn are written as U+ codes.',
  },
  error: {
    headings: {
      400: 'Bad request',
      404: 'Page not found',
      410: 'This quote was withdrawn',
      413: 'Request too large',
      422: 'Cannot be processed',
      429: 'Too many requests',
      500: 'Something went wrong',
      503: 'Temporarily unavailable',
    },
    codes: {},
    fallback: 'The request did not succeed.',
    code: 'Error code',
    detail: 'Details',
    sources: 'Sources',
    home: '← Home',
  },
};
