import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { QUERY_VALUE_MAX, SIGN_IN_BODY_MAX } from '../../src/http/limits.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { memoryStore } from '../support/store.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const origin = 'http://localhost';
const store = await memoryStore();
const app = createApp({
  library,
  links: { baseUrl: origin, renderVersion: 'test' },
  store: async () => store,
  editorToken: 'test-editor-token-0123456789abcdef',
});

/** A body of `total` bytes in 64 KiB chunks that records how much of it was read. */
function countedBody(total: number) {
  let read = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (read >= total) return controller.close();
      read += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, read: () => read };
}

describe('input limits', () => {
  it('refuses a 200 MB sign-in by its Content-Length before reading it (413)', async () => {
    const body = countedBody(200 * 2 ** 20);
    const res = await app.request(`${origin}/editor/login`, {
      method: 'POST',
      body: body.stream,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': String(200 * 2 ** 20),
      },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    const error = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/4 KiB/);
    expect(body.read()).toBeLessThanOrEqual(64 * 1024);
  });

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    const body = countedBody(200 * 2 ** 20);
    const res = await app.request(`${origin}/editor/login`, {
      method: 'POST',
      body: body.stream,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(body.read()).toBeLessThanOrEqual(SIGN_IN_BODY_MAX + 2 * 64 * 1024);
  });

  it('refuses desk writes over 64 KiB and POSTs elsewhere over 16 KiB', async () => {
    const big = (n: number) => ({
      method: 'POST',
      body: 'a'.repeat(n),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect((await app.request(`${origin}/editor/schedule`, big(65 * 1024))).status).toBe(413);
    expect((await app.request(`${origin}/editor/schedule`, big(1024))).status).not.toBe(413);
    expect((await app.request(`${origin}/api/quotes`, big(17 * 1024))).status).toBe(413);
  });

  it('bounds every query value and the number of parameters (400 naming the parameter)', async () => {
    const long = '杨'.repeat(14_000);
    for (const path of [
      `/api/quotes?speaker=${encodeURIComponent(long)}`,
      `/editor?speaker=${encodeURIComponent(long)}`,
      `/q/${catalog.quotes[0]!.id}?from=${'x'.repeat(QUERY_VALUE_MAX + 1)}`,
    ]) {
      const started = performance.now();
      const res = await app.request(`${origin}${path}`);
      expect(res.status, path.slice(0, 40)).toBe(400);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    const res = await app.request(`${origin}/api/quotes?speaker=${encodeURIComponent(long)}`);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /"speaker" is 14000 characters long; at most 1024/,
    );
    const many = Array.from({ length: 40 }, (_, i) => `p${i}=1`).join('&');
    expect((await app.request(`${origin}/api/quotes?${many}`)).status).toBe(400);
  });
});
