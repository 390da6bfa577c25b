/** Wrangler bundles `.wasm` imports as compiled WebAssembly modules. */
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}

/** The slice of the Workers runtime this entry uses (kept local: no workers-types in Node code). */
interface WorkerFetcher {
  fetch(input: Request | string): Promise<Response>;
}
interface WorkerCache {
  match(request: Request | string): Promise<Response | undefined>;
  put(request: Request | string, response: Response): Promise<void>;
}
/** `caches` is the web-standard CacheStorage plus Cloudflare's `default` (read in cache-store.ts). */
declare const caches: unknown;
interface WorkerExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  props: unknown;
}

/** The slice of D1 the store driver uses. */
interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  all<T = Record<string, unknown>>(): Promise<{ results: T[]; meta: { changes?: number } }>;
}
interface D1Database {
  prepare(query: string): D1PreparedStatement;
  batch<T = Record<string, unknown>>(
    statements: D1PreparedStatement[],
  ): Promise<{ results: T[]; meta: { changes?: number } }[]>;
}

/** The slice of R2 the card store uses. */
interface R2ObjectBody {
  arrayBuffer(): Promise<ArrayBuffer>;
  httpMetadata?: { contentType?: string };
}
interface R2Bucket {
  get(key: string): Promise<R2ObjectBody | null>;
  put(
    key: string,
    value: ArrayBuffer | Uint8Array,
    options?: { httpMetadata?: { contentType?: string } },
  ): Promise<unknown>;
}
