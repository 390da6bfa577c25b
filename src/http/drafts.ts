import { Hono } from 'hono';
import type { CardEngine } from '../card/engine.ts';
import { CARD_FILE, cardRequest, cardSpec } from '../card/spec.ts';
import { DRAFT_PARAMETERS, verifyDraft, type SigningKey } from '../desk/draft.ts';
import { YuluError } from '../errors.ts';
import type { QuoteLibrary } from '../quotes/library.ts';
import { strictQuery } from './validate.ts';
import { assertCardText } from '../desk/card-text.ts';
import { CardCache } from '../card/card-cache.ts';
import { admitClient } from '../card/admission.ts';
import { renderCost, type RenderJob } from '../card/card-renderer.ts';
import { SVG_CSP, type CardAdmission } from './cards.ts';

/** Errata are at most this long; a draft is a proposed erratum. */
export const DRAFT_TEXT_MAX = 300;

/**
 * GET /cards/draft/{id}.png|svg?text=…&size=…&theme=…&script=…&scale=…[&layout=vertical]&kid=…&exp=…&sig=…
 * A proposed correction of a machine-transcript quote, drawn as a card marked 草稿预览 · 未发布
 * (draft, not published) — only with a valid signature from the desk (see desk/draft.ts).
 * Never cached by shared caches, never indexed.
 */
export function draftRoutes(
  library: QuoteLibrary,
  engine: () => Promise<CardEngine>,
  keys: readonly SigningKey[],
  now: () => number = () => Date.now(),
  admission: CardAdmission,
  /** Drafts drawn recently, by signed URL: one draw per link however often it is opened. */
  drawn: CardCache = new CardCache(4 * 1024 * 1024),
) {
  return new Hono().get('/cards/draft/:file', async (c) => {
    const match = CARD_FILE.exec(c.req.param('file'));
    if (!match)
      throw new YuluError(
        'route_not_found',
        `no draft card "${c.req.param('file')}"; draft URLs are /cards/draft/{id}.png or .svg`,
      );
    const [, id, format] = match as unknown as [string, string, 'png' | 'svg'];
    const query = strictQuery(c, DRAFT_PARAMETERS, 'refuse');
    if (!keys.length)
      throw new YuluError('invalid_signature', 'draft cards are off: no signing key is configured');
    const draft = await verifyDraft(id, query, keys, Math.floor(now() / 1000));
    const base = library.resolve(id);
    if (!base.quote.flags.includes('machine-transcript'))
      throw new YuluError('invalid_argument', 'drafts are for machine-transcript quotes only');
    assertCardText(draft.text, "a draft's text");
    if ([...draft.text].length > DRAFT_TEXT_MAX || !draft.text.trim())
      throw new YuluError(
        'invalid_argument',
        `a draft's text must be 1–${DRAFT_TEXT_MAX} characters`,
      );
    const spec = cardSpec(cardRequest(draft));
    const flags = [...base.quote.flags.filter((f) => f !== 'edited'), 'draft' as const];
    const resolved = { ...base, quote: { ...base.quote, text: draft.text, flags } };
    const headers = {
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
      'Cross-Origin-Resource-Policy': 'same-origin',
      ...(format === 'svg' ? { 'Content-Security-Policy': SVG_CSP } : {}),
    };
    const job: RenderJob = { id, spec, format, quote: resolved.quote };
    // The signature covers every parameter and the expiry: the signed URL names one drawing.
    const key = `${(await engine()).version}/${id}.${format}?${query.sig ?? ''}`;
    const card = await drawn.get(key, async () => {
      await admitClient(admission.limiter, admission.client(c), renderCost(job));
      return admission.render(job);
    });
    return c.body(card.body as Uint8Array<ArrayBuffer>, 200, {
      ...headers,
      'Content-Type': card.contentType,
    });
  });
}
