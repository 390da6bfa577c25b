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

  /** Seconds `client` must wait before its token is checked again (0: check it now). */
  waitSeconds(client: string): number {
    const record = this.clients.get(client);
    const left = record ? record.blockedUntil - this.now() : 0;
    if (left > 0) {
      this.stats.refused++;
      return Math.ceil(left / 1000);
    }
    this.stats.checked++;
    return 0;
  }

  /** Records a wrong token; returns how many in a row this client has sent. */
  failed(client: string): number {
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
    return record.failures;
  }

  succeeded(client: string): void {
    this.clients.delete(client);
  }
}
