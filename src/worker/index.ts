/**
 * The format's public functions with DEFLATE off the main thread: the same contracts as src/format/index.ts (same
 * bytes, same errors), with the Worker codec (codec.ts). What the package exports and what the engine and the
 * inspector call; src/format itself stays pure.
 */
import { concatBytes } from '../format/bytes.js';
import { decryptFromSource } from '../format/decrypt.js';
import { encryptToParts, prepareEncryption, type PrepareOptions } from '../format/encrypt.js';
import { BACKUP_MIME_TYPE } from '../format/mime.js';
import type { DecryptOptions, EncryptOptions } from '../format/options.js';
import type { BackupSecret } from '../format/secret.js';
import { createBlobSource, createBytesSource } from '../format/source.js';
import { workerCodec } from './codec.js';
import { warmWorker } from './pool.js';

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

/** A backup's encryption prepared before its payload exists (see {@link prepareBackupEncryption}). */
export interface PreparedBackup {
  /** Resolves once the key slots and keys exist; rejects as their derivation does. Awaiting it is optional. */
  readonly ready: Promise<void>;
  /**
   * Serialises, compresses (in the format Worker when large) and seals `payload` into a backup Blob. Once only.
   * @throws FormatError ABORTED, INVALID_OPTIONS; BackupError WORKER_FAILED.
   */
  sealToBlob(payload: unknown, o?: Pick<EncryptOptions, 'onProgress'>): Promise<Blob>;
  /**
   * Starts the format Worker now, for a payload expected to be large enough to be compressed in it (the codec
   * decides that by the bytes it is given, WORKER_MIN_BYTES); it then waits idle, ready, instead of starting when
   * the first large slice arrives. A Worker started for a payload that turns out small stays idle for the next one.
   */
  warm(): void;
  /** Gives up: the key work stops at its next step and nothing is left unhandled. Idempotent. */
  cancel(): void;
}

/**
 * Starts everything a backup's encryption needs but its payload, while the caller gets the payload (an export reads
 * the unit meanwhile): the key derivation and key slots on the page (WebCrypto; the secret never goes to the
 * Worker), and, once the caller expects a large payload ({@link PreparedBackup.warm}), the format Worker's start-up.
 * The file is the one {@link encryptBackupToBlob} would write.
 * @throws FormatError (at once) KDF_OUT_OF_RANGE, INVALID_OPTIONS, PASSWORD_TOO_SHORT, INVALID_RECOVERY_KEY, ABORTED.
 */
export function prepareBackupEncryption(secret: BackupSecret, o: PrepareOptions = {}): PreparedBackup {
  const prepared = prepareEncryption(secret, o);
  return {
    ready: prepared.ready,
    warm: warmWorker,
    cancel: prepared.cancel,
    async sealToBlob(payload, so = {}) {
      const parts = await prepared.seal(payload, { ...so, codec: workerCodec });
      return new Blob(parts as BlobPart[], { type: BACKUP_MIME_TYPE });
    },
  };
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
