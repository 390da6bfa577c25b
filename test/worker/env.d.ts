/** Provided inside workerd by @cloudflare/vitest-pool-workers. */
declare module 'cloudflare:workers' {
  export const exports: unknown;
  export const env: unknown;
}

declare module 'cloudflare:test' {
  export function createExecutionContext(): {
    waitUntil(promise: Promise<unknown>): void;
    passThroughOnException(): void;
  };
  export function waitOnExecutionContext(ctx: unknown): Promise<void>;
  export function createScheduledController(options?: {
    scheduledTime?: number | Date;
    cron?: string;
  }): { scheduledTime: number; cron: string; noRetry(): void };
}
