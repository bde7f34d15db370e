/** User-facing wording for the errors the inspector can meet. Never includes a password or payload data. */
import { isBackupError, type BackupErrorCode } from '../errors.js';

/** What the inspector says for each error code it expects while opening a file. */
export const OPEN_ERROR_MESSAGES: Partial<Record<BackupErrorCode, string>> = {
  WRONG_PASSWORD: 'Wrong password, or the file was altered after it was made. Check the password and try again.',
  WRONG_RECOVERY_KEY: 'This recovery key does not open this backup. Check it against the emergency kit of this backup.',
  NO_USABLE_KEY_SLOT: 'This backup cannot be opened that way: use its password, or its recovery key, whichever it has.',
  INVALID_OPTIONS: 'A backup must keep a password or a recovery key: it cannot have neither.',
  PASSWORD_TOO_SHORT: 'The new password must be at least 4 characters long.',
  NOT_A_BACKUP: 'This file is not a Dashboard backup. Choose a .dashboard-backup file.',
  UNSUPPORTED_VERSION: 'This backup was made by a newer version of the backup tool. Open it with that version.',
  KDF_OUT_OF_RANGE: 'This backup uses key-derivation settings outside the safe range, so it was not opened.',
  CORRUPT_FILE: 'The backup file is damaged or incomplete. Try another copy of it.',
  FILE_UNREADABLE: 'The file could not be read: it may have been changed, moved or deleted since you chose it. Choose it again.',
  TOO_LARGE: 'This backup is too large to open in the browser.',
  INVALID_BACKUP: 'The file decrypted, but its content is not a Dashboard backup.',
  NEWER_BACKUP: 'This backup holds sections this version does not know: a newer version of the backup tool made it.',
  ABORTED: 'Opening was cancelled.',
};

/** A message a person can act on, for any error thrown while opening or comparing a backup. */
export function describeOpenError(error: unknown): { code: BackupErrorCode | 'UNKNOWN'; message: string } {
  if (isBackupError(error)) {
    return { code: error.code, message: OPEN_ERROR_MESSAGES[error.code] ?? error.message };
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return { code: 'ABORTED', message: OPEN_ERROR_MESSAGES.ABORTED! };
  }
  return { code: 'UNKNOWN', message: 'The backup could not be opened because of an unexpected error.' };
}

/** `unit.plugins[0].author` from a validation issue's path. */
export function formatIssuePath(path: (string | number)[]): string {
  if (!path.length) return '(the whole content)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
