import { describe, expect, it } from 'vitest';
import { CardEngine } from '../../src/card/engine.ts';
import { EditorialStore } from '../../src/desk/store.ts';
import type { SqlDriver } from '../../src/desk/sql.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import {
  createNodeCardEngine,
  lazyNodeCardEngine,
  loadFonts,
  nodeRenderVersion,
} from '../../src/runtime/node/cards.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { YuluError } from '../../src/errors.ts';
import { openSqlite } from '../../src/runtime/node/sqlite.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const id = catalog.quotes[0]!.id;
const links = { baseUrl: 'https://yulu.example', renderVersion: 'test' };
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe('faults give clear errors, and health reports them', () => {
  it('a rasterizer that throws: a JSON render_failed, never a hang', async () => {
    await createNodeCardEngine(library, 'https://yulu.example'); // initialises Satori for this process
    const engine = new CardEngine({
      library,
      fonts: loadFonts(),
      baseUrl: 'https://yulu.example',
      rasterizer: { rgba: () => Promise.reject(new Error('out of memory')) },
    });
    const app = createApp({ library, cards: { engine } });
    const res = await app.request(`/cards/${id}.png`);
    expect(res.status).toBe(500);
    expect(await errorOf(res)).toMatchObject({
      code: 'render_failed',
      message: expect.stringContaining('out of memory'),
    });
    expect((await app.request(`/cards/${id}.svg`)).status).toBe(200); // SVG needs no rasterizer
  });

  it('fonts that cannot load: 503 on cards, the API still answers, health says why', async () => {
    const app = createApp({
      library,
      cards: {
        engine: () =>
          Promise.reject(
            new YuluError('render_failed', 'font NotoSerifSC-SemiBold.otf is corrupt', {
              status: 503,
            }),
          ),
      },
      links,
    });
    const res = await app.request(`/cards/${id}.png`);
    expect(res.status).toBe(503);
    expect((await errorOf(res)).message).toContain('corrupt');
    expect((await app.request(`/api/quotes/${id}`)).status).toBe(200);
    const health = await app.request('/healthz');
    expect(health.status).toBe(503);
    expect(((await health.json()) as { checks: { cards: string } }).checks.cards).toMatch(
      /^unavailable: render_failed/,
    );
  });

  it('a missing or corrupt font file on disk: the server starts, cards 503 naming the file, then heals', async () => {
    const fonts = new URL('../../fonts/', import.meta.url).pathname;
    const manifest = JSON.parse(readFileSync(`${fonts}manifest.json`, 'utf8')) as {
      fonts: { file: string }[];
    };
    const victim = manifest.fonts[1]!.file;
    const cases: [string, (dir: string) => void, RegExp][] = [
      [
        'missing',
        (dir) => rmSync(join(dir, victim)),
        new RegExp(`font ${victim} .*cannot be read \\(ENOENT\\)`),
      ],
      [
        'truncated',
        (dir) => truncateSync(join(dir, victim), 2000),
        new RegExp(`font ${victim} is corrupt`),
      ],
      [
        'garbage',
        (dir) => writeFileSync(join(dir, victim), 'not a font'.repeat(100)),
        new RegExp(`font ${victim} is corrupt`),
      ],
      ['no manifest', (dir) => rmSync(join(dir, 'manifest.json')), /manifest\.json cannot be read/],
    ];
    for (const [name, damage, message] of cases) {
      const dir = `${mkdtempSync(join(tmpdir(), 'yulu-fonts-'))}/`;
      try {
        cpSync(fonts, dir, { recursive: true });
        damage(dir);
        const engine = lazyNodeCardEngine(library, 'https://yulu.example', dir, 50);
        const app = createApp({ library, cards: { engine }, links });
        const res = await app.request(`/cards/${id}.png`);
        expect(res.status, name).toBe(503);
        expect(await errorOf(res), name).toMatchObject({
          code: 'render_failed',
          message: expect.stringMatching(message),
        });
        expect((await app.request(`/q/${id}`)).status, name).toBeLessThan(500);
        expect((await app.request(`/api/quotes/${id}`)).status, name).toBe(200);
        const health = await app.request('/healthz');
        expect(health.status, name).toBe(503);
        expect(((await health.json()) as { checks: { cards: string } }).checks.cards, name).toMatch(
          message,
        );
        // Put the fonts back: after the retry window the same server draws cards again.
        cpSync(fonts, dir, { recursive: true });
        await new Promise((r) => setTimeout(r, 60));
        const healed = await app.request(`/cards/${id}.png`);
        expect(healed.status, name).toBe(200);
        expect((await engine()).version).toBe(nodeRenderVersion());
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('a store without migrations, a failing store and a hanging store: 503s, health reports', async () => {
    const unmigrated = new EditorialStore(openSqlite(':memory:'));
    const failing: SqlDriver = {
      all: () => Promise.reject(new Error('disk I/O error')),
      batch: () => Promise.reject(new Error('disk I/O error')),
    };
    const hanging: SqlDriver = {
      all: () => new Promise(() => {}),
      batch: () => new Promise(() => {}),
    };
    for (const [name, store] of [
      ['unmigrated', unmigrated],
      ['failing', new EditorialStore(failing)],
    ] as const) {
      const app = createApp({ library, links, store: async () => store });
      const res = await app.request('/api/daily?date=2026-11-23');
      expect(res.status, name).toBe(503);
      expect((await errorOf(res)).code, name).toBe('store_unavailable');
      const health = (await (await app.request('/healthz')).json()) as {
        ok: boolean;
        checks: { store: string };
      };
      expect(health.ok, name).toBe(false);
      expect(health.checks.store, name).toMatch(/^unavailable: store_unavailable/);
    }
    const slow = createApp({ library, links, store: async () => new EditorialStore(hanging) });
    const started = Date.now();
    const health = (await (await slow.request('/healthz')).json()) as { checks: { store: string } };
    expect(health.checks.store).toMatch(/no answer within/);
    expect(Date.now() - started).toBeLessThan(5000);
    // Requests that need the hanging store answer 503 at the store's time limit, never hang.
    const stuck = new EditorialStore(hanging, undefined, 150);
    const limited = createApp({ library, links, store: async () => stuck });
    for (const path of ['/api/daily?date=2026-11-23', '/daily']) {
      const t0 = Date.now();
      const res = await limited.request(path);
      expect(res.status, path).toBe(503);
      expect(await res.text(), path).toMatch(/did not answer within 150 ms/);
      expect(Date.now() - t0, path).toBeLessThan(2000);
    }
    await expect(
      stuck.setStatus('q1', { status: 'approved', note: '' }, { actor: 'a', expectedVersion: 0 }),
    ).rejects.toMatchObject({ code: 'store_unavailable', status: 503 });
  });
});
