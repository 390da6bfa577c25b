import { zValidator } from '@hono/zod-validator';
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
