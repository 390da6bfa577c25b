import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import type { ZodType } from 'zod';
import { YuluError } from '../errors.ts';

/**
 * Query validation whose failures are Yulu errors: the message names the parameter, what was
 * received and what is allowed, e.g. `limit: Too big: expected number to be <=100`.
 */
export function validQuery<T extends ZodType>(schema: T) {
  return zValidator('query', schema, (result) => {
    if (!result.success) {
      const message = result.error.issues
        .map((issue) => {
          const where = issue.path.join('.') || 'query';
          return issue.code === 'unrecognized_keys'
            ? `unknown parameter(s) ${issue.keys.join(', ')}`
            : `${where}: ${issue.message}`;
        })
        .join('; ');
      throw new YuluError('invalid_argument', message);
    }
  });
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
