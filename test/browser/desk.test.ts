/**
 * The desk's browser scenario (desk-scenario.ts) against the Node app: the same createApp as
 * `npm start`, served by @hono/node-server on a loopback port, over a SQLite store, with two named
 * editors made in it (playwright-core drives Debian's Chromium, which .ci/run installs with apt).
 */
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { applyMigrations } from '../../src/desk/migrate.ts';
import { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { openSqlite, readMigrations } from '../../src/runtime/node/sqlite.ts';
import { deskScenario, type DeskTarget } from './desk-scenario.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOKEN = 'browser-test-token-4f1c9a';
const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const dir = mkdtempSync(join(tmpdir(), 'yulu-browser-'));
let server: ServerType;
let target: DeskTarget;

beforeAll(async () => {
  const db = openSqlite(join(dir, 'editorial.sqlite'));
  await applyMigrations(db, readMigrations());
  const store = new EditorialStore(db);
  const tokens = {
    安娜: (await store.editors().add('安娜')).token,
    包博: (await store.editors().add('包博')).token,
  };
  // Listen first: the desk checks writes' Origin against its public origin, port included.
  const late: { app?: ReturnType<typeof createApp> } = {};
  await new Promise<void>((resolve) => {
    server = serve(
      { fetch: (request) => late.app!.fetch(request), port: 0, hostname: '127.0.0.1' },
      () => resolve(),
    );
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const engine = await createNodeCardEngine(library, base);
  late.app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: base, renderVersion: engine.version },
    store: async () => store,
    editorToken: TOKEN,
  });
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  target = { base, browser, store, tokens, shortcut: TOKEN };
}, 60_000);

afterAll(async () => {
  await target?.browser.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

deskScenario('node', () => target);
