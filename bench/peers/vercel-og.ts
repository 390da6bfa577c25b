/**
 * @vercel/og 0.11.1 (its own bundled Satori 0.25 and resvg-wasm 2.4): `new ImageResponse(element,
 * { width, height, fonts })` and `arrayBuffer()`. The element is Yulu's plain {type, props} tree
 * (Satori takes it as a React element). Fonts are loaded once and passed as the same objects on
 * every call, the peer's best case: its Satori then keeps them parsed. A character missing from
 * the fonts would make @vercel/og fetch a font from Google Fonts: the bench runs offline, so any
 * fetch during a render is refused and reported as an error (the comparison would not be fair).
 */
import { ImageResponse } from '@vercel/og';
import type { SatoriElement } from '../../src/card/element.ts';
import type { PeerFont } from '../cards.ts';

export function vercelOg(peerFonts: PeerFont[]) {
  const fonts = peerFonts.map((f) => ({
    name: f.name,
    weight: f.weight,
    style: 'normal' as const,
    data: f.bytes.buffer as ArrayBuffer,
  }));
  return {
    async render(tree: SatoriElement, width: number, height: number): Promise<Uint8Array> {
      const fetched: string[] = [];
      const realFetch = globalThis.fetch;
      globalThis.fetch = async (input: string | URL | Request) => {
        fetched.push(input instanceof Request ? input.url : String(input));
        throw new Error('the benchmark runs offline');
      };
      let png: Uint8Array;
      try {
        const response = new ImageResponse(tree as never, { width, height, fonts });
        png = new Uint8Array(await response.arrayBuffer());
      } finally {
        globalThis.fetch = realFetch;
      }
      if (fetched.length)
        throw new Error(
          `@vercel/og fetched ${fetched.join(', ')}: a glyph is missing from the fonts`,
        );
      return png;
    },
  };
}
