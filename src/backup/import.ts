/** Import: preflight (no mutation), safety snapshot, journal, then wipe and recreate (restore.ts). */
import type { DashboardClient } from '../api/index.js';
import { BackupError, ValidationError } from '../errors.js';
import type { BackupPayload, Session, UnitRef, UnitState } from '../schemas.js';
import { prepareBackupEncryption } from '../worker/index.js';
import { linkAbort, normalizeAbort, throwIfAborted } from './abort.js';
import { collectUnit } from './collect.js';
import { countUnit } from './consistency.js';
import { beginJournal, type ImportRecord } from './journal.js';
import { withNewRestore, type NewRestoreHold } from './hold.js';
import { backupFilename, buildPayload } from './manifest.js';
import { parsePayload } from './open.js';
import { pageOrigin } from './origin.js';
import { computePlan, samePlan, unitBehindPlan } from './plan.js';
import { finishRestore } from './restore.js';
import { checkPassword, offersReorder, requireAdmin } from './session.js';
import { planConvergence } from './converge.js';
import type { ImportOptions, ImportResult, OpenedBackup } from './types.js';

/** Encryption options derived from restore options. */
export const encryptOptions = (o: { iterations?: number; signal?: AbortSignal }) => ({
  ...(o.iterations !== undefined ? { iterations: o.iterations } : {}),
  ...(o.signal ? { signal: o.signal } : {}),
});

/**
 * Replaces the target unit (default: the session's current unit) with the backup.
 *
 * Preflight — sends no mutating request and writes nothing when it fails: password length; admin session; no
 * import, resume or rollback of the unit running in another tab (lock.ts); no unfinished import for the unit; the
 * unit is read and the plan recomputed (PLAN_CHANGED when `expectedPlan` no longer matches); a backup from another
 * unit needs `confirmOtherUnit: true`; dangling references are refused, and so is anything the Dashboard would
 * refuse (UNWRITABLE_BACKUP: see `ImportPlan.unwritable`).
 *
 * Then a safety snapshot of the unit as read in preflight, and the backup itself, are encrypted with `password`
 * and stored with a journal in IndexedDB; the unit is wiped and the backup recreated, every step journaled; the
 * unit is read back and compared (see finishRestore for what happens on a difference).
 *
 * @throws BackupError PASSWORD_TOO_SHORT, NOT_ADMIN, INVALID_OPTIONS, UNIT_MISMATCH, PLAN_CHANGED,
 *   IMPORT_INCOMPLETE (an earlier import is unfinished; or this one stopped — its journal is intact),
 *   IMPORT_RUNNING (an import, resume or rollback of the unit runs in another tab), JOURNAL_UNAVAILABLE, ABORTED;
 *   ValidationError INVALID_BACKUP, NEWER_BACKUP, DANGLING_REFERENCE, UNWRITABLE_BACKUP; HttpError; FormatError.
 */
export async function runImport(
  client: DashboardClient,
  backup: OpenedBackup,
  password: string,
  o: ImportOptions = {},
): Promise<ImportResult> {
  checkPassword(password);
  const { signal, onProgress } = o;
  try {
    const payload = await parsePayload(backup.payload);
    throwIfAborted(signal);
    onProgress?.({ phase: 'preflight', done: 0, total: 1 });
    const { session, target } = await requireAdmin(client, o.unit, signal);
    return await withNewRestore(client, o.database, session, target, signal, (held) =>
      importLeased(client, payload, password, session, target, o, held),
    );
  } catch (error) {
    throw normalizeAbort(error, signal);
  }
}

/** The rest of {@link runImport}, run holding the unit's Web Lock and (where offered) the Dashboard's restore lock. */
async function importLeased(
  client: DashboardClient,
  payload: BackupPayload,
  password: string,
  session: Session,
  target: UnitRef,
  o: ImportOptions,
  held: NewRestoreHold,
): Promise<ImportResult> {
  const { signal, onProgress } = o;
  const { key, dashboard, lease, lockOwner } = held;
  // Both files' key work (PBKDF2 per file), and the backup's own file (its payload is known already), are made while
  // the unit is read: only the snapshot's sealing waits for the read. Stopped, with nothing left unhandled, when the
  // preflight fails; they send nothing.
  const early = linkAbort(signal);
  const snapshotFile = prepareBackupEncryption(password, encryptOptions({ ...o, signal: early.signal }));
  const sourceFile = prepareBackupEncryption(password, encryptOptions({ ...o, signal: early.signal }));
  const sourceSealed = sourceFile.sealToBlob(payload);
  sourceSealed.catch(() => undefined); // awaited below, or abandoned with a failed preflight
  let current: UnitState;
  let snapshotBlob: Blob;
  let sourceBlob: Blob;
  let now: Date;
  try {
    // The unit is read here, holding the restore lock, and this read is what the snapshot keeps and the wipe deletes.
    // The preview's read (planImport) is not reused as such: another admin may have changed the unit since. Only its
    // workspaces stand in for their detail reads where listed unchanged (no route changes a workspace in place).
    const previewed = unitBehindPlan(o.expectedPlan);
    const knownWorkspaces = previewed && o.expectedPlan?.target.id === target.id ? new Map(previewed.workspaces.map((w) => [w.id, w])) : undefined;
    current = await collectUnit(client, target.id, {
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress } : {}),
      ...(knownWorkspaces ? { knownWorkspaces } : {}),
    });
    const origin = pageOrigin(o.origin);
    const plan = await computePlan(current, payload, target, origin);
    if (plan.dangling.length > 0) {
      throw new ValidationError(
        'DANGLING_REFERENCE',
        `This backup refers to ${plan.dangling.length} plugin(s) or workspace(s) it does not contain, so it cannot be restored.`,
        plan.dangling,
      );
    }
    if (plan.unwritable.length > 0) {
      throw new ValidationError(
        'UNWRITABLE_BACKUP',
        `The Dashboard would refuse ${plan.unwritable.length} item(s) of this backup, so nothing was changed (the plan lists them).`,
        plan.unwritable.map((p) => ({ path: [p.in === 'backup' ? 'unit' : 'target', p.section, p.index], message: p.reason })),
      );
    }
    if (!plan.sameUnit && o.confirmOtherUnit !== true) {
      throw new BackupError(
        'UNIT_MISMATCH',
        'This backup was made in another unit. Confirm that you want to replace this unit with it.',
      );
    }
    if (o.expectedPlan && !samePlan(o.expectedPlan, plan)) {
      throw new BackupError('PLAN_CHANGED', 'The unit changed since the preview was made. Review the new preview and confirm again.');
    }
    onProgress?.({ phase: 'preflight', done: 1, total: 1 });
    throwIfAborted(signal);

    onProgress?.({ phase: 'snapshot', done: 0, total: 1 });
    now = new Date();
    const snapshot = buildPayload(current, target, session.user, origin, now);
    [snapshotBlob, sourceBlob] = await Promise.all([snapshotFile.sealToBlob(snapshot), sourceSealed]);
  } catch (error) {
    early.abort();
    snapshotFile.cancel();
    sourceFile.cancel();
    throw error;
  }
  throwIfAborted(signal);
  // What already stands as the backup wants (in place, with what it references) is kept, as a resume would
  // (converge.ts); the rest is wiped and created. The journal's blobs stay the whole unit and the whole backup.
  const { base, source, steps, adoptedWorkspaces, kept } = await planConvergence(current, payload.unit, { reorder: offersReorder(session, client) });
  const record: ImportRecord = {
    key,
    dashboard,
    unit: target.id,
    target,
    id: crypto.randomUUID(),
    mode: 'import',
    status: 'running',
    startedAt: now.toISOString(),
    source: { unit: payload.manifest.unit, createdAt: payload.manifest.createdAt, counts: countUnit(payload.unit) },
    sourceBlob: 'source',
    baseBlob: 'snapshot',
    snapshotFilename: backupFilename(target.name, now, 'before-import'),
    lockOwner,
    steps: steps.map((s) => s.id),
  };
  await beginJournal(o.database, record, { snapshot: snapshotBlob, source: sourceBlob });
  onProgress?.({ phase: 'snapshot', done: 1, total: 1 });
  // Workspaces read here that still stand at the end (the kept ones) are taken as read by verification.
  const knownWorkspacesAtEnd = new Map(current.workspaces.map((w) => [w.id, w]));
  const run = { client, record, base, source, target: payload.unit, steps, records: new Map(), adoptedWorkspaces, kept, lease };
  return await finishRestore({ ...run, knownWorkspaces: knownWorkspacesAtEnd }, o);
}
