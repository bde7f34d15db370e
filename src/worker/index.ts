/**
 * The format's public functions with DEFLATE off the main thread: the same contracts as src/format/index.ts (same
 * bytes, same errors), with the Worker codec (codec.ts). What the package exports and what the engine and the
 * inspector call; src/format itself stays pure.
 */
import { concatBytes } from '../format/bytes.js';
import { decryptFromSource } from '../format/decrypt.js';
import { encryptToParts } from '../format/encrypt.js';
import { BACKUP_MIME_TYPE } from '../format/mime.js';
import type { DecryptOptions, EncryptOptions } from '../format/options.js';
import type { BackupSecret } from '../format/secret.js';
import { createBlobSource, createBytesSource } from '../format/source.js';
import { workerCodec } from './codec.js';

/**
 * Encrypts a JSON-serialisable payload into the bytes of a backup file (format version 2). Compression runs in
 * the format Worker when the payload is large and a Worker can start, on the page otherwise: the same bytes.
 * @returns the whole file in one buffer (prefer {@link encryptBackupToBlob} for large payloads).
 * @throws FormatError KDF_OUT_OF_RANGE, INVALID_OPTIONS, PASSWORD_TOO_SHORT, INVALID_RECOVERY_KEY, ABORTED.
 */
export async function encryptBackup(payload: unknown, secret: BackupSecret, o?: EncryptOptions): Promise<Uint8Array> {
  return concatBytes(await encryptToParts(payload, secret, { ...o, codec: workerCodec }));
}

/** Streaming twin of {@link encryptBackup}: the Blob is assembled from the sealed chunks without joining them. */
export async function encryptBackupToBlob(payload: unknown, secret: BackupSecret, o?: EncryptOptions): Promise<Blob> {
  const parts = await encryptToParts(payload, secret, { ...o, codec: workerCodec });
  return new Blob(parts as BlobPart[], { type: BACKUP_MIME_TYPE });
}

/**
 * Decrypts the bytes of a backup file (v1 or v2) and returns its payload, decompressing in the format Worker when
 * it is large and a Worker can start.
 * @throws FormatError NOT_A_BACKUP, UNSUPPORTED_VERSION, KDF_OUT_OF_RANGE, WRONG_PASSWORD, WRONG_RECOVERY_KEY,
 *   INVALID_RECOVERY_KEY, NO_USABLE_KEY_SLOT, CORRUPT_FILE, TOO_LARGE, ABORTED, INVALID_OPTIONS.
 */
export function decryptBackup(bytes: Uint8Array, secret: BackupSecret, o?: DecryptOptions): Promise<unknown> {
  return decryptFromSource(createBytesSource(bytes), secret, { ...o, codec: workerCodec });
}

/** Streaming twin of {@link decryptBackup}: reads a Blob or File one chunk at a time. Same errors. */
export function decryptBackupBlob(file: Blob, secret: BackupSecret, o?: DecryptOptions): Promise<unknown> {
  return decryptFromSource(createBlobSource(file), secret, { ...o, codec: workerCodec });
}
