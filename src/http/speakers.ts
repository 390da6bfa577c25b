import { YuluError } from '../errors.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import { convertScript } from '../text/script.ts';

/*
 * A speaker's URL segment is their canonical (simplified) name, percent-encoded (links.ts
 * speakerHref): Chinese-first, readable in the address bar, needing no romanisation table.
 * `/speakers/楊植麟` (traditional) finds the same person.
 */

/** The canonical name for a URL segment (already percent-decoded), or a 404 naming who exists. */
export function speakerBySlug(library: QuoteLibrary, segment: string): string {
  const name = convertScript(segment.trim(), 'hant', 'hans');
  const known = library.speakers().map((s) => s.name);
  if (!known.includes(name))
    throw new YuluError(
      'speaker_not_found',
      `no speaker "${segment.slice(0, 40)}"; speakers are: ${known.join(', ')}`,
    );
  return name;
}
