/**
 * Selective restore: bring back chosen entities of a backup (sections, or single entities by natural key) without
 * wiping the unit. Built on convergence (converge.ts): the target is the live unit with the chosen entities
 * replaced or added (selective-target.ts); everything the target keeps is adopted untouched, and only the rest is
 * deleted and created, with the same journal, safety snapshot, restore lock, resume, rollback and verification as
 * a full import (import.ts, restore.ts). The journal stores the target as the run's backup, so a resume or a
 * rollback of a selective run converges exactly like one of a full import.
 */
import type { DashboardClient } from '../api/index.js';
import { BackupError, ValidationError } from '../errors.js';
import { encryptBackupToBlob } from '../worker/index.js';
import type { BackupPayload, Session, UnitRef, UnitState } from '../schemas.js';
import { normalizeAbort, throwIfAborted } from './abort.js';
import { collectUnit } from './collect.js';
import { diffSections } from './compare.js';
import { countUnit } from './consistency.js';
import { planConvergence, type Convergence } from './converge.js';
import { encryptOptions } from './import.js';
import { beginJournal, type ImportRecord } from './journal.js';
import { withNewRestore, type NewRestoreHold } from './hold.js';
import { backupFilename, buildPayload } from './manifest.js';
import { parsePayload } from './open.js';
import { pageOrigin } from './origin.js';
import { computePlan, samePlan } from './plan.js';
import { finishRestore } from './restore.js';
import { describeSelectable, isEmptyChoice, matchUnits, resolveSelection, type SelectableEntity, type Selection } from './selection.js';
import { selectiveTarget, type SelectiveDependency } from './selective-target.js';
import { checkPassword, requireAdmin } from './session.js';
import type { ImportOptions, ImportPlan, ImportResult, OpenedBackup, PlanOptions } from './types.js';

/** Options of a selective plan: what to do about missing dependencies. */
export interface SelectiveOptions {
  /** `include` (default): bring missing dependencies in from the backup (listed in the plan); `refuse`: refuse. */
  dependencies?: 'include' | 'refuse';
}

/** The plan of a selective restore: an {@link ImportPlan} whose sections hold only what changes, and more. */
export interface SelectivePlan extends ImportPlan {
  mode: 'selective';
  /** The chosen entities (backup side) with their state against the unit. */
  chosen: SelectableEntity[];
  /** Entities not chosen that the restore creates or recreates anyway, each with its reason. */
  dependencies: SelectiveDependency[];
}

/** What a selective run restored, on top of {@link ImportResult}. */
export interface SelectiveResult extends ImportResult {
  mode: 'selective';
  /** Labels per section of what was created or replaced (dependencies included). */
  restored: Record<'plugins' | 'workspaces' | 'profiles' | 'keys', string[]>;
}

interface Computed {
  plan: SelectivePlan;
  target: UnitState;
  convergence: Convergence;
}

/** The selective plan over the unit as read (pure but for yielding). */
async function compute(current: UnitState, payload: BackupPayload, selection: Selection, unit: UnitRef, origin: string, o: SelectiveOptions): Promise<Computed> {
  const chosen = resolveSelection(selection, payload.unit);
  if (isEmptyChoice(chosen)) throw new BackupError('INVALID_OPTIONS', 'Nothing is chosen: choose at least one section or item to restore.');
  const m = matchUnits(payload.unit, current);
  const { target, dependencies } = selectiveTarget(current, payload.unit, chosen, o, m);
  const convergence = await planConvergence(current, target);
  const base = await computePlan(current, { manifest: payload.manifest, unit: target }, unit, origin);
  const all = describeSelectable(payload.unit, current, m);
  const plan: SelectivePlan = {
    ...base,
    // The dangling references of the backup as a whole do not matter, only those of what is restored.
    sections: await diffSections(convergence.base, convergence.source),
    mode: 'selective',
    chosen: all.filter((e) => e.backupIndex !== undefined && chosen[e.section].has(e.backupIndex)),
    dependencies,
  };
  return { plan, target, convergence };
}

/**
 * Plans a selective restore of `selection` from `backup` into the target unit (default: the session's). Sends
 * only reads. The plan's sections list only what changes (delete: the unit's entities replaced or recreated;
 * create: what is created); `chosen` gives each chosen entity's state; `dependencies` what comes along and why.
 * @throws BackupError NOT_ADMIN, INVALID_OPTIONS (bad or empty selection, a name the backup lacks), ABORTED;
 *   ValidationError INVALID_BACKUP, DANGLING_REFERENCE (dependencies missing and `dependencies: 'refuse'`); HttpError.
 */
export async function planSelectiveRestore(
  client: DashboardClient,
  backup: OpenedBackup,
  selection: Selection,
  o: PlanOptions & SelectiveOptions = {},
): Promise<SelectivePlan> {
  const { signal } = o;
  try {
    const payload = await parsePayload(backup.payload);
    const { target } = await requireAdmin(client, o.unit, signal);
    const current = await collectUnit(client, target.id, { ...(signal ? { signal } : {}) });
    return (await compute(current, payload, selection, target, pageOrigin(o.origin), o)).plan;
  } catch (error) {
    throw normalizeAbort(error, signal);
  }
}

/** Options of {@link runSelectiveRestore}. */
export type SelectiveImportOptions = ImportOptions & SelectiveOptions;

/**
 * Restores `selection` from `backup` into the target unit without wiping it. Same preflight and safety as
 * {@link runImport} (admin, locks, unfinished journal, PLAN_CHANGED against `expectedPlan`, UNIT_MISMATCH unless
 * `confirmOtherUnit`, refusals before any write), then a safety snapshot and a journal, then only the steps
 * that reach the target; verification compares the whole unit with the target (the chosen entities, their
 * references, and that nothing else changed).
 * @throws like {@link runImport}, and INVALID_OPTIONS for a bad selection.
 */
export async function runSelectiveRestore(
  client: DashboardClient,
  backup: OpenedBackup,
  selection: Selection,
  password: string,
  o: SelectiveImportOptions = {},
): Promise<SelectiveResult> {
  checkPassword(password);
  const { signal } = o;
  try {
    const payload = await parsePayload(backup.payload);
    throwIfAborted(signal);
    o.onProgress?.({ phase: 'preflight', done: 0, total: 1 });
    const { session, target } = await requireAdmin(client, o.unit, signal);
    return await withNewRestore(client, o.database, session, target, signal, (held) =>
      runLeased(client, payload, selection, password, session, target, o, held),
    );
  } catch (error) {
    throw normalizeAbort(error, signal);
  }
}

async function runLeased(
  client: DashboardClient,
  payload: BackupPayload,
  selection: Selection,
  password: string,
  session: Session,
  target: UnitRef,
  o: SelectiveImportOptions,
  held: NewRestoreHold,
): Promise<SelectiveResult> {
  const { signal } = o;
  const current = await collectUnit(client, target.id, { ...(signal ? { signal } : {}) });
  const origin = pageOrigin(o.origin);
  const { plan, target: wanted, convergence } = await compute(current, payload, selection, target, origin, o);
  if (plan.dangling.length > 0) {
    throw new ValidationError('DANGLING_REFERENCE', `What you chose refers to ${plan.dangling.length} item(s) that neither the backup nor this unit has, so it cannot be restored.`, plan.dangling);
  }
  if (plan.unwritable.length > 0) {
    throw new ValidationError(
      'UNWRITABLE_BACKUP',
      `The Dashboard would refuse ${plan.unwritable.length} item(s) of this restore, so nothing was changed (the plan lists them).`,
      plan.unwritable.map((p) => ({ path: [p.in === 'backup' ? 'unit' : 'target', p.section, p.index], message: p.reason })),
    );
  }
  if (!plan.sameUnit && o.confirmOtherUnit !== true) {
    throw new BackupError('UNIT_MISMATCH', 'This backup was made in another unit. Confirm that you want to restore parts of it into this unit.');
  }
  if (o.expectedPlan && !samePlan(o.expectedPlan, plan)) {
    throw new BackupError('PLAN_CHANGED', 'The unit changed since the preview was made. Review the new preview and confirm again.');
  }
  o.onProgress?.({ phase: 'preflight', done: 1, total: 1 });
  throwIfAborted(signal);
  o.onProgress?.({ phase: 'snapshot', done: 0, total: 1 });
  const now = new Date();
  const wantedPayload: BackupPayload = { manifest: { ...payload.manifest, counts: countUnit(wanted) }, unit: wanted };
  const [snapshotBlob, sourceBlob] = await Promise.all([
    encryptBackupToBlob(buildPayload(current, target, session.user, origin, now), password, encryptOptions(o)),
    encryptBackupToBlob(wantedPayload, password, encryptOptions(o)),
  ]);
  throwIfAborted(signal);
  const record: ImportRecord = {
    key: held.key,
    dashboard: held.dashboard,
    unit: target.id,
    target,
    id: crypto.randomUUID(),
    mode: 'import',
    selective: true,
    status: 'running',
    startedAt: now.toISOString(),
    source: { unit: payload.manifest.unit, createdAt: payload.manifest.createdAt, counts: countUnit(wanted) },
    sourceBlob: 'source',
    baseBlob: 'snapshot',
    snapshotFilename: backupFilename(target.name, now, 'before-import'),
    lockOwner: held.lockOwner,
    steps: convergence.steps.map((s) => s.id),
  };
  await beginJournal(o.database, record, { snapshot: snapshotBlob, source: sourceBlob });
  o.onProgress?.({ phase: 'snapshot', done: 1, total: 1 });
  const { base, source, steps, adoptedWorkspaces } = convergence;
  const result = await finishRestore({ client, record, base, source, target: wanted, steps, records: new Map(), adoptedWorkspaces, lease: held.lease }, o);
  const labels = (s: keyof SelectiveResult['restored']) => [...plan.sections[s].create, ...plan.sections[s].identical].map((i) => i.label);
  return { ...result, mode: 'selective', restored: { plugins: labels('plugins'), workspaces: labels('workspaces'), profiles: labels('profiles'), keys: labels('keys') } };
}
