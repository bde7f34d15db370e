import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { createWorld, mutations, rejectionOf, UNIT } from '../world.js';
import { profileInput } from './builders.js';
import type { UnitState } from '../../src/schemas.js';

const entry = { key: 'feed.url', value: 'https://feeds.example/x', secret: false };

describe('retries', () => {
  for (const kind of ['503', '429'] as const) {
    it(`retries a PUT answered ${kind} after the Retry-After the server asks for`, async () => {
      const world = await createWorld('empty');
      await world.faults({ kind, when: 'before', nth: 1, retryAfter: 1 });
      const started = performance.now();
      // the backoff alone would wait at most 5 ms (FAST_RETRY): only Retry-After explains a one-second wait
      await world.client().putKey(UNIT, entry);
      expect(performance.now() - started).to.be.at.least(950);
      expect(mutations(await world.log()).map((e) => [e.status, e.fault])).to.deep.equal([[Number(kind), kind], [200, undefined]]);
    });
  }

  it('retries GET, PUT, DELETE and a POST with an Idempotency-Key after a 503, a 429 or a drop', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const calls: [string, () => Promise<unknown>][] = [
      ['GET', () => client.getSession()],
      ['PUT', () => client.putKey(UNIT, entry)],
      ['DELETE', () => client.deleteKey(UNIT, entry.key)],
      ['POST', () => client.createProfile(UNIT, profileInput('Desk'), { idempotencyKey: `profile-${Math.random()}` })],
    ];
    for (const kind of ['503', '429', 'drop'] as const) {
      for (const [method, run] of calls) {
        await world.clearLog();
        await world.faults({ kind, when: 'before', nth: 1, retryAfter: 0, on: 'all' });
        await run();
        const statuses = (await world.log()).map((e) => e.status);
        expect(statuses, `${method} after ${kind}`).to.deep.equal([kind === 'drop' ? 0 : Number(kind), method === 'POST' ? 201 : method === 'DELETE' ? 204 : 200]);
      }
    }
    expect((await world.state()).profiles).to.have.length(3);
  });

  it('retries 429 and drops on reads and writes until they succeed', async () => {
    const world = await createWorld('small');
    const client = world.client();
    await world.faults(
      { kind: '429', when: 'before', nth: 1, times: 2, retryAfter: 0, on: 'all' },
    );
    expect((await client.getSession()).role).to.equal('admin');
    await world.faults({ kind: 'drop', when: 'before', nth: 1, times: 2, on: 'all' });
    expect(await client.listProfiles(UNIT)).to.have.length.above(0);
    await world.faults({ kind: 'drop', when: 'before', nth: 1 });
    await client.putKey(UNIT, entry);
    const log = await world.log();
    expect(log.filter((e) => e.path === '/session').map((e) => e.status)).to.deep.equal([429, 429, 200]);
    expect(mutations(log).map((e) => e.status)).to.deep.equal([0, 200]);
  });

  it('gives up on a 429 that persists with RATE_LIMITED after retries + 1 attempts', async () => {
    const world = await createWorld('empty');
    await world.faults({ kind: '429', when: 'before', rate: 1, retryAfter: 0 });
    const error = await rejectionOf(world.client({ retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 } }).putKey(UNIT, entry));
    expect([error.code, error.status, error.method]).to.deep.equal(['RATE_LIMITED', 429, 'PUT']);
    expect(error.message).to.contain('tried 3 times');
    expect(mutations(await world.log())).to.have.length(3);
  });

  it('does not retry a 500: SERVER after exactly one request', async () => {
    const world = await createWorld('empty');
    await world.faults({ kind: '500', when: 'before', nth: 1, on: 'all' });
    const error = await rejectionOf(world.client().putKey(UNIT, entry));
    expect([error.code, error.status]).to.deep.equal(['SERVER', 500]);
    expect(await world.log()).to.have.length(1);
  });

  it('gives up on a connection that keeps dropping with NETWORK', async () => {
    const world = await createWorld('small');
    await world.faults({ kind: 'drop', when: 'before', rate: 1, on: 'all' });
    const error = await rejectionOf(world.client().getSession());
    expect([error.code, error.status]).to.deep.equal(['NETWORK', 0]);
    expect(error.message).to.contain('Could not reach the Dashboard at').and.to.contain('check your connection');
    expect(await world.log()).to.have.length(4);
  });

  it('retries a POST with an Idempotency-Key after a fault that hit after the change, creating nothing twice', async () => {
    for (const kind of ['drop', '503'] as const) {
      const world = await createWorld('empty');
      await world.faults({ kind, when: 'after', nth: 1, retryAfter: 0 });
      const created = await world.client().createProfile(UNIT, profileInput('Desk'), { idempotencyKey: `import-1-${kind}` });
      const state = (await world.dev('GET', `state?unit=${UNIT}`)) as UnitState;
      expect(state.profiles.map((p) => p.id), kind).to.deep.equal([created.id]);
      expect(mutations(await world.log()).map((e) => e.method), kind).to.deep.equal(['POST', 'POST']);
    }
  });

  it('never retries a POST without an Idempotency-Key', async () => {
    const world = await createWorld('empty');
    await world.faults({ kind: '503', when: 'before', nth: 1, retryAfter: 0 });
    const refused = await rejectionOf(world.client().createProfile(UNIT, profileInput('Desk')));
    expect([refused.code, refused.status, refused.method]).to.deep.equal(['SERVER', 503, 'POST']);
    expect(await world.log()).to.have.length(1);

    await world.dev('DELETE', 'log');
    await world.faults({ kind: 'drop', when: 'after', nth: 1 });
    const dropped = await rejectionOf(world.client().createProfile(UNIT, profileInput('Desk')));
    expect(dropped.code).to.equal('NETWORK');
    expect(await world.log()).to.have.length(1);
  });

  it('counts a DELETE answered 404 as done, also when a retry finds the first attempt succeeded', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    await client.deletePlugin(UNIT, 'no-such-plugin');
    await client.deleteWorkspace(UNIT, 'no-such-workspace');
    await client.deleteProfile(UNIT, 'no-such-profile');
    await client.deleteKey(UNIT, 'no-such-key');
    await client.putKey(UNIT, entry);
    await world.faults({ kind: 'drop', when: 'after', nth: 1 });
    await client.deleteKey(UNIT, entry.key);
    const deletes = mutations(await world.log()).filter((e) => e.method === 'DELETE');
    expect(deletes.map((e) => e.status)).to.deep.equal([404, 404, 404, 404, 0, 404]);
    expect(((await world.dev('GET', `state?unit=${UNIT}`)) as UnitState).keys).to.deep.equal([]);
  });
});
