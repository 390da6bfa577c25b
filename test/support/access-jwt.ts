/**
 * A Cloudflare Access stand-in for tests, runtime-free (Web Crypto: Node and workerd): an RS256 key
 * pair made in the test, its public half as a JWKS, and JWTs signed the way Access signs them.
 * Nothing is fetched.
 */
import { base64url } from '../../src/text/base64url.ts';

export const TEAM = 'yulu-test.cloudflareaccess.com';
export const AUD = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

export interface AccessKeys {
  kid: string;
  /** The JWKS JSON Access would publish at /cdn-cgi/access/certs. */
  jwks: string;
  sign(claims: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
}

const json = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

export async function accessKeys(kid = 'test-key-1'): Promise<AccessKeys> {
  const pair = (await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  )) as {
    publicKey: Parameters<typeof crypto.subtle.exportKey>[1];
    privateKey: Parameters<typeof crypto.subtle.sign>[1];
  };
  const jwk = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as Record<string, unknown>;
  return {
    kid,
    jwks: JSON.stringify({
      keys: [{ kty: 'RSA', kid, alg: 'RS256', use: 'sig', n: jwk.n, e: jwk.e }],
    }),
    async sign(claims, header = {}) {
      const input = `${json({ alg: 'RS256', kid, typ: 'JWT', ...header })}.${json(claims)}`;
      const signature = await crypto.subtle.sign(
        'RSASSA-PKCS1-v1_5',
        pair.privateKey,
        new TextEncoder().encode(input),
      );
      return `${input}.${base64url(new Uint8Array(signature))}`;
    },
  };
}

/** The claims of a fresh Access token for `email` (valid for an hour from `now` seconds). */
export function accessClaims(email: string, now = Math.floor(Date.now() / 1000)) {
  return {
    aud: [AUD],
    email,
    exp: now + 3600,
    iat: now,
    nbf: now,
    iss: `https://${TEAM}`,
    type: 'app',
    identity_nonce: 'test',
    sub: crypto.randomUUID(),
    country: 'CN',
  };
}
