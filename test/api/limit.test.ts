import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { createLimiter } from '../../src/api/limit.js';
import { isBackupError } from '../../src/errors.js';

/** A task that stays running until `finish()` is called. */
function gate(): { promise: Promise<void>; finish: () => void } {
  let finish!: () => void;
  const promise = new Promise<void>((resolve) => (finish = resolve));
  return { promise, finish };
}

describe('createLimiter', () => {
  it('runs at most N tasks at once and starts waiting ones in FIFO order', async () => {
    const limiter = createLimiter(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) => limiter.run(async () => { started.push(i); await g.promise; return i; }));
    await Promise.resolve();
    expect(started).to.deep.equal([0, 1]);
    expect([limiter.active, limiter.pending]).to.deep.equal([2, 2]);
    gates[1]!.finish();
    await runs[1];
    await Promise.resolve();
    expect(started).to.deep.equal([0, 1, 2]);
    gates.forEach((g) => g.finish());
    expect(await Promise.all(runs)).to.deep.equal([0, 1, 2, 3]);
    expect([limiter.active, limiter.pending]).to.deep.equal([0, 0]);
  });

  it('frees the slot when a task rejects', async () => {
    const limiter = createLimiter(1);
    const failing = limiter.run(() => Promise.reject(new Error('boom')));
    const next = limiter.run(async () => 'ok');
    await failing.then(() => expect.fail('should reject'), (e: Error) => expect(e.message).to.equal('boom'));
    expect(await next).to.equal('ok');
  });

  it('drops a waiting task whose signal aborts, without running it', async () => {
    const limiter = createLimiter(1);
    const g = gate();
    const busy = limiter.run(() => g.promise);
    const controller = new AbortController();
    let ran = false;
    const waiting = limiter.run(async () => { ran = true; }, controller.signal);
    controller.abort(new Error('stop'));
    await waiting.then(() => expect.fail('should reject'), (e: Error) => expect(e.message).to.equal('stop'));
    expect(limiter.pending).to.equal(0);
    g.finish();
    await busy;
    expect(ran).to.equal(false);
    expect(limiter.active).to.equal(0);
  });

  it('keeps FIFO order over thousands of waiting tasks, some aborted, while its queue is compacted', async () => {
    // More waiters than the queue's compaction threshold (1024), every third one aborted while waiting.
    const limiter = createLimiter(1);
    const g = gate();
    const busy = limiter.run(() => g.promise);
    const order: number[] = [];
    const controllers = Array.from({ length: 3000 }, () => new AbortController());
    const runs = controllers.map((c, i) => limiter.run(async () => void order.push(i), c.signal).catch(() => 'aborted'));
    controllers.forEach((c, i) => i % 3 === 0 && c.abort(new Error('stop')));
    expect(limiter.pending).to.equal(2000);
    g.finish();
    await busy;
    const results = await Promise.all(runs);
    expect(results.filter((r) => r === 'aborted')).to.have.length(1000);
    expect(order).to.deep.equal(controllers.map((_, i) => i).filter((i) => i % 3 !== 0));
    expect([limiter.active, limiter.pending]).to.deep.equal([0, 0]);
  });

  it('rejects a concurrency below 1 or fractional with INVALID_OPTIONS', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) {
      try {
        createLimiter(n);
        expect.fail(`accepted ${n}`);
      } catch (error) {
        expect(isBackupError(error, 'INVALID_OPTIONS')).to.equal(true);
      }
    }
  });
});
