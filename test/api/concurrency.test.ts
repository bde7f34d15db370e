import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { createWorld, UNIT } from '../world.js';

// The reference server counts requests in flight per world (`maxInFlight`); latency keeps each request open long
// enough that a client which did not limit itself would be caught. Chromium itself keeps at most 6 HTTP/1.1
// connections per host, so only limits below 6 show the client's own limiter at work; the default test shows
// that the pages really go out in parallel.
describe('bounded concurrency', () => {
  it('keeps at most 6 requests in flight by default, and does reach 6 (pages are fetched in parallel)', async function () {
    this.timeout(60_000);
    const world = await createWorld('large');
    await world.latency(100);
    await world.dev('DELETE', 'stats');
    const keys = await world.client().listKeys(UNIT);
    expect(keys).to.have.length(5000);
    const stats = await world.stats();
    // 50 pages, read twice (a list of several pages is kept only when two reads agree: src/api/pages.ts)
    expect(stats.requests).to.equal(100);
    expect(stats.maxInFlight).to.equal(6);
  });

  it('honours a configured limit across every call of the client at once', async function () {
    this.timeout(60_000);
    const world = await createWorld('large');
    await world.latency(60);
    await world.dev('DELETE', 'stats');
    const client = world.client({ concurrency: 3 });
    await Promise.all([
      client.listKeys(UNIT),
      client.listWorkspaces(UNIT),
      ...Array.from({ length: 10 }, () => client.getSession()),
    ]);
    const stats = await world.stats();
    expect(stats.requests).to.equal((50 + 20) * 2 + 10);
    expect(stats.maxInFlight).to.equal(3);
  });

  it('sends one request at a time with concurrency 1', async () => {
    const world = await createWorld('small');
    await world.latency(20);
    await world.dev('DELETE', 'stats');
    const client = world.client({ concurrency: 1 });
    await Promise.all(Array.from({ length: 8 }, () => client.getSession()));
    expect((await world.stats()).maxInFlight).to.equal(1);
  });

  it('gives separate clients separate limits', async () => {
    const world = await createWorld('small');
    await world.latency(50);
    await world.dev('DELETE', 'stats');
    const a = world.client({ concurrency: 2 });
    const b = world.client({ concurrency: 2 });
    await Promise.all([...Array.from({ length: 4 }, () => a.getSession()), ...Array.from({ length: 4 }, () => b.getSession())]);
    expect((await world.stats()).maxInFlight).to.equal(4);
  });
});
