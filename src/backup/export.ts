/** Export: read a whole unit and return it as an encrypted backup file. */
import type { DashboardClient } from '../api/index.js';
import { toRecoveryKeyBytes } from '../format/index.js';
import { encryptBackupToBlob } from '../worker/index.js';
import { normalizeAbort, throwIfAborted } from './abort.js';
import { collectUnit } from './collect.js';
import { backupFilename, buildPayload } from './manifest.js';
import { pageOrigin } from './origin.js';
import { checkPassword, requireAdmin } from './session.js';
import type { ExportOptions, ExportResult } from './types.js';

/**
 * Exports a unit (default: the session's current unit) as an encrypted backup.
 *
 * Checks the password length and the session role before reading any unit data (only `GET /session` is sent),
 * then reads every plugin and workspace in full, every profile and key-store entry — in parallel, bounded by the
 * client — and encrypts the payload with `password`.
 *
 * @returns the encrypted file, a name for it (`<unit-slug>-<YYYY-MM-DD-HHmm>.dashboard-backup`) and its manifest.
 * @throws BackupError PASSWORD_TOO_SHORT, INVALID_RECOVERY_KEY (`o.recoveryKey` mistyped), NOT_ADMIN, INVALID_OPTIONS (unknown unit), ABORTED; HttpError from the
 *   client; FormatError from encryption.
 */
export async function exportUnit(
  client: DashboardClient,
  password: string,
  o: ExportOptions = {},
): Promise<ExportResult> {
  checkPassword(password);
  // A mistyped recovery key is refused before any request, not after the unit was read.
  if (o.recoveryKey !== undefined) toRecoveryKeyBytes(o.recoveryKey);
  const { signal, onProgress } = o;
  try {
    throwIfAborted(signal);
    onProgress?.({ phase: 'session', done: 0, total: 1 });
    const { session, target } = await requireAdmin(client, o.unit, signal);
    onProgress?.({ phase: 'session', done: 1, total: 1 });
    const state = await collectUnit(client, target.id, { signal, onProgress });
    throwIfAborted(signal);
    const now = new Date();
    const payload = buildPayload(state, target, session.user, pageOrigin(o.origin), now);
    const blob = await encryptBackupToBlob(payload, password, {
      ...(o.iterations !== undefined ? { iterations: o.iterations } : {}),
      ...(o.recoveryKey !== undefined ? { recoveryKey: o.recoveryKey } : {}),
      ...(signal ? { signal } : {}),
      onProgress: (p) => onProgress?.({ phase: 'encrypt', done: p.done, total: p.total }),
    });
    throwIfAborted(signal);
    onProgress?.({ phase: 'done', done: 1, total: 1 });
    return { blob, filename: backupFilename(target.name, now), manifest: payload.manifest };
  } catch (error) {
    throw normalizeAbort(error, signal);
  }
}
