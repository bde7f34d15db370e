/**
 * The request hold (`{base}/__dev/hold`): while it is on, every API request of the world waits, counted in stats
 * as in flight, before its latency, faults and handler, until the hold is released. Lets a test put the client in
 * a known state "while its reads are outstanding" without timing anything (what runs meanwhile on the page).
 */
export class RequestHold {
  private waiting: (() => void)[] = [];
  private watchers: { count: number; resolve: () => void }[] = [];
  private on = false;
  /** Requests still to let through before holding. */
  private pass = 0;

  /** Holds every request that arrives from now on, after the first `after` of them (a session check, say). */
  hold(after = 0): void {
    this.on = true;
    this.pass = after;
  }

  /** Lets every held request go on, and stops holding. */
  release(): void {
    this.on = false;
    for (const go of this.waiting.splice(0)) go();
  }

  /** Resolves at once when not holding; else when the hold is released. */
  wait(): Promise<void> | undefined {
    if (!this.on) return undefined;
    if (this.pass > 0) {
      this.pass -= 1;
      return undefined;
    }
    const held = new Promise<void>((resolve) => this.waiting.push(resolve));
    this.watchers = this.watchers.filter((w) => (this.waiting.length >= w.count ? void w.resolve() : true));
    return held;
  }

  /** Resolves once at least `count` requests are held (at once when they already are). */
  whenHeld(count: number): Promise<void> {
    if (this.waiting.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ count, resolve }));
  }

  toJSON(): { holding: boolean; held: number } {
    return { holding: this.on, held: this.waiting.length };
  }
}
