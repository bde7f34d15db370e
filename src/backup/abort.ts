/** Cancellation helpers: every engine reports a cancelled operation as BackupError ABORTED. */
import { BackupError, isBackupError } from '../errors.js';

/** The error every engine throws when its AbortSignal fires. */
export function abortedError(cause?: unknown): BackupError {
  return new BackupError('ABORTED', 'The operation was cancelled.', cause === undefined ? undefined : { cause });
}

/** Throws ABORTED when `signal` has fired. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortedError(signal.reason);
}

/** Maps whatever a cancelled call threw to ABORTED; other errors pass unchanged. */
export function normalizeAbort(error: unknown, signal?: AbortSignal): unknown {
  if (isBackupError(error, 'ABORTED')) return error;
  if (signal?.aborted) return abortedError(error);
  return error;
}

/**
 * An AbortController that also fires when `parent` does, so a batch of parallel requests can be cancelled as soon
 * as one of them fails (the client's queue then drains at once instead of sending requests nobody awaits).
 */
export function linkAbort(parent?: AbortSignal): AbortController {
  const controller = new AbortController();
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', () => controller.abort(parent.reason), { once: true });
  return controller;
}

/** Resolves after `ms`, or rejects with ABORTED when `signal` fires first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal.reason));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError(signal?.reason));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
