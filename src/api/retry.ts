/**
 * When and how long to wait before retrying a Dashboard request: exponential backoff with full jitter, the
 * server's `Retry-After` honoured (capped), and only for requests that are safe to send twice.
 * See https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/ for why full jitter.
 */
import { BackupError } from '../errors.js';

/** How a client retries. Every field is optional; tests use tiny delays. */
export interface RetryOptions {
  /** Retries after the first attempt (0 disables retrying). Default {@link DEFAULT_RETRIES}. */
  retries?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs·2ⁿ)]. */
  baseDelayMs?: number;
  /** Longest backoff wait. */
  maxDelayMs?: number;
  /** Longest wait a `Retry-After` header can impose (a longer one is cut to this). */
  maxRetryAfterMs?: number;
}

/** A complete, validated set of {@link RetryOptions}. */
export type RetryPolicy = Readonly<Required<RetryOptions>>;

export const DEFAULT_RETRIES = 5;
export const DEFAULT_BASE_DELAY_MS = 200;
export const DEFAULT_MAX_DELAY_MS = 5_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 30_000;

/** Statuses that mean "try again later": Too Many Requests and Service Unavailable. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Methods the Dashboard treats as idempotent; POST is safe to repeat only under an Idempotency-Key. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/**
 * Fills in defaults and checks the values.
 * @throws BackupError INVALID_OPTIONS for a negative or non-finite value, or a fractional retry count.
 */
export function resolveRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const policy = {
    retries: options.retries ?? DEFAULT_RETRIES,
    baseDelayMs: options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
  };
  const valid =
    Number.isInteger(policy.retries) &&
    Object.values(policy).every((value) => Number.isFinite(value) && value >= 0);
  if (!valid) {
    throw new BackupError('INVALID_OPTIONS', 'The retry options of the Dashboard client must be non-negative numbers (retries a whole number).');
  }
  return Object.freeze(policy);
}

/** True when a request may be sent again after a failure in transit. */
export function isRetryableRequest(method: string, hasIdempotencyKey: boolean): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase()) || (method.toUpperCase() === 'POST' && hasIdempotencyKey);
}

/** Full-jitter backoff before retry number `attempt + 1` (attempt 0 is the first failure). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** The three HTTP-date forms (RFC 9110 §5.6.7) all hold a day name and an hh:mm:ss time. */
const HTTP_DATE_SHAPE = /^[a-z]{3}[a-z]*,? .*\b\d{2}:\d{2}:\d{2}\b/i;

/**
 * Milliseconds a `Retry-After` header asks to wait: delay-seconds or an HTTP-date. Undefined when absent or
 * unreadable; never negative.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Date.parse accepts almost anything ("-3", "1.5"); insist on the shape of an HTTP-date (a day name and a time).
  if (!HTTP_DATE_SHAPE.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before the next attempt: the server's `Retry-After` (capped) when given, else the jittered backoff. */
export function retryDelay(attempt: number, policy: RetryPolicy, retryAfter?: string | null): number {
  const asked = parseRetryAfter(retryAfter);
  return asked === undefined ? backoffDelay(attempt, policy) : Math.min(asked, policy.maxRetryAfterMs);
}

/**
 * Waits `ms` milliseconds.
 * @throws the signal's `reason` as soon as `signal` aborts.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
