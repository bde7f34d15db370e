/**
 * The fault-injection scenario shared by the fault test files: a world holding `prepare`d content, one scripted
 * fault, an import that either completes by retrying or stops with its journal intact, then a "reload" (a new
 * client resuming from IndexedDB), and finally the unit compared with the backup.
 */
import { expect } from '@open-wc/testing';
import { exportUnit, findUnfinishedImport, openBackup, resumeImport, runImport, type OpenedBackup } from '../../src/backup/index.js';
import {
  PASSWORD,
  TEST_ITERATIONS,
  buildTinyUnit,
  createPrng,
  createWorld,
  normalizeState,
  runLimited,
  uniqueDatabase,
  type FaultRule,
  type Seed,
  type World,
} from './helpers.js';

export interface FaultCase {
  seed: Seed;
  prepare?: (world: World) => Promise<void>;
  backup: OpenedBackup;
  fault: FaultRule;
}

/** How a case ended. */
export type FaultOutcome = 'completed' | 'resumed';

/** Runs one fault case and checks its end state; returns how the import got there. */
export async function runFaultCase(c: FaultCase): Promise<FaultOutcome> {
  const label = JSON.stringify(c.fault);
  const world = await createWorld(c.seed);
  await c.prepare?.(world);
  const database = uniqueDatabase();
  await world.faults({ retryAfter: 0, ...c.fault });
  const options = { iterations: TEST_ITERATIONS, reload: false as const, database, stepRetries: 0, confirmOtherUnit: true };
  let outcome: FaultOutcome = 'completed';
  try {
    const result = await runImport(world.client(), c.backup, PASSWORD, options);
    expect(result.verified, label).to.equal(true);
  } catch (error) {
    expect((error as { code?: string }).code, `${label}: ${(error as Error).message}`).to.equal('IMPORT_INCOMPLETE');
    const journal = await findUnfinishedImport({ database });
    expect(journal?.status, label).to.equal('running');
    await world.clearFaults();
    // "Reload": a new client and the journal from IndexedDB.
    const result = await resumeImport(world.client(), PASSWORD, options);
    expect(result.verified, `${label}: ${result.differences.join(' ')}`).to.equal(true);
    outcome = 'resumed';
  }
  // Equal to the backup as multisets: no duplicate, nothing lost.
  expect(normalizeState(await world.state()), label).to.deep.equal(normalizeState(c.backup.payload.unit));
  expect(await findUnfinishedImport({ database }), label).to.equal(undefined);
  return outcome;
}

/**
 * The backup of the tiny unit (helpers.ts) and the number of mutating requests importing it over the same
 * content takes (every position a fault can hit).
 */
export async function prepareTinyMatrix(): Promise<{ backup: OpenedBackup; positions: number }> {
  const master = await createWorld('empty');
  await buildTinyUnit(master.client());
  const backup = await openBackup((await exportUnit(master.client(), PASSWORD, { iterations: TEST_ITERATIONS })).blob, PASSWORD);
  await master.clearLog();
  await runImport(master.client(), backup, PASSWORD, { iterations: TEST_ITERATIONS, reload: false, database: uniqueDatabase() });
  return { backup, positions: (await master.mutations()).length };
}

/**
 * Runs `kind` × before/after × every position of the tiny import, 4 cases at a time, and checks how each ended:
 * the client retries 503, 429 and dropped connections (POSTs under their Idempotency-Key), so those complete in
 * one go; a 500 is not retried (stepRetries 0), so those stop with the journal intact and are resumed.
 */
export async function runTinyMatrix(kinds: FaultRule['kind'][]): Promise<void> {
  const { backup, positions } = await prepareTinyMatrix();
  expect(positions).to.equal(15);
  const cases: FaultRule[] = [];
  for (const kind of kinds) {
    for (const when of ['before', 'after'] as const) {
      for (let nth = 1; nth <= positions; nth++) cases.push({ kind, when, nth });
    }
  }
  const outcomes = await runLimited(
    cases.map((fault) => () => runFaultCase({ seed: 'empty', prepare: (w) => buildTinyUnit(w.client()), backup, fault })),
    4,
  );
  cases.forEach((c, i) => {
    expect(outcomes[i], JSON.stringify(c)).to.equal(c.kind === '500' ? 'resumed' : 'completed');
  });
}

/** Seed of the random fault positions; change it to explore others. */
export const RANDOM_MATRIX_SEED = 20261128;
/** Imports of the `small` seed in the random matrix, and faults armed in each: 10 × 5 = 50 random positions. */
export const RANDOM_RUNS = 10;
export const FAULTS_PER_RUN = 5;

/**
 * Runs `from`…`to - 1` of {@link RANDOM_RUNS} imports of the `small` seed (about 220 mutating requests each),
 * each with {@link FAULTS_PER_RUN} seeded random faults (kind, timing, distinct positions; some repeated so they
 * outlast the client's retries). The faults stay armed while the import is resumed, so a resume can itself be
 * interrupted: the test "reloads" (new client, resumeImport) until the import completes. Five faults per import
 * instead of one keeps 50 positions affordable (each import costs ~400 requests).
 * @returns the number of resumes each run needed.
 */
export async function runRandomMatrix(from: number, to: number): Promise<number[]> {
  const master = await createWorld('small');
  const backup = await openBackup((await exportUnit(master.client(), PASSWORD, { iterations: TEST_ITERATIONS })).blob, PASSWORD);
  await master.clearLog();
  await runImport(master.client(), backup, PASSWORD, { iterations: TEST_ITERATIONS, reload: false, database: uniqueDatabase() });
  const positions = (await master.mutations()).length;
  expect(positions).to.be.greaterThan(100);
  const random = createPrng(RANDOM_MATRIX_SEED);
  const kinds = ['500', '503', '429', 'drop'] as const;
  const runs: FaultRule[][] = Array.from({ length: RANDOM_RUNS }, () => {
    const nths = new Set<number>();
    while (nths.size < FAULTS_PER_RUN) nths.add(1 + Math.floor(random() * positions));
    return [...nths].map((nth) => ({
      kind: kinds[Math.floor(random() * kinds.length)]!,
      when: random() < 0.5 ? ('before' as const) : ('after' as const),
      nth,
      times: random() < 0.25 ? 6 : 1,
      retryAfter: 0,
    }));
  });
  return runLimited(runs.slice(from, to).map((rules) => () => runMultiFaultCase(backup, rules)), 3);
}

/** One import of `backup` over the `small` seed with `rules` armed throughout; resumes until done. */
async function runMultiFaultCase(backup: OpenedBackup, rules: FaultRule[]): Promise<number> {
  const label = JSON.stringify(rules.map((r) => `${r.kind}/${r.when}@${r.nth}${r.times === 6 ? '×6' : ''}`));
  const world = await createWorld('small');
  const database = uniqueDatabase();
  await world.faults(...rules);
  const options = { iterations: TEST_ITERATIONS, reload: false as const, database, stepRetries: 0 };
  let resumes = 0;
  let result;
  try {
    result = await runImport(world.client(), backup, PASSWORD, options);
  } catch (error) {
    expect((error as { code?: string }).code, `${label}: ${(error as Error).message}`).to.equal('IMPORT_INCOMPLETE');
  }
  while (!result) {
    // Each failed attempt consumed at least one firing of a rule.
    expect(resumes, `${label}: too many resumes`).to.be.at.most(rules.reduce((n, r) => n + (r.times ?? 1), 0));
    expect((await findUnfinishedImport({ database }))?.status, label).to.equal('running');
    resumes += 1;
    try {
      // "Reload": a new client and the journal from IndexedDB; the remaining faults stay armed.
      result = await resumeImport(world.client(), PASSWORD, options);
    } catch (error) {
      expect((error as { code?: string }).code, `${label}: ${(error as Error).message}`).to.equal('IMPORT_INCOMPLETE');
    }
  }
  expect(result.verified, `${label}: ${result.differences.join(' ')}`).to.equal(true);
  expect(normalizeState(await world.state()), label).to.deep.equal(normalizeState(backup.payload.unit));
  expect(await findUnfinishedImport({ database }), label).to.equal(undefined);
  return resumes;
}
