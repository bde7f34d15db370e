/**
 * The fault-injection scenarios shared by the fault test files. One case = a fresh world holding `prepare`d
 * content, ONE scripted fault (a kind, before or after the change is applied, at the n-th mutating request), an
 * import that either completes by retrying or stops with its journal intact, then a "reload" (a new client calling
 * resumeImport, which reads the journal from IndexedDB), and finally the unit compared with the backup.
 */
import { expect } from '@open-wc/testing';
import {
  exportUnit,
  findUnfinishedImport,
  getSafetySnapshot,
  openBackup,
  resumeImport,
  rollbackImport,
  runImport,
  type OpenedBackup,
} from '../../src/backup/index.js';
import { createPrng } from '../../server/prng.js';
import { before, describe, it } from '../mocha.js';
import { FAST_RETRY, UNIT, createWorld, mutations, type FaultRule, type LogEntry, type Seed, type World } from '../world.js';
import {
  PASSWORD,
  TEST_ITERATIONS,
  buildTinyUnit,
  forgetIdempotencyKeys,
  normalizeState,
  runLimited,
  uniqueDatabase,
  unlikeItsUnit,
} from './helpers.js';

/** The fault kinds of the issue: 500, 503, 429 and a dropped connection. */
export const FAULT_KINDS = ['500', '503', '429', 'drop'] as const;

export interface FaultCase {
  seed: Seed;
  prepare?: (world: World) => Promise<void>;
  backup: OpenedBackup;
  /** Mutating requests of this import without faults (= its non-gate steps: one request each). */
  positions: number;
  fault: FaultRule;
  /** After the stop, the server forgets the import's Idempotency-Keys ({@link forgetIdempotencyKeys}). */
  forgetKeys?: boolean;
}

/** How a case ended: in one go (the client or engine retried), or stopped and resumed after a "reload". */
export type FaultOutcome = 'completed' | 'resumed';

const IMPORT_OPTIONS = { iterations: TEST_ITERATIONS, reload: false as const, stepRetries: 0, confirmOtherUnit: true };

/** A mutating request that ended its step successfully: 2xx, or a 404 that the wipe counts as done. */
const succeeded = (e: LogEntry): boolean => (e.status >= 200 && e.status < 300) || (e.status === 404 && e.method !== 'POST');

/**
 * Checks that the scripted fault fired where it was aimed: the `nth` mutating request carries it, and it fired
 * at least once and at most `times` times (faults are cleared when an import stops, so a burst may be cut short).
 */
function expectFaultFired(log: LogEntry[], fault: FaultRule, label: string): void {
  const writes = mutations(log);
  expect(writes[fault.nth! - 1]?.fault, `${label}: the fault is at its position`).to.equal(fault.kind);
  const fired = writes.filter((e) => e.fault).length;
  expect(fired, `${label}: times fired`).to.be.within(1, fault.times ?? 1);
}

/**
 * Checks that a stopped import left an exact journal: an import record in `running` state with every step of the
 * plan, each step the server answered successfully recorded `done`, and the failed step(s) recorded `started`
 * (not lost, not marked done), so a resume knows exactly what may have reached the server.
 */
export async function expectJournalIntact(world: World, database: string, positions: number, label: string): Promise<void> {
  const journal = await findUnfinishedImport({ database });
  expect(journal, `${label}: journal kept`).to.not.equal(undefined);
  expect(journal!.unit.id, label).to.equal(UNIT);
  expect(journal!.status, label).to.equal('running');
  expect(journal!.steps.total, `${label}: steps in the journal`).to.equal(positions);
  expect(journal!.steps.started, `${label}: failed step(s) recorded as started`).to.be.at.least(1);
  expect(journal!.steps.done, `${label}: done steps = requests that succeeded`).to.equal(mutations(await world.log()).filter(succeeded).length);
  expect(journal!.steps.done + journal!.steps.started, label).to.be.below(positions + 1);
}

/** Runs one fault case and checks its end state; returns how the import got there. */
export async function runFaultCase(c: FaultCase): Promise<FaultOutcome> {
  const label = JSON.stringify(c.fault);
  const world = await createWorld(c.seed);
  await c.prepare?.(world);
  await world.clearLog();
  const database = uniqueDatabase();
  const options = { ...IMPORT_OPTIONS, database };
  await world.faults({ retryAfter: 0, ...c.fault });
  let outcome: FaultOutcome = 'completed';
  try {
    const result = await runImport(world.client(), c.backup, PASSWORD, options);
    expect(result.verified, `${label}: ${result.differences.join(' ')}`).to.equal(true);
    expectFaultFired(await world.log(), c.fault, label);
  } catch (error) {
    expect((error as { code?: string }).code, `${label}: ${(error as Error).message}`).to.equal('IMPORT_INCOMPLETE');
    expectFaultFired(await world.log(), c.fault, label);
    await expectJournalIntact(world, database, c.positions, label);
    // The fault was transient; then the page is reloaded: a new client, the journal read from IndexedDB.
    await world.clearFaults();
    if (c.forgetKeys) await forgetIdempotencyKeys(database);
    const result = await resumeImport(world.client(), PASSWORD, options);
    expect(result.verified, `${label}: ${result.differences.join(' ')}`).to.equal(true);
    outcome = 'resumed';
  }
  // Equal to the backup as multisets (ignoring server ids): no duplicate, nothing lost.
  expect(normalizeState(await world.state()), label).to.deep.equal(normalizeState(c.backup.payload.unit));
  expect(await findUnfinishedImport({ database }), label).to.equal(undefined);
  await world.drop();
  return outcome;
}

/** Exports the unit a prepared world holds, and counts the mutating requests of importing it over the same content. */
async function prepareBackup(seed: Seed, prepare?: (world: World) => Promise<void>): Promise<{ backup: OpenedBackup; positions: number }> {
  const master = await createWorld(seed);
  await prepare?.(master);
  // Changed in every entity, so the import keeps nothing and every wipe and create position is there to fault.
  const backup = unlikeItsUnit(await openBackup((await exportUnit(master.client(), PASSWORD, { iterations: TEST_ITERATIONS })).blob, PASSWORD));
  await master.clearLog();
  const result = await runImport(master.client(), backup, PASSWORD, { ...IMPORT_OPTIONS, database: uniqueDatabase() });
  expect(result.verified).to.equal(true);
  const positions = (await master.mutations()).length;
  await master.drop();
  return { backup, positions };
}

const tinyPrepare = (w: World): Promise<void> => buildTinyUnit(w.client());

/** Faults in a row of an outage: more than every retry of the client and the engine together. */
export const OUTAGE = 1000;

/**
 * Runs `kinds` × before/after × every mutating position of the tiny import (15 requests: 6 deletes, 9 creates),
 * 4 cases at a time, and checks how each ended. One fault: the client retries 503, 429 and dropped connections
 * (POSTs under their Idempotency-Key), so those complete in one go; a 500 is not retried (stepRetries 0), so those
 * stop with the journal intact and are resumed. With `outage`, every write from the position on fails (applied
 * first, for `after`), so every kind stops the import — with all the steps in flight unanswered — and is resumed;
 * for `after`, the server has also forgotten the Idempotency-Keys by then, so the resume can only find what was
 * applied by natural keys.
 * @returns the number of cases run.
 */
export async function runTinyMatrix(kinds: readonly FaultRule['kind'][], o: { outage?: boolean } = {}): Promise<number> {
  const { backup, positions } = await prepareBackup('empty', tinyPrepare);
  expect(positions).to.equal(15);
  const cases: FaultRule[] = [];
  for (const kind of kinds) {
    for (const when of ['before', 'after'] as const) {
      for (let nth = 1; nth <= positions; nth++) cases.push({ kind, when, nth, ...(o.outage ? { times: OUTAGE } : {}) });
    }
  }
  const outcomes = await runLimited(
    cases.map((fault) => () =>
      runFaultCase({ seed: 'empty', prepare: tinyPrepare, backup, positions, fault, forgetKeys: o.outage && fault.when === 'after' }),
    ),
    4,
  );
  cases.forEach((c, i) => {
    expect(outcomes[i], JSON.stringify(c)).to.equal(c.kind === '500' || o.outage ? 'resumed' : 'completed');
  });
  return cases.length;
}

/** Seed of the random fault positions; change it to explore others. */
export const RANDOM_MATRIX_SEED = 20261128;
/** Distinct random positions of the `small` import, one fault each (one import each). */
export const RANDOM_POSITIONS = 50;
/** A burst this long outlasts the test client's retries, so even a retryable kind can stop the import. */
export const BURST = FAST_RETRY.retries + 1;

/**
 * The seeded random faults: {@link RANDOM_POSITIONS} distinct positions among `positions` mutating requests, each
 * with a random kind and timing; a quarter of the retryable ones are bursts of {@link BURST}. The same draw in
 * every file, so the files together cover exactly these 50.
 */
export function drawRandomFaults(positions: number): FaultRule[] {
  const random = createPrng(RANDOM_MATRIX_SEED);
  const nths = new Set<number>();
  while (nths.size < RANDOM_POSITIONS) nths.add(1 + Math.floor(random() * positions));
  return [...nths].map((nth) => {
    const kind = FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)]!;
    const when = random() < 0.5 ? ('before' as const) : ('after' as const);
    const burst = kind !== '500' && random() < 0.25;
    return { kind, when, nth, ...(burst ? { times: BURST } : {}) };
  });
}

/** What every random case needs: the `small` backup, its import's mutating requests, and the 50 faults. */
export interface RandomMatrix {
  backup: OpenedBackup;
  positions: number;
  faults: FaultRule[];
}

/** Exports the `small` seed, counts the mutating requests of importing it over itself, and draws the faults. */
export async function prepareRandomMatrix(): Promise<RandomMatrix> {
  const { backup, positions } = await prepareBackup('small');
  expect(positions).to.be.greaterThan(100);
  const faults = drawRandomFaults(positions);
  expect(new Set(faults.map((f) => f.nth)).size).to.equal(RANDOM_POSITIONS);
  expect(new Set(faults.map((f) => `${f.kind}/${f.when}`)).size, 'every kind, before and after').to.equal(8);
  return { backup, positions, faults };
}

/**
 * Runs random case `i` of {@link RANDOM_POSITIONS}: one seeded fault in an import of the `small` seed over itself
 * (about 220 mutating requests), in its own world, checked on its own (see {@link runFaultCase}). A 500 must stop
 * the import and a single 503/429/drop must be absorbed by the client's retries; a burst may end either way.
 */
export async function runRandomCase(m: RandomMatrix, i: number): Promise<FaultOutcome> {
  const fault = m.faults[i]!;
  const outcome = await runFaultCase({ seed: 'small', backup: m.backup, positions: m.positions, fault });
  if (fault.kind === '500') expect(outcome, JSON.stringify(fault)).to.equal('resumed');
  else if (fault.times === undefined) expect(outcome, JSON.stringify(fault)).to.equal('completed');
  return outcome;
}

/** The tiny unit changed so that it differs from its backup in every section (so a rollback is observable). */
async function prepareChanged(world: World): Promise<void> {
  const client = world.client();
  await buildTinyUnit(client);
  const state = await world.state();
  const provider = state.plugins.find((p) => p.bundle === 'com.example.provider')!;
  await Promise.all([
    client.putKey(UNIT, { key: 'api.url', value: 'https://changed.example', secret: false }),
    client.putKey(UNIT, { key: 'extra.flag', value: 'on', secret: false }),
    client.createProfile(UNIT, { name: 'Night desk', roles: ['user'], workspaces: [state.workspaces[0]!.id] }),
    // provider → consumer closes a mapping cycle (consumer → provider), which the rollback must recreate too
    client.setPluginMappings(UNIT, provider.id, { actions: {}, portals: { back: 'com.example.consumer' } }),
  ]);
}

/**
 * A 500 `when` (before/after) at every mutating position of importing the tiny backup over a changed unit; each import stops
 * with its journal intact, then (after a "reload") is rolled back: the unit must equal the safety snapshot, which
 * must equal the unit as it was before the import, and the journal and snapshot must be gone.
 * @returns the number of cases run.
 */
export async function runRollbackMatrix(when: FaultRule['when']): Promise<number> {
  const { backup } = await prepareBackup('empty', tinyPrepare);
  const probe = await createWorld('empty');
  await prepareChanged(probe);
  await probe.clearLog();
  await runImport(probe.client(), backup, PASSWORD, { ...IMPORT_OPTIONS, database: uniqueDatabase() });
  const positions = (await probe.mutations()).length;
  await probe.drop();
  expect(positions).to.be.greaterThan(15);
  const cases: FaultRule[] = [];
  for (let nth = 1; nth <= positions; nth++) cases.push({ kind: '500', when, nth });
  await runLimited(
    cases.map((fault) => async () => {
      const label = JSON.stringify(fault);
      const world = await createWorld('empty');
      await prepareChanged(world);
      const before = normalizeState(await world.state());
      expect(before, label).to.not.deep.equal(normalizeState(backup.payload.unit));
      await world.clearLog();
      const database = uniqueDatabase();
      await world.faults(fault);
      const error = await runImport(world.client(), backup, PASSWORD, { ...IMPORT_OPTIONS, database }).then(
        () => undefined,
        (e: unknown) => e as { code?: string },
      );
      expect(error?.code, label).to.equal('IMPORT_INCOMPLETE');
      expectFaultFired(await world.log(), fault, label);
      await expectJournalIntact(world, database, positions, label);
      await world.clearFaults();
      const snapshot = await getSafetySnapshot({ database });
      expect(normalizeState((await openBackup(snapshot!.blob, PASSWORD)).payload.unit), label).to.deep.equal(before);
      // "Reload", then roll back.
      const result = await rollbackImport(world.client(), PASSWORD, { ...IMPORT_OPTIONS, database });
      expect(result.verified, `${label}: ${result.differences.join(' ')}`).to.equal(true);
      expect(normalizeState(await world.state()), label).to.deep.equal(before);
      expect(await findUnfinishedImport({ database }), label).to.equal(undefined);
      expect(await getSafetySnapshot({ database }), label).to.equal(undefined);
      await world.drop();
    }),
    4,
  );
  return cases.length;
}

/**
 * Declares the suite of random cases `from`…`to − 1`, one test each (so each is reported and timed out on its own).
 * The 50 are split over faults-random-{a…e}.test.ts so that each file stays around a minute on a busy 2-core machine.
 */
export function describeRandomFaults(from: number, to: number): void {
  describe('faults at seeded random positions of a larger import', () => {
    let matrix: RandomMatrix;
    before(async () => {
      matrix = await prepareRandomMatrix();
    });
    for (let i = from; i < to; i++) {
      it(`random fault ${i + 1} of ${RANDOM_POSITIONS}: completes by retrying, or stops with its journal intact and resumes; the unit equals the backup`, async () => {
        await runRandomCase(matrix, i);
      });
    }
  });
}
