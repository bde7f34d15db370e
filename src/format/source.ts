/** Random-access reads over a whole buffer or a Blob/File, so decryption holds one chunk at a time. */
import { FormatError } from '../errors.js';

/** Something decryption can read byte ranges from. */
export interface ByteSource {
  readonly size: number;
  /** Reads `length` bytes at `offset` (fewer at the end of the source). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A source over bytes already in memory (no copy). */
export function createBytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
  };
}

/**
 * A source over a Blob or File: each read is a `slice().arrayBuffer()`, so the file is never read whole.
 * @throws FormatError FILE_UNREADABLE when the browser cannot read the bytes: a chosen File that was changed, moved
 *   or deleted on disk since (Chromium's `NotReadableError`), or a storage failure behind the Blob.
 */
export function createBlobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) => {
      try {
        return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
      } catch (cause) {
        throw new FormatError(
          'FILE_UNREADABLE',
          'The backup file could not be read: it may have been changed, moved or deleted since it was chosen. Choose it again.',
          { cause },
        );
      }
    },
  };
}
