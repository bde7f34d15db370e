/**
 * Raw DEFLATE (RFC 1951, no zlib or gzip wrapper) through fflate's streaming classes, so memory stays bounded by
 * one slice at a time. Decompression counts its output and stops as soon as it passes the declared size.
 */
import { Deflate, Inflate } from 'fflate';

/** Compression level written by this build (any level decodes the same; chosen by measurement, docs/format.md). */
export const DEFLATE_LEVEL = 6;

/** Compressed bytes handed to the inflater at once: bounds one step's output to about 1 032 × this. */
export const INFLATE_SLICE_BYTES = 16 * 1024;

/** A streaming compressor: `push` input, compressed output is delivered to `onData` as it is produced. */
export interface Compressor {
  push(bytes: Uint8Array, final: boolean): void;
}

/** Creates a raw-DEFLATE compressor. */
export function createCompressor(onData: (bytes: Uint8Array) => void, level = DEFLATE_LEVEL): Compressor {
  const deflate = new Deflate({ level: level as 6 }, (data) => {
    if (data.length > 0) onData(data);
  });
  return { push: (bytes, final) => deflate.push(bytes, final) };
}

/** Raised by a {@link Decompressor} when the output would exceed its limit. */
export class OutputLimitError extends Error {
  override name = 'OutputLimitError';
}

/** A streaming decompressor. `push` throws OutputLimitError past the limit, or fflate's error on invalid data. */
export interface Decompressor {
  push(bytes: Uint8Array, final: boolean): void;
  /** Bytes of output produced so far. */
  readonly produced: number;
}

/** Creates a raw-DEFLATE decompressor that refuses to produce more than `limit` bytes. */
export function createDecompressor(onData: (bytes: Uint8Array) => void, limit: number): Decompressor {
  let produced = 0;
  const inflate = new Inflate((data) => {
    produced += data.length;
    if (produced > limit) throw new OutputLimitError('decompressed data exceeds the declared size');
    if (data.length > 0) onData(data);
  });
  return {
    push: (bytes, final) => inflate.push(bytes, final),
    get produced() {
      return produced;
    },
  };
}
