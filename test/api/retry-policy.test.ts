import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import {
  backoffDelay,
  isRetryableRequest,
  parseRetryAfter,
  resolveRetryPolicy,
  retryDelay,
  sleep,
  DEFAULT_RETRIES,
} from '../../src/api/retry.js';
import { isBackupError } from '../../src/errors.js';

describe('retry policy', () => {
  it('has the documented defaults and rejects negative or fractional values', () => {
    expect(resolveRetryPolicy()).to.deep.equal({ retries: DEFAULT_RETRIES, baseDelayMs: 200, maxDelayMs: 5000, maxRetryAfterMs: 30000 });
    for (const bad of [{ retries: -1 }, { retries: 1.5 }, { baseDelayMs: -5 }, { maxDelayMs: Number.POSITIVE_INFINITY }]) {
      expect(() => resolveRetryPolicy(bad)).to.throw().that.satisfies((e: unknown) => isBackupError(e, 'INVALID_OPTIONS'));
    }
  });

  it('retries GET, PUT and DELETE, and POST only under an Idempotency-Key', () => {
    expect(['GET', 'PUT', 'DELETE'].map((m) => isRetryableRequest(m, false))).to.deep.equal([true, true, true]);
    expect(isRetryableRequest('POST', false)).to.equal(false);
    expect(isRetryableRequest('POST', true)).to.equal(true);
  });

  it('backs off exponentially with full jitter, capped at maxDelayMs', () => {
    const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, policy, () => 0.999999))).to.deep.equal([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, policy, () => 0)).to.equal(0);
    for (let i = 0; i < 200; i++) expect(backoffDelay(2, policy)).to.be.within(0, 400);
  });

  it('reads Retry-After as seconds or an HTTP-date, and ignores nonsense', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(parseRetryAfter('3', now)).to.equal(3000);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:02 GMT', now)).to.equal(2000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 09:00:00 GMT', now)).to.equal(0);
    for (const v of [null, undefined, '', 'soon', '-3', '1.5']) expect(parseRetryAfter(v, now)).to.equal(undefined);
  });

  it('honours Retry-After over the backoff, capped at maxRetryAfterMs', () => {
    const policy = resolveRetryPolicy({ baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 5000 });
    expect(retryDelay(0, policy, '2')).to.equal(2000);
    expect(retryDelay(0, policy, '3600')).to.equal(5000);
    expect(retryDelay(0, policy, null)).to.be.within(0, 1);
  });

  it('sleep stops waiting as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await sleep(10_000, controller.signal).then(
      () => expect.fail('should reject'),
      (e: Error) => expect(e.message).to.equal('stop'),
    );
    expect(performance.now() - started).to.be.below(1000);
  });
});
