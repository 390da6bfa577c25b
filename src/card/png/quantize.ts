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
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4);
  return exactPalette(words) ?? binnedPalette(words);
}

/**
 * Pass 1: the exact colours, when there are at most 256 (almost every card). Works per run of
 * equal pixels, with an open-addressing table (keys are 24-bit colours + 1; 0 marks a free slot).
 */
function exactPalette(words: Uint32Array): Indexed | null {
  const pixels = words.length;
  const indices = new Uint8Array(pixels);
  const slots = new Int32Array(1024);
  const slotIndex = new Uint8Array(1024);
  let count = 0;
  let i = 0;
  while (i < pixels) {
    const word = words[i] as number;
    let end = i + 1;
    // Long runs (background) are scanned four pixels a step.
    while (
      end + 3 < pixels &&
      words[end] === word &&
      words[end + 1] === word &&
      words[end + 2] === word &&
      words[end + 3] === word
    )
      end += 4;
    while (end < pixels && words[end] === word) end++;
    const key = (word & 0xffffff) + 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> 22;
    while (slots[slot] !== 0 && slots[slot] !== key) slot = (slot + 1) & 1023;
    if (slots[slot] === 0) {
      if (count === 256) return null;
      slots[slot] = key;
      slotIndex[slot] = count++;
    }
    const index = slotIndex[slot] as number;
    // Anti-aliasing makes many one- or two-pixel runs: a call to fill costs more than the stores.
    if (end - i < 8) for (let k = i; k < end; k++) indices[k] = index;
    else indices.fill(index, i, end);
    i = end;
  }
  const palette = new Uint8Array(count * 3);
  for (let slot = 0; slot < 1024; slot++) {
    const key = (slots[slot] as number) - 1;
    if (key < 0) continue;
    palette.set(
      [key & 255, (key >>> 8) & 255, (key >>> 16) & 255],
      (slotIndex[slot] as number) * 3,
    );
  }
  return { palette, indices };
}

/** Pass 2, only when pass 1 overflows: 5-bit bins, the most used become the palette. */
function binnedPalette(words: Uint32Array): Indexed {
  const pixels = words.length;
  const indices = new Uint8Array(pixels);
  const binOf = new Uint16Array(pixels);
  const count = new Uint32Array(BINS);
  const sum = new Float64Array(BINS * 3);
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
    i = end;
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
