import type { QuoteLibrary, ResolvedQuote } from '../quotes/library.ts';
import type { Quote } from '../quotes/types.ts';
import { quoted } from '../text/scripts.ts';
import { YuluError } from '../errors.ts';
import { displaySourceTitle } from '../corpus/display-title.ts';
import { numberOption, parse } from './args.ts';

export const QUOTES_USAGE = `yulu quotes list [--speaker NAME] [--source SLUG] [--min-score N] [--tier publishable|all] [--limit N] [--json]
       yulu quotes show <id> [--json]
       yulu quotes search <text> [--limit N] [--json]`;

export function quotesCommand(
  library: QuoteLibrary,
  args: string[],
  out: (line: string) => void,
  color: boolean,
): void {
  const [verb, ...rest] = args;
  const { values, positionals } = parse(
    rest,
    {
      speaker: { type: 'string' },
      source: { type: 'string' },
      'min-score': { type: 'string' },
      tier: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    },
    QUOTES_USAGE,
  );
  const limit = numberOption(values.limit, 'limit');
  const print = (quotes: Quote[]) => {
    const shown = limit === undefined ? quotes : quotes.slice(0, limit);
    if (values.json) return out(JSON.stringify(shown, null, 2));
    for (const q of shown)
      out(`${q.id}  ${q.score.toFixed(2)}  ${q.speaker.padEnd(5, '　')}  ${library.simplified(q)}`);
    out(`(${shown.length} of ${quotes.length} quotes)`);
  };

  switch (verb) {
    case 'list':
      return print(library.filter(listFilter(values)));
    case 'search': {
      const text = positionals.join(' ').trim();
      if (!text)
        throw new YuluError(
          'invalid_argument',
          `quotes search needs the text to look for\nusage: ${QUOTES_USAGE}`,
        );
      return print(library.filter({ text }));
    }
    case 'show':
      return showQuote(library, positionals[0], values.json === true, out, color);
    default:
      throw new YuluError(
        'invalid_argument',
        `unknown quotes verb "${verb ?? ''}"; verbs are list, show, search\nusage: ${QUOTES_USAGE}`,
      );
  }
}

/** `quotes list` options as a library filter: publishable quotes unless `--tier all`. */
function listFilter(values: {
  speaker?: string;
  source?: string;
  'min-score'?: string;
  tier?: string;
}): Parameters<QuoteLibrary['filter']>[0] {
  const filter: Parameters<QuoteLibrary['filter']>[0] = {};
  if (values.speaker) filter.speaker = values.speaker;
  if (values.source) filter.source = values.source;
  const minScore = numberOption(values['min-score'], 'min-score');
  if (minScore !== undefined) filter.minScore = minScore;
  // Publishable quotes by default, like every public listing; --tier all shows candidates too.
  const tier = values.tier ?? 'publishable';
  if (tier !== 'publishable' && tier !== 'all')
    throw new YuluError(
      'invalid_argument',
      `--tier must be publishable or all, not "${tier}"\nusage: ${QUOTES_USAGE}`,
    );
  if (tier === 'publishable') filter.tier = 'publishable';
  return filter;
}

/** `quotes show <id>`: the quote (a retired ID says where it moved), as JSON or as text. */
function showQuote(
  library: QuoteLibrary,
  id: string | undefined,
  json: boolean,
  out: (line: string) => void,
  color: boolean,
): void {
  if (!id)
    throw new YuluError('invalid_argument', `quotes show needs a quote ID\nusage: ${QUOTES_USAGE}`);
  // A retired ID (quotes/aliases.json) shows its successor, and says where the quote moved.
  const moved = library.retired(id)?.successor;
  if (moved) out(`quote ${id} moved to ${moved} (a catalog rebuild retired the old ID)`);
  const resolved = library.resolve(id);
  if (json)
    return out(
      JSON.stringify(
        {
          ...resolved.quote,
          paragraphText: resolved.paragraph.text,
          document: resolved.document.meta,
        },
        null,
        2,
      ),
    );
  return out(formatShow(resolved, library.simplified(resolved.quote), color));
}

/**
 * The quote as the pages show it in simplified script: inner quotation marks nested (“…‘…’…”),
 * the source title cleaned; then the whole paragraph as captured, with the span marked.
 */
function formatShow(
  { quote, document, paragraph }: ResolvedQuote,
  simplified: string,
  color: boolean,
): string {
  const person = document.meta.people.find((p) => p.name === quote.speaker);
  const [start, end] = quote.span;
  const [open, close] = color ? ['\x1b[1;4m', '\x1b[0m'] : ['⟦', '⟧'];
  const marked =
    paragraph.text.slice(0, start) +
    open +
    paragraph.text.slice(start, end) +
    close +
    paragraph.text.slice(end);
  const { meta } = document;
  const lines =
    paragraph.lines[0] === paragraph.lines[1]
      ? `line ${paragraph.lines[0]}`
      : `lines ${paragraph.lines[0]}–${paragraph.lines[1]}`;
  return [
    quoted(simplified, 'hans'),
    `— ${quote.speaker}${person ? `，${person.company} ${person.title}` : ''}`,
    '',
    `id          ${quote.id}   score ${quote.score}${quote.flags.length ? `   flags ${quote.flags.join(', ')}` : ''}`,
    `tier        ${quote.tier}${quote.reasons.length ? ` (${quote.reasons.join(', ')})` : ''}`,
    `source      ${displaySourceTitle(meta)} · ${meta.publication} · ${meta.date}${meta.dateIsEstimate ? ' (estimated)' : ''}`,
    `paragraph   ${meta.slug} ${paragraph.id} (quotes/sources/${document.stem}.txt ${lines}), span ${start}–${end}`,
    `attributed  ${paragraph.attribution.method} (confidence ${paragraph.attribution.confidence}): ${paragraph.attribution.evidence}`,
    '',
    marked,
  ].join('\n');
}
