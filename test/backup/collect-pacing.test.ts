// collectUnit queues the detail reads of a long list in slices, yielding to the page between them: 2,000 workspaces
// queued in one go were one long main-thread task. Asserted by what a task queued right after the list arrived
// sees, never by a duration.
import { expect } from '@open-wc/testing';
import type { DashboardClient } from '../../src/api/index.js';
import { collectUnit } from '../../src/backup/collect.js';
import { afterEach, beforeEach, describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf, type World } from '../world.js';
import { afterPendingReports } from './key-work.js';

describe('collectUnit: queueing a long list’s reads', () => {
  let world: World;
  beforeEach(async () => (world = await createWorld('large')));
  afterEach(async () => world.drop());

  /** The client with workspace reads counted, and a task queued the moment the workspace list is in. */
  function watched(): { client: DashboardClient; queuedWhenTheTaskRan: Promise<number>; listed: () => number } {
    const base = world.client();
    let queued = 0;
    let listed = 0;
    let seen!: (n: number) => void;
    const queuedWhenTheTaskRan = new Promise<number>((resolve) => (seen = resolve));
    const client: DashboardClient = {
      ...base,
      async listWorkspaces(unit, o) {
        const list = await base.listWorkspaces(unit, o);
        listed = list.length;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          seen(queued);
          channel.port1.close();
        };
        channel.port2.postMessage(null);
        return list;
      },
      getWorkspace(unit, id, o) {
        queued += 1;
        return base.getWorkspace(unit, id, o);
      },
    };
    return { client, queuedWhenTheTaskRan, listed: () => listed };
  }

  it('lets the page in while it queues 2,000 workspace reads, and still reads every one', async () => {
    const { client, queuedWhenTheTaskRan, listed } = watched();
    const state = await collectUnit(client, UNIT);
    expect(listed()).to.equal(2000);
    const queued = await queuedWhenTheTaskRan;
    expect(queued, 'a task queued when the list arrived ran before all reads were queued').to.be.below(listed());
    expect(state.workspaces).to.have.length(2000);
  });

  it('a cancel while reads are still being queued rejects with ABORTED and leaves nothing unhandled', async () => {
    const { client, queuedWhenTheTaskRan } = watched();
    const controller = new AbortController();
    const unhandled: unknown[] = [];
    const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);
    addEventListener('unhandledrejection', onUnhandled);
    try {
      const collected = rejectionOf(collectUnit(client, UNIT, { signal: controller.signal }));
      await queuedWhenTheTaskRan;
      controller.abort();
      expect((await collected).code).to.equal('ABORTED');
      await afterPendingReports();
      expect(unhandled).to.deep.equal([]);
    } finally {
      removeEventListener('unhandledrejection', onUnhandled);
    }
  });
});
