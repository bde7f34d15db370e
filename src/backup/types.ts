/**
 * Public types of the export and import engines (README, "Programmatic API"). Everything here
 * is plain data so the UI can render it; nothing holds a password, a key or a secret value.
 */
import type { ValidationIssue } from '../errors.js';
import type { UnitDifference, WriteReason } from './facts.js';
import type { BackupPayload, Counts, Manifest, UnitRef } from '../schemas.js';

/** Which stage an operation is in. */
export type Phase =
  | 'session'
  | 'fetch'
  | 'encrypt'
  | 'decrypt'
  | 'validate'
  | 'plan'
  | 'preflight'
  | 'snapshot'
  | 'wipe'
  | 'create'
  | 'verify'
  | 'rollback'
  | 'done';

/** One progress report: the phase, and how many of its units of work are done out of `total`. */
export interface Progress {
  phase: Phase;
  done: number;
  total: number;
}

/** Receives progress reports. Called often (once per request); keep it cheap. */
export type ProgressListener = (p: Progress) => void;

/** Options of {@link exportUnit}. */
export interface ExportOptions {
  /** Unit id to export; default the session's current unit. */
  unit?: string;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** PBKDF2 iterations (default: the format's default). */
  iterations?: number;
  /**
   * A recovery key (its human form or its 32 bytes) that opens the backup too, besides the password (format v2's
   * recovery-key slot). Held only for the call: never stored or sent.
   */
  recoveryKey?: string | Uint8Array;
  /** Origin recorded in the manifest; default `location.origin`, or `'null'` outside a browser (Node.js). */
  origin?: string;
}

/** What {@link exportUnit} returns: the encrypted file, its suggested name, and its manifest. */
export interface ExportResult {
  blob: Blob;
  filename: string;
  manifest: Manifest;
}

/** Options of {@link openBackup}. */
export interface OpenOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** Cap on the decrypted size (default: the format's cap). */
  maxPlaintextBytes?: number;
}

/** A decrypted, validated backup. */
export interface OpenedBackup {
  payload: BackupPayload;
  manifest: Manifest;
  counts: Counts;
  /** References inside the backup that point at nothing in it; an import refuses such a backup. */
  dangling: ValidationIssue[];
}

/** One entity in a plan: its label (natural key) and, where it has one, its id. */
export interface PlanItem {
  id?: string;
  label: string;
}

/** What an import does to one section of the unit. */
export interface PlanSection {
  /** In the unit now and not (identically) in the backup: removed by the import. */
  delete: PlanItem[];
  /** In the backup and not (identically) in the unit: created by the import. */
  create: PlanItem[];
  /** The same in both, ignoring server ids (still deleted and recreated, with new ids). */
  identical: PlanItem[];
}

/** The four sections of a unit. */
export type SectionName = 'plugins' | 'workspaces' | 'profiles' | 'keys';

/** The consequence of importing a backup into a unit, computed without changing anything. */
/** One entity a restore could not send (or, in the target unit, could not delete), and why (a sentence, never a value). */
export interface WriteProblem {
  /** `backup`: an entity of the backup, which could not be created; `unit`: one of the target unit, which could not be deleted. */
  in: 'backup' | 'unit';
  section: SectionName;
  /** Index in that section (of the backup, or of the target unit as read). */
  index: number;
  /** What the preview shows for it: bundle, "name (owner)", profile or key name. */
  label: string;
  /** Why, as a fact the elements say in the reader's language. */
  why: WriteReason;
  /** Why, in English (describeWriteReason of `why`), for programmatic users and logs. */
  reason: string;
}

export interface ImportPlan {
  target: UnitRef;
  source: Manifest;
  /** The backup was made in the target unit. */
  sameUnit: boolean;
  /** The backup was made on this origin. */
  sameOrigin: boolean;
  dangling: ValidationIssue[];
  /**
   * Entities the Dashboard would refuse (names a URL cannot carry, lone surrogates, bodies over the size or depth
   * limit), and entities of the target unit the wipe could not address: an import refuses before it changes
   * anything (UNWRITABLE_BACKUP) while this is not empty.
   */
  unwritable: WriteProblem[];
  sections: Record<SectionName, PlanSection>;
  /** What the target unit holds now. */
  current: Counts;
  /**
   * Entities the import keeps as they are, per section: already as the backup wants them, in their place in the
   * list and with what they reference (converge.ts). The other `identical` ones are deleted and created again (to
   * restore the order). Keys: those already holding the backup's value.
   */
  kept: Counts;
}

/** Options of {@link planImport}. */
export interface PlanOptions {
  unit?: string;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** This page's origin, compared with the backup's (`sameOrigin`); default `location.origin`, `'null'` in Node.js. */
  origin?: string;
}

/** Where the journal lives (an IndexedDB database name); tests and multi-tenant embedders set their own. */
export interface JournalOptions {
  database?: string;
}

/** Options shared by import, resume and rollback. */
export interface RestoreOptions extends JournalOptions {
  unit?: string;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** Called after a verified import; default `location.reload()` (nothing outside a browser); `false` disables it. */
  reload?: (() => void) | false;
  /** PBKDF2 iterations for the snapshot and the stored backup (default: the format's default). */
  iterations?: number;
  /** Mutating requests in flight at most (default 6); the client bounds it further. */
  concurrency?: number;
  /** Extra attempts of a step that failed with SERVER, NETWORK or RATE_LIMITED after the client's own retries. */
  stepRetries?: number;
}

/** Options of resumeImport and rollbackImport. */
export interface ResumeOptions extends RestoreOptions {
  /**
   * The preview the admin has seen (ReviewNeededError.plan, from a RESUME_NEEDS_REVIEW refusal). Needed when the
   * unit holds work the journal does not account for; refused again when the unit changed once more since.
   */
  expectedPlan?: ImportPlan;
  /** Origin recorded in the fresh safety snapshot and compared in the preview; default `location.origin`. */
  origin?: string;
}

/** Options of {@link runImport}. */
export interface ImportOptions extends RestoreOptions {
  /** Must be `true` to import a backup made in another unit. */
  confirmOtherUnit?: boolean;
  /** The plan the admin approved; when given, a unit that changed since is refused with PLAN_CHANGED. */
  expectedPlan?: ImportPlan;
  origin?: string;
}

/** Outcome of an import, a resume or a rollback. */
export interface ImportResult {
  /** What the unit now holds. */
  counts: Counts;
  /** Differences between the unit and the backup after the import, in English; empty when verified. */
  differences: string[];
  /** The same differences as facts (code, section, name, fields), which the elements say in the reader's language. */
  differenceFacts: UnitDifference[];
  /** True when `differences` is empty; then the journal and the safety snapshot were deleted. */
  verified: boolean;
}

/** An import (or rollback) that started and has not been finished and verified. */
export interface UnfinishedImport {
  /**
   * The Dashboard it was recorded for (DashboardClient.identity); absent for a journal written by an earlier
   * version of this module, whose Dashboard is unknown.
   */
  dashboard?: string;
  unit: UnitRef;
  mode: 'import' | 'rollback';
  /** True when the import is a selective restore (only the chosen items). */
  selective?: boolean;
  /** `running`: stopped part-way; `unverified`: every step done but the read-back differed. */
  status: 'running' | 'unverified';
  startedAt: string;
  /** The backup being restored (for a rollback: the safety snapshot). */
  source: { unit: UnitRef; createdAt: string; counts: Counts };
  steps: { total: number; done: number; started: number };
  snapshotFilename: string;
  /**
   * True while it is being run (imported, resumed or rolled back) in a tab of this browser, this one included:
   * resume, rollback and discard are refused until that ends.
   */
  busy: boolean;
}
