/**
 * Keeping the page responsive: long pipelines call {@link createTaskBudget}'s `pause()` between small steps, which
 * yields to the event loop once the task running now has run {@link TASK_BUDGET_MS} (counted per task, across every
 * loop: {@link taskElapsedMs}), so no task gets near the 50 ms "long task" mark. Also the abort check shared by
 * encryption and decryption.
 */
import { FormatError } from '../errors.js';

/** Milliseconds of work after which a pipeline yields to the event loop. */
export const TASK_BUDGET_MS = 20;

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/** Node's MessagePort can hold the process open; browsers' ports have neither method. */
type NodePort = MessagePort & { ref?: () => void; unref?: () => void };

/** The message that ends a task's count ({@link taskElapsedMs}); every other message on the port is a yield. */
const NEW_TASK = 'new-task';

/** When the task running now began, as far as this module can tell; undefined until something asks in a new task. */
let taskStart: number | undefined;
/** A {@link NEW_TASK} message is on its way: the count is cleared once the task that started it has ended. */
let clearPending = false;

function port(): NodePort {
  if (!channel) {
    channel = new MessageChannel();
    const port1 = channel.port1 as NodePort;
    port1.onmessage = (event: MessageEvent) => {
      if (event.data === NEW_TASK) {
        clearPending = false;
        taskStart = undefined;
      } else {
        // A yield's continuation is the start of a task of its own.
        startCount(performance.now());
        waiting.shift()?.();
      }
      // In node, an idle port would keep the process alive after the last backup is read: hold it only while waiting.
      if (waiting.length === 0) port1.unref?.();
    };
  }
  return channel.port1 as NodePort;
}

function startCount(now: number): void {
  taskStart = now;
  if (clearPending) return;
  clearPending = true;
  // Posted now, it is delivered after the task running now: the next task counts from its own start.
  if (typeof MessageChannel === 'function') {
    port();
    channel!.port2.postMessage(NEW_TASK);
  } else {
    setTimeout(() => {
      clearPending = false;
      taskStart = undefined;
    }, 0);
  }
}

/**
 * Milliseconds the task running now has run, as every budget and pacer of the page sees it: from the first time one
 * of them asked in this task (or from the yield it resumed from). One count per task, not one per loop: when one
 * paced loop's last slice resolves a promise that starts another (a page check finishing a list read that starts a
 * comparison, a comparison finishing a plan), both run in one task, and two budgets of 20 ms each were one task of
 * 40 ms and more. A task that began before anyone asked is counted from the first question, so a loop starting late
 * in a busy task can still overrun; loops call this often, which keeps that slack small.
 */
export function taskElapsedMs(): number {
  const now = performance.now();
  if (taskStart === undefined) startCount(now);
  return now - taskStart!;
}

/**
 * Yields to the event loop with a MessageChannel message: a normal-priority task, so input, rendering *and* the
 * page's own timers and network callbacks run in between. Not `setTimeout(0)`, which browsers clamp to 4 ms once
 * nested; not `scheduler.yield()`, whose continuation jumps ahead of the page's timers and would starve them for
 * the whole run (seen in Chromium: one timer turn during a 0.5 s encryption).
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  const port1 = port();
  port1.ref?.();
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

/** Creates a {@link TaskBudget}: `pause()` yields once the task running now has run `budgetMs` ({@link taskElapsedMs}). */
export function createTaskBudget(signal: AbortSignal | undefined, budgetMs = TASK_BUDGET_MS): TaskBudget {
  return {
    async pause() {
      throwIfAborted(signal);
      if (taskElapsedMs() < budgetMs) return;
      await yieldToEventLoop();
      throwIfAborted(signal);
    },
  };
}
