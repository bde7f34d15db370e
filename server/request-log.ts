/** The request log and the request counters of one world: how tests prove what the client did and did not send. */

/** One logged API request. `path` is relative to the world's base and has no query; `query` holds it. */
export interface LogEntry {
  seq: number;
  method: string;
  path: string;
  query: string;
  /** Status sent; 0 when the connection was dropped. */
  status: number;
  /** True for POST/PUT/DELETE under /units/ (changes to a unit's data). */
  mutating: boolean;
  /** The injected fault kind, when one fired. */
  fault?: string;
}

/** Entries kept per world; the oldest go first (`seq` keeps counting). */
export const MAX_LOG_ENTRIES = 20_000;

/** Append-only request log with a cap. */
export class RequestLog {
  private entries: LogEntry[] = [];
  private seq = 0;

  /** Adds an entry and returns it with its sequence number. */
  append(entry: Omit<LogEntry, 'seq'>): LogEntry {
    const full = { seq: ++this.seq, ...entry };
    this.entries.push(full);
    if (this.entries.length > MAX_LOG_ENTRIES) this.entries.splice(0, this.entries.length - MAX_LOG_ENTRIES);
    return full;
  }

  list(): LogEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}

/** Request counters: `maxInFlight` is how tests check a client's concurrency bound. */
export class RequestStats {
  requests = 0;
  inFlight = 0;
  maxInFlight = 0;

  begin(): void {
    this.requests += 1;
    this.inFlight += 1;
    if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
  }

  end(): void {
    this.inFlight -= 1;
  }

  /** Zeroes the counters; requests still in flight stay counted in `inFlight` and `maxInFlight`. */
  reset(): void {
    this.requests = 0;
    this.maxInFlight = this.inFlight;
  }

  toJSON() {
    return { requests: this.requests, inFlight: this.inFlight, maxInFlight: this.maxInFlight };
  }
}
