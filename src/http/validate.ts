import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { z, type ZodType } from 'zod';
import { YuluError } from '../errors.ts';

/**
 * Query validation whose failures are Yulu errors a person can read: each names the parameter,
 * what was sent and what is allowed, e.g. `limit: sent "abc"; allowed: an integer from 1 to 100`
 * (not zod's "expected number, received NaN"). What is allowed comes from the schema itself.
 */
export function validQuery<T extends ZodType>(schema: T) {
  let allowed: Record<string, JsonProperty> | undefined;
  return zValidator('query', schema, (result, c) => {
    if (result.success) return;
    allowed ??= describeSchema(schema);
    const names = Object.keys(allowed);
    const message = result.error.issues
      .map((issue) => {
        if (issue.code === 'unrecognized_keys')
          return `unknown parameter(s) ${issue.keys.map((key) => clip(key)).join(', ')}; allowed: ${names.join(', ')}`;
        const name = String(issue.path[0] ?? 'query');
        const sent = c.req.query(name);
        const what = sent === undefined ? 'nothing' : `"${clip(sent)}"`;
        return `${name}: sent ${what}; allowed: ${allowedText(allowed?.[name], issue)}`;
      })
      .join('. ');
    throw new YuluError('invalid_argument', message);
  });
}

interface JsonProperty {
  type?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
}

/** The schema's parameters as JSON Schema properties (bounds, types), for messages only. */
function describeSchema(schema: ZodType): Record<string, JsonProperty> {
  try {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, JsonProperty>;
    };
    return json.properties ?? {};
  } catch {
    return {};
  }
}

/** "an integer from 1 to 100", "a number from 0 to 1", "text of 1 to 200 characters", … */
function allowedText(
  property: JsonProperty | undefined,
  issue: { code: string; message: string },
): string {
  if (!property) return issue.message;
  if (property.enum) return `one of ${property.enum.map(String).join(', ')}`;
  if (property.pattern) return issue.message.replace(/^expected /u, '');
  const range = (low: number | undefined, high: number | undefined) =>
    low !== undefined && high !== undefined
      ? ` from ${low} to ${high}`
      : low !== undefined
        ? ` of at least ${low}`
        : high !== undefined
          ? ` of at most ${high}`
          : '';
  if (property.type === 'integer') return `an integer${range(property.minimum, property.maximum)}`;
  if (property.type === 'number') return `a number${range(property.minimum, property.maximum)}`;
  if (property.type === 'string') {
    const { minLength: low = 0, maxLength: high } = property;
    if (high !== undefined) return `text of ${low} to ${high} characters`;
    return low <= 1 ? 'non-empty text' : `text of at least ${low} characters`;
  }
  return issue.message;
}

/** A sent value as shown back: at most 60 characters. */
function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

/**
 * Parameters that share buttons and messengers append to links (WeChat adds
 * `from=singlemessage&isappinstalled=0`, Facebook `fbclid`): ignored, so a shared link never
 * turns into an error and never splits a cache entry. Anything else unknown is a 400.
 */
const SHARE_TRACKING = /^(?:utm_[a-z_]+|fbclid|gclid|msclkid|igshid|spm|from|isappinstalled)$/;

/**
 * A route's query, strictly: unknown or repeated parameters are 400s naming what is allowed.
 * Share-tracking tags are ignored unless `tracking` is 'refuse' (signed URLs take nothing extra).
 */
export function strictQuery(
  c: Context,
  allowed: readonly string[],
  tracking: 'ignore' | 'refuse' = 'ignore',
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, list] of Object.entries(c.req.queries())) {
    if (tracking === 'ignore' && SHARE_TRACKING.test(name)) continue;
    const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
    if (!allowed.includes(name))
      throw new YuluError(
        'invalid_argument',
        allowed.length
          ? `unknown parameter "${shown}"; allowed: ${allowed.join(', ')}`
          : `unknown parameter "${shown}"; this page takes no parameters`,
      );
    if (list.length !== 1)
      throw new YuluError(
        'invalid_argument',
        `parameter "${shown}" given ${list.length} times; give it once`,
      );
    values[name] = list[0] as string;
  }
  return values;
}
