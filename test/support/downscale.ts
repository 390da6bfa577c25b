/**
 * Shrinks an RGBA image to `width` px wide by area averaging (every source pixel contributes by
 * the area it covers), the way an image is shown smaller in a link preview or a chat bubble.
 */
export function downscale(
  rgba: Uint8Array,
  width: number,
  height: number,
  targetWidth: number,
): { rgba: Uint8ClampedArray; width: number; height: number } {
  const targetHeight = Math.round((height * targetWidth) / width);
  const horizontal = resample(rgba, width, height, targetWidth, true);
  const out = resample(horizontal, targetWidth, height, targetHeight, false);
  return { rgba: new Uint8ClampedArray(out.buffer), width: targetWidth, height: targetHeight };
}

/** One pass of area resampling along x (`alongX`) or y, RGBA as floats. */
function resample(
  src: ArrayLike<number>,
  width: number,
  height: number,
  target: number,
  alongX: boolean,
): Uint8Array | Float32Array {
  const length = alongX ? width : height;
  const scale = length / target;
  const out = alongX ? new Float32Array(target * height * 4) : new Uint8Array(width * target * 4);
  const lines = alongX ? height : width;
  for (let line = 0; line < lines; line++) {
    for (let t = 0; t < target; t++) {
      const from = t * scale;
      const to = from + scale;
      const acc = [0, 0, 0, 0];
      for (let s = Math.floor(from); s < Math.ceil(to) && s < length; s++) {
        const weight = Math.min(to, s + 1) - Math.max(from, s);
        const i = alongX ? (line * width + s) * 4 : (s * width + line) * 4;
        for (let c = 0; c < 4; c++) acc[c]! += (src[i + c] as number) * weight;
      }
      const o = alongX ? (line * target + t) * 4 : (t * width + line) * 4;
      for (let c = 0; c < 4; c++) out[o + c] = Math.round((acc[c] as number) / scale);
    }
  }
  return out;
}
