/** Provided inside workerd by @cloudflare/vitest-pool-workers. */
declare module 'cloudflare:workers' {
  export const exports: unknown;
  export const env: unknown;
}
