// Order is part of the state: an import lists every collection in the backup's order afterwards, and a profile's
// workspaces in theirs — read back through the client's list calls and compared directly (not via verification).
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, runImport, type OpenedBackup } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, uniqueDatabase } from './helpers.js';
import { adversarialOrder, listedOrder, orderOf } from './order.js';

const opts = { iterations: TEST_ITERATIONS } as const;

/** `backup` with its unit replaced by `unit` (same counts). */
const withUnit = (backup: OpenedBackup, unit: OpenedBackup['payload']['unit']): OpenedBackup => ({
  ...backup,
  payload: { ...backup.payload, unit },
});

describe('order of the restored lists', () => {
  it('an import of the small seed lists every collection in the backup order', async () => {
    const world = await createWorld('small');
    const client = world.client();
    const backup = await openBackup((await exportUnit(client, PASSWORD, opts)).blob, PASSWORD);
    expect(orderOf(backup.payload.unit)).to.deep.equal(orderOf(await world.state()));
    const result = await runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase(), reload: false });
    expect(result.verified).to.equal(true);
    expect(await listedOrder(client, UNIT)).to.deep.equal(orderOf(backup.payload.unit));
    await world.drop();
  });

  it('an import of an adversarial order (consumers before providers, scrambled lists) keeps that order', async () => {
    const world = await createWorld('small');
    const client = world.client();
    const exported = await openBackup((await exportUnit(client, PASSWORD, opts)).blob, PASSWORD);
    const backup = withUnit(exported, adversarialOrder(exported.payload.unit));
    const wanted = orderOf(backup.payload.unit);
    // the scrambled order really differs from the seed's in every list
    const seed = orderOf(exported.payload.unit);
    for (const list of ['plugins', 'workspaces', 'profiles'] as const) expect(wanted[list]).not.to.deep.equal(seed[list]);
    const result = await runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase(), reload: false });
    expect(result.verified).to.equal(true);
    expect(await listedOrder(client, UNIT)).to.deep.equal(wanted);
    // and into an empty unit
    const empty = await createWorld('empty');
    const into = empty.client();
    expect((await runImport(into, backup, PASSWORD, { ...opts, database: uniqueDatabase(), reload: false })).verified).to.equal(true);
    expect(await listedOrder(into, UNIT)).to.deep.equal(wanted);
    await Promise.all([world.drop(), empty.drop()]);
  });

  it('the next create of a chain is not sent when the done record of the one before it cannot be written', async () => {
    const source = await createWorld('small');
    const backup = await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD);
    await source.drop();
    const world = await createWorld('empty');
    // Storage fails when the first workspace create is to be recorded done.
    const realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const record = value as { status?: string; step?: string } | undefined;
      if (this.name === 'steps' && record?.status === 'done' && record.step === 'create-workspace-0') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realPut.call(this, value, key);
    };
    try {
      const error = await rejectionOf(runImport(world.client(), backup, PASSWORD, { ...opts, database: uniqueDatabase(), reload: false }));
      expect(error.code).to.equal('JOURNAL_UNAVAILABLE');
    } finally {
      IDBObjectStore.prototype.put = realPut;
    }
    const creates = (await world.mutations()).filter((e) => e.method === 'POST' && e.path.endsWith('/workspaces'));
    expect(creates, 'only the first workspace create was sent').to.have.length(1);
    await world.drop();
  });
});
