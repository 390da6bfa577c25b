import { z } from 'zod';
import sizesJson from '../../templates/sizes.json' with { type: 'json' };
import themesJson from '../../templates/themes.json' with { type: 'json' };
import { YuluError } from '../errors.ts';

const hex = z.string().regex(/^#[0-9a-f]{6}$/, 'a colour like #1f1d1a');
const name = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

export const SizeSchema = z.object({
  name,
  label: z.string().min(1),
  width: z.number().int().min(200).max(4096),
  height: z.number().int().min(200).max(4096),
  minQuoteSize: z.number().min(12),
  maxQuoteSize: z.number().min(12),
  /** The narrowest width (CSS px) the card is commonly shown at: small print and QR must work there. */
  previewWidth: z.number().int().min(100),
});
export type CardSize = z.infer<typeof SizeSchema>;

export const ThemeSchema = z.object({
  name,
  label: z.string().min(1),
  /** Which family the card sets its text in; resolved per script against the font manifest. */
  face: z.enum(['serif', 'sans', 'kai']),
  background: hex,
  text: hex,
  muted: hex,
  accent: hex,
  rule: hex,
  quoteWeight: z.union([z.literal(400), z.literal(600), z.literal(700)]),
});
export type CardTheme = z.infer<typeof ThemeSchema>;

const SizesFile = z.object({ sizes: z.array(SizeSchema).min(1) });
const ThemesFile = z.object({ themes: z.array(ThemeSchema).min(1) });

export const SCALES = [1, 2] as const;

/** Card layouts: horizontal lines, or vertical columns (竖排, typeset/vertical.ts). */
export const CARD_LAYOUTS = ['horizontal', 'vertical'] as const;
export type CardLayout = (typeof CARD_LAYOUTS)[number];
/** Sizes tall or square enough for columns; og's short, wide box would hold two or three. */
export const VERTICAL_SIZES: readonly string[] = ['square', 'portrait', 'xiaohongshu', 'story'];
export type CardScale = (typeof SCALES)[number];

/** Parses template data, naming the file and field on error. Exported for tests. */
export function parseTemplates(sizesData: unknown, themesData: unknown) {
  const sizes = parse(SizesFile, sizesData, 'templates/sizes.json').sizes;
  const themes = parse(ThemesFile, themesData, 'templates/themes.json').themes;
  for (const s of sizes) {
    if (s.minQuoteSize > s.maxQuoteSize)
      throw new YuluError(
        'invalid_template',
        `templates/sizes.json: ${s.name}: minQuoteSize exceeds maxQuoteSize`,
      );
  }
  unique(
    sizes.map((s) => s.name),
    'templates/sizes.json',
  );
  unique(
    themes.map((t) => t.name),
    'templates/themes.json',
  );
  return { sizes, themes };
}

function parse<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? issue.path.join('.') : '';
  throw new YuluError('invalid_template', `${file}: ${where}: ${issue?.message ?? 'invalid'}`);
}

function unique(names: string[], file: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new YuluError('invalid_template', `${file}: "${n}" is declared twice`);
    seen.add(n);
  }
}

const templates = parseTemplates(sizesJson, themesJson);
export const CARD_SIZES: readonly CardSize[] = templates.sizes;
export const CARD_THEMES: readonly CardTheme[] = templates.themes;
export const DEFAULT_SIZE = 'og';
export const DEFAULT_THEME = 'paper';

/** The size preset called `name`; an unknown name is a 400 listing the presets. */
export function cardSize(sizeName: string): CardSize {
  return named(CARD_SIZES, 'size', sizeName);
}

/** The theme called `name`; an unknown name is a 400 listing the themes. */
export function cardTheme(themeName: string): CardTheme {
  return named(CARD_THEMES, 'theme', themeName);
}

/** The entry of `entries` called `name`, or a 400 naming `what` and listing every name. */
function named<T extends { name: string }>(entries: readonly T[], what: string, name: string): T {
  const found = entries.find((e) => e.name === name);
  if (found) return found;
  const allowed = entries.map((e) => e.name).join(', ');
  throw new YuluError('invalid_argument', `unknown ${what} "${name}"; allowed: ${allowed}`);
}
