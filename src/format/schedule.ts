/**
 * Keeping the page responsive: long pipelines call {@link createTaskBudget}'s `pause()` between small steps, which
 * yields to the event loop once the current task has run for a few milliseconds, so no task gets near the 100 ms
 * "long task" mark. Also the abort check shared by encryption and decryption.
 */
import { FormatError } from '../errors.js';

/** Milliseconds of work after which a pipeline yields to the event loop. */
export const TASK_BUDGET_MS = 20;

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/** Node's MessagePort can hold the process open; browsers' ports have neither method. */
type NodePort = MessagePort & { ref?: () => void; unref?: () => void };

/**
 * Yields to the event loop with a MessageChannel message: a normal-priority task, so input, rendering *and* the
 * page's own timers and network callbacks run in between. Not `setTimeout(0)`, which browsers clamp to 4 ms once
 * nested; not `scheduler.yield()`, whose continuation jumps ahead of the page's timers and would starve them for
 * the whole run (seen in Chromium: one timer turn during a 0.5 s encryption).
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    const port = channel.port1 as NodePort;
    port.onmessage = () => {
      waiting.shift()?.();
      // In node, an idle port would keep the process alive after the last backup is read: hold it only while waiting.
      if (waiting.length === 0) port.unref?.();
    };
  }
  (channel.port1 as NodePort).ref?.();
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}

/** Throws FormatError ABORTED when `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new FormatError('ABORTED', 'The operation was cancelled.', { cause: signal.reason });
  }
}

/** A time budget for one pipeline: `pause()` yields only when the budget is spent, and checks for abort. */
export interface TaskBudget {
  pause(): Promise<void>;
}

/** Creates a {@link TaskBudget} of `budgetMs` milliseconds per task. */
export function createTaskBudget(signal: AbortSignal | undefined, budgetMs = TASK_BUDGET_MS): TaskBudget {
  let started = performance.now();
  return {
    async pause() {
      throwIfAborted(signal);
      if (performance.now() - started < budgetMs) return;
      await yieldToEventLoop();
      started = performance.now();
      throwIfAborted(signal);
    },
  };
}
