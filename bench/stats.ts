/** Small statistics helpers for the benchmarks. */
export function median(values: number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
export const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
