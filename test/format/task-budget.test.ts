// One task, one budget (src/format/schedule.ts): paced loops that take turns within a single task count against
// the task's time, not each against a budget of its own. Asserted by which of two queued tasks runs first, never by
// a duration; the time is spent by spinning on the clock, so the test does not depend on how fast the machine is.
import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { TASK_BUDGET_MS, createTaskBudget, yieldToEventLoop } from '../../src/format/schedule.js';
import { createEntityPacer } from '../../src/payload.js';

/** Keeps the thread busy for `ms` (the work a loop step would do). */
const spin = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
};

/** Resolves to true when `pause` let a task queued before it run first (it yielded), false when it did not. */
async function yielded(pause: () => Promise<void>): Promise<boolean> {
  const channel = new MessageChannel();
  let other = false;
  channel.port1.onmessage = () => (other = true);
  channel.port2.postMessage(null);
  await pause();
  const seen = other;
  channel.port1.close();
  return seen;
}

describe('task budget shared by every paced loop of a task', () => {
  it('a second loop in the same task yields once the task as a whole has run the budget', async () => {
    await yieldToEventLoop(); // a fresh task
    const first = createTaskBudget(undefined);
    spin(TASK_BUDGET_MS * 0.6);
    expect(await yielded(() => first.pause()), 'under budget: no yield').to.equal(false);
    // Still the same task (no yield happened): a loop started now has the rest of the budget, not a budget of its own.
    const second = createTaskBudget(undefined);
    spin(TASK_BUDGET_MS * 0.6);
    expect(await yielded(() => second.pause()), 'the task has run more than the budget in all').to.equal(true);
  });

  it('entity pacers count against the same task clock', async () => {
    await yieldToEventLoop();
    const budget = createTaskBudget(undefined);
    spin(TASK_BUDGET_MS * 0.6);
    expect(await yielded(() => budget.pause())).to.equal(false);
    const pacer = createEntityPacer(10_000);
    spin(TASK_BUDGET_MS * 0.6);
    expect(await yielded(() => pacer.step())).to.equal(true);
  });

  it('after a yield the count starts again: a short step does not yield', async () => {
    const budget = createTaskBudget(undefined);
    spin(TASK_BUDGET_MS * 1.2);
    expect(await yielded(() => budget.pause())).to.equal(true);
    spin(TASK_BUDGET_MS * 0.3);
    expect(await yielded(() => budget.pause())).to.equal(false);
  });
});
