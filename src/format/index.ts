/**
 * The encrypted backup file format (spec: docs/format.md). Pure: bytes and Blobs in and out; no DOM, network or
 * storage. Every failure is a {@link FormatError} with a stable code.
 */
import { concatBytes } from './bytes.js';
import { decryptFromSource } from './decrypt.js';
import { encryptToParts } from './encrypt.js';
import type { DecryptOptions, EncryptOptions } from './options.js';
import { createBlobSource, createBytesSource } from './source.js';

export {
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
} from './constants.js';
export type { DecryptOptions, EncryptOptions, FormatProgress } from './options.js';
export type { FormatReader, PayloadMigration } from './migrate.js';
export { listReadableVersions, registerFormatReader, registerPayloadMigration } from './migrate.js';
export type { ByteSource } from './source.js';
export { FormatError } from '../errors.js';

export { BACKUP_MIME_TYPE } from './mime.js';
import { BACKUP_MIME_TYPE } from './mime.js';
import type { BackupSecret } from './secret.js';
export type { BackupSecret } from './secret.js';
export {
  checkRecoveryKey,
  formatRecoveryKey,
  generateRecoveryKey,
  parseRecoveryKey,
  RECOVERY_KEY_ALPHABET,
  RECOVERY_KEY_GROUPS,
  toRecoveryKeyBytes,
  type RecoveryKey,
  type RecoveryKeyCheck,
} from './recovery-key.js';
export { describeKeySlots, rekeyBackup, type KeySlotSummary, type RekeyChanges } from './rekey.js';

/**
 * Encrypts a JSON-serialisable payload into the bytes of a backup file (format version 2: a random file key,
 * wrapped in a key slot for `secret` and, with `o.recoveryKey`, in a recovery-key slot too).
 * @param secret a password, or a recovery key (a string shaped like one is taken as one; see {@link BackupSecret}).
 * @returns the whole file in one buffer (prefer {@link encryptBackupToBlob} for large payloads).
 * @throws FormatError KDF_OUT_OF_RANGE (iterations), INVALID_OPTIONS (chunk size, payload not JSON),
 *   PASSWORD_TOO_SHORT (empty password), INVALID_RECOVERY_KEY, ABORTED.
 */
export async function encryptBackup(payload: unknown, secret: BackupSecret, o?: EncryptOptions): Promise<Uint8Array> {
  return concatBytes(await encryptToParts(payload, secret, o));
}

/**
 * Decrypts the bytes of a backup file (v1 or v2) and returns its payload (parsed JSON, migrated to the current
 * version). The caller validates its shape.
 * @param secret its password or its recovery key (see {@link BackupSecret}).
 * @throws FormatError NOT_A_BACKUP, UNSUPPORTED_VERSION, KDF_OUT_OF_RANGE, WRONG_PASSWORD, WRONG_RECOVERY_KEY,
 *   INVALID_RECOVERY_KEY (a typo, found before any decryption), NO_USABLE_KEY_SLOT, CORRUPT_FILE, TOO_LARGE,
 *   ABORTED, INVALID_OPTIONS.
 */
export function decryptBackup(bytes: Uint8Array, secret: BackupSecret, o?: DecryptOptions): Promise<unknown> {
  return decryptFromSource(createBytesSource(bytes), secret, o);
}

/**
 * Streaming twin of {@link encryptBackup}: the Blob is assembled from the sealed chunks without ever joining them,
 * and the plaintext is released as it is compressed.
 */
export async function encryptBackupToBlob(payload: unknown, secret: BackupSecret, o?: EncryptOptions): Promise<Blob> {
  const parts = await encryptToParts(payload, secret, o);
  return new Blob(parts as BlobPart[], { type: BACKUP_MIME_TYPE });
}

/**
 * Streaming twin of {@link decryptBackup}: reads a Blob or File one chunk at a time (`slice()`), so only one chunk
 * of ciphertext is in memory while the plaintext is rebuilt. Same errors as {@link decryptBackup}.
 */
export function decryptBackupBlob(file: Blob, secret: BackupSecret, o?: DecryptOptions): Promise<unknown> {
  return decryptFromSource(createBlobSource(file), secret, o);
}
