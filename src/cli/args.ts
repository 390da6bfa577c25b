import { parseArgs, type ParseArgsConfig } from 'node:util';
import { YuluError } from '../errors.ts';

/** parseArgs with Yulu's error shape: unknown flags name themselves and list what is allowed. */
export function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new YuluError('invalid_argument', `${(cause as Error).message}\nusage: ${usage}`, { cause });
  }
}

export function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new YuluError('invalid_argument', `--${name} must be a number, got "${value}"`);
  return n;
}
