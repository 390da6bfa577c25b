/**
 * Reduces an opaque RGBA image to at most 256 colours for a palette PNG. A card is a few flat
 * colours plus their anti-aliasing ramps, so exact colours are kept when there are ≤ 256 of them;
 * otherwise colours are binned at 5 bits per channel, the most used bins become the palette (each
 * the mean of its pixels) and every bin maps to its nearest palette entry. Ramps between two flat
 * colours survive with steps of 1/32 — invisible at card sizes — and runs of one index make the
 * PNG several times smaller than RGBA.
 */
export interface Indexed {
  /** RGB triples, `palette.length / 3` entries. */
  palette: Uint8Array;
  indices: Uint8Array;
}

export function quantize(rgba: Uint8Array): Indexed {
  // 32-bit views need 4-byte alignment; pooled buffers may not have it.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  return exactPalette(aligned) ?? binnedPalette(aligned);
}

function exactPalette(rgba: Uint8Array): Indexed | null {
  const index = new Map<number, number>();
  const indices = new Uint8Array(rgba.length / 4);
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4);
  // Cards are mostly runs of one colour: remember the last pixel to skip the map lookup.
  let lastWord = -1;
  let lastIndex = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as number;
    if (word !== lastWord) {
      const key = word & 0xffffff;
      let k = index.get(key);
      if (k === undefined) {
        if (index.size === 256) return null;
        k = index.size;
        index.set(key, k);
      }
      lastWord = word;
      lastIndex = k;
    }
    indices[i] = lastIndex;
  }
  const palette = new Uint8Array(index.size * 3);
  // Keys are little-endian words: R in the low byte.
  for (const [key, k] of index) {
    palette[k * 3] = key & 255;
    palette[k * 3 + 1] = (key >> 8) & 255;
    palette[k * 3 + 2] = (key >> 16) & 255;
  }
  return { palette, indices };
}

function binnedPalette(rgba: Uint8Array): Indexed {
  const BINS = 1 << 15;
  const count = new Uint32Array(BINS);
  const sum = new Float64Array(BINS * 3);
  const pixels = rgba.length / 4;
  const binOf = new Uint16Array(pixels);
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, pixels);
  let lastWord = -1;
  let lastBin = 0;
  for (let p = 0, i = 0; p < rgba.length; p += 4, i++) {
    const r = rgba[p] as number;
    const g = rgba[p + 1] as number;
    const b = rgba[p + 2] as number;
    const word = words[i] as number;
    const bin = word === lastWord ? lastBin : ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
    lastWord = word;
    lastBin = bin;
    binOf[i] = bin;
    count[bin] = (count[bin] as number) + 1;
    sum[bin * 3] = (sum[bin * 3] as number) + r;
    sum[bin * 3 + 1] = (sum[bin * 3 + 1] as number) + g;
    sum[bin * 3 + 2] = (sum[bin * 3 + 2] as number) + b;
  }
  const used: number[] = [];
  for (let bin = 0; bin < BINS; bin++) if (count[bin]) used.push(bin);
  used.sort((a, b) => (count[b] as number) - (count[a] as number) || a - b);
  const chosen = used.slice(0, 256);
  const palette = new Uint8Array(chosen.length * 3);
  chosen.forEach((bin, k) => {
    const n = count[bin] as number;
    for (let c = 0; c < 3; c++) palette[k * 3 + c] = Math.round((sum[bin * 3 + c] as number) / n);
  });

  const map = new Uint8Array(BINS);
  for (const bin of used) {
    const r = (sum[bin * 3] as number) / (count[bin] as number);
    const g = (sum[bin * 3 + 1] as number) / (count[bin] as number);
    const b = (sum[bin * 3 + 2] as number) / (count[bin] as number);
    let best = 0;
    let bestDistance = Infinity;
    for (let k = 0; k < chosen.length; k++) {
      const dr = r - (palette[k * 3] as number);
      const dg = g - (palette[k * 3 + 1] as number);
      const db = b - (palette[k * 3 + 2] as number);
      const d = 0.3 * dr * dr + 0.59 * dg * dg + 0.11 * db * db;
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    map[bin] = best;
  }
  const indices = new Uint8Array(pixels);
  for (let i = 0; i < pixels; i++) indices[i] = map[binOf[i] as number] as number;
  return { palette, indices };
}
