/**
 * Every sentence the element shows for a failure or a phase. Each error code maps to something a person can act
 * on; the record types make the compiler refuse a code without a sentence.
 */
import { isBackupError, type BackupErrorCode } from '../../src/errors.js';
import type { Phase } from './engine.js';

/** What to tell the user for each error code. */
export const ERROR_MESSAGES: Readonly<Record<BackupErrorCode, string>> = {
  PASSWORD_TOO_SHORT: 'The password must be at least 4 characters long.',
  INVALID_OPTIONS:
    'The backup tool on this page is set up incorrectly. Ask the person who maintains this Dashboard page to check it.',
  INSECURE_CONTEXT:
    'Backups need a secure connection: open this Dashboard page over https:// (or http://localhost), then try again.',
  NOT_A_BACKUP: 'This file is not a Dashboard backup. Choose a file ending in .dashboard-backup.',
  UNSUPPORTED_VERSION:
    'This backup was made by a newer version of Dashboard Backup. Update this Dashboard, then open the file again.',
  KDF_OUT_OF_RANGE:
    'This file’s encryption settings are outside the safe range, so it was not opened. It may have been tampered with: use another copy.',
  WRONG_PASSWORD: 'The password does not open this backup. Check it (it is case-sensitive) and try again.',
  WRONG_RECOVERY_KEY:
    'This recovery key does not open this backup. Check that it is the key of this backup’s emergency kit, or use the password.',
  INVALID_RECOVERY_KEY:
    'The recovery key has a typo: one group does not match its check character. Compare each group with the emergency kit.',
  NO_USABLE_KEY_SLOT:
    'This backup cannot be opened that way: it has no password, or no recovery key, of the kind you gave. Try the other one.',
  CORRUPT_FILE: 'The backup file is damaged or incomplete. Use another copy, or download it again.',
  FILE_UNREADABLE:
    'The file could not be read: it may have been changed, moved or deleted since you chose it. Choose it again.',
  TOO_LARGE: 'This backup is too large to open in this browser. Try a browser on a computer with more memory.',
  INVALID_BACKUP: 'The backup opened, but its content is not valid, so it cannot be restored. Use another backup.',
  NEWER_BACKUP:
    'This backup holds sections this version of Dashboard Backup does not know: a newer version made it. Update this Dashboard, then open the file again.',
  UNAUTHENTICATED: 'Your Dashboard session has ended. Sign in again, then retry.',
  NOT_ADMIN: 'Only administrators of this unit can back it up or restore it. Ask an administrator to do it.',
  NOT_FOUND: 'Something this step needs no longer exists on the Dashboard. Reload the page and try again.',
  CONFLICT:
    'The Dashboard refused a change that conflicts with its current data (someone may be editing this unit). Reload the page and try again.',
  INVALID: 'The Dashboard rejected some of the data as invalid. Validate the backup again; if it persists, use another backup.',
  RATE_LIMITED: 'The Dashboard is receiving too many requests. Wait a minute, then try again.',
  NETWORK: 'The Dashboard cannot be reached. Check your network connection, then try again.',
  SERVER: 'The Dashboard reported an internal error. Try again in a few minutes; if it persists, contact its administrator.',
  BAD_RESPONSE:
    'The Dashboard sent an answer this tool does not understand; it may be a different version. Contact its administrator.',
  UNIT_CHANGED_DURING_READ:
    'Someone changed this unit while it was being read, again and again, so no consistent copy could be made. Nothing was changed. Try again when nobody is editing the unit.',
  ABORTED: 'The operation was cancelled.',
  UNIT_MISMATCH: 'This backup comes from another unit. Type this unit’s name to confirm that it should be replaced.',
  DANGLING_REFERENCE:
    'The backup refers to items it does not contain, so it cannot be restored safely. Use another backup.',
  UNWRITABLE_BACKUP:
    'Some items of this backup cannot be sent to the Dashboard (see the preview), so nothing was changed. Fix them at the source, export again, and use that backup.',
  PLAN_CHANGED: 'This unit changed after you validated the backup. Validate it again to review the changes, then import.',
  IMPORT_INCOMPLETE:
    'The import stopped before it finished. Nothing is lost: resume it, or roll back to the safety snapshot.',
  IMPORT_RUNNING:
    'This unit is being restored in another tab or window of this browser. Let it finish there, then try again.',
  VERIFY_FAILED:
    'The import finished, but the unit does not match the backup exactly. Download the safety snapshot and contact your administrator.',
  JOURNAL_UNAVAILABLE:
    'This browser cannot store the import’s safety data (private window or full storage?). Use a normal window with free disk space.',
};

/** Shown for a failure that is not a {@link BackupErrorCode} (a bug, or something the engines did not foresee). */
export const UNKNOWN_ERROR_MESSAGE = 'Something unexpected went wrong. Reload the page and try again.';

/** A failure as the element reports it: a code and the sentence for it. */
export interface DescribedError {
  code: BackupErrorCode | 'UNKNOWN';
  message: string;
}

/**
 * Maps any thrown value to a code and a sentence for the user. Never echoes the error's own message. An import that
 * stopped (IMPORT_INCOMPLETE) also says why, when its cause is a failure with a code: that sentence comes first.
 */
export function describeError(error: unknown): DescribedError {
  if (!isBackupError(error)) return { code: 'UNKNOWN', message: UNKNOWN_ERROR_MESSAGE };
  const message = ERROR_MESSAGES[error.code] ?? UNKNOWN_ERROR_MESSAGE;
  const cause = error.cause;
  if (error.code === 'IMPORT_INCOMPLETE' && isBackupError(cause) && cause.code !== error.code) {
    const why = ERROR_MESSAGES[cause.code];
    if (why) return { code: error.code, message: `${why} ${message}` };
  }
  return { code: error.code, message };
}

/** True when `error` is the engines' answer to a cancel (an aborted signal). */
export function isAbort(error: unknown): boolean {
  return isBackupError(error, 'ABORTED') || (error instanceof DOMException && error.name === 'AbortError');
}

/** What each phase of an engine is doing, in words. */
export const PHASE_LABELS: Readonly<Record<Phase, string>> = {
  session: 'Checking your session',
  fetch: 'Reading the unit',
  encrypt: 'Encrypting',
  decrypt: 'Decrypting',
  validate: 'Checking the content',
  plan: 'Comparing with this unit',
  preflight: 'Checking before changing anything',
  snapshot: 'Taking a safety snapshot',
  wipe: 'Removing the current content',
  create: 'Creating the backup’s content',
  verify: 'Verifying the result',
  rollback: 'Restoring the safety snapshot',
  done: 'Done',
};

/** Describes a progress report in one sentence, e.g. "Reading the unit: 12 of 40". */
export function describeProgress(p: { phase: Phase; done: number; total: number } | undefined): string {
  if (!p) return '';
  const label = PHASE_LABELS[p.phase] ?? p.phase;
  return p.total > 0 ? `${label}: ${p.done} of ${p.total}` : label;
}
