/**
 * Character bigrams: how the catalog tells two spans that say the same thing (catalog.ts) and how
 * a retired quote finds its successor (aliases.ts). Each caller picks which characters count.
 */

/** The adjacent pairs of `chars`, as a set. */
export function bigramsOf(chars: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) set.add((chars[i] as string) + (chars[i + 1] as string));
  return set;
}

/** Share of pairs `a` and `b` have in common, relative to the smaller set; 0 when either is empty. */
export function bigramOverlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / Math.min(a.size, b.size);
}
