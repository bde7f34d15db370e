// Engine guarantees pinned by tests that fail when they go: a step's "started" record is on disk before its
// request leaves, so when that write fails the request is never sent.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, runImport } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { createWorld, rejectionOf } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit, uniqueDatabase } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS, confirmOtherUnit: true, reload: false } as const;

describe('journal guarantees', () => {
  it('sends no request whose "started" record could not be written', async () => {
    const source = await createWorld('empty');
    await buildTinyUnit(source.client());
    const backup = await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD);
    await source.drop();
    const world = await createWorld('small');
    const database = uniqueDatabase();
    // Storage fails (as when the disk is full) for the "started" record of every workspace create.
    const realPut = IDBObjectStore.prototype.put;
    let refused = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const record = value as { status?: string; step?: string } | undefined;
      if (this.name === 'steps' && record?.status === 'started' && record.step?.startsWith('create-workspace-')) {
        refused++;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realPut.call(this, value, key);
    };
    let error: Awaited<ReturnType<typeof rejectionOf>>;
    try {
      error = await rejectionOf(runImport(world.client(), backup, PASSWORD, { ...opts, database }));
    } finally {
      IDBObjectStore.prototype.put = realPut;
    }
    expect(error.code, error.message).to.equal('JOURNAL_UNAVAILABLE');
    expect(refused, 'a workspace create was about to be journaled').to.be.greaterThan(0);
    const sent = (await world.mutations()).map((e) => `${e.method} ${e.path}`);
    // The import had got as far as the creates (keys and plugins went out), but no workspace create left.
    expect(sent.some((s) => s.startsWith('POST') && s.endsWith('/plugins'))).to.equal(true);
    expect(sent.filter((s) => s.startsWith('POST') && s.endsWith('/workspaces'))).to.deep.equal([]);
    await world.drop();
  });
});
