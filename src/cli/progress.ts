/**
 * A one-line progress bar on stderr. On a terminal it redraws in place; elsewhere (CI logs) it
 * prints a line every 10% so logs stay short.
 */
export class ProgressBar {
  private count = 0;
  private lastDecile = -1;
  private readonly started = performance.now();

  constructor(
    private readonly total: number,
    private readonly io: { err: (text: string) => void; isTTY: boolean },
  ) {}

  tick(label: string): void {
    this.count++;
    const fraction = this.count / this.total;
    const elapsed = (performance.now() - this.started) / 1000;
    const eta = fraction > 0 ? elapsed / fraction - elapsed : 0;
    if (this.io.isTTY) {
      const width = 28;
      const filled = Math.round(fraction * width);
      this.io.err(
        `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${this.count}/${this.total} ${label} · ${eta.toFixed(0)} s left `,
      );
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.io.err(`${this.count}/${this.total} (${Math.round(fraction * 100)}%)\n`);
    }
  }

  done(): void {
    if (this.io.isTTY) this.io.err('\n');
  }
}
