import type { QuoteStatus } from '../desk/store.ts';
import type { Quote } from '../quotes/types.ts';
import type { PlanCandidate } from './plan.ts';

/**
 * May this quote go out as a daily quote without an editor choosing it? Guests only (never a
 * host's or interviewer's question), never a rejected quote, and only the catalog's publishable
 * tier — or a quote an editor approved.
 */
export function dailyEligible(quote: Quote, status: QuoteStatus | undefined): boolean {
  if (quote.role !== 'guest' || status === 'rejected') return false;
  return status === 'approved' || publishable(quote);
}

/** The catalog's verdict on whether a quote may appear unattended (src/quotes/verdict.ts). */
function publishable(quote: Quote): boolean {
  return quote.tier === 'publishable';
}

/** The daily pool: every eligible quote with its review state. */
export function dailyPool(
  quotes: readonly Quote[],
  statuses: ReadonlyMap<string, QuoteStatus>,
): PlanCandidate[] {
  return quotes
    .filter((q) => dailyEligible(q, statuses.get(q.id)))
    .map((q) => ({ id: q.id, speaker: q.speaker, approved: statuses.get(q.id) === 'approved' }));
}
