/** `npm start`: the local service on loopback, with the embedded corpus. No accounts, no network. */
import { serve } from '@hono/node-server';
import { createApp } from '../../http/app.ts';
import { QuoteLibrary } from '../../quotes/library.ts';
import { loadArtifacts } from './artifacts.ts';

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';
const { catalog, corpus } = loadArtifacts();
const app = createApp({ library: new QuoteLibrary(catalog, corpus) });

serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(
    `Yulu is running at http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${info.port}/ (${catalog.quotes.length} quotes)`,
  );
  console.log(`  try http://${hostname}:${info.port}/api/quotes?limit=5`);
});
