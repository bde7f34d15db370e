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
  MIN_CHUNK_BYTES,
  MIN_ITERATIONS,
  SALT_BYTES,
  SUPPORTED_VERSIONS,
  TAG_BYTES,
} from './constants.js';
export type { DecryptOptions, EncryptOptions, FormatProgress } from './options.js';
export type { FormatReader, PayloadMigration } from './migrate.js';
export { listReadableVersions, registerFormatReader, registerPayloadMigration } from './migrate.js';
export type { ByteSource } from './source.js';
export { FormatError } from '../errors.js';

/** MIME type given to backup Blobs. */
export const BACKUP_MIME_TYPE = 'application/octet-stream';

/**
 * Encrypts a JSON-serialisable payload into the bytes of a backup file.
 * @returns the whole file in one buffer (prefer {@link encryptBackupToBlob} for large payloads).
 * @throws FormatError KDF_OUT_OF_RANGE (iterations), INVALID_OPTIONS (chunk size, payload not JSON),
 *   PASSWORD_TOO_SHORT (empty password), ABORTED.
 */
export async function encryptBackup(payload: unknown, password: string, o?: EncryptOptions): Promise<Uint8Array> {
  return concatBytes(await encryptToParts(payload, password, o));
}

/**
 * Decrypts the bytes of a backup file and returns its payload (parsed JSON, migrated to the current version).
 * The caller validates its shape.
 * @throws FormatError NOT_A_BACKUP, UNSUPPORTED_VERSION, KDF_OUT_OF_RANGE, WRONG_PASSWORD, CORRUPT_FILE,
 *   TOO_LARGE, ABORTED, INVALID_OPTIONS.
 */
export function decryptBackup(bytes: Uint8Array, password: string, o?: DecryptOptions): Promise<unknown> {
  return decryptFromSource(createBytesSource(bytes), password, o);
}

/**
 * Streaming twin of {@link encryptBackup}: the Blob is assembled from the sealed chunks without ever joining them,
 * and the plaintext is released as it is compressed.
 */
export async function encryptBackupToBlob(payload: unknown, password: string, o?: EncryptOptions): Promise<Blob> {
  const parts = await encryptToParts(payload, password, o);
  return new Blob(parts as BlobPart[], { type: BACKUP_MIME_TYPE });
}

/**
 * Streaming twin of {@link decryptBackup}: reads a Blob or File one chunk at a time (`slice()`), so only one chunk
 * of ciphertext is in memory while the plaintext is rebuilt. Same errors as {@link decryptBackup}.
 */
export function decryptBackupBlob(file: Blob, password: string, o?: DecryptOptions): Promise<unknown> {
  return decryptFromSource(createBlobSource(file), password, o);
}
