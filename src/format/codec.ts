/**
 * Where the payload's DEFLATE runs. The format writes and reads through a {@link PayloadCodec}: this file's
 * {@link mainThreadCodec} runs fflate in the calling thread; src/worker/ offers one that runs it in a module
 * Worker, so compression overlaps serialisation and sealing on another core. Both receive the same slices with
 * the same final flags, so both write the same bytes (fflate's output depends only on them and on the level).
 * Pure: no Worker, no DOM here — the arrow points from src/worker/ to this file.
 */
import { createCompressor, createDecompressor, DEFLATE_LEVEL, INFLATE_SLICE_BYTES } from './compress.js';

/** The compressed output of one written slice. */
export interface DeflateResult {
  /** Raw-DEFLATE bytes, in order (may be empty: DEFLATE holds input back until a block is full). */
  parts: Uint8Array[];
  /** Plaintext bytes compressed so far, this slice included. */
  consumed: number;
}

/** A streaming compressor whose work may run elsewhere: every `write` gets exactly one `read`, in order. */
export interface DeflateStream {
  /** Queues the next UTF-8 slice; the last one is `final`. The caller gives `slice` up (it may be transferred). */
  write(slice: Uint8Array, final: boolean): void;
  /** The output of the oldest slice not read yet. */
  read(): Promise<DeflateResult>;
  /** Ends the stream early (an error or a cancel): releases what it holds; later reads reject. */
  close(): void;
}

/** The decompressed output of one written chunk. */
export interface InflateResult {
  parts: Uint8Array[];
  /** Bytes produced so far, this chunk included. */
  produced: number;
}

/**
 * A streaming decompressor whose work may run elsewhere. `read` rejects with {@link OutputLimitError} past the
 * limit, with {@link InvalidDeflateError} on data that is not raw DEFLATE, or with the codec's own error when the
 * place it runs in fails.
 */
export interface InflateStream {
  /** Queues the next opened chunk; the last one is `final`. The caller gives `chunk` up. */
  write(chunk: Uint8Array, final: boolean): void;
  read(): Promise<InflateResult>;
  /**
   * Chunks the reader may open before reading the output of an earlier one: 0 here (nothing runs meanwhile, and a
   * bomb is stopped inside the chunk that holds it), a few for a Worker (it inflates them while the page parses).
   */
  readonly ahead: number;
  close(): void;
}

/** Creates the streams one encryption or decryption uses. */
export interface PayloadCodec {
  deflate(level?: number): DeflateStream;
  /** `limit`: the declared plaintext size; output past it is refused. `pause` yields between small steps. */
  inflate(limit: number, pause: () => Promise<void>): InflateStream;
}

/** Raised by an {@link InflateStream} on data that is not valid raw DEFLATE. */
export class InvalidDeflateError extends Error {
  override name = 'InvalidDeflateError';
}

export { OutputLimitError } from './compress.js';

/** Writes waiting for their read: the calling thread's streams do the work when it is read. */
function createLazyQueue<T>(): { items: T[]; closed: boolean } {
  return { items: [], closed: false };
}

function closedError(): Error {
  return new Error('the codec stream is closed');
}

/** Deflates in the calling thread, one slice per read (a 64 K-character slice is a few milliseconds of work). */
function deflateHere(level = DEFLATE_LEVEL): DeflateStream {
  const queue = createLazyQueue<{ slice: Uint8Array; final: boolean }>();
  let parts: Uint8Array[] = [];
  let consumed = 0;
  const compressor = createCompressor((bytes) => parts.push(bytes), level);
  return {
    write: (slice, final) => void queue.items.push({ slice, final }),
    async read() {
      const next = queue.items.shift();
      if (queue.closed || !next) throw closedError();
      compressor.push(next.slice, next.final);
      consumed += next.slice.length;
      const result = { parts, consumed };
      parts = [];
      return result;
    },
    close() {
      queue.closed = true;
      queue.items.length = 0;
    },
  };
}

/**
 * Inflates in the calling thread, in slices of INFLATE_SLICE_BYTES with `pause()` between them: one slice's output
 * is bounded (a bomb cannot produce much per step) and each step is short.
 */
export function inflateHere(limit: number, pause: () => Promise<void>): InflateStream {
  const queue = createLazyQueue<{ chunk: Uint8Array; final: boolean }>();
  let parts: Uint8Array[] = [];
  const decompressor = createDecompressor((bytes) => parts.push(bytes), limit);
  return {
    ahead: 0,
    write: (chunk, final) => void queue.items.push({ chunk, final }),
    async read() {
      const next = queue.items.shift();
      if (queue.closed || !next) throw closedError();
      const { chunk, final } = next;
      for (let at = 0; at < chunk.length || (final && at === 0); at += INFLATE_SLICE_BYTES) {
        const end = Math.min(chunk.length, at + INFLATE_SLICE_BYTES);
        pushInflate(decompressor, chunk.subarray(at, end), final && end === chunk.length);
        await pause();
      }
      const result = { parts, produced: decompressor.produced };
      parts = [];
      return result;
    },
    close() {
      queue.closed = true;
      queue.items.length = 0;
    },
  };
}

/** Pushes into fflate, turning its error on bad data into {@link InvalidDeflateError} (the limit error passes). */
export function pushInflate(decompressor: { push(b: Uint8Array, f: boolean): void }, bytes: Uint8Array, final: boolean): void {
  try {
    decompressor.push(bytes, final);
  } catch (error) {
    if (error instanceof Error && error.name === 'OutputLimitError') throw error;
    throw new InvalidDeflateError('the compressed data is invalid', { cause: error });
  }
}

/** fflate in the calling thread: the codec of Node, of tests, and the fallback when no Worker can be made. */
export const mainThreadCodec: PayloadCodec = { deflate: deflateHere, inflate: inflateHere };
