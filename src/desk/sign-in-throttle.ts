/**
 * Per-client backoff on failed sign-ins (runtime-free). The first FREE_FAILURES wrong tokens from
 * a client cost nothing; after that each failure closes the door for twice as long as the last
 * (1 s, 2 s, 4 s … up to MAX_BLOCK_MS). While the door is closed an attempt is answered 429 with
 * Retry-After *without checking the token*, so guessing from one client runs at a few attempts
 * per minute at best. A correct sign-in clears the client's record. The table of clients is
 * bounded (the least recently seen are forgotten). Other clients are never affected: the editor
 * is not locked out by someone else's guessing.
 */
export const FREE_FAILURES = 5;
export const MAX_BLOCK_MS = 15 * 60 * 1000;

interface Record {
  failures: number;
  blockedUntil: number;
}

export class SignInThrottle {
  private readonly clients = new Map<string, Record>();
  /** Attempts whose token was actually compared, and attempts refused unchecked. */
  readonly stats = { checked: 0, refused: 0 };

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly maxClients = 10_000,
  ) {}

  /**
   * Seconds `client` must wait before a token of theirs is checked; 0 means check it now. An
   * admitted attempt counts as a failure at once (cleared by `succeeded`), so twenty guesses sent
   * in parallel cannot all slip through before the first one is known to be wrong.
   */
  admit(client: string): number {
    const record = this.clients.get(client);
    const left = record ? record.blockedUntil - this.now() : 0;
    if (left > 0) {
      this.stats.refused++;
      return Math.ceil(left / 1000);
    }
    this.stats.checked++;
    this.failed(client);
    return 0;
  }

  /** Failures in a row of `client` (admitted attempts not yet known to be right count). */
  failures(client: string): number {
    return this.clients.get(client)?.failures ?? 0;
  }

  private failed(client: string): void {
    const record = this.clients.get(client) ?? { failures: 0, blockedUntil: 0 };
    record.failures++;
    if (record.failures > FREE_FAILURES)
      record.blockedUntil =
        this.now() + Math.min(MAX_BLOCK_MS, 1000 * 2 ** (record.failures - FREE_FAILURES - 1));
    this.clients.delete(client);
    this.clients.set(client, record);
    if (this.clients.size > this.maxClients) {
      const oldest = this.clients.keys().next().value;
      if (oldest !== undefined) this.clients.delete(oldest);
    }
  }

  succeeded(client: string): void {
    this.clients.delete(client);
  }
}
