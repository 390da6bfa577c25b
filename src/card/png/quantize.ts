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
  return exactPalette(rgba) ?? binnedPalette(rgba);
}

function exactPalette(rgba: Uint8Array): Indexed | null {
  const index = new Map<number, number>();
  const indices = new Uint8Array(rgba.length / 4);
  for (let p = 0, i = 0; p < rgba.length; p += 4, i++) {
    const key =
      ((rgba[p] as number) << 16) | ((rgba[p + 1] as number) << 8) | (rgba[p + 2] as number);
    let k = index.get(key);
    if (k === undefined) {
      if (index.size === 256) return null;
      k = index.size;
      index.set(key, k);
    }
    indices[i] = k;
  }
  const palette = new Uint8Array(index.size * 3);
  for (const [key, k] of index) {
    palette[k * 3] = key >> 16;
    palette[k * 3 + 1] = (key >> 8) & 255;
    palette[k * 3 + 2] = key & 255;
  }
  return { palette, indices };
}

function binnedPalette(rgba: Uint8Array): Indexed {
  const BINS = 1 << 15;
  const count = new Uint32Array(BINS);
  const sum = new Float64Array(BINS * 3);
  const pixels = rgba.length / 4;
  const binOf = new Uint16Array(pixels);
  for (let p = 0, i = 0; p < rgba.length; p += 4, i++) {
    const r = rgba[p] as number;
    const g = rgba[p + 1] as number;
    const b = rgba[p + 2] as number;
    const bin = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
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
