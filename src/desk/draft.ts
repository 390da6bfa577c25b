/**
 * Signed draft cards: the one way a card can show words that are not (yet) in the corpus or its
 * reviewed errata. An editor previews a correction of a machine-transcript quote as a card and
 * can share the link with a colleague before saving it. Only the desk can mint such a link: its
 * URL carries an HMAC-SHA-256 signature over a canonical string of every parameter, a key id
 * (keys rotate) and an expiry, verified in constant time with `crypto.subtle.verify`. Runtime-free
 * (Web Crypto in Node and workerd).
 */
import {
  CARD_PARAMETERS,
  DRAFT_QUERY,
  LAYOUT_PARAMETER,
  type CardParameter,
} from '../card/spec.ts';
import { YuluError } from '../errors.ts';
import { base64url, fromBase64url } from '../text/base64url.ts';

/**
 * A draft: the quote, the proposed wording (NFC-normalised), every card parameter as given, and
 * the layout when one was given (absent: horizontal, as every draft was before 竖排 drafts).
 */
export type DraftCard = { quoteId: string; text: string; layout?: string } & Record<
  CardParameter,
  string
>;

export interface SigningKey {
  id: string;
  secret: string;
}

/** Every parameter a draft URL may have; anything else is refused, share-tracking tags included. */
export const DRAFT_PARAMETERS = DRAFT_QUERY;
/** The ones it must have: all but the layout. */
const REQUIRED_PARAMETERS = DRAFT_QUERY.filter((name) => name !== LAYOUT_PARAMETER);
export const DRAFT_TTL_SECONDS = 24 * 60 * 60;
/** Links that claim to live longer than this are refused even when signed. */
export const DRAFT_MAX_TTL_SECONDS = 7 * 24 * 60 * 60;
const SCHEME = 'YULU-DRAFT-1';
const encoder = new TextEncoder();

/**
 * The string that is signed: one `name=value` line per field in a fixed order, values
 * percent-encoded, so no two different drafts share a canonical string. The `layout=` line is
 * there only when the draft names a layout: a draft without one signs exactly the string drafts
 * signed before layouts existed, so links shared then keep verifying, and a layout added to such
 * a link changes the string (its signature no longer matches).
 */
export function canonicalDraft(draft: DraftCard, kid: string, exp: number): string {
  return [
    SCHEME,
    `kid=${encodeURIComponent(kid)}`,
    `exp=${exp}`,
    `id=${encodeURIComponent(draft.quoteId)}`,
    ...CARD_PARAMETERS.map((name) => `${name}=${encodeURIComponent(draft[name])}`),
    ...(draft.layout === undefined ? [] : [`layout=${encodeURIComponent(draft.layout)}`]),
    `text=${encodeURIComponent(draft.text.normalize('NFC'))}`,
  ].join('\n');
}

/** Keys from `CARD_SIGNING_KEYS` ("id:secret,id:secret", newest first). */
export function parseSigningKeys(value: string | undefined): SigningKey[] {
  if (!value?.trim()) return [];
  return value.split(',').map((pair) => {
    const at = pair.indexOf(':');
    const id = pair.slice(0, at).trim();
    const secret = pair.slice(at + 1).trim();
    if (at < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || secret.length < 16)
      throw new YuluError(
        'invalid_argument',
        'CARD_SIGNING_KEYS must be "id:secret" pairs separated by commas (id of letters, digits, _ or -; secret of 16 characters or more)',
      );
    return { id, secret };
  });
}

/**
 * The signing keys a runtime uses: CARD_SIGNING_KEYS, a secret of its own. Never derived from
 * EDITOR_TOKEN: a shared draft link would otherwise be an offline oracle for the token (issue 15).
 * The Node runtime keeps a generated key in its store when none is configured
 * (src/runtime/node/startup.ts); on the Worker drafts are off until the secret is set.
 */
export function signingKeys(configured: string | undefined): SigningKey[] {
  try {
    return parseSigningKeys(configured);
  } catch (error) {
    // A malformed setting turns drafts off (and says so) instead of taking the service down.
    console.error(`draft cards are off: ${(error as Error).message}`);
    return [];
  }
}

async function hmacKey(secret: string) {
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
}

/** The query string of a signed draft URL (without the leading `?`). */
export async function signDraft(draft: DraftCard, key: SigningKey, exp: number): Promise<string> {
  const text = draft.text.normalize('NFC');
  const signature = await crypto.subtle.sign(
    'HMAC',
    await hmacKey(key.secret),
    encoder.encode(canonicalDraft({ ...draft, text }, key.id, exp)),
  );
  return new URLSearchParams({
    text,
    ...cardParameters(draft),
    ...(draft.layout === undefined ? {} : { layout: draft.layout }),
    kid: key.id,
    exp: String(exp),
    sig: base64url(new Uint8Array(signature)),
  }).toString();
}

/** The card parameters of a draft or a query, in canonical order. */
function cardParameters(from: Record<CardParameter, string>): Record<CardParameter, string> {
  return Object.fromEntries(CARD_PARAMETERS.map((name) => [name, from[name]])) as Record<
    CardParameter,
    string
  >;
}

const refused = (message: string) => new YuluError('invalid_signature', message);

/**
 * Checks a draft URL's parameters (already limited to DRAFT_PARAMETERS, each given once) and
 * returns the draft they sign. Missing parameters are a 400; an unknown key id, an expired or
 * too-distant expiry, or a signature that does not match are a 403 `invalid_signature`.
 */
export async function verifyDraft(
  quoteId: string,
  query: Record<string, string>,
  keys: readonly SigningKey[],
  nowSeconds: number,
): Promise<DraftCard> {
  const missing = REQUIRED_PARAMETERS.filter((name) => query[name] === undefined);
  if (missing.length)
    throw new YuluError(
      'invalid_argument',
      `a draft card URL needs ${missing.join(', ')}; draft links are made at the editorial desk`,
    );
  const q = query as Record<(typeof DRAFT_PARAMETERS)[number], string>;
  const key = keys.find((k) => k.id === q.kid);
  if (!key) throw refused(`unknown signing key "${q.kid.slice(0, 32)}"; the link was revoked`);
  if (!/^\d{1,12}$/.test(q.exp)) throw refused('exp must be a Unix time in seconds');
  const exp = Number(q.exp);
  if (exp <= nowSeconds)
    throw refused(`this draft link expired at ${new Date(exp * 1000).toISOString()}`);
  if (exp > nowSeconds + DRAFT_MAX_TTL_SECONDS)
    throw refused(`exp is more than ${DRAFT_MAX_TTL_SECONDS / 86_400} days ahead`);
  const signature = q.sig.length === 43 ? fromBase64url(q.sig) : null;
  if (!signature) throw refused('sig must be 43 base64url characters (HMAC-SHA-256)');
  const draft: DraftCard = {
    quoteId,
    text: q.text.normalize('NFC'),
    ...cardParameters(q),
    ...(query.layout === undefined ? {} : { layout: query.layout }),
  };
  const valid = await crypto.subtle.verify(
    'HMAC',
    await hmacKey(key.secret),
    signature,
    encoder.encode(canonicalDraft(draft, q.kid, exp)),
  );
  if (!valid) throw refused('the signature does not match this draft; it was altered');
  return draft;
}
