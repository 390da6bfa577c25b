/**
 * What `npm start` checks before it serves (issue 15): a weak EDITOR_TOKEN stops the server with
 * a message saying why and how to make a good one; a loopback public origin on a server that
 * listens publicly (or in production) is a warning (cards and links would point at 127.0.0.1);
 * the draft-card signing key is CARD_SIGNING_KEYS, or one made once and kept in the store —
 * never derived from the token.
 */
import { parseSigningKeys, type SigningKey } from '../../desk/draft.ts';
import type { EditorialStore } from '../../desk/store.ts';
import { weakTokenReason } from '../../desk/token-strength.ts';
import { base64url } from '../../text/base64url.ts';
import { isLoopbackOrigin } from './origin.ts';

/** The editor token to open the desk with; exits the process when it is too weak. */
export function editorTokenOrExit(token: string | undefined): string | undefined {
  if (!token) return undefined;
  const weak = weakTokenReason(token);
  if (!weak) return token;
  console.error(`yulu: refusing to start: ${weak}`);
  process.exit(1);
}

/** A warning when the public origin is loopback but the server is not only local. */
export function loopbackWarning(
  baseUrl: string,
  host: string,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  try {
    if (!isLoopbackOrigin(baseUrl)) return null;
  } catch {
    return `YULU_BASE_URL "${baseUrl}" is not a URL; cards and links need an absolute https://… origin`;
  }
  const production = env.NODE_ENV === 'production';
  const wildcard = host === '0.0.0.0' || host === '::';
  if (
    !production &&
    !wildcard &&
    isLoopbackOrigin(`http://${host.includes(':') ? `[${host}]` : host}`)
  )
    return null;
  return `warning: the public origin is ${baseUrl} (loopback) while ${production ? 'NODE_ENV=production' : `listening on ${host}`}; cards, QR codes and share links will point at it — set YULU_BASE_URL to the public origin`;
}

/** CARD_SIGNING_KEYS, or one key made once and kept in the store. */
export async function draftSigningKeys(
  configured: string | undefined,
  store: Promise<EditorialStore>,
): Promise<SigningKey[]> {
  try {
    const keys = parseSigningKeys(configured);
    if (keys.length) return keys;
  } catch (error) {
    console.error(`draft cards are off: ${(error as Error).message}`);
    return [];
  }
  try {
    const secret = await (
      await store
    ).keptSecret('draft-signing-key', () => {
      const bytes = new Uint8Array(32);
      crypto.getRandomValues(bytes);
      return base64url(bytes);
    });
    return [{ id: 'kept', secret }];
  } catch (error) {
    console.error(
      `draft cards are off: no signing key could be kept (${(error as Error).message})`,
    );
    return [];
  }
}
