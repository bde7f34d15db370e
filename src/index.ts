/**
 * `dashboard-backup`: encrypted backup and restore of a Dashboard unit — the programmatic API.
 *
 * - the file format: {@link encryptBackup}, {@link decryptBackup} and their streaming Blob twins (docs/format.md);
 *   recovery keys ({@link generateRecoveryKey}, {@link formatRecoveryKey}, {@link parseRecoveryKey}) and re-keying a
 *   file without re-exporting it ({@link rekeyBackup});
 * - the Dashboard client: {@link createRestClient} and the {@link DashboardClient} interface (docs/dashboard-api.md);
 * - the engines: {@link exportUnit}, {@link openBackup}, {@link planImport}, {@link runImport}, and resuming or
 *   rolling back an import that did not finish;
 * - the zod schemas every data type is inferred from, and the typed errors.
 *
 * Named re-exports only, and no element: the elements are their own entry points (`dashboard-backup/dashboard-backup.js`,
 * `dashboard-backup/backup-inspector.js`) because importing them defines the custom elements.
 */

// Errors
export { BackupError, FormatError, HttpError, ValidationError, isBackupError, toValidationIssues } from './errors.js';
export type { BackupErrorCode, ValidationIssue } from './errors.js';
export type { IssueProblem } from './zod-problem.js';
export { HttpValidationError } from './api/errors.js';

// The file format
export {
  BACKUP_MIME_TYPE,
  CHUNK_BYTES,
  DEFAULT_ITERATIONS,
  DEFAULT_MAX_PLAINTEXT_BYTES,
  FILE_EXTENSION,
  FORMAT_VERSION,
  HEADER_BYTES,
  MAGIC,
  MAX_CHUNK_BYTES,
  MAX_ITERATIONS,
  MAX_KEY_SLOTS,
  MIN_CHUNK_BYTES,
  MIN_ITERATIONS,
  RECOVERY_KEY_BYTES,
  SALT_BYTES,
  SUPPORTED_VERSIONS,
  TAG_BYTES,
  checkRecoveryKey,
  describeKeySlots,
  formatRecoveryKey,
  generateRecoveryKey,
  listReadableVersions,
  parseRecoveryKey,
  rekeyBackup,
  registerFormatReader,
  registerPayloadMigration,
} from './format/index.js';
// The format's reading and writing, with compression in a Worker when it pays (src/worker/).
export { decryptBackup, decryptBackupBlob, encryptBackup, encryptBackupToBlob } from './worker/index.js';
export type {
  BackupSecret,
  ByteSource,
  DecryptOptions,
  EncryptOptions,
  FormatProgress,
  FormatReader,
  KeySlotSummary,
  PayloadMigration,
  RecoveryKey,
  RecoveryKeyCheck,
  RekeyChanges,
} from './format/index.js';

// The Dashboard client
export {
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_BASE_URL,
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_RETRIES,
  DEFAULT_ROUTES,
  LIST_PAGE_LIMIT,
  createRestClient,
} from './api/index.js';
export type {
  CreateOptions,
  DashboardClient,
  RequestOptions,
  RestClientOptions,
  RetryOptions,
  RouteTable,
  TokenProvider,
} from './api/index.js';

// The export and import engines
export {
  APP_VERSION,
  BACKUP_EXTENSION,
  DEFAULT_JOURNAL_DATABASE,
  DEFAULT_STEP_CONCURRENCY,
  DEFAULT_STEP_RETRIES,
  MIN_PASSWORD_LENGTH,
  backupFilename,
  collectUnit,
  discardUnfinishedImport,
  exportUnit,
  findDanglingReferences,
  findDifferenceFacts,
  findDifferences,
  describeDependency,
  describeDifference,
  describeDrift,
  describeWriteReason,
  findOtherUnfinishedImports,
  findUnfinishedImport,
  getSafetySnapshot,
  openBackup,
  planImport,
  recheckImport,
  ReviewNeededError,
  UnitLockedError,
  RESTORE_LOCK_TTL_SECONDS,
  RESTORE_LOCK_RENEW_MS,
  resumeImport,
  rollbackImport,
  runImport,
  planSelectiveRestore,
  runSelectiveRestore,
  describeSelectable,
  matchUnits,
  Selection,
  createSubsetBackup,
  subsetUnit,
} from './backup/index.js';
export type {
  CollectOptions,
  ExportOptions,
  ExportResult,
  ImportOptions,
  ImportPlan,
  WriteProblem,
  WriteReason,
  UnitDifference,
  DriftItem,
  DependencyReason,
  ImportResult,
  JournalOptions,
  JournalSelection,
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
  EntityState,
  SelectableEntity,
  SelectiveDependency,
  SelectiveImportOptions,
  SelectiveOptions,
  SelectivePlan,
  SelectiveResult,
  SubsetOptions,
} from './backup/index.js';

// zod schemas; each name is both the schema and the type inferred from it
export {
  ApiErrorBody,
  Application,
  ApplicationInput,
  BackupPayload,
  Bundle,
  Counts,
  EntityId,
  JsonObject,
  JsonValue,
  KeyEntry,
  KeyName,
  KeyValueInput,
  MAX_PAGE_LIMIT,
  Manifest,
  Page,
  Permission,
  Plugin,
  PluginInput,
  PluginSummary,
  Profile,
  ProfileInput,
  RequirementMappings,
  Role,
  SERVER_OWNED_FIELDS,
  Session,
  UnitRef,
  UnitState,
  Workspace,
  WorkspaceIcon,
  WorkspaceInput,
  WorkspaceSummary,
} from './schemas.js';

// The contract's limits (docs/dashboard-api.md, "Limits"), checked before an import changes anything
export { MAX_BODY_BYTES, MAX_JSON_DEPTH } from './json.js';
