/**
 * What to do with an import that did not finish: find it, resume it, roll it back to the safety snapshot,
 * download the snapshot, or discard the journal.
 */
import type { DashboardClient } from '../api/index.js';
import { BackupError } from '../errors.js';
import { decryptBackupBlob, encryptBackupToBlob } from '../worker/index.js';
import type { BackupPayload, Session } from '../schemas.js';
import { normalizeAbort, throwIfAborted } from './abort.js';
import { collectUnit } from './collect.js';
import { countUnit } from './consistency.js';
import { encryptOptions } from './import.js';
import {
  beginJournal,
  deleteJournal,
  loadJournal,
  readJournalBlob,
  type BlobName,
  type ImportRecord,
} from './journal.js';
import { takeLease, type Lease } from './lease.js';
import { withUnitLock } from './lock.js';
import { parsePayload } from './open.js';
import { finishRestore } from './restore.js';
import { checkPassword, requireAdmin } from './session.js';
import { planConvergence } from './converge.js';
import { findDriftItems, ReviewNeededError } from './drift.js';
import { backupFilename, buildPayload } from './manifest.js';
import { computePlan, samePlan } from './plan.js';
import type { ImportResult, RestoreOptions, ResumeOptions } from './types.js';
import { selectJournal, type JournalSelection } from './unfinished.js';

// Finding an unfinished import lives apart (the element's first step needs it, not the rest of this file).
export { findOtherUnfinishedImports, findUnfinishedImport, selectJournal, type JournalSelection } from './unfinished.js';

export const nothingToResume = (): BackupError =>
  new BackupError('JOURNAL_UNAVAILABLE', 'There is no unfinished import in this browser to resume or roll back.');

/** The journal read again once its lock is held: another tab may have finished or replaced it since. */
export async function reloadJournal(database: string | undefined, key: string): Promise<ImportRecord> {
  const record = await loadJournal(database, key);
  if (!record) throw nothingToResume();
  return record;
}


/** Decrypts and validates one of the journal's blobs. */
export async function readPayload(o: RestoreOptions, record: ImportRecord, name: BlobName, password: string): Promise<BackupPayload> {
  const blob = await readJournalBlob(o.database, record.key, name);
  return await parsePayload(await decryptBackupBlob(blob, password, { ...(o.signal ? { signal: o.signal } : {}) }));
}

/**
 * Brings the unit from what it is now to the target of `old` — its backup (`mode` import) or its safety snapshot
 * (`mode` rollback) — without replaying anything: reads the unit, checks that the journal accounts for everything
 * in it (else ReviewNeededError with the preview, unless `o.expectedPlan` equals it), stores the unit as it is now
 * (a fresh safety snapshot) with a new journal, and runs only what is left (converge.ts).
 */
async function converge(client: DashboardClient, old: ImportRecord, mode: ImportRecord['mode'], password: string, o: ResumeOptions): Promise<ImportResult> {
  const { session: admin } = await requireAdmin(client, old.unit, o.signal);
  // The same owner as the run it continues: a resume in this browser takes over its own lock at once.
  const lockOwner = old.lockOwner ?? crypto.randomUUID();
  const lease = await takeLease(client, old.unit, lockOwner, admin.user.name, o.signal);
  try {
    return await convergeLeased(client, old, mode, password, o, admin, { lease, lockOwner });
  } finally {
    await lease.release();
  }
}

/** The rest of {@link converge}, holding the Dashboard's restore lock where it offers one. */
async function convergeLeased(
  client: DashboardClient,
  old: ImportRecord,
  mode: ImportRecord['mode'],
  password: string,
  o: ResumeOptions,
  admin: Session,
  { lease, lockOwner }: { lease: Lease; lockOwner: string },
): Promise<ImportResult> {
  const { signal } = o;
  o.onProgress?.({ phase: 'decrypt', done: 0, total: 1 });
  const targetBlob: BlobName = mode === 'rollback' ? 'snapshot' : old.sourceBlob;
  const [target, base, source] = await Promise.all(
    [targetBlob, old.baseBlob, old.sourceBlob].map((name) => readPayload(o, old, name, password)),
  );
  o.onProgress?.({ phase: 'decrypt', done: 1, total: 1 });
  const current = await collectUnit(client, old.unit, { ...(signal ? { signal } : {}) });
  throwIfAborted(signal);
  o.onProgress?.({ phase: 'plan', done: 0, total: 1 });
  const origin = o.origin ?? location.origin;
  const drift = findDriftItems(current, base!.unit, source!.unit);
  if (drift.length > 0) {
    const plan = await computePlan(current, target!, old.target, origin);
    if (!o.expectedPlan || !samePlan(o.expectedPlan, plan)) throw new ReviewNeededError(plan, drift);
  }
  const convergence = await planConvergence(current, target!.unit);
  o.onProgress?.({ phase: 'plan', done: 1, total: 1 });
  const now = new Date();
  const fresh = await encryptBackupToBlob(buildPayload(current, old.target, admin.user, origin, now), password, encryptOptions(o));
  const record: ImportRecord = {
    ...old,
    id: crypto.randomUUID(),
    mode,
    status: 'running',
    ...(mode !== old.mode ? { startedAt: now.toISOString() } : {}),
    source:
      mode === 'rollback'
        ? { unit: target!.manifest.unit, createdAt: target!.manifest.createdAt, counts: countUnit(target!.unit) }
        : old.source,
    sourceBlob: targetBlob,
    baseBlob: 'base',
    freshSnapshotFilename: backupFilename(old.target.name, now, 'before-resume'),
    lockOwner,
    steps: convergence.steps.map((s) => s.id),
  };
  await beginJournal(o.database, record, { base: fresh }, old);
  const { base: wipe, source: create, steps, adoptedWorkspaces } = convergence;
  // The workspaces read here that it adopts stand unchanged at the end: verification takes them as read.
  const knownWorkspaces = new Map(current.workspaces.map((w) => [w.id, w]));
  const run = { client, record, base: wipe, source: create, target: target!.unit, steps, records: new Map(), adoptedWorkspaces, lease, knownWorkspaces };
  return await finishRestore(run, o);
}

/**
 * Continues the unfinished import (or rollback) of `o.unit` (default: the only one, or the session's unit) from
 * where its journal stopped. Steps that were started but not seen to finish are reconciled with the server, so
 * nothing is created twice. Nothing is sent before the stored backup decrypts with `password`.
 * @throws BackupError JOURNAL_UNAVAILABLE (none or damaged), NOT_ADMIN, IMPORT_INCOMPLETE (stopped again),
 *   IMPORT_RUNNING (running in another tab), ABORTED; FormatError WRONG_PASSWORD; HttpError.
 */
export async function resumeImport(client: DashboardClient, password: string, o: ResumeOptions = {}): Promise<ImportResult> {
  checkPassword(password);
  try {
    o.onProgress?.({ phase: 'preflight', done: 0, total: 1 });
    const session = o.unit === undefined ? await client.getSession({ ...(o.signal ? { signal: o.signal } : {}) }) : undefined;
    const found = await selectJournal({ ...o, client }, session?.unit.id);
    if (!found) throw nothingToResume();
    return await withUnitLock(o.database, found.key, async () => {
      const record = await reloadJournal(o.database, found.key);
      o.onProgress?.({ phase: 'preflight', done: 1, total: 1 });
      return converge(client, record, record.mode, password, o);
    });
  } catch (error) {
    throw normalizeAbort(error, o.signal);
  }
}

/**
 * Rolls the unit back to the safety snapshot taken before the unfinished import: wipes what is there now and
 * recreates the snapshot, with its own journal (so a rollback can itself be resumed). Then clears the journal.
 * Called on a rollback that stopped, it continues it; on one whose read-back differed, it rolls back again.
 * @throws like {@link resumeImport}.
 */
export async function rollbackImport(client: DashboardClient, password: string, o: ResumeOptions = {}): Promise<ImportResult> {
  checkPassword(password);
  const { signal } = o;
  try {
    o.onProgress?.({ phase: 'rollback', done: 0, total: 1 });
    const session = o.unit === undefined ? await client.getSession({ ...(signal ? { signal } : {}) }) : undefined;
    const found = await selectJournal({ ...o, client }, session?.unit.id);
    if (!found) throw nothingToResume();
    return await withUnitLock(o.database, found.key, async () =>
      converge(client, await reloadJournal(o.database, found.key), 'rollback', password, o),
    );
  } catch (error) {
    throw normalizeAbort(error, signal);
  }
}

/**
 * The encrypted safety snapshot of the unfinished import (same password as the import), for download: by default
 * the one taken before the import (what a rollback restores); with `fresh: true`, the one the last resume or
 * rollback took of the unit as it found it (undefined when none ran).
 */
export async function getSafetySnapshot(o: JournalSelection & { fresh?: boolean } = {}): Promise<{ blob: Blob; filename: string } | undefined> {
  const record = await selectJournal(o);
  if (!record) return undefined;
  if (o.fresh) {
    if (record.freshSnapshotFilename === undefined) return undefined;
    return { blob: await readJournalBlob(o.database, record.key, 'base'), filename: record.freshSnapshotFilename };
  }
  return { blob: await readJournalBlob(o.database, record.key, 'snapshot'), filename: record.snapshotFilename };
}

/**
 * Forgets the unfinished import of `o.unit` (default: the only one): deletes its journal and its safety
 * snapshot. The unit is left as it is. Offer the snapshot for download first.
 * @throws BackupError IMPORT_RUNNING while the import is running (resumed or rolled back) in another tab;
 *   JOURNAL_UNAVAILABLE.
 */
export async function discardUnfinishedImport(o: JournalSelection = {}): Promise<void> {
  const record = await selectJournal(o);
  if (record) await withUnitLock(o.database, record.key, () => deleteJournal(o.database, record.key));
}
