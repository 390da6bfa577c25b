/** Every 400 from a validated query names the parameter, what was sent and what is allowed. */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';

const { catalog, corpus } = loadArtifacts();
const app = createApp({
  library: new QuoteLibrary(catalog, corpus),
  links: { baseUrl: 'https://yulu.example', renderVersion: 'test' },
});

async function error(query: string): Promise<{ status: number; code: string; message: string }> {
  const res = await app.request(`/api/quotes?${query}`);
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}

describe('/api/quotes validation messages', () => {
  it.each([
    ['limit=abc', 'limit: sent "abc"; allowed: an integer from 1 to 100'],
    ['limit=0', 'limit: sent "0"; allowed: an integer from 1 to 100'],
    ['limit=2.5', 'limit: sent "2.5"; allowed: an integer from 1 to 100'],
    ['minScore=high', 'minScore: sent "high"; allowed: a number from 0 to 1'],
    ['minScore=5', 'minScore: sent "5"; allowed: a number from 0 to 1'],
    ['minLength=-1', 'minLength: sent "-1"; allowed: an integer from 0 to 1000'],
    ['maxLength=x', 'maxLength: sent "x"; allowed: an integer from 0 to 1000'],
    ['cursor=next', 'cursor: sent "next"; allowed: the nextCursor of a previous page'],
    ['q=', 'q: sent ""; allowed: text of 1 to 200 characters'],
    ['speaker=', 'speaker: sent ""; allowed: non-empty text'],
  ])('?%s → 400 "%s"', async (query, message) => {
    const res = await error(query);
    expect(res.status).toBe(400);
    expect(res.code).toBe('invalid_argument');
    expect(res.message).toBe(message);
  });

  it('shows a long value clipped, and lists the allowed names for an unknown one', async () => {
    const long = await error(`q=${'长'.repeat(300)}`);
    expect(long.message).toBe(
      `q: sent "${'长'.repeat(60)}…"; allowed: text of 1 to 200 characters`,
    );
    const unknown = await error('limit=5&colour=red');
    expect(unknown.message).toBe(
      'unknown parameter(s) colour; allowed: speaker, source, q, minScore, minLength, maxLength, limit, cursor, tier',
    );
  });

  it('never passes zod’s own wording through', async () => {
    for (const query of ['limit=abc', 'limit=1e9', 'minScore=NaN', 'maxLength=[]', 'cursor=%20']) {
      const res = await error(query);
      expect(res.status, query).toBe(400);
      expect(res.message).toMatch(/^\w+: sent ".*"; allowed: /u);
      expect(res.message).not.toMatch(
        /Invalid input|received NaN|Too (big|small)|expected (number|string)/,
      );
    }
  });
});
