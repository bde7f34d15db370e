/** Plan: what an import would delete, create and find identical — computed without changing anything. */
import type { DashboardClient } from '../api/index.js';
import type { BackupPayload, UnitRef, UnitState } from '../schemas.js';
import { normalizeAbort } from './abort.js';
import { collectUnit } from './collect.js';
import { diffSections } from './compare.js';
import { planConvergence } from './converge.js';
import { countUnit, findDanglingReferences } from './consistency.js';
import { parsePayload } from './open.js';
import { pageOrigin } from './origin.js';
import { requireAdmin } from './session.js';
import { findUndeletable, findUnwritable } from './writable.js';
import type { ImportPlan, OpenedBackup, PlanOptions } from './types.js';

/**
 * The unit each plan of {@link planImport} was computed from, so that the import the admin then confirms with that
 * very plan (`expectedPlan`) reads again only what can have changed since (collect.ts, `knownWorkspaces`) instead of
 * the whole unit. Held weakly: it goes with the plan.
 */
const planReads = new WeakMap<ImportPlan, UnitState>();

/** The unit `plan` was computed from, when {@link planImport} made it in this page; else undefined. */
export const unitBehindPlan = (plan: ImportPlan | undefined): UnitState | undefined => (plan ? planReads.get(plan) : undefined);

/** The plan of importing `payload` over `current` (no I/O; yields to the page on large units). */
export async function computePlan(current: UnitState, payload: BackupPayload, target: UnitRef, origin: string): Promise<ImportPlan> {
  return {
    target,
    source: payload.manifest,
    sameUnit: payload.manifest.unit.id === target.id,
    sameOrigin: payload.manifest.origin === origin,
    dangling: findDanglingReferences(payload.unit),
    unwritable: [...(await findUnwritable(payload.unit)), ...findUndeletable(current, payload.unit)],
    sections: await diffSections(current, payload.unit),
    current: countUnit(current),
    kept: (await planConvergence(current, payload.unit)).adopted,
  };
}

/** True when two plans would do the same (same target, same items deleted and created). */
export function samePlan(a: ImportPlan, b: ImportPlan): boolean {
  const shape = (p: ImportPlan): string =>
    JSON.stringify([
      p.target.id,
      Object.entries(p.sections).map(([name, s]) => [
        name,
        s.delete.map((i) => i.id).sort(),
        s.create.map((i) => i.label).sort(),
      ]),
      // What is kept rather than recreated is part of what the admin approved.
      p.kept,
    ]);
  return shape(a) === shape(b);
}

/**
 * Compares a backup with the target unit (default: the session's current unit). Sends only reads.
 * @returns per section what the import deletes, creates and finds identical (ignoring server ids), whether the
 *   backup comes from this unit and this origin, every dangling reference inside the backup, and every entity the
 *   Dashboard would refuse (`unwritable`: an import refuses such a backup).
 * @throws BackupError NOT_ADMIN, INVALID_OPTIONS, ABORTED; ValidationError INVALID_BACKUP; HttpError.
 */
export async function planImport(client: DashboardClient, backup: OpenedBackup, o: PlanOptions = {}): Promise<ImportPlan> {
  const { signal } = o;
  try {
    // Re-validated: the caller may hand in an object that did not come from openBackup.
    const payload = await parsePayload(backup.payload);
    const { target } = await requireAdmin(client, o.unit, signal);
    const current = await collectUnit(client, target.id, { ...(signal ? { signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
    o.onProgress?.({ phase: 'plan', done: 0, total: 1 });
    const plan = await computePlan(current, payload, target, pageOrigin(o.origin));
    planReads.set(plan, current);
    o.onProgress?.({ phase: 'plan', done: 1, total: 1 });
    return plan;
  } catch (error) {
    throw normalizeAbort(error, signal);
  }
}
