/**
 * Reduces an opaque RGBA image to at most 256 colours for a palette PNG. A card is a few flat
 * colours plus their anti-aliasing ramps, so exact colours are kept when there are ≤ 256 of them;
 * otherwise colours are binned at 5 bits per channel, the most used bins become the palette (each
 * the mean of its pixels) and every bin maps to its nearest palette entry. Ramps between two flat
 * colours survive with steps of 1/32 — invisible at card sizes — and runs of one index make the
 * PNG several times smaller than RGBA. One pass over the pixels serves both outcomes.
 */
export interface Indexed {
  /** RGB triples, `palette.length / 3` entries. */
  palette: Uint8Array;
  indices: Uint8Array;
}

const BINS = 1 << 15;

export function quantize(input: Uint8Array): Indexed {
  // 32-bit views need 4-byte alignment; pooled buffers may not have it.
  const rgba = input.byteOffset % 4 === 0 ? input : input.slice();
  const pixels = rgba.length / 4;
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, pixels);
  const exact = new Map<number, number>();
  let exactOk = true;
  const indices = new Uint8Array(pixels);
  const binOf = new Uint16Array(pixels);
  const count = new Uint32Array(BINS);
  const sum = new Float64Array(BINS * 3);

  // Cards are mostly runs of one colour: work per run, not per pixel.
  let i = 0;
  while (i < pixels) {
    const word = words[i] as number;
    let end = i + 1;
    while (end < pixels && words[end] === word) end++;
    const run = end - i;
    const r = word & 255;
    const g = (word >>> 8) & 255;
    const b = (word >>> 16) & 255;
    const bin = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
    binOf.fill(bin, i, end);
    count[bin] = (count[bin] as number) + run;
    sum[bin * 3] = (sum[bin * 3] as number) + r * run;
    sum[bin * 3 + 1] = (sum[bin * 3 + 1] as number) + g * run;
    sum[bin * 3 + 2] = (sum[bin * 3 + 2] as number) + b * run;
    if (exactOk) {
      const key = word & 0xffffff;
      let k = exact.get(key);
      if (k === undefined) {
        k = exact.size;
        if (k === 256) exactOk = false;
        else exact.set(key, k);
      }
      indices.fill(k, i, end);
    }
    i = end;
  }

  if (exactOk) {
    const palette = new Uint8Array(exact.size * 3);
    for (const [key, k] of exact)
      palette.set([key & 255, (key >>> 8) & 255, (key >>> 16) & 255], k * 3);
    return { palette, indices };
  }
  return binned(binOf, count, sum, indices);
}

function binned(
  binOf: Uint16Array,
  count: Uint32Array,
  sum: Float64Array,
  indices: Uint8Array,
): Indexed {
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
    const n = count[bin] as number;
    const r = (sum[bin * 3] as number) / n;
    const g = (sum[bin * 3 + 1] as number) / n;
    const b = (sum[bin * 3 + 2] as number) / n;
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
  for (let i = 0; i < indices.length; i++) indices[i] = map[binOf[i] as number] as number;
  return { palette, indices };
}
