import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
import { YuluError } from '../errors.ts';

/** parseArgs with Yulu's error shape: unknown flags name themselves and list what is allowed. */
export function parse<const T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (cause) {
    throw new YuluError('invalid_argument', `${(cause as Error).message}\nusage: ${usage}`, {
      cause,
    });
  }
}

export function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n))
    throw new YuluError('invalid_argument', `--${name} must be a number, got "${value}"`);
  return n;
}
