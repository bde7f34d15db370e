/** Options of the format's public functions, and their validation. */
import type { PayloadCodec } from './codec.js';
import { FormatError } from '../errors.js';
import {
  CHUNK_BYTES,
  DEFAULT_ITERATIONS,
  DEFAULT_MAX_PLAINTEXT_BYTES,
  MAX_CHUNK_BYTES,
  MAX_ITERATIONS,
  MIN_CHUNK_BYTES,
  MIN_ITERATIONS,
} from './constants.js';

/** Progress of a long operation, in bytes of plaintext (the UTF-8 JSON text before compression). */
export interface FormatProgress {
  done: number;
  total: number;
}

/** Options of {@link encryptBackup} and {@link encryptBackupToBlob}. */
export interface EncryptOptions {
  /** PBKDF2 iterations, MIN_ITERATIONS…MAX_ITERATIONS; default DEFAULT_ITERATIONS. */
  iterations?: number;
  /**
   * Adds a recovery-key slot for this key (its human form or its 32 bytes) besides the slot of the password: the
   * file then opens with either. Never stored or sent anywhere by this module.
   */
  recoveryKey?: string | Uint8Array;
  /** Bytes of compressed data per sealed chunk, MIN_CHUNK_BYTES…MAX_CHUNK_BYTES; default CHUNK_BYTES. */
  chunkBytes?: number;
  /** Aborting rejects with FormatError ABORTED. */
  signal?: AbortSignal;
  /** Called as plaintext is compressed and sealed. */
  onProgress?: (p: FormatProgress) => void;
}

/** Options of {@link decryptBackup} and {@link decryptBackupBlob}. */
export interface DecryptOptions {
  /** Refuse files whose declared JSON size is larger (TOO_LARGE); default DEFAULT_MAX_PLAINTEXT_BYTES (512 MiB). */
  maxPlaintextBytes?: number;
  /** Aborting rejects with FormatError ABORTED. */
  signal?: AbortSignal;
  /** Called as chunks are opened and decompressed. */
  onProgress?: (p: FormatProgress) => void;
}

/**
 * Internal option of the writer and the reader: where DEFLATE runs (default: codec.ts's mainThreadCodec, fflate in the calling thread). src/worker/
 * passes its Worker codec; not part of the public options.
 */
export interface CodecOption {
  codec?: PayloadCodec;
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Resolves encryption options to concrete values. @throws FormatError KDF_OUT_OF_RANGE, INVALID_OPTIONS */
export function resolveEncryptOptions(o: EncryptOptions = {}): { iterations: number; chunkBytes: number } {
  const iterations = o.iterations ?? DEFAULT_ITERATIONS;
  if (!isIntegerIn(iterations, MIN_ITERATIONS, MAX_ITERATIONS)) {
    throw new FormatError(
      'KDF_OUT_OF_RANGE',
      `The iteration count must be a whole number from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}.`,
    );
  }
  const chunkBytes = o.chunkBytes ?? CHUNK_BYTES;
  if (!isIntegerIn(chunkBytes, MIN_CHUNK_BYTES, MAX_CHUNK_BYTES)) {
    throw new FormatError(
      'INVALID_OPTIONS',
      `The chunk size must be a whole number of bytes from ${MIN_CHUNK_BYTES} to ${MAX_CHUNK_BYTES}.`,
    );
  }
  return { iterations, chunkBytes };
}

/** Resolves the decryption size cap. @throws FormatError INVALID_OPTIONS */
export function resolveMaxPlaintextBytes(o: DecryptOptions = {}): number {
  const max = o.maxPlaintextBytes ?? DEFAULT_MAX_PLAINTEXT_BYTES;
  if (!isIntegerIn(max, 0, Number.MAX_SAFE_INTEGER)) {
    throw new FormatError('INVALID_OPTIONS', 'maxPlaintextBytes must be a whole, non-negative number of bytes.');
  }
  return max;
}
