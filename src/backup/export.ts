/** Export: read a whole unit and return it as an encrypted backup file. */
import type { DashboardClient } from '../api/index.js';
import { prepareBackupEncryption } from '../worker/index.js';
import { normalizeAbort, throwIfAborted } from './abort.js';
import { collectUnit } from './collect.js';
import { backupFilename, buildPayload } from './manifest.js';
import { pageOrigin } from './origin.js';
import { checkPassword, requireAdmin } from './session.js';
import type { ExportOptions, ExportResult } from './types.js';

/**
 * Entities read in full from which an export starts the format Worker during its read: such a unit is likely past
 * the Worker's 1 MiB (WORKER_MIN_BYTES; a plugin or workspace of the large seed is ~10-20 KiB of JSON). A wrong guess
 * costs an idle Worker, or the Worker's start-up after the read as before; smaller units never load one.
 */
export const WARM_WORKER_READS = 100;

/**
 * Exports a unit (default: the session's current unit) as an encrypted backup.
 *
 * Checks the password, the options and the session role before reading any unit data (only `GET /session` is
 * sent), then reads every plugin and workspace in full, every profile and key-store entry — in parallel, bounded by
 * the client — and encrypts the payload with `password`. The key work (PBKDF2, the key slots) and, for a large unit
 * ({@link WARM_WORKER_READS}), the format Worker's start-up run while the unit is read, so only the payload's
 * sealing follows the read; a failed or cancelled read stops the key work (nothing is left running or unhandled).
 *
 * @returns the encrypted file, a name for it (`<unit-slug>-<YYYY-MM-DD-HHmm>.dashboard-backup`) and its manifest.
 * @throws BackupError PASSWORD_TOO_SHORT, INVALID_RECOVERY_KEY (`o.recoveryKey` mistyped), KDF_OUT_OF_RANGE
 *   (`o.iterations`), NOT_ADMIN, INVALID_OPTIONS (unknown unit), ABORTED; HttpError from the client; FormatError from
 *   encryption.
 */
export async function exportUnit(
  client: DashboardClient,
  password: string,
  o: ExportOptions = {},
): Promise<ExportResult> {
  checkPassword(password);
  const { signal, onProgress } = o;
  throwIfAborted(signal);
  // Checks the recovery key and iterations (refused before any request, not after the unit was read) and starts
  // the key derivation now: it needs only the password, so it runs while the unit is read.
  const encryption = prepareBackupEncryption(password, {
    ...(o.iterations !== undefined ? { iterations: o.iterations } : {}),
    ...(o.recoveryKey !== undefined ? { recoveryKey: o.recoveryKey } : {}),
    ...(signal ? { signal } : {}),
  });
  try {
    onProgress?.({ phase: 'session', done: 0, total: 1 });
    const { session, target } = await requireAdmin(client, o.unit, signal);
    onProgress?.({ phase: 'session', done: 1, total: 1 });
    const state = await collectUnit(client, target.id, {
      signal,
      onProgress: (p) => {
        if (p.total >= WARM_WORKER_READS) encryption.warm();
        onProgress?.(p);
      },
    });
    throwIfAborted(signal);
    const now = new Date();
    const payload = buildPayload(state, target, session.user, pageOrigin(o.origin), now);
    const blob = await encryption.sealToBlob(payload, {
      onProgress: (p) => onProgress?.({ phase: 'encrypt', done: p.done, total: p.total }),
    });
    throwIfAborted(signal);
    onProgress?.({ phase: 'done', done: 1, total: 1 });
    return { blob, filename: backupFilename(target.name, now), manifest: payload.manifest };
  } catch (error) {
    encryption.cancel(); // a failed read or session check: the derivation stops at its next step
    throw normalizeAbort(error, signal);
  }
}
