import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { createWorld, rejectionOf, UNIT } from '../world.js';
import { HttpError } from '../../src/errors.js';
import { pluginInput, profileInput, workspaceInput } from './builders.js';

/**
 * How soon after the abort a call must reject: far below what the call would otherwise take (seconds), with room
 * for a busy 2-core machine's timer jitter.
 */
const LAG_MS = 1000;

/** Aborts `controller` after `ms` and returns how long the call took to reject after the abort. */
async function abortAfter(ms: number, controller: AbortController, call: Promise<unknown>) {
  let abortedAt = 0;
  setTimeout(() => {
    abortedAt = performance.now();
    controller.abort();
  }, ms);
  const error = await rejectionOf(call);
  return { error, lag: performance.now() - abortedAt };
}

describe('abort', () => {
  it('sends nothing when the signal is already aborted', async () => {
    const world = await createWorld('small');
    const error = await rejectionOf(world.client().getSession({ signal: AbortSignal.abort() }));
    expect(error).to.be.instanceOf(HttpError);
    expect([error.code, error.status, error.path]).to.deep.equal(['ABORTED', 0, '/session']);
    expect(await world.log()).to.deep.equal([]);
  });

  it('takes a signal in every method: each rejects ABORTED with its method and path, sending nothing', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const signal = AbortSignal.abort();
    const o = { signal };
    const calls: [string, string, Promise<unknown>][] = [
      ['GET', '/session', client.getSession(o)],
      ['GET', `/units/${UNIT}/plugins`, client.listPlugins(UNIT, o)],
      ['GET', `/units/${UNIT}/plugins/p1`, client.getPlugin(UNIT, 'p1', o)],
      ['GET', `/units/${UNIT}/workspaces`, client.listWorkspaces(UNIT, o)],
      ['GET', `/units/${UNIT}/workspaces/w1`, client.getWorkspace(UNIT, 'w1', o)],
      ['GET', `/units/${UNIT}/profiles`, client.listProfiles(UNIT, o)],
      ['GET', `/units/${UNIT}/keys`, client.listKeys(UNIT, o)],
      ['POST', `/units/${UNIT}/plugins`, client.createPlugin(UNIT, pluginInput('com.example.a'), { ...o, idempotencyKey: 'k' })],
      ['PUT', `/units/${UNIT}/plugins/p1/mappings`, client.setPluginMappings(UNIT, 'p1', { actions: {}, portals: {} }, o)],
      ['DELETE', `/units/${UNIT}/plugins/p1`, client.deletePlugin(UNIT, 'p1', o)],
      ['POST', `/units/${UNIT}/workspaces`, client.createWorkspace(UNIT, workspaceInput('W'), o)],
      ['DELETE', `/units/${UNIT}/workspaces/w1`, client.deleteWorkspace(UNIT, 'w1', o)],
      ['POST', `/units/${UNIT}/profiles`, client.createProfile(UNIT, profileInput('P'), o)],
      ['DELETE', `/units/${UNIT}/profiles/r1`, client.deleteProfile(UNIT, 'r1', o)],
      ['PUT', `/units/${UNIT}/keys/k`, client.putKey(UNIT, { key: 'k', value: 'v', secret: true }, o)],
      ['DELETE', `/units/${UNIT}/keys/k`, client.deleteKey(UNIT, 'k', o)],
    ];
    for (const [method, path, call] of calls) {
      const error = await rejectionOf(call);
      expect(error, `${method} ${path}`).to.be.instanceOf(HttpError);
      expect([error.code, error.method, error.path]).to.deep.equal(['ABORTED', method, path]);
    }
    expect(await world.log()).to.deep.equal([]);
  });

  it('stops a 50-page list mid-way: ABORTED at once, and no page requested after the abort', async function () {
    this.timeout(30_000);
    const world = await createWorld('large');
    await world.latency(400);
    const controller = new AbortController();
    const call = world.client().listKeys(UNIT, { signal: controller.signal });
    // Abort once the first page is in and the parallel pages are on their way (not on a timer: the machine may be slow).
    while ((await world.stats()).requests < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    const { error, lag } = await abortAfter(0, controller, call);
    expect(error.code).to.equal('ABORTED');
    expect(lag).to.be.below(LAG_MS);
    const requested = (await world.stats()).requests;
    expect(requested).to.be.within(3, 49);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await world.stats()).requests).to.equal(requested);
  });

  it('stops waiting for a Retry-After at once', async () => {
    const world = await createWorld('empty');
    await world.faults({ kind: '503', when: 'before', nth: 1, retryAfter: 20 });
    const controller = new AbortController();
    const call = world.client().putKey(UNIT, { key: 'k', value: 'v', secret: false }, { signal: controller.signal });
    const { error, lag } = await abortAfter(300, controller, call);
    expect(error.code).to.equal('ABORTED');
    expect(lag).to.be.below(LAG_MS);
    expect(await world.log()).to.have.length(1);
  });

  it('stops waiting for a free slot at once, without ever sending', async () => {
    const world = await createWorld('small');
    await world.latency(5000);
    const client = world.client({ concurrency: 1 });
    const busyController = new AbortController();
    const busy = client.getSession({ signal: busyController.signal }).catch((e: Error & { code?: string }) => e.code);
    const controller = new AbortController();
    const { error, lag } = await abortAfter(100, controller, client.listProfiles(UNIT, { signal: controller.signal }));
    expect(error.code).to.equal('ABORTED');
    expect(lag).to.be.below(LAG_MS);
    expect((await world.stats()).requests, 'only the busy request reached the server').to.equal(1);
    busyController.abort();
    expect(await busy).to.equal('ABORTED');
  });
});
