import { YuluError } from '../errors.ts';
import { QUOTE_ID_PATTERN } from '../quotes/quote-id.ts';
import { DISPLAY_SCRIPTS, isDisplayScript, type DisplayScript } from '../text/scripts.ts';
import {
  CARD_LAYOUTS,
  cardSize,
  cardTheme,
  VERTICAL_SIZES,
  type CardLayout,
  DEFAULT_SIZE,
  DEFAULT_THEME,
  SCALES,
  type CardScale,
} from './templates.ts';

/*
 * The card request in one place: which parameters a card URL has, how they parse into a resolved
 * spec, and the canonical query that names it. Card URLs, the daily quote's card, signed draft
 * cards and the draft signature all read CARD_PARAMETERS, so a new parameter is added here (its
 * field in CardSpec, its default and check in cardSpec) and every URL and signature carries it.
 */

/** The parameters of a card, in canonical order (cache keys, ETags, signatures use this order). */
export const CARD_PARAMETERS = ['size', 'theme', 'script', 'scale'] as const;
export type CardParameter = (typeof CARD_PARAMETERS)[number];

/**
 * The optional layout (竖排 `vertical` for the tall sizes). It is named in a card's URL, cache key
 * and ETag only when vertical, so horizontal cards keep the URLs they always had. A signed draft
 * names it only when given, and signs it then (desk/draft.ts): draft links signed before drafts
 * could be vertical carry no layout and keep verifying.
 */
export const LAYOUT_PARAMETER = 'layout';

/** A card as requested: every field optional; defaults are og / paper / hans / 1 / horizontal. */
export type CardRequest = {
  [P in CardParameter | typeof LAYOUT_PARAMETER]?: string | number | undefined;
};

/** A card as resolved: every parameter known and valid. */
export interface CardSpec {
  size: string;
  theme: string;
  script: DisplayScript;
  scale: CardScale;
  /** `vertical` (竖排) for the sizes in VERTICAL_SIZES; absent means horizontal. */
  layout?: CardLayout;
}

/** Query parameters of `/cards/{id}.png|svg`: the card's, and `v` (the render version). */
export const CARD_QUERY = [...CARD_PARAMETERS, LAYOUT_PARAMETER, 'v'] as const;
/** Query parameters of the daily quote's card: the day, and the card's. */
export const DAILY_QUERY = ['date', ...CARD_PARAMETERS] as const;
/** Query parameters of a signed draft card: the proposed text, the card's, and the signature
 * (`layout` is optional: absent means horizontal). */
export const DRAFT_QUERY = [
  'text',
  ...CARD_PARAMETERS,
  LAYOUT_PARAMETER,
  'kid',
  'exp',
  'sig',
] as const;

const ID = QUOTE_ID_PATTERN.source.replace(/^\^|\$$/g, '');
/** A card's file name: a quote ID as the catalog makes them, and a format. */
export const CARD_FILE = new RegExp(`^(${ID})\\.(png|svg)$`);

/** Validates a request into a spec; unknown values are errors listing what is allowed. */
export function cardSpec(request: CardRequest): CardSpec {
  const size = cardSize(String(request.size ?? DEFAULT_SIZE)).name;
  const theme = cardTheme(String(request.theme ?? DEFAULT_THEME)).name;
  const script = String(request.script ?? 'hans');
  if (!isDisplayScript(script))
    throw new YuluError(
      'invalid_argument',
      `unknown script "${script}"; allowed: ${DISPLAY_SCRIPTS.join(', ')}`,
    );
  const scale = Number(request.scale ?? 1);
  if (!(SCALES as readonly number[]).includes(scale))
    throw new YuluError(
      'invalid_argument',
      `unknown scale "${String(request.scale)}"; allowed: ${SCALES.join(', ')}`,
    );
  const layout = String(request.layout ?? 'horizontal');
  if (!(CARD_LAYOUTS as readonly string[]).includes(layout))
    throw new YuluError(
      'invalid_argument',
      `unknown layout "${layout}"; allowed: ${CARD_LAYOUTS.join(', ')}`,
    );
  if (layout === 'vertical' && !VERTICAL_SIZES.includes(size))
    throw new YuluError(
      'invalid_argument',
      `layout=vertical is for ${VERTICAL_SIZES.join(', ')} cards, not ${size}`,
    );
  return {
    size,
    theme,
    script,
    scale: scale as CardScale,
    ...(layout === 'vertical' ? { layout: 'vertical' as const } : {}),
  };
}

/** The canonical query of a spec: every parameter, fixed order, so equivalent requests share a
 * cache entry and an ETag however their query strings were written. */
export function canonicalQuery(spec: CardSpec): string {
  const layout = spec.layout === 'vertical' ? '&layout=vertical' : '';
  return CARD_PARAMETERS.map((name) => `${name}=${spec[name]}`).join('&') + layout;
}

/** The card parameters of a query (strings, as given), leaving out the other parameters. */
export function cardRequest(query: Partial<Record<string, string>>): CardRequest {
  const request: CardRequest = {};
  for (const name of [...CARD_PARAMETERS, LAYOUT_PARAMETER] as const)
    if (query[name] !== undefined) request[name] = query[name];
  return request;
}
