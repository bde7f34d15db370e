/**
 * The payload half of writing a backup: JSON text → UTF-8 → raw DEFLATE (through a codec, maybe in a Worker) →
 * STREAM-sealed chunks of exactly the chunk size. Every step works on slices and yields to the event loop, and the
 * plaintext is released slice by slice as it is compressed. The header half (keys, slots, MAC) is encrypt.ts.
 */
import { FormatError } from '../errors.js';
import { concatBytes } from './bytes.js';
import { mainThreadCodec, type DeflateStream } from './codec.js';
import type { FileKeys } from './keys.js';
import type { CodecOption, EncryptOptions } from './options.js';
import { createTaskBudget, throwIfAborted, type TaskBudget } from './schedule.js';
import { generateJsonPieces } from './serialize.js';
import { sealChunk } from './stream.js';

/** UTF-16 code units of JSON text gathered before encoding them as one UTF-8 slice. */
const ENCODE_SLICE_CHARS = 64 * 1024;

const encoder = new TextEncoder();

/**
 * Serialises `payload` into UTF-8 slices of JSON text and writes each to `stream` as soon as the next one exists
 * (only the last is written as final), yielding between slices. With a Worker codec, compression starts on the
 * first slice while serialisation goes on here. Returns the number of slices and of bytes written.
 */
async function writeJsonSlices(
  payload: unknown,
  stream: DeflateStream,
  budget: TaskBudget,
): Promise<{ slices: number; bytes: number }> {
  let held: Uint8Array | undefined;
  let slices = 0;
  let bytes = 0;
  const add = (slice: Uint8Array) => {
    if (held) stream.write(held, false);
    held = slice;
    slices++;
    bytes += slice.length;
  };
  let pending: string[] = [];
  let pendingChars = 0;
  try {
    for (const piece of generateJsonPieces(payload)) {
      pending.push(piece);
      pendingChars += piece.length;
      if (pendingChars >= ENCODE_SLICE_CHARS) {
        add(encoder.encode(pending.join('')));
        pending = [];
        pendingChars = 0;
        await budget.pause();
      }
    }
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError('INVALID_OPTIONS', 'The backup content cannot be written as JSON.', { cause: error });
  }
  if (pendingChars > 0) add(encoder.encode(pending.join('')));
  if (!held) throw new FormatError('INVALID_OPTIONS', 'The backup content cannot be written as JSON.');
  stream.write(held, true);
  return { slices, bytes };
}

/** Collects compressed output and hands it out in exact chunk-sized pieces. */
function createChunker() {
  const queue: Uint8Array[] = [];
  let queued = 0;
  return {
    add(bytes: Uint8Array) {
      queue.push(bytes);
      queued += bytes.length;
    },
    get queued() {
      return queued;
    },
    take(length: number): Uint8Array {
      const parts: Uint8Array[] = [];
      let need = Math.min(length, queued);
      queued -= need;
      while (need > 0) {
        const head = queue[0]!;
        if (head.length <= need) {
          parts.push(head);
          queue.shift();
          need -= head.length;
        } else {
          parts.push(head.subarray(0, need));
          queue[0] = head.subarray(need);
          need = 0;
        }
      }
      return parts.length === 1 ? parts[0]! : concatBytes(parts);
    },
  };
}

/** The sealed chunks of a payload and the sizes the header declares. */
export interface SealedPayload {
  sealed: Uint8Array[];
  plaintextBytes: number;
  compressedBytes: number;
}

/**
 * Serialises, compresses and seals `payload` under the payload key `keys` resolves to. The keys are awaited only
 * once the JSON is written, so a slow KDF runs meanwhile; `abortKeys` stops it when serialisation fails.
 */
export async function sealPayload(
  payload: unknown,
  keys: Promise<FileKeys>,
  abortKeys: () => void,
  chunkBytes: number,
  options: EncryptOptions & CodecOption,
): Promise<SealedPayload & { keys: FileKeys }> {
  const { signal, onProgress } = options;
  keys.catch(() => undefined);
  const budget = createTaskBudget(signal);
  const stream = (options.codec ?? mainThreadCodec).deflate();
  try {
    let written: { slices: number; bytes: number };
    try {
      written = await writeJsonSlices(payload, stream, budget);
    } catch (error) {
      abortKeys();
      throw error;
    }
    const plaintextBytes = written.bytes;
    const fileKeys = await keys;
    throwIfAborted(signal);

    const chunker = createChunker();
    const sealed: Uint8Array[] = [];
    let compressedBytes = 0;
    for (let i = 0; i < written.slices; i++) {
      const { parts, consumed } = await stream.read();
      for (const part of parts) chunker.add(part);
      // Keep at least one byte back until the end: only the last chunk may be sealed as final.
      while (chunker.queued > chunkBytes) {
        const chunk = chunker.take(chunkBytes);
        compressedBytes += chunk.length;
        sealed.push(await sealChunk(fileKeys.payloadKey, sealed.length, false, chunk));
        await budget.pause();
      }
      onProgress?.({ done: consumed, total: plaintextBytes });
      await budget.pause();
    }
    const last = chunker.take(chunker.queued);
    compressedBytes += last.length;
    sealed.push(await sealChunk(fileKeys.payloadKey, sealed.length, true, last));
    return { sealed, plaintextBytes, compressedBytes, keys: fileKeys };
  } finally {
    stream.close();
  }
}
