/**
 * Opening a backup for inspection: decrypt with the format core, then validate the payload against the schema,
 * entity by entity and yielding to the page between slices (src/payload.ts), so a large backup never freezes it.
 * Pure (no DOM): the `<backup-inspector>` element calls this, and so can anything else that wants a read-only view.
 */
import type { DecryptOptions } from '../format/index.js';
import { decryptBackupBlob } from '../worker/index.js';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { otherFields } from '../fields.js';
import { validatePayload, type EntityProgress, type PaceOptions } from '../payload.js';
import type { BackupPayload, Counts, Manifest } from '../schemas.js';
import { createEmptyExtras, readPayloadLeniently, type Extras } from './lenient.js';
import type { SearchIndex } from './search.js';

/** The message of an issue naming a section this version does not know (the inspector says it in its language). */
export const UNKNOWN_SECTION = 'unknown section (written by a newer version)';

/** A decrypted, schema-valid backup as the inspector shows it. */
export interface InspectedBackup {
  payload: BackupPayload;
  manifest: Manifest;
  /** Counted from the payload itself (the manifest's own counts may disagree if the file was made by a buggy tool). */
  counts: Counts;
  /** False when `manifest.counts` differs from what the payload holds. */
  countsMatch: boolean;
  /**
   * Schema problems (path + message, never values). Empty for a valid backup; otherwise `payload` was rebuilt
   * leniently (missing fields empty) so the content can still be looked at.
   */
  issues: ValidationIssue[];
  /** Fields the schema does not know, per entity (only for a payload that failed validation). */
  extras: Extras;
  /** The decrypted JSON exactly as the file holds it (what "Save as JSON" writes). */
  raw: unknown;
}

/** An inspected backup with the search text of every entity (buildSearchIndex): what the inspector's tree shows. */
export interface IndexedBackup extends InspectedBackup {
  index: SearchIndex;
}

/** Counts the entities of each section of a payload. */
export function countPayload(payload: BackupPayload): Counts {
  const { plugins, workspaces, profiles, keys } = payload.unit;
  return { plugins: plugins.length, workspaces: workspaces.length, profiles: profiles.length, keys: keys.length };
}

/** What {@link openInspectedBackup} is doing: decrypting (bytes) or validating (entities). */
export interface InspectProgress extends EntityProgress {
  phase: 'decrypt' | 'validate';
}

/** Options of {@link openInspectedBackup}: those of decryption, with progress for both phases. */
export interface InspectOptions extends Omit<DecryptOptions, 'onProgress'> {
  onProgress?: (progress: InspectProgress) => void;
}

/**
 * Validates decrypted JSON as a {@link BackupPayload}, yielding to the page between slices of entities. When
 * validation fails but the value still has the outline of a backup, the result carries the issues and a leniently
 * rebuilt payload (see lenient.ts), so the inspector can show both the problems and the content.
 * @param o.onProgress entities validated so far; o.signal cancels.
 * @throws ValidationError (`INVALID_BACKUP`) listing the problems with their paths when the value is not even
 *   shaped like a backup (never the offending values); FormatError ABORTED when `o.signal` is aborted.
 */
export async function parseBackupPayload(
  value: unknown,
  o: PaceOptions = {},
): Promise<InspectedBackup> {
  const parsed = await validatePayload(value, o);
  let payload: BackupPayload;
  let issues: ValidationIssue[] = [];
  let extras = createEmptyExtras();
  if (parsed.success) {
    payload = parsed.data;
    // Fields the schemas do not know, which a valid backup keeps (loose entities): shown as "other fields".
    extras = extrasOfPayload(payload);
  } else {
    issues = [
      ...parsed.issues,
      ...parsed.unknownSections.map((s) => ({ path: s.split('.'), message: UNKNOWN_SECTION })),
    ];
    const lenient = readPayloadLeniently(value);
    if (!lenient) {
      throw new ValidationError('INVALID_BACKUP', 'The file decrypted, but its content is not a Dashboard backup.', issues);
    }
    ({ payload, extras } = lenient);
  }
  const counts = countPayload(payload);
  const declared = payload.manifest.counts;
  const countsMatch = (Object.keys(counts) as (keyof Counts)[]).every((k) => counts[k] === declared[k]);
  return { payload, manifest: payload.manifest, counts, countsMatch, issues, extras, raw: value };
}

/**
 * Decrypts a backup file and validates its content. Makes no network request.
 * @throws FormatError (WRONG_PASSWORD, NOT_A_BACKUP, CORRUPT_FILE, ABORTED, …) from the format core, or
 *   ValidationError.
 */
export async function openInspectedBackup(file: Blob, password: string, o: InspectOptions = {}): Promise<InspectedBackup> {
  const { onProgress, ...decrypt } = o;
  const value = await decryptBackupBlob(file, password, {
    ...decrypt,
    onProgress: (p) => onProgress?.({ phase: 'decrypt', ...p }),
  });
  return parseBackupPayload(value, { signal: o.signal, onProgress: (p) => onProgress?.({ phase: 'validate', ...p }) });
}

/** The "other fields" of every entity of a valid payload (src/fields.ts), parallel to its sections. */
function extrasOfPayload(payload: BackupPayload): Extras {
  const extras = createEmptyExtras();
  for (const section of ['plugins', 'workspaces', 'profiles', 'keys'] as const) {
    const found = (payload.unit[section] as object[]).map((e) => otherFields(section, e));
    // Parallel to the section only when some entity has other fields (an empty list means none).
    if (found.some((x) => x !== undefined)) extras[section] = found;
  }
  return extras;
}
