import { LRUCache } from 'lru-cache';
import type { Rasterizer } from './ports.ts';

/**
 * The byline layer as pixels, drawn once per byline and scale and laid over each card's quote
 * layer. A byline (brand, speaker, credit, source, note) is the same for every quote of a speaker
 * in a document at one size, theme and script, and rasterising it costs about a fifth of a card's
 * raster time; compositing its few small patches costs a fraction of that.
 */
export interface Patch {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Premultiplied RGBA, as resvg draws it. */
  rgba: Uint8Array;
}

/** One kept byline raster; a pending raster counts one byte until its pixels are known. */
interface Entry {
  patches: Promise<Patch[]>;
  bytes: number;
}

/**
 * An engine's byline pixels, least recently used first out, within `maxBytes` (an engine has one
 * rasterizer, so this bounds what its process or isolate keeps; the Worker keeps less).
 */
export type BylinePixels = LRUCache<string, Entry>;

export function createBylinePixels(maxBytes: number): BylinePixels {
  return new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, entry.bytes),
  });
}

export function bylinePatches(
  entries: BylinePixels,
  rasterizer: Rasterizer,
  key: string,
  svg: () => string,
  width: number,
): Promise<Patch[]> {
  const id = `${width}|${key}`;
  const kept = entries.get(id);
  if (kept) return kept.patches;
  const entry: Entry = { patches: Promise.resolve([]), bytes: 0 };
  entry.patches = rasterizer.rgba(svg(), width).then((image) => {
    const found = cropToPatches(image.data, image.width, image.height);
    entry.bytes = found.reduce((n, p) => n + p.rgba.length, 0);
    // Re-weighed now its size is known; older bylines go first when over budget.
    if (entries.peek(id) === entry) entries.set(id, entry);
    return found;
  });
  // A failed raster is not kept: the next card tries again.
  entry.patches.catch(() => {
    if (entries.peek(id) === entry) entries.delete(id);
  });
  entries.set(id, entry);
  return entry.patches;
}

/**
 * The drawn parts of a transparent image: each band of consecutive non-empty rows, cropped to
 * the columns that have ink (a byline is a brand line at the top and a block at the bottom).
 */
export function cropToPatches(input: Uint8Array, width: number, height: number): Patch[] {
  // 32-bit views need 4-byte alignment; pooled buffers may not have it.
  const rgba = input.byteOffset % 4 === 0 ? input : input.slice();
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const patches: Patch[] = [];
  let y = 0;
  while (y < height) {
    let left = width;
    let right = -1;
    const top = y;
    for (; y < height; y++) {
      const row = y * width;
      let first = 0;
      while (first < width && words[row + first] === 0) first++;
      if (first === width) break; // an empty row ends the band
      let last = width - 1;
      while (words[row + last] === 0) last--;
      left = Math.min(left, first);
      right = Math.max(right, last);
    }
    if (right >= 0) {
      const patch: Patch = {
        x: left,
        y: top,
        width: right - left + 1,
        height: y - top,
        rgba: new Uint8Array((right - left + 1) * (y - top) * 4),
      };
      for (let r = 0; r < patch.height; r++) {
        const from = ((top + r) * width + left) * 4;
        patch.rgba.set(rgba.subarray(from, from + patch.width * 4), r * patch.width * 4);
      }
      patches.push(patch);
    }
    y++;
  }
  return patches;
}

/** Draws premultiplied `patch` over the opaque image `rgba` of `width` px (source over). */
export function compositeOver(rgba: Uint8Array, width: number, patch: Patch): void {
  const src = patch.rgba;
  for (let r = 0; r < patch.height; r++) {
    let s = r * patch.width * 4;
    let d = ((patch.y + r) * width + patch.x) * 4;
    for (let c = 0; c < patch.width; c++, s += 4, d += 4) {
      const alpha = src[s + 3] as number;
      if (alpha === 0) continue;
      if (alpha === 255) {
        rgba[d] = src[s] as number;
        rgba[d + 1] = src[s + 1] as number;
        rgba[d + 2] = src[s + 2] as number;
        continue;
      }
      const keep = 255 - alpha;
      rgba[d] = ((src[s] as number) + ((rgba[d] as number) * keep + 127) / 255) | 0;
      rgba[d + 1] = ((src[s + 1] as number) + ((rgba[d + 1] as number) * keep + 127) / 255) | 0;
      rgba[d + 2] = ((src[s + 2] as number) + ((rgba[d + 2] as number) * keep + 127) / 255) | 0;
    }
  }
}
