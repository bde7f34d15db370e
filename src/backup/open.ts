/** Open a backup file: decrypt, validate, and check that it is internally consistent. Sends nothing anywhere. */
import { ValidationError, type ValidationIssue } from '../errors.js';
import { decryptBackupBlob } from '../worker/index.js';
import { validatePayload } from '../payload.js';
import type { BackupPayload } from '../schemas.js';
import { normalizeAbort, throwIfAborted } from './abort.js';
import { countUnit, findDanglingReferences, findDuplicates } from './consistency.js';
import type { OpenOptions, OpenedBackup } from './types.js';

/**
 * Payloads this module validated itself (openBackup), so plan and import need not parse a large unit again — a
 * second zod pass over 7,800 entities is a long main-thread task. Anything else is validated in full.
 */
const validated = new WeakSet<object>();

function invalid(issues: ValidationIssue[]): ValidationError {
  return new ValidationError(
    'INVALID_BACKUP',
    `This file decrypts, but its content is not a valid Dashboard backup (${issues.length} problem${issues.length === 1 ? '' : 's'}).`,
    issues,
  );
}

/**
 * A file whose payload, manifest or unit has sections this version does not know was written by a newer version:
 * refused rather than restored without them (dropping them would lose data without a word).
 */
function newerWriter(sections: string[]): ValidationError {
  return new ValidationError(
    'NEWER_BACKUP',
    `This backup has ${sections.length} section${sections.length === 1 ? '' : 's'} this version does not know (a newer version wrote it), so it is not restored without them.`,
    sections.map((s) => ({ path: s.split('.'), message: 'unknown section (written by a newer version)' })),
  );
}

/**
 * Checks a decrypted value against the payload schema ({@link BackupPayload}) and the unit's uniqueness rules.
 * Entities are validated one at a time, yielding to the page between slices (src/payload.ts), so a 7,800-entity
 * unit never blocks the main thread for long; the result is the same as `BackupPayload.parse`.
 * @throws ValidationError INVALID_BACKUP listing every problem with its path; NEWER_BACKUP when the payload, its
 *   manifest or its unit has a section this version does not know (each listed as an issue path).
 */
export async function parsePayload(value: unknown): Promise<BackupPayload> {
  if (typeof value === 'object' && value !== null && validated.has(value)) return value as BackupPayload;
  const result = await validatePayload(value);
  if (!result.success && result.unknownSections.length > 0) throw newerWriter(result.unknownSections);
  if (!result.success) throw invalid(result.issues);
  const payload = result.data;
  const duplicates = findDuplicates(payload.unit);
  if (duplicates.length > 0) {
    throw new ValidationError(
      'INVALID_BACKUP',
      'This backup lists the same plugin, workspace, profile or key more than once, so it cannot be restored.',
      duplicates,
    );
  }
  validated.add(payload);
  return payload;
}

/**
 * Decrypts and validates a backup file.
 * @returns the payload, its manifest and counts, and every dangling reference inside it (an import refuses a
 *   backup that has any; planImport lists them).
 * @throws FormatError WRONG_PASSWORD, CORRUPT_FILE, NOT_A_BACKUP, UNSUPPORTED_VERSION, KDF_OUT_OF_RANGE, TOO_LARGE;
 *   ValidationError INVALID_BACKUP, NEWER_BACKUP; BackupError ABORTED.
 */
export async function openBackup(file: Blob, password: string, o: OpenOptions = {}): Promise<OpenedBackup> {
  const { signal, onProgress } = o;
  try {
    throwIfAborted(signal);
    const value = await decryptBackupBlob(file, password, {
      ...(o.maxPlaintextBytes !== undefined ? { maxPlaintextBytes: o.maxPlaintextBytes } : {}),
      ...(signal ? { signal } : {}),
      onProgress: (p) => onProgress?.({ phase: 'decrypt', done: p.done, total: p.total }),
    });
    throwIfAborted(signal);
    onProgress?.({ phase: 'validate', done: 0, total: 1 });
    const payload = await parsePayload(value);
    onProgress?.({ phase: 'validate', done: 1, total: 1 });
    return {
      payload,
      manifest: payload.manifest,
      // Counted from the content rather than trusted from the manifest.
      counts: countUnit(payload.unit),
      dangling: findDanglingReferences(payload.unit),
    };
  } catch (error) {
    throw normalizeAbort(error, signal);
  }
}
