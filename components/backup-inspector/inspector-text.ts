/**
 * The inspector's sentences that depend on an error or a path: what it says for a failure (its own wording for
 * the codes it expects while opening, else the element's), and a schema problem's path.
 */
import { isBackupError, type BackupErrorCode } from '../../src/errors.js';
import { formatIssuePath } from '../../src/inspect/messages.js';
import type { Localizer } from '../shared/l10n/localizer.js';

/** The code and the sentence (in the localizer's language) for any error thrown while opening, comparing, saving. */
export function sayOpenError(l: Localizer, error: unknown): { code: BackupErrorCode | 'UNKNOWN'; message: string } {
  const own = l.t.inspector.openErrors as Partial<Record<BackupErrorCode | 'UNKNOWN', string>>;
  let code: BackupErrorCode | 'UNKNOWN' = 'UNKNOWN';
  if (isBackupError(error)) code = error.code;
  else if (error instanceof DOMException && error.name === 'AbortError') code = 'ABORTED';
  const message = own[code] ?? (code === 'UNKNOWN' ? undefined : l.t.errors[code]) ?? own.UNKNOWN!;
  return { code, message };
}

/** `unit.plugins[0].author` from a validation issue's path; the whole content when it is empty. */
export function sayIssuePath(l: Localizer, path: (string | number)[]): string {
  return path.length ? formatIssuePath(path) : l.t.inspector.wholeContent;
}
