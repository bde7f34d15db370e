/**
 * How the panels tell `<dashboard-backup>` that an operation started or ended: an internal event fired on the panel
 * itself (it neither bubbles nor leaves the element), which the element turns into its `busy` state.
 */
import type { BackupOperation } from '../shared/events.js';

/** The internal event's name (the element's template binds it as `@backup-operation`); `detail`: the operation. */
export const OPERATION_EVENT = 'backup-operation';

/** Fires {@link OPERATION_EVENT} on `panel`: `operation` started, or (null) the one that ran ended. */
export function reportOperation(panel: HTMLElement, operation: BackupOperation | null): void {
  panel.dispatchEvent(new CustomEvent<BackupOperation | null>(OPERATION_EVENT, { detail: operation }));
}

/** True for the operations that change the unit (leaving the page during one stops it half-way). */
export function changesUnit(operation: BackupOperation | null): boolean {
  return operation === 'import' || operation === 'resume' || operation === 'rollback';
}
