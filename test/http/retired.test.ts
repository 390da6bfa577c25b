import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';

const { catalog, corpus, aliases } = loadArtifacts();
const app = createApp({ library: new QuoteLibrary(catalog, corpus, aliases) });
const entries = Object.entries(aliases.aliases);
const [movedId, moved] = entries.find(([, a]) => a.successor) as [string, { successor: string }];
const [goneId, gone] = entries.find(([, a]) => !a.successor) as [string, { reason: string }];

describe('retired quote IDs over HTTP', () => {
  it('answer 301 to the successor, same path shape, query kept', async () => {
    for (const [path, expected] of [
      [`/q/${movedId}`, `/q/${moved.successor}`],
      [`/q/${movedId}?from=timeline`, `/q/${moved.successor}?from=timeline`],
      [
        `/cards/${movedId}.png?size=og&theme=paper`,
        `/cards/${moved.successor}.png?size=og&theme=paper`,
      ],
      [`/cards/${movedId}.svg`, `/cards/${moved.successor}.svg`],
      [`/api/quotes/${movedId}`, `/api/quotes/${moved.successor}`],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(301);
      expect(res.headers.get('Location'), path).toBe(expected);
    }
  });

  it('answer 410 with the reason when the words are no longer a quote', async () => {
    const api = await app.request(`/api/quotes/${goneId}`);
    expect(api.status).toBe(410);
    const body = (await api.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('quote_retired');
    expect(body.error.message).toContain(gone.reason);
    const page = await app.request(`/q/${goneId}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('已撤下');
    expect((await app.request(`/cards/${goneId}.png`)).status).toBe(410);
  });

  it('leave live and unknown IDs alone', async () => {
    const live = catalog.quotes[0]?.id as string;
    expect((await app.request(`/api/quotes/${live}`)).status).toBe(200);
    expect((await app.request('/api/quotes/zzzzzzzz')).status).toBe(404);
  });
});
