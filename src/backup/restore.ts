/**
 * The part of import, resume and rollback that is the same for all three: run the journaled steps, read the unit
 * back, compare it with what was restored, and — only when it matches — delete the journal and the safety
 * snapshot and call the reload hook.
 */
import type { DashboardClient } from '../api/index.js';
import type { OrderedCollection } from '../api/client.js';
import type { UnitState, Workspace } from '../schemas.js';
import { BackupError } from '../errors.js';
import { normalizeAbort, throwIfAborted } from './abort.js';
import { collectUnit } from './collect.js';
import { findDifferenceFacts } from './compare.js';
import { describeDifference } from './describe.js';
import { countUnit } from './consistency.js';
import { executeSteps, type PerformStep } from './execute.js';
import type { Lease } from './lease.js';
import { createStepWriter, deleteJournal, setJournalStatus, type ImportRecord, type StepRecord } from './journal.js';
import { createPerformer } from './perform.js';
import type { Step } from './steps.js';
import type { ImportResult, RestoreOptions } from './types.js';

/** Everything a run needs once its journal exists. */
export interface RestoreRun {
  client: DashboardClient;
  record: ImportRecord;
  base: UnitState;
  source: UnitState;
  /** What the unit must equal in the end, when more than `source` (a converging run creates only what is missing). */
  target?: UnitState;
  steps: Step[];
  records: Map<string, StepRecord>;
  /** Target workspace id → live id of a workspace a converging run adopted (profiles it creates link to it). */
  adoptedWorkspaces?: Map<string, string>;
  /** Live ids of the entities kept at the head of each collection (a reorder step lists them first). */
  kept?: Partial<Record<OrderedCollection, string[]>>;
  /**
   * Workspaces known in full, by id, that verification need not read back when listed unchanged (collect.ts): the
   * ones this page creates are added as their creates are answered.
   */
  knownWorkspaces?: Map<string, Workspace>;
  /** The Dashboard's restore lock (lease.ts): checked before the first write and the create phase, held per step. */
  lease?: Lease;
}

/** `perform`, refusing every step once the lease is lost, and renewing it once before the first create. */
function guardedPerform(perform: PerformStep, lease: Lease | undefined): PerformStep {
  if (!lease?.supported) return perform;
  let createPhase: Promise<void> | undefined;
  return async (step, how) => {
    lease.assertHeld();
    if (step.phase === 'create') await (createPhase ??= lease.check(how.signal));
    return perform(step, how);
  };
}

/** Calls the reload hook: default `location.reload()`, `false` none, a function instead. */
export function callReload(reload: RestoreOptions['reload']): void {
  if (reload === false) return;
  if (typeof reload === 'function') reload();
  else globalThis.location?.reload(); // none outside a browser (a Node.js script)
}

/**
 * Reads the unit back for verification. Every step is done and journaled by now, so a failed read loses nothing:
 * it is reported as IMPORT_INCOMPLETE, like a failed step, and a resume only verifies again.
 */
async function readBack(
  client: DashboardClient,
  unit: string,
  signal: AbortSignal | undefined,
  knownWorkspaces: ReadonlyMap<string, Workspace>,
): Promise<UnitState> {
  try {
    return await collectUnit(client, unit, { ...(signal ? { signal } : {}), knownWorkspaces });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new BackupError(
      'IMPORT_INCOMPLETE',
      'Every change was made, but reading the unit back to verify it failed. Nothing is lost: resume to verify again, or roll back to the safety snapshot.',
      { cause: error },
    );
  }
}

/**
 * Runs the remaining steps of `run`, then verifies.
 *
 * Verification reads the whole unit back — every list and plugin; of the workspaces, those this page does not know
 * in full from a create's answer (no route changes a workspace in place, so the answer is what stands) — and compares
 * it with the source ignoring server ids. When they match,
 * the journal and the safety snapshot are deleted and the reload hook runs. When they differ, the differences are
 * returned (`verified: false`), the journal is marked `unverified` and the snapshot is kept, so the admin can
 * read them, then roll back or discard; the reload hook is not called, so the page can show them.
 * @throws BackupError IMPORT_INCOMPLETE (journal intact: resume or roll back), ABORTED, JOURNAL_UNAVAILABLE.
 */
export async function finishRestore(run: RestoreRun, o: RestoreOptions): Promise<ImportResult> {
  const { client, record, signal } = { ...run, signal: o.signal };
  try {
    await run.lease?.check(signal);
    const seenWorkspaces = run.knownWorkspaces ?? new Map<string, Workspace>();
    const perform = guardedPerform(
      await createPerformer({ ...run, unit: record.unit, seenWorkspaces, ...(signal ? { signal } : {}) }),
      run.lease,
    );
    await executeSteps({
      journalId: record.id,
      steps: run.steps,
      records: run.records,
      perform,
      writer: createStepWriter(o.database),
      ...(o.concurrency !== undefined ? { concurrency: o.concurrency } : {}),
      ...(o.stepRetries !== undefined ? { retries: o.stepRetries } : {}),
      ...(signal ? { signal } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    throwIfAborted(signal);
    o.onProgress?.({ phase: 'verify', done: 0, total: 1 });
    const after = await readBack(client, record.unit, signal, seenWorkspaces);
    const differenceFacts = await findDifferenceFacts(after, run.target ?? run.source);
    o.onProgress?.({ phase: 'verify', done: 1, total: 1 });
    if (differenceFacts.length > 0) {
      await setJournalStatus(o.database, record.key, 'unverified');
      return { counts: countUnit(after), differences: differenceFacts.map(describeDifference), differenceFacts, verified: false };
    }
    await deleteJournal(o.database, record.key);
    o.onProgress?.({ phase: 'done', done: 1, total: 1 });
    callReload(o.reload);
    return { counts: countUnit(after), differences: [], differenceFacts: [], verified: true };
  } catch (error) {
    throw normalizeAbort(error, signal);
  }
}
