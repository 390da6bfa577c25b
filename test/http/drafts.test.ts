import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalDraft,
  parseSigningKeys,
  signDraft,
  verifyDraft,
  type DraftCard,
  type SigningKey,
} from '../../src/desk/draft.ts';
import type { EditorialStore } from '../../src/desk/store.ts';
import { createApp } from '../../src/http/app.ts';
import { QuoteLibrary } from '../../src/quotes/library.ts';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { createNodeCardEngine } from '../../src/runtime/node/cards.ts';
import { decodePng } from '../support/png.ts';
import { memoryStore } from '../support/store.ts';

const { catalog, corpus } = loadArtifacts();
const library = new QuoteLibrary(catalog, corpus);
const transcript = catalog.quotes.find((q) => q.flags.includes('machine-transcript'))!;
const published = catalog.quotes.find((q) => !q.flags.includes('machine-transcript'))!;
const NOW = Date.UTC(2026, 10, 29, 12); // the clock the app runs on in these tests
const nowSeconds = NOW / 1000;
const KEY: SigningKey = { id: 'k1', secret: 'yulu-test-signing-key-0001' };
const OLD: SigningKey = { id: 'k0', secret: 'yulu-test-signing-key-0000' };
const TOKEN = 'draft-test-editor-token';
const origin = 'http://localhost';
let app: ReturnType<typeof createApp>;
let store: EditorialStore;

beforeAll(async () => {
  const engine = await createNodeCardEngine(library, 'https://yulu.example');
  store = await memoryStore();
  app = createApp({
    library,
    cards: { engine },
    links: { baseUrl: origin, renderVersion: engine.version },
    store: async () => store,
    editorToken: TOKEN,
    draftKeys: [KEY, OLD],
    now: () => NOW,
  });
});

const draftOf = (text: string, id = transcript.id): DraftCard => ({
  quoteId: id,
  text,
  size: 'og',
  theme: 'paper',
  script: 'hans',
  scale: '1',
});
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe('signed draft cards: the signature', () => {
  it('matches known answers computed independently (node:crypto HMAC-SHA-256)', async () => {
    const draft = draftOf('我们觉得模型很强。', 'abcd1234');
    const canonical = canonicalDraft(draft, 'k1', 1767225600);
    expect(canonical).toBe(
      'YULU-DRAFT-1\nkid=k1\nexp=1767225600\nid=abcd1234\nsize=og\ntheme=paper\nscript=hans\nscale=1\ntext=%E6%88%91%E4%BB%AC%E8%A7%89%E5%BE%97%E6%A8%A1%E5%9E%8B%E5%BE%88%E5%BC%BA%E3%80%82',
    );
    const query = new URLSearchParams(await signDraft(draft, KEY, 1767225600));
    expect(query.get('sig')).toBe('Bat7WwpeZmdlQ_KClKYSxjOJOQUL4Pc5Xl0w5hgMels');
    expect(query.get('sig')).toBe(
      createHmac('sha256', KEY.secret).update(canonical).digest('base64url'),
    );
    expect([...query.keys()]).toEqual([
      'text',
      'size',
      'theme',
      'script',
      'scale',
      'kid',
      'exp',
      'sig',
    ]);
  });

  it('signs a layout only when the draft names one (a `layout=` line before the text)', async () => {
    const vertical = {
      ...draftOf('我们觉得模型很强。', 'abcd1234'),
      size: 'story',
      layout: 'vertical',
    };
    const canonical = canonicalDraft(vertical, 'k1', 1767225600);
    expect(canonical).toBe(
      'YULU-DRAFT-1\nkid=k1\nexp=1767225600\nid=abcd1234\nsize=story\ntheme=paper\nscript=hans\nscale=1\nlayout=vertical\ntext=%E6%88%91%E4%BB%AC%E8%A7%89%E5%BE%97%E6%A8%A1%E5%9E%8B%E5%BE%88%E5%BC%BA%E3%80%82',
    );
    const query = new URLSearchParams(await signDraft(vertical, KEY, 1767225600));
    expect(query.get('sig')).toBe(
      createHmac('sha256', KEY.secret).update(canonical).digest('base64url'),
    );
    expect([...query.keys()]).toEqual([
      'text',
      'size',
      'theme',
      'script',
      'scale',
      'layout',
      'kid',
      'exp',
      'sig',
    ]);
  });

  it('signs the NFC form, so equivalent spellings verify as one draft', async () => {
    const decomposed = 'e\u0301 模型'; // é as e + combining acute
    const query = Object.fromEntries(
      new URLSearchParams(await signDraft(draftOf(decomposed), KEY, nowSeconds + 60)),
    );
    expect(query.text).toBe('\u00e9 模型');
    const draft = await verifyDraft(
      transcript.id,
      { ...query, text: decomposed },
      [KEY],
      nowSeconds,
    );
    expect(draft.text).toBe('\u00e9 模型');
  });

  it('reads rotating keys from CARD_SIGNING_KEYS and refuses malformed ones', () => {
    expect(parseSigningKeys('k2:aaaaaaaaaaaaaaaa1, k1:bbbbbbbbbbbbbbbb2')).toEqual([
      { id: 'k2', secret: 'aaaaaaaaaaaaaaaa1' },
      { id: 'k1', secret: 'bbbbbbbbbbbbbbbb2' },
    ]);
    expect(parseSigningKeys(undefined)).toEqual([]);
    for (const bad of ['nocolon', 'k1:short', ':aaaaaaaaaaaaaaaaaa', 'bad id:aaaaaaaaaaaaaaaaaa'])
      expect(() => parseSigningKeys(bad), bad).toThrow(/CARD_SIGNING_KEYS/);
  });
});

describe('GET /cards/draft/{id}.png', () => {
  const url = async (draft: DraftCard, key = KEY, exp = nowSeconds + 3600, format = 'png') =>
    `${origin}/cards/draft/${draft.quoteId}.${format}?${await signDraft(draft, key, exp)}`;

  it('draws a validly signed draft, marked and never cached by shared caches', async () => {
    const res = await app.request(await url(draftOf('我们觉得模型很强。')));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    const { width, height } = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect({ width, height }).toEqual({ width: 1200, height: 630 });
    const saved = await app.request(`${origin}/cards/${transcript.id}.png`);
    expect(saved.status).toBe(200);
    // The draft is not the published card (different words and the 草稿预览 mark).
    expect(Buffer.from(await saved.arrayBuffer())).not.toEqual(
      Buffer.from(
        await (await app.request(await url(draftOf('我们觉得模型很强。')))).arrayBuffer(),
      ),
    );
    // A link signed with the previous key still works while that key is configured.
    expect((await app.request(await url(draftOf('模型很强。'), OLD))).status).toBe(200);
  });

  it('keeps verifying links signed before drafts had a layout (the old signed string, byte for byte)', async () => {
    // Written out by hand as the desk signed it before layouts existed: no layout line, no
    // layout parameter. Signed independently with node:crypto, not with canonicalDraft.
    const exp = nowSeconds + 3600;
    const text = '我们觉得模型很强。';
    const old = [
      'YULU-DRAFT-1',
      'kid=k0',
      `exp=${exp}`,
      `id=${transcript.id}`,
      'size=og',
      'theme=paper',
      'script=hans',
      'scale=1',
      `text=${encodeURIComponent(text)}`,
    ].join('\n');
    const sig = createHmac('sha256', OLD.secret).update(old).digest('base64url');
    const link = `${origin}/cards/draft/${transcript.id}.png?${new URLSearchParams({ text, size: 'og', theme: 'paper', script: 'hans', scale: '1', kid: 'k0', exp: String(exp), sig })}`;
    const res = await app.request(link);
    expect(res.status).toBe(200);
    const { width, height } = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect({ width, height }).toEqual({ width: 1200, height: 630 });
    // The same old link with a layout added is altered: refused.
    for (const layout of ['vertical', 'horizontal']) {
      const altered = await app.request(`${link}&layout=${layout}`);
      expect(altered.status, layout).toBe(403);
      expect((await errorOf(altered)).code, layout).toBe('invalid_signature');
    }
  });

  it('draws a signed vertical draft, and refuses its layout removed or changed', async () => {
    const vertical = {
      ...draftOf('我们觉得模型很强，因为它能自己学习。'),
      size: 'story',
      layout: 'vertical',
    };
    const link = new URL(await url(vertical));
    const res = await app.request(link.toString());
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const drawn = decodePng(bytes);
    expect({ width: drawn.width, height: drawn.height }).toEqual({ width: 1080, height: 1920 });
    const horizontal = await app.request(
      await url({ ...draftOf('我们觉得模型很强，因为它能自己学习。'), size: 'story' }),
    );
    expect(horizontal.status).toBe(200);
    expect(Buffer.from(await horizontal.arrayBuffer())).not.toEqual(Buffer.from(bytes));
    const removed = new URL(link);
    removed.searchParams.delete('layout');
    const changed = new URL(link);
    changed.searchParams.set('layout', 'horizontal');
    for (const [name, u] of [
      ['removed', removed],
      ['changed', changed],
    ] as const) {
      const refused = await app.request(u.toString());
      expect(refused.status, name).toBe(403);
      expect((await errorOf(refused)).code, name).toBe('invalid_signature');
    }
    // Signed, but not a layout this size offers: the card's own check, a 400.
    const og = await app.request(await url({ ...draftOf('模型很强。'), layout: 'vertical' }));
    expect(og.status).toBe(400);
    expect((await errorOf(og)).message).toMatch(/layout=vertical is for/);
  });

  it('refuses every altered parameter, unknown keys and expired links with 403 invalid_signature', async () => {
    const good = new URL(await url(draftOf('我们觉得模型很强。')));
    const altered: [string, (u: URL) => void][] = [
      ['text', (u) => u.searchParams.set('text', '我们觉得模型很弱。')],
      ['size', (u) => u.searchParams.set('size', 'story')],
      ['theme', (u) => u.searchParams.set('theme', 'ink')],
      ['script', (u) => u.searchParams.set('script', 'tw')],
      ['scale', (u) => u.searchParams.set('scale', '2')],
      ['exp', (u) => u.searchParams.set('exp', String(nowSeconds + 7200))],
      ['kid', (u) => u.searchParams.set('kid', 'k0')],
      ['sig', (u) => u.searchParams.set('sig', `A${u.searchParams.get('sig')!.slice(1)}`)],
      [
        'id',
        (u) =>
          (u.pathname = u.pathname.replace(
            transcript.id,
            catalog.quotes.find((q) => q !== transcript && q.flags.includes('machine-transcript'))!
              .id,
          )),
      ],
    ];
    for (const [name, alter] of altered) {
      const u = new URL(good);
      alter(u);
      const res = await app.request(u.toString());
      expect(res.status, name).toBe(403);
      expect((await errorOf(res)).code, name).toBe('invalid_signature');
    }
    const refusals: [string, string, RegExp][] = [
      [
        'unknown key',
        await url(draftOf('模型'), { id: 'k9', secret: KEY.secret }),
        /unknown signing key "k9"/,
      ],
      [
        'expired',
        await url(draftOf('模型'), KEY, nowSeconds - 1),
        /expired at 2026-11-29T11:59:59/,
      ],
      [
        'too far ahead',
        await url(draftOf('模型'), KEY, nowSeconds + 30 * 86_400),
        /more than 7 days ahead/,
      ],
    ];
    for (const [name, link, message] of refusals) {
      const res = await app.request(link);
      expect(res.status, name).toBe(403);
      expect((await errorOf(res)).message, name).toMatch(message);
    }
  });

  it('takes no parameter beyond the signed ones, each once, and needs all of them', async () => {
    const good = await url(draftOf('模型很强。'));
    for (const [name, extra] of [
      ['unknown', '&x=1'],
      ['tracking tag', '&utm_source=wechat'],
      ['repeated', '&text=%E6%A8%A1'],
    ]) {
      const res = await app.request(`${good}${extra}`);
      expect(res.status, name).toBe(400);
      expect((await errorOf(res)).code, name).toBe('invalid_argument');
    }
    const noSig = new URL(good);
    noSig.searchParams.delete('sig');
    const res = await app.request(noSig.toString());
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(
      /needs sig; draft links are made at the editorial desk/,
    );
    // Unsigned request-supplied text never renders, whatever else is given.
    expect(
      (await app.request(`${origin}/cards/draft/${transcript.id}.png?text=%E5%81%87`)).status,
    ).toBe(400);
  });

  it('keeps drafts to machine-transcript quotes and drawable text, and off without keys', async () => {
    const onPublished = await app.request(await url(draftOf('改写别人的话', published.id)));
    expect(onPublished.status).toBe(400);
    expect((await errorOf(onPublished)).message).toMatch(/machine-transcript quotes only/);
    const emoji = await app.request(await url(draftOf('模型😀很强')));
    expect(emoji.status).toBe(422);
    expect((await errorOf(emoji)).code).toBe('quote_not_drawable');
    const off = createApp({
      library,
      cards: { engine: await createNodeCardEngine(library, 'https://yulu.example') },
      now: () => NOW,
    });
    const res = await off.request(await url(draftOf('模型很强。')));
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toMatch(/draft cards are off/);
  });
});

describe('the desk makes draft links', () => {
  it('signs a preview of a correction for a signed-in editor and stores nothing', async () => {
    const post = (
      path: string,
      fields: Record<string, string>,
      headers: Record<string, string> = {},
    ) =>
      app.request(`${origin}${path}`, {
        method: 'POST',
        body: new URLSearchParams(fields).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      });
    expect((await post(`/editor/q/${transcript.id}/draft`, { corrected: '模型' })).status).toBe(
      401,
    );
    const login = await post('/editor/login', { token: TOKEN });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const page = await (
      await app.request(`${origin}/editor/q/${transcript.id}`, { headers: { Cookie: cookie } })
    ).text();
    expect(page).toContain(
      `formaction="/editor/q/${transcript.id}/draft?size=og&amp;theme=paper&amp;script=hans"`,
    );
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    const res = await post(
      `/editor/q/${transcript.id}/draft`,
      { corrected: '我们觉得模型很强。', reason: '', csrf, version: '0' },
      { Cookie: cookie },
    );
    expect(res.status).toBe(200);
    const link = /value="(http:\/\/localhost\/cards\/draft\/[^"]+)"/
      .exec(await res.text())![1]!
      .replaceAll('&amp;', '&');
    expect(new URL(link).searchParams.get('kid')).toBe('k1');
    expect(new URL(link).searchParams.get('exp')).toBe(String(nowSeconds + 86_400));
    expect((await app.request(link)).status).toBe(200);
    // The draft button carries the preview's card: a vertical story draft from a vertical preview.
    const vertical = `/editor/q/${transcript.id}?size=story&theme=ink&script=tw&layout=vertical`;
    const verticalPage = await (
      await app.request(`${origin}${vertical}`, { headers: { Cookie: cookie } })
    ).text();
    expect(verticalPage).toContain(
      `formaction="/editor/q/${transcript.id}/draft?size=story&amp;theme=ink&amp;script=tw&amp;layout=vertical"`,
    );
    expect(verticalPage).toMatch(/<option value="vertical" selected>/);
    const drafted = await post(
      `/editor/q/${transcript.id}/draft?size=story&theme=ink&script=tw&layout=vertical`,
      { corrected: '我们觉得模型很强。', reason: '', csrf, version: '0' },
      { Cookie: cookie },
    );
    expect(drafted.status).toBe(200);
    const verticalLink = new URL(
      /value="(http:\/\/localhost\/cards\/draft\/[^"]+)"/
        .exec(await drafted.text())![1]!
        .replaceAll('&amp;', '&'),
    );
    expect(Object.fromEntries(verticalLink.searchParams)).toMatchObject({
      size: 'story',
      theme: 'ink',
      script: 'tw',
      layout: 'vertical',
    });
    const card = await app.request(verticalLink.toString());
    expect(card.status).toBe(200);
    expect(decodePng(new Uint8Array(await card.arrayBuffer())).height).toBe(1920);
    // A horizontal preview signs no layout (the links look as they always did).
    expect(new URL(link).searchParams.has('layout')).toBe(false);
    expect(await store.erratum(transcript.id)).toBeNull();
    expect(await store.audit()).toEqual([]);
  });
});
