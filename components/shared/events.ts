/**
 * The events `<dashboard-backup>` fires, typed in `GlobalEventHandlersEventMap` so `addEventListener` knows their
 * `detail`. Details carry counts, unit ids and error codes only — never a password, a key or backup data.
 */
import type { BackupErrorCode } from '../../src/errors.js';
import type { Counts } from '../../src/schemas.js';

/** Where in the flow something happened. */
export type BackupStep = 'session' | 'export' | 'validate' | 'import' | 'resume' | 'rollback' | 'snapshot';

/**
 * What the element is busy with. `import`, `resume` and `rollback` change the unit; `export` and `validate` only
 * read it.
 */
export type BackupOperation = 'export' | 'validate' | 'import' | 'resume' | 'rollback';

/** `backup-export-done`: a backup file was made and handed to the browser to download. */
export interface BackupExportDoneDetail {
  /** Id of the exported unit. */
  unit: string;
  /** Name of the downloaded file. */
  filename: string;
  /** Size of the encrypted file in bytes. */
  bytes: number;
  counts: Counts;
}

/** `backup-validated`: a backup file was decrypted, validated and compared with this unit. */
export interface BackupValidatedDetail {
  /** Id of the unit the backup was made in. */
  sourceUnit: string;
  /** Id of the unit it would be restored into. */
  unit: string;
  counts: Counts;
  sameUnit: boolean;
  sameOrigin: boolean;
  /** Number of references inside the backup that point to nothing. */
  dangling: number;
}

/** `backup-import-done`: an import, a resumed import or a rollback finished and was verified. */
export interface BackupImportDoneDetail {
  unit: string;
  mode: 'import' | 'resume' | 'rollback' | 'selective';
  counts: Counts;
  /** `selective` only: labels per section of what was created or replaced (dependencies included). */
  restored?: Record<'plugins' | 'workspaces' | 'profiles' | 'keys', string[]>;
  /** Number of differences the verification found between the unit and the backup (0 when identical). */
  differences: number;
}

/** `backup-error`: a step failed; `message` is the sentence shown to the user. */
export interface BackupErrorDetail {
  step: BackupStep;
  code: BackupErrorCode | 'UNKNOWN';
  message: string;
  /** Id of the unit concerned, when known. */
  unit?: string;
}

/** `backup-busy-change`: an operation started or ended (the element's `busy` and `operation` changed). */
export interface BackupBusyChangeDetail {
  busy: boolean;
  /** The operation that runs now; null when none does. */
  operation: BackupOperation | null;
}

/** Every event of the element, by name. */
export interface DashboardBackupEventMap {
  'backup-export-done': CustomEvent<BackupExportDoneDetail>;
  'backup-validated': CustomEvent<BackupValidatedDetail>;
  'backup-import-done': CustomEvent<BackupImportDoneDetail>;
  'backup-error': CustomEvent<BackupErrorDetail>;
  'backup-busy-change': CustomEvent<BackupBusyChangeDetail>;
}

declare global {
  interface GlobalEventHandlersEventMap extends DashboardBackupEventMap {}
}

type DetailOf<K extends keyof DashboardBackupEventMap> = DashboardBackupEventMap[K]['detail'];

/**
 * Dispatches one of the element's events from `target`. They bubble and are composed so they leave the shadow
 * roots of the inner panels and reach the page. Returns false when a listener called `preventDefault()`.
 */
export function dispatchBackupEvent<K extends keyof DashboardBackupEventMap>(
  target: EventTarget,
  type: K,
  detail: DetailOf<K>,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
}
