/**
 * Cloudflare Access on the Worker, inside workerd: the Worker's own entry, given ACCESS_* in its
 * env (ACCESS_JWKS: a key pair made here, nothing fetched), verifies the Cf-Access-Jwt-Assertion
 * JWT with workerd's WebCrypto, names the editor by its email, and answers a missing or forged
 * token with a 401/403 page, never a 500.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/desk/migrate.ts';
import { d1Driver } from '../../src/runtime/worker/d1.ts';
import worker, { type Env } from '../../src/runtime/worker/index.ts';
import { accessClaims, accessKeys, AUD, TEAM, type AccessKeys } from '../support/access-jwt.ts';

const testEnv = env as unknown as Env & { TEST_MIGRATIONS: { name: string; queries: string[] }[] };
let keys: AccessKeys;
let accessEnv: Env;

beforeAll(async () => {
  await applyMigrations(
    d1Driver(testEnv.DB),
    testEnv.TEST_MIGRATIONS.map((m) => ({
      name: m.name,
      sql: m.queries.map((q) => `${q.replace(/;\s*$/, '')};`).join('\n'),
    })),
  );
  keys = await accessKeys();
  accessEnv = { ...testEnv, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD, ACCESS_JWKS: keys.jwks };
});

const desk = async (jwt: string | null, target: Env = accessEnv) =>
  worker.fetch(
    new Request('https://yulu.test/editor', {
      headers: jwt ? { 'Cf-Access-Jwt-Assertion': jwt } : {},
    }),
    target,
    createExecutionContext() as unknown as WorkerExecutionContext,
  );

describe('the desk behind Cloudflare Access, in workerd', () => {
  it('lets in the editor Access signed for, by email', async () => {
    const res = await desk(await keys.sign(accessClaims('ann@example.com')));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<span class="who">ann@example.com</span>');
  });

  it('refuses a missing token (401) and a forged or foreign one (403) with a page', async () => {
    const none = await desk(null);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/text\/html/);
    const forger = await accessKeys();
    const forged = await desk(await forger.sign(accessClaims('eve@example.com')));
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('signature does not verify');
    const foreign = await desk(await keys.sign({ ...accessClaims('ann@example.com'), aud: ['x'] }));
    expect(foreign.status).toBe(403);
  });

  it('keeps the desk closed (503) on half a configuration', async () => {
    const half = { ...testEnv, ACCESS_TEAM_DOMAIN: TEAM } as Env;
    const res = await desk(await keys.sign(accessClaims('ann@example.com')), half);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('ACCESS_AUD');
  });
});
