import { z } from 'zod';
import { YuluError } from '../errors.ts';

/** Who a person is in a document: the one interviewed, the one asking, or the podcast host. */
export const personRoleSchema = z.enum(['guest', 'interviewer', 'host']);
export type PersonRole = z.infer<typeof personRoleSchema>;

export const personSchema = z.strictObject({
  /** Canonical name, always in simplified script (闫俊杰, not 閆俊杰). */
  name: z.string().min(1),
  /** Every spelling the source uses for this person in speaker prefixes or tags. */
  aliases: z.array(z.string().min(1)).default([]),
  role: personRoleSchema,
  /** Position shown on cards, e.g. "创始人兼 CEO". */
  title: z.string().min(1),
  company: z.string().min(1),
});
export type Person = z.infer<typeof personSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const sourceMetaSchema = z.strictObject({
  /** URL-safe, stable identifier of the document; part of every quote ID. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lowercase words joined by "-"'),
  title: z.string().min(1),
  publication: z.string().min(1),
  /** Date of publication (or of the event), and whether it is stated or an estimate. */
  date: isoDate,
  dateNote: z.string().min(1).optional(),
  dateIsEstimate: z.boolean().default(false),
  url: z.url().optional(),
  /** Script of the source as captured: 'hans' simplified, 'hant' traditional. */
  script: z.enum(['hans', 'hant']),
  kind: z.enum(['article', 'dialogue', 'machine-transcript']),
  people: z.array(personSchema).min(1),
  notes: z.string().optional(),
});
export type SourceMeta = z.infer<typeof sourceMetaSchema>;

/** Parses one metadata file; any problem is an ingest error naming the file and the field. */
export function parseSourceMeta(fileName: string, json: unknown): SourceMeta {
  const result = sourceMetaSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  throw new YuluError('invalid_source_meta', `${fileName}: invalid metadata — ${problems}`);
}
