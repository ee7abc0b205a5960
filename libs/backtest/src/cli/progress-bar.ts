/** A one-line progress bar for a terminal (nothing at all when not a TTY), redrawn at most 10 times a second. */
export class ProgressBar {
  private lastDrawMs = 0;
  private drawn = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly isTty: boolean,
    private readonly now: () => number = () => Date.now(),
  ) {}

  update(done: number, total: number, label: string): void {
    if (!this.isTty) return;
    const t = this.now();
    if (done < total && t - this.lastDrawMs < 100) return;
    this.lastDrawMs = t;
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    this.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor((done / Math.max(1, total)) * 100)).padStart(3)}% ${label}`);
    this.drawn = true;
  }

  /** Clears the bar's line. */
  done(): void {
    if (this.isTty && this.drawn) this.write('\r\x1b[2K');
    this.drawn = false;
  }
}
