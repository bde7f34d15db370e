/**
 * The one place the components reach the engines (src/backup) and the Dashboard client (src/api). Types are derived
 * from the functions' signatures so the components depend on the contract's function names only.
 */
import type { exportUnit, openBackup, planImport, runImport, findUnfinishedImport } from '../../src/backup/index.js';

export {
  exportUnit,
  openBackup,
  planImport,
  runImport,
  findUnfinishedImport,
  findOtherUnfinishedImports,
  discardUnfinishedImport,
  recheckImport,
  ReviewNeededError,
  resumeImport,
  rollbackImport,
  getSafetySnapshot,
  MIN_PASSWORD_LENGTH,
  collectUnit,
  describeSelectable,
  planSelectiveRestore,
  runSelectiveRestore,
} from '../../src/backup/index.js';
export type { SelectableEntity, Selection, SelectivePlan, SelectiveResult } from '../../src/backup/index.js';
export { createRestClient } from '../../src/api/index.js';
export type { DashboardClient } from '../../src/api/index.js';

/** Options of {@link exportUnit}. */
export type ExportOptions = NonNullable<Parameters<typeof exportUnit>[2]>;
/** One progress report of an engine: phase and done/total. */
export type Progress = Parameters<NonNullable<ExportOptions['onProgress']>>[0];
/** The phases an engine reports. */
export type Phase = Progress['phase'];
/** A decrypted and validated backup, as {@link openBackup} returns it. */
export type OpenedBackup = Awaited<ReturnType<typeof openBackup>>;
/** What an import would change, as {@link planImport} returns it. */
export type ImportPlan = Awaited<ReturnType<typeof planImport>>;
/** The outcome of an import, resume or rollback. */
export type ImportResult = Awaited<ReturnType<typeof runImport>>;
/** An import that stopped before it finished, as {@link findUnfinishedImport} reports it. */
export type UnfinishedImport = NonNullable<Awaited<ReturnType<typeof findUnfinishedImport>>>;
/** The sections of a unit an import plan compares. */
export type PlanSectionName = keyof ImportPlan['sections'];
