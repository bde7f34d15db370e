// Pre-marked "started" records (src/backup/execute.ts) against the reference Dashboard without the reorder route,
// so every collection is created as a chain: the chains still reach the Dashboard in the backup's order, one link
// after the answer of the one before; and a run stopped while a link was pre-marked but never sent resumes to the
// backup exactly (resume converges from the live unit, so a "started" record that over-reports is harmless).
import { expect } from '@open-wc/testing';
import type { DashboardClient } from '../../src/api/index.js';
import { exportUnit, findUnfinishedImport, openBackup, resumeImport, runImport, type OpenedBackup } from '../../src/backup/index.js';
import { listJournals, loadStepRecords } from '../../src/backup/journal.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, normalizeState, uniqueDatabase, unlikeItsUnit } from './helpers.js';
import { listedOrder, orderOf } from './order.js';

const opts = { iterations: TEST_ITERATIONS, confirmOtherUnit: true, reload: false } as const;
const CREATES = new Set(['createPlugin', 'createWorkspace', 'createProfile']);
const STEP = /^dbk-(.+)-(create-(plugin|workspace|profile)-(\d+))$/;

/** The small seed's backup, changed in every entity so that an import over the seed creates everything. */
async function changedBackup(): Promise<OpenedBackup> {
  const source = await createWorld('small');
  const backup = unlikeItsUnit(await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD));
  await source.drop();
  return backup;
}

/** Create steps seen by the Dashboard client: which were sent, which answered, and what was sent before its predecessor was answered. */
interface Creates {
  sent: Set<string>;
  answered: Set<string>;
  /** Steps sent while the previous create of their collection was not answered yet. */
  overtaking: string[];
  /** Step ids in the order they were sent, per collection. */
  order: Record<string, number[]>;
}

/** The step id before `step` in its chain, or undefined for the first. */
const predecessor = (step: string): string | undefined => {
  const m = /^(create-\w+-)(\d+)$/.exec(step)!;
  return m[2] === '0' ? undefined : `${m[1]}${Number(m[2]) - 1}`;
};

/** `client`, noting every create by the step its Idempotency-Key names. */
function watchCreates(client: DashboardClient): { client: DashboardClient; creates: Creates } {
  const creates: Creates = { sent: new Set(), answered: new Set(), overtaking: [], order: {} };
  const proxy = new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !CREATES.has(String(property))) return value;
      return async (...args: unknown[]) => {
        const m = STEP.exec((args[2] as { idempotencyKey?: string } | undefined)?.idempotencyKey ?? '');
        if (m) {
          const before = predecessor(m[2]!);
          if (before && !creates.answered.has(before)) creates.overtaking.push(m[2]!);
          creates.sent.add(m[2]!);
          (creates.order[m[3]!] ??= []).push(Number(m[4]));
        }
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (m) creates.answered.add(m[2]!);
        return result;
      };
    },
  });
  return { client: proxy, creates };
}

/**
 * Runs `body` with every "started" put of a create step noted: `onPremark` is called for one written while the
 * previous link of its chain was sent and not yet answered — a pre-mark, not a record written before its own request.
 */
async function watchPremarks<T>(creates: Creates, onPremark: (step: string) => void, body: () => Promise<T>): Promise<T> {
  const realPut = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const record = value as { status?: string; step?: string } | undefined;
    const before = record?.step?.startsWith('create-') ? predecessor(record.step) : undefined;
    if (this.name === 'steps' && record?.status === 'started' && before && creates.sent.has(before) && !creates.answered.has(before)) {
      onPremark(record.step!);
    }
    return realPut.call(this, value, key);
  };
  try {
    return await body();
  } finally {
    IDBObjectStore.prototype.put = realPut;
  }
}

describe('chains of creates with pre-marked links', () => {
  it('creates each collection in the backup order, each link after the answer of the one before', async () => {
    const backup = await changedBackup();
    const world = await createWorld('small');
    const { client, creates } = watchCreates(world.client());
    const premarked: string[] = [];
    const result = await watchPremarks(creates, (s) => premarked.push(s), () =>
      runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase() }),
    );
    expect(result.verified, result.differences.join(' ')).to.equal(true);
    expect(premarked.length, 'links pre-marked while the link before them was out').to.be.greaterThan(0);
    expect(creates.overtaking, 'a link sent before the answer of the one before it').to.deep.equal([]);
    const unit = backup.payload.unit;
    const indices = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
    expect(creates.order).to.deep.equal({
      plugin: indices(unit.plugins.length),
      workspace: indices(unit.workspaces.length),
      profile: indices(unit.profiles.length),
    });
    expect(await listedOrder(world.client(), UNIT)).to.deep.equal(orderOf(unit));
    await world.drop();
  });

  it('a run stopped with a link pre-marked "started" but never sent resumes to the backup exactly', async () => {
    const backup = await changedBackup();
    const world = await createWorld('small');
    const database = uniqueDatabase();
    const { client, creates } = watchCreates(world.client());
    const controller = new AbortController();
    let stoppedAt: string | undefined;
    // Stop the run the moment a pre-mark is written: the link it marks is never sent.
    const error = await watchPremarks(
      creates,
      (step) => {
        if (stoppedAt !== undefined) return;
        stoppedAt = step;
        controller.abort();
      },
      () => rejectionOf(runImport(client, backup, PASSWORD, { ...opts, database, signal: controller.signal })),
    );
    expect(error.code).to.equal('ABORTED');
    expect(stoppedAt, 'a link was pre-marked').to.not.equal(undefined);
    expect(creates.sent.has(stoppedAt!), 'the pre-marked link was never sent').to.equal(false);
    const [journal] = await listJournals(database);
    const records = await loadStepRecords(database, journal!.id);
    expect(records.get(stoppedAt!)?.status, 'its record says "started" (it may have been sent)').to.equal('started');
    // Every step recorded done was answered; nothing answered is missing a record.
    for (const [step, r] of records) if (r.status === 'done' && step.startsWith('create-')) expect(creates.answered.has(step), step).to.equal(true);
    for (const step of creates.sent) expect(records.has(step), step).to.equal(true);

    // "Reload": a new client, the journal from IndexedDB.
    const resumed = await resumeImport(world.client(), PASSWORD, { ...opts, database });
    expect(resumed.verified, resumed.differences.join(' ')).to.equal(true);
    expect(normalizeState(await world.state())).to.deep.equal(normalizeState(backup.payload.unit));
    expect(await listedOrder(world.client(), UNIT)).to.deep.equal(orderOf(backup.payload.unit));
    expect(await findUnfinishedImport({ database })).to.equal(undefined);
    await world.drop();
  });
});
