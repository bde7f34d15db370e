// Engine guarantees pinned by tests that fail when they go: a step's "started" record is on disk before its
// request leaves, so when that write fails the request is never sent.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, runImport } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { createWorld, rejectionOf } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit, uniqueDatabase, unlikeItsUnit } from './helpers.js';

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

  it('sends no chain link whose pre-marked "started" record could not be written', async () => {
    const source = await createWorld('small');
    const backup = unlikeItsUnit(await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD));
    await source.drop();
    const world = await createWorld('small');
    // The fourth workspace's "started" record is written (pre-marked) while the third workspace's create is out; its
    // transaction is held open until that create is answered, then aborted (as a full disk would fail it): the
    // answer is in before the record is known to have failed, and still the fourth create must not leave.
    const link = 'create-workspace-3';
    type Stage = 'unsent' | 'out' | 'answered';
    let third = 'unsent' as Stage;
    let markedWhile = undefined as Stage | undefined;
    const client = new Proxy(world.client(), {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== 'createWorkspace' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const isThird = (args[2] as { idempotencyKey?: string } | undefined)?.idempotencyKey?.endsWith('-create-workspace-2');
          if (isThird) third = 'out';
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (isThird) third = 'answered';
          return result;
        };
      },
    });
    const realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const request = realPut.call(this, value, key);
      const record = value as { status?: string; step?: string } | undefined;
      if (this.name === 'steps' && record?.status === 'started' && record.step === link && markedWhile === undefined) {
        markedWhile = third;
        const store = this;
        const hold = (): void => {
          if (third === 'answered') store.transaction.abort();
          else store.get('never').onsuccess = hold;
        };
        hold();
      }
      return request;
    };
    let error: Awaited<ReturnType<typeof rejectionOf>>;
    try {
      error = await rejectionOf(runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase() }));
    } finally {
      IDBObjectStore.prototype.put = realPut;
    }
    expect(error.code, error.message).to.equal('JOURNAL_UNAVAILABLE');
    expect(markedWhile, 'the link was pre-marked while the one before it was out').to.equal('out');
    const creates = (await world.mutations()).filter((e) => e.method === 'POST' && e.path.endsWith('/workspaces'));
    expect(creates.length, 'workspace creates sent').to.equal(3);
    await world.drop();
  });
});
