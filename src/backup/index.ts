/**
 * The export and import engines: plain async functions with progress callbacks and AbortSignals, used by the
 * components. No DOM rendering here. Described for embedders in the README, "Programmatic API".
 */
export { exportUnit } from './export.js';
export { openBackup } from './open.js';
export { planImport } from './plan.js';
export { runImport } from './import.js';
export {
  planSelectiveRestore,
  runSelectiveRestore,
  type SelectiveImportOptions,
  type SelectiveOptions,
  type SelectivePlan,
  type SelectiveResult,
} from './selective.js';
export { describeSelectable, matchUnits, Selection, type EntityState, type SelectableEntity } from './selection.js';
export type { SelectiveDependency } from './selective-target.js';
export { createSubsetBackup, subsetUnit, type SubsetOptions } from './subset.js';
export { recheckImport } from './outcome.js';
export { ReviewNeededError } from './drift.js';
export { UnitLockedError, RESTORE_LOCK_TTL_SECONDS, RESTORE_LOCK_RENEW_MS } from './lease.js';
export {
  discardUnfinishedImport,
  findOtherUnfinishedImports,
  findUnfinishedImport,
  getSafetySnapshot,
  resumeImport,
  rollbackImport,
  type JournalSelection,
} from './resume.js';
export { collectUnit, type CollectOptions } from './collect.js';
export { findDifferenceFacts, findDifferences } from './compare.js';
export { describeDependency, describeDifference, describeDrift, describeWriteReason } from './describe.js';
export type { DependencyReason, DriftItem, UnitDifference, WriteReason } from './facts.js';
export { findDanglingReferences } from './consistency.js';
export { APP_VERSION, BACKUP_EXTENSION, backupFilename } from './manifest.js';
export { MIN_PASSWORD_LENGTH } from './session.js';
export { DEFAULT_JOURNAL_DATABASE } from './journal.js';
export { DEFAULT_STEP_CONCURRENCY, DEFAULT_STEP_RETRIES } from './execute.js';
export type {
  ExportOptions,
  ExportResult,
  ImportOptions,
  ImportPlan,
  WriteProblem,
  ImportResult,
  JournalOptions,
  OpenOptions,
  OpenedBackup,
  Phase,
  PlanItem,
  PlanOptions,
  PlanSection,
  Progress,
  ProgressListener,
  RestoreOptions,
  ResumeOptions,
  SectionName,
  UnfinishedImport,
} from './types.js';
