/**
 * A concurrency limiter: at most N tasks run at once, the rest wait in FIFO order. One limiter is shared by every
 * request of a client, so a Dashboard never sees more than N requests in flight from it.
 */
import { BackupError } from '../errors.js';

/**
 * Requests a client keeps in flight at most, unless configured otherwise: 6, the per-host connection limit of
 * browsers over HTTP/1.1 (more would only queue in the browser). Over HTTP/2 more can be in flight: `npm run bench`
 * (http2) imported the large seed (13,958 requests, 20 ms latency, every entity wiped and created) on an idle 2-core
 * machine in 56.9 s at 6, 33.0 s at 12 and 21.9 s at 24 (ratios to the network floor 1.22, 1.42, 1.88: past 12 the
 * browser's and the server's CPU start to bind). The default stays at what every Dashboard can take, because the
 * client cannot know the protocol before its first answer and more in flight is more load on the Dashboard; one
 * known to speak HTTP/2 may set `concurrency: 12` (or 24, if it can take the load).
 */
export const DEFAULT_CONCURRENCY = 6;

/** Runs tasks with bounded concurrency. */
export interface Limiter {
  /**
   * Runs `task` as soon as a slot is free and resolves or rejects as it does.
   * @throws the signal's `reason` when `signal` aborts before the task got a slot (the task then never runs).
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly pending: number;
}

/**
 * Creates a {@link Limiter} running at most `concurrency` tasks at once.
 * @throws BackupError INVALID_OPTIONS unless `concurrency` is a whole number ≥ 1.
 */
export function createLimiter(concurrency: number = DEFAULT_CONCURRENCY): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new BackupError('INVALID_OPTIONS', 'The concurrency of the Dashboard client must be a whole number of at least 1.');
  }
  let active = 0;
  // FIFO of waiting grants read from `head` on, and compacted once half of it is read: Array#shift (and an
  // indexOf + splice per aborted waiter) would cost time proportional to the queue on every request, and an export
  // queues one read per entity at once. An aborted waiter is only marked, and skipped when its turn comes.
  let queue: Array<{ grant: () => void; cancelled: boolean }> = [];
  let head = 0;
  let waiting = 0;

  const release = (): void => {
    active--;
    while (head < queue.length) {
      const next = queue[head++]!;
      if (next.cancelled) continue;
      waiting--;
      next.grant();
      break;
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  };

  // Resolves once a slot is ours (active already counted), or rejects on abort without taking one.
  const acquire = (signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (active < concurrency) {
      active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        entry.cancelled = true;
        waiting--;
        reject(signal?.reason);
      };
      const entry = {
        cancelled: false,
        grant: (): void => {
          signal?.removeEventListener('abort', onAbort);
          active++;
          resolve();
        },
      };
      queue.push(entry);
      waiting++;
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  };

  return {
    async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get pending() {
      return waiting;
    },
  };
}
