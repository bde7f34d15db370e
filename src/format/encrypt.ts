/**
 * Writing a backup: JSON text → UTF-8 → raw DEFLATE → STREAM-sealed chunks, then the header (written last because
 * it declares the sizes; it still comes first in the file). Every step works on slices and yields to the event
 * loop, and the plaintext is released slice by slice as it is compressed.
 */
import { FormatError } from '../errors.js';
import { concatBytes } from './bytes.js';
import { createCompressor } from './compress.js';
import { SALT_BYTES } from './constants.js';
import { assembleHeader, encodeHeaderFields, type HeaderFields } from './header.js';
import { computeHeaderMac, deriveKeys, type FileKeys } from './keys.js';
import { resolveEncryptOptions, type EncryptOptions } from './options.js';
import { createTaskBudget, throwIfAborted, type TaskBudget } from './schedule.js';
import { generateJsonPieces } from './serialize.js';
import { sealChunk } from './stream.js';

/** UTF-16 code units of JSON text gathered before encoding them as one UTF-8 slice. */
const ENCODE_SLICE_CHARS = 64 * 1024;

const encoder = new TextEncoder();

/** Serialises `payload` into UTF-8 slices of JSON text, yielding between slices. */
async function encodeJsonSlices(payload: unknown, budget: TaskBudget): Promise<Uint8Array[]> {
  const slices: Uint8Array[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  let empty = true;
  try {
    for (const piece of generateJsonPieces(payload)) {
      empty = false;
      pending.push(piece);
      pendingChars += piece.length;
      if (pendingChars >= ENCODE_SLICE_CHARS) {
        slices.push(encoder.encode(pending.join('')));
        pending = [];
        pendingChars = 0;
        await budget.pause();
      }
    }
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError('INVALID_OPTIONS', 'The backup content cannot be written as JSON.', { cause: error });
  }
  if (empty) throw new FormatError('INVALID_OPTIONS', 'The backup content cannot be written as JSON.');
  if (pendingChars > 0) slices.push(encoder.encode(pending.join('')));
  return slices;
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

/**
 * Encrypts `payload` into the parts of a backup file: the header first, then every sealed chunk. Joining the parts
 * gives the file. Internal: the public functions wrap it.
 */
export async function encryptToParts(
  payload: unknown,
  password: string,
  options: EncryptOptions = {},
): Promise<Uint8Array[]> {
  const { iterations, chunkBytes } = resolveEncryptOptions(options);
  const { signal, onProgress } = options;
  if (typeof password !== 'string' || password.length === 0) {
    throw new FormatError('PASSWORD_TOO_SHORT', 'Choose a password to protect the backup.');
  }
  throwIfAborted(signal);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  // PBKDF2 runs off the main thread in WebCrypto; start it now and serialise meanwhile. A payload refused (or a
  // cancel) meanwhile stops the derivation at its next step instead of leaving it running after the call.
  const derivation = new AbortController();
  const keysPromise: Promise<FileKeys> = deriveKeys(password, salt, iterations, derivation.signal);
  keysPromise.catch(() => undefined);
  const budget = createTaskBudget(signal);

  let slices: (Uint8Array | undefined)[];
  try {
    slices = await encodeJsonSlices(payload, budget);
  } catch (error) {
    derivation.abort();
    throw error;
  }
  let plaintextBytes = 0;
  for (const slice of slices) plaintextBytes += slice!.length;
  const { payloadKey, macKey } = await keysPromise;
  throwIfAborted(signal);

  const chunker = createChunker();
  const compressor = createCompressor((bytes) => chunker.add(bytes));
  const sealed: Uint8Array[] = [];
  let compressedBytes = 0;
  let done = 0;
  for (let i = 0; i < slices.length; i++) {
    const slice = slices[i]!;
    slices[i] = undefined; // release the plaintext as soon as it is compressed
    compressor.push(slice, i === slices.length - 1);
    done += slice.length;
    // Keep at least one byte back until the end: only the last chunk may be sealed as final.
    while (chunker.queued > chunkBytes) {
      const chunk = chunker.take(chunkBytes);
      compressedBytes += chunk.length;
      sealed.push(await sealChunk(payloadKey, sealed.length, false, chunk));
      await budget.pause();
    }
    onProgress?.({ done, total: plaintextBytes });
    await budget.pause();
  }
  const last = chunker.take(chunker.queued);
  compressedBytes += last.length;
  sealed.push(await sealChunk(payloadKey, sealed.length, true, last));

  const fields: HeaderFields = { iterations, salt, chunkBytes, plaintextBytes, compressedBytes };
  const macInput = encodeHeaderFields(fields);
  const mac = await computeHeaderMac(macKey, macInput);
  throwIfAborted(signal);
  return [assembleHeader(macInput, mac), ...sealed];
}
