/**
 * The origin CLI-made cards print and encode in their QR codes: `YULU_BASE_URL`, else the local
 * server's loopback address. A loopback origin is fine for a trial but useless on a shared card,
 * so the CLI says so once per run (and `daily export`, which makes cards to publish, refuses it
 * unless asked).
 */
import { YuluError } from '../errors.ts';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  isLoopbackOrigin,
  listeningOrigin,
  publicOrigin,
} from '../runtime/node/origin.ts';

export const HOW_TO_SET_ORIGIN =
  'set YULU_BASE_URL to the public origin, e.g. YULU_BASE_URL=https://yulu.example npx yulu …';

export interface CardOrigin {
  origin: string;
  loopback: boolean;
}

export function cardOrigin(env: NodeJS.ProcessEnv = process.env): CardOrigin {
  const origin = publicOrigin(env.YULU_BASE_URL, listeningOrigin(DEFAULT_HOST, DEFAULT_PORT));
  return { origin, loopback: isLoopbackOrigin(origin) };
}

/** The one-line warning for a loopback origin, or undefined when cards carry a public one. */
export function loopbackWarning({ origin, loopback }: CardOrigin): string | undefined {
  if (!loopback) return undefined;
  return `yulu: warning: cards link to ${origin} (loopback), which only this machine can open; ${HOW_TO_SET_ORIGIN}\n`;
}

/** `daily export` makes cards to publish: a loopback origin is refused unless explicitly allowed. */
export function refuseLoopbackExport({ origin, loopback }: CardOrigin, allowed: boolean): void {
  if (loopback && !allowed)
    throw new YuluError(
      'invalid_argument',
      `daily export makes cards to publish, but their links and QR codes would point to ${origin} (loopback); ${HOW_TO_SET_ORIGIN} — or add --allow-loopback for a local trial`,
    );
}
