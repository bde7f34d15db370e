/**
 * Writing a backup (v2; v1 for tests and vectors only): JSON text → UTF-8 → raw DEFLATE → STREAM-sealed chunks, then the header (written last because
 * it declares the sizes; it still comes first in the file). Every step works on slices and yields to the event
 * loop, and the plaintext is released slice by slice as it is compressed.
 */
import { FormatError } from '../errors.js';
import { concatBytes } from './bytes.js';
import { mainThreadCodec, type DeflateStream } from './codec.js';
import { FILE_KEY_BYTES, FILE_SALT_BYTES, SALT_BYTES } from './constants.js';
import { assembleHeader, encodeHeaderFields, type HeaderFields } from './header.js';
import { assembleV2Header, encodeV2MacInput, SCHEDULE_V2, type KeySlot } from './header-v2.js';
import { computeHeaderMac, deriveKeys, type FileKeys } from './keys.js';
import { resolveEncryptOptions, type CodecOption, type EncryptOptions } from './options.js';
import { equalBytes } from './bytes.js';
import { resolveSecret, type BackupSecret, type ResolvedSecret } from './secret.js';
import { createPasswordSlot, createRecoveryKeySlot, deriveV2Keys } from './slots.js';
import { toRecoveryKeyBytes } from './recovery-key.js';
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
interface SealedPayload {
  sealed: Uint8Array[];
  plaintextBytes: number;
  compressedBytes: number;
}

/**
 * Serialises, compresses and seals `payload` under the payload key `keys` resolves to. The keys are awaited only
 * once the JSON is written, so a slow KDF runs meanwhile; `abortKeys` stops it when serialisation fails.
 */
async function sealPayload(
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

/**
 * Encrypts `payload` into the parts of a version-1 file (header first, then every sealed chunk). This build writes
 * v2; v1 is kept for the tests that prove v1 files stay readable, and for vectors. Internal.
 */
export async function encryptToPartsV1(
  payload: unknown,
  password: string,
  options: EncryptOptions & CodecOption = {},
): Promise<Uint8Array[]> {
  const { iterations, chunkBytes } = resolveEncryptOptions(options);
  if (typeof password !== 'string' || password.length === 0) {
    throw new FormatError('PASSWORD_TOO_SHORT', 'Choose a password to protect the backup.');
  }
  throwIfAborted(options.signal);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  // PBKDF2 runs off the main thread in WebCrypto; start it now and serialise meanwhile. A payload refused (or a
  // cancel) meanwhile stops the derivation at its next step instead of leaving it running after the call.
  const derivation = new AbortController();
  const keys = deriveKeys(password, salt, iterations, derivation.signal);
  const result = await sealPayload(payload, keys, () => derivation.abort(), chunkBytes, options);
  const fields: HeaderFields = { iterations, salt, chunkBytes, ...result };
  const macInput = encodeHeaderFields(fields);
  const mac = await computeHeaderMac(result.keys.macKey, macInput);
  throwIfAborted(options.signal);
  return [assembleHeader(macInput, mac), ...result.sealed];
}

/** The key slots a new file gets: one for `secret`, and one for `recoveryKey` unless it is the same key. */
async function createSlots(
  fileKey: Uint8Array,
  secret: ResolvedSecret,
  recoveryKey: Uint8Array | undefined,
  iterations: number,
  signal: AbortSignal,
): Promise<KeySlot[]> {
  const slots: Promise<KeySlot>[] = [];
  if (secret.kind === 'password') slots.push(createPasswordSlot(fileKey, secret.password, iterations, signal));
  else slots.push(createRecoveryKeySlot(fileKey, secret.key));
  if (recoveryKey && !(secret.kind === 'recovery-key' && equalBytes(secret.key, recoveryKey))) {
    slots.push(createRecoveryKeySlot(fileKey, recoveryKey));
  }
  return Promise.all(slots);
}

/**
 * Encrypts `payload` into the parts of a version-2 file: the header (fixed fields, key slots, MAC, CRC) first,
 * then every sealed chunk. Joining the parts gives the file. Internal: the public functions wrap it.
 */
export async function encryptToParts(
  payload: unknown,
  secret: BackupSecret,
  options: EncryptOptions & CodecOption = {},
): Promise<Uint8Array[]> {
  const { iterations, chunkBytes } = resolveEncryptOptions(options);
  // Refuse a bad secret or recovery key before any work.
  const resolved = resolveSecret(secret);
  const recoveryKey = options.recoveryKey === undefined ? undefined : toRecoveryKeyBytes(options.recoveryKey);
  throwIfAborted(options.signal);
  // A fresh random file key and file salt per file: no two files share a payload key, whatever the password.
  const fileKey = crypto.getRandomValues(new Uint8Array(FILE_KEY_BYTES));
  const fileSalt = crypto.getRandomValues(new Uint8Array(FILE_SALT_BYTES));
  // The slots (PBKDF2 for a password) are made while the JSON is serialised; a payload refused (or a cancel)
  // meanwhile stops them at their next step instead of leaving work running after the call.
  const derivation = new AbortController();
  const slots = createSlots(fileKey, resolved, recoveryKey, iterations, derivation.signal);
  slots.catch(() => undefined);
  const keys = deriveV2Keys(fileKey, fileSalt, SCHEDULE_V2);
  try {
    const result = await sealPayload(payload, keys, () => derivation.abort(), chunkBytes, options);
    const macInput = encodeV2MacInput({ keySchedule: SCHEDULE_V2, chunkBytes, fileSalt, slots: await slots, ...result });
    const mac = await computeHeaderMac(result.keys.macKey, macInput);
    throwIfAborted(options.signal);
    return [assembleV2Header(macInput, mac), ...result.sealed];
  } finally {
    fileKey.fill(0); // best effort: the raw file key is not needed once the slots and keys exist
  }
}
