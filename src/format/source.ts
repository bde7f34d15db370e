/** Random-access reads over a whole buffer or a Blob/File, so decryption holds one chunk at a time. */

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

/** A source over a Blob or File: each read is a `slice().arrayBuffer()`, so the file is never read whole. */
export function createBlobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}
