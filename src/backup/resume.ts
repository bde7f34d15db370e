/**
 * What to do with an import that did not finish: find it, resume it, roll it back to the safety snapshot,
 * download the snapshot, or discard the journal.
 */
import type { DashboardClient } from '../api/index.js';
import { BackupError } from '../errors.js';
import { decryptBackupBlob, encryptBackupToBlob } from '../format/index.js';
import type { BackupPayload, Session } from '../schemas.js';
import { normalizeAbort, throwIfAborted } from './abort.js';
import { collectUnit } from './collect.js';
import { countUnit } from './consistency.js';
import { encryptOptions } from './import.js';
import {
  beginJournal,
  dashboardOf,
  deleteJournal,
  listJournals,
  loadJournal,
  loadStepRecords,
  readJournalBlob,
  type BlobName,
  type ImportRecord,
} from './journal.js';
import { takeLease, type Lease } from './lease.js';
import { isUnitLocked, withUnitLock } from './lock.js';
import { parsePayload } from './open.js';
import { finishRestore } from './restore.js';
import { checkPassword, requireAdmin } from './session.js';
import { planConvergence } from './converge.js';
import { findDrift, ReviewNeededError } from './drift.js';
import { backupFilename, buildPayload } from './manifest.js';
import { computePlan, samePlan } from './plan.js';
import type { ImportResult, JournalOptions, RestoreOptions, ResumeOptions, UnfinishedImport } from './types.js';

/** Which journals a call addresses: of `client`'s Dashboard only (every Dashboard's without a client), and `unit`. */
export interface JournalSelection extends JournalOptions {
  unit?: string;
  /**
   * The Dashboard whose journal is meant ({@link DashboardClient.identity}). A journal recorded for another
   * Dashboard is never selected. Without it, the journals of every Dashboard of this origin are candidates.
   */
  client?: DashboardClient;
}

const belongsTo = (r: ImportRecord, client: DashboardClient | undefined): boolean =>
  client === undefined || r.dashboard === dashboardOf(client);

/**
 * The journal for `unit` of `client`'s Dashboard; without a unit, the only such journal (or, if several,
 * `fallbackUnit`'s, else the oldest).
 */
export async function selectJournal(o: JournalSelection, fallbackUnit?: string): Promise<ImportRecord | undefined> {
  const all = (await listJournals(o.database)).filter(
    (r) => belongsTo(r, o.client) && (o.unit === undefined || r.unit === o.unit),
  );
  if (all.length <= 1) return all[0];
  return all.find((r) => r.unit === fallbackUnit) ?? all.sort((a, b) => a.startedAt.localeCompare(b.startedAt))[0];
}

export const nothingToResume = (): BackupError =>
  new BackupError('JOURNAL_UNAVAILABLE', 'There is no unfinished import in this browser to resume or roll back.');

/** The journal read again once its lock is held: another tab may have finished or replaced it since. */
export async function reloadJournal(database: string | undefined, key: string): Promise<ImportRecord> {
  const record = await loadJournal(database, key);
  if (!record) throw nothingToResume();
  return record;
}

/**
 * The unfinished import (or rollback) recorded in this browser for `unit` (default: the only one, or the
 * oldest), or undefined. Reads IndexedDB only.
 * @throws BackupError JOURNAL_UNAVAILABLE when IndexedDB cannot be read or the journal is damaged.
 */
export async function findUnfinishedImport(o: JournalSelection = {}): Promise<UnfinishedImport | undefined> {
  const record = await selectJournal(o);
  return record && describeJournal(o.database, record);
}

/**
 * The unfinished imports this browser holds for Dashboards other than `o.client`'s (or recorded by version 1 of
 * this module, whose Dashboard is unknown: `dashboard` undefined), so they can be listed — never resumed, rolled
 * back or discarded through `o.client`. Reads IndexedDB only.
 * @throws BackupError JOURNAL_UNAVAILABLE.
 */
export async function findOtherUnfinishedImports(o: JournalOptions & { client: DashboardClient }): Promise<UnfinishedImport[]> {
  const others = (await listJournals(o.database)).filter((r) => !belongsTo(r, o.client));
  return Promise.all(others.map((r) => describeJournal(o.database, r)));
}

/** What {@link findUnfinishedImport} reports about `record`. */
async function describeJournal(database: string | undefined, record: ImportRecord): Promise<UnfinishedImport> {
  const records = [...(await loadStepRecords(database, record.id)).values()];
  return {
    ...(record.dashboard !== undefined ? { dashboard: record.dashboard } : {}),
    unit: record.target,
    mode: record.mode,
    status: record.status,
    startedAt: record.startedAt,
    source: record.source,
    steps: {
      total: record.steps.filter((id) => !id.startsWith('gate-')).length,
      done: records.filter((r) => r.status === 'done').length,
      started: records.filter((r) => r.status === 'started').length,
    },
    snapshotFilename: record.snapshotFilename,
    busy: await isUnitLocked(database, record.key),
  };
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
  const drift = findDrift(current, base!.unit, source!.unit);
  if (drift.length > 0) {
    const plan = await computePlan(current, target!, old.target, origin);
    if (!o.expectedPlan || !samePlan(o.expectedPlan, plan)) throw new ReviewNeededError(plan, drift);
  }
  const convergence = planConvergence(current, target!.unit);
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
