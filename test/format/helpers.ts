/** Shared helpers of the format tests. */
import { expect } from '@open-wc/testing';
import { isBackupError, type BackupErrorCode } from '../../src/errors.js';
import { createCompressor } from '../../src/format/compress.js';
import { computeCrc32, concatBytes } from '../../src/format/bytes.js';
import { HEADER_BYTES, MIN_ITERATIONS } from '../../src/format/constants.js';
import {
  assembleHeader,
  countChunks,
  encodeHeaderFields,
  HEADER_OFFSETS,
  parseHeader,
  type HeaderFields,
} from '../../src/format/header.js';
import { computeHeaderMac, deriveKeys } from '../../src/format/keys.js';
import { sealChunk } from '../../src/format/stream.js';
import { encryptToPartsV1 } from '../../src/format/encrypt.js';
import type { EncryptOptions } from '../../src/format/options.js';

/** The cheapest allowed count: keeps tests fast (the golden vector uses the default). */
export const FAST = { iterations: MIN_ITERATIONS } as const;

/** Small chunks so boundary tests need little data. */
export const SMALL_CHUNK = 1024;

/** Awaits `promise` and asserts it rejects with a BackupError whose code is one of `codes`. */
export async function expectCode(promise: Promise<unknown>, ...codes: BackupErrorCode[]): Promise<Error> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected one of ${codes.join('/')}`).to.be.instanceOf(Error);
  if (!isBackupError(caught)) throw caught;
  expect(codes, `got ${caught.code}: ${caught.message}`).to.include(caught.code);
  return caught;
}

/** A copy of `bytes` with byte `index` XORed with `mask`. */
export function flipByte(bytes: Uint8Array, index: number, mask = 0x01): Uint8Array {
  const copy = bytes.slice();
  copy[index] = copy[index]! ^ mask;
  return copy;
}

/** Random string of `length` chars from a 64-char alphabet plus some non-ASCII (hard to compress). */
export function randomText(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_éü€漢🙂';
  const chars = [...alphabet];
  const random = new Uint8Array(length);
  for (let at = 0; at < length; at += 65536) crypto.getRandomValues(random.subarray(at, at + 65536));
  let out = '';
  for (let i = 0; i < length; i++) out += chars[random[i]! % chars.length];
  return out;
}

/** Compressed length of a payload's JSON, as the writer would produce it. */
export function measureCompressed(payload: unknown): number {
  let length = 0;
  const compressor = createCompressor((bytes) => (length += bytes.length));
  compressor.push(new TextEncoder().encode(JSON.stringify(payload)), true);
  return length;
}

/** A payload whose compressed JSON is exactly `target` bytes (searches random strings of the right length). */
export function makePayloadCompressingTo(target: number): { text: string } {
  let length = Math.max(1, Math.floor(target * 0.8));
  for (let attempt = 0; attempt < 2000; attempt++) {
    const payload = { text: randomText(length) };
    const size = measureCompressed(payload);
    if (size === target) return payload;
    // Step towards the target; jitter so the search never cycles.
    const step = Math.max(1, Math.round(Math.abs(target - size) * 0.7));
    length = Math.max(1, size < target ? length + step : length - step);
    if (attempt % 50 === 49) length += Math.round(Math.random() * 4) - 2;
  }
  throw new Error(`could not build a payload compressing to ${target} bytes`);
}

/** The v1 header fields of a file. */
export function readHeader(bytes: Uint8Array) {
  return parseHeader(bytes);
}

/** Byte ranges of each sealed chunk (ciphertext + tag) of a v1 file. */
export function listChunkRanges(bytes: Uint8Array): { start: number; end: number }[] {
  const h = parseHeader(bytes);
  const ranges: { start: number; end: number }[] = [];
  let start = 88;
  let remaining = h.compressedBytes;
  do {
    const length = Math.min(remaining, h.chunkBytes);
    ranges.push({ start, end: start + length + 16 });
    start += length + 16;
    remaining -= length;
  } while (remaining > 0);
  return ranges;
}

export { concatBytes };

/** A copy of a v1 file whose header CRC-32 is recomputed: an edit a deliberate tamperer would make, not damage. */
export function fixHeaderCrc(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  const crc = computeCrc32(copy.subarray(0, HEADER_OFFSETS.crc));
  new DataView(copy.buffer).setUint32(HEADER_OFFSETS.crc, crc, false);
  return copy;
}

/** The SubtleCrypto operations that do real work (key derivation, MAC, AES-GCM). */
const SUBTLE_OPERATIONS = ['importKey', 'deriveBits', 'deriveKey', 'sign', 'verify', 'encrypt', 'decrypt'] as const;

/**
 * Runs `work` with every WebCrypto operation instrumented and returns the names of the operations it called, in
 * order. Shows that a refusal happened "before any work" without timing anything.
 *
 * With `untilQuiet`, recording goes on after `work` settles, until every operation started has settled and none
 * started after it: what `work` left running in the background is recorded too.
 */
export async function recordSubtleCalls(work: () => Promise<unknown>, options: { untilQuiet?: boolean } = {}): Promise<string[]> {
  const calls: string[] = [];
  const started: Promise<unknown>[] = [];
  const proto = SubtleCrypto.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = SUBTLE_OPERATIONS.map((name) => [name, proto[name]!] as const);
  for (const [name, original] of originals) {
    proto[name] = function (this: SubtleCrypto, ...args: unknown[]) {
      calls.push(name);
      const result = original.apply(this, args);
      if (result instanceof Promise) started.push(result);
      return result;
    };
  }
  try {
    await work().catch((error: unknown) => {
      if (!options.untilQuiet) throw error;
    });
    for (let seen = -1; options.untilQuiet && seen !== started.length; ) {
      seen = started.length;
      await Promise.allSettled(started);
      await new Promise((resolve) => setTimeout(resolve, 0)); // the continuations of what settled
    }
  } finally {
    for (const [name, original] of originals) proto[name] = original;
  }
  return calls;
}

/** A Blob over `bytes` that records the byte range of every `slice()` (how the streaming reader reads a file). */
export function createRecordingBlob(bytes: Uint8Array | Blob): { blob: Blob; reads: { start: number; end: number }[] } {
  const reads: { start: number; end: number }[] = [];
  class RecordingBlob extends Blob {
    override slice(start = 0, end = this.size, type?: string): Blob {
      reads.push({ start, end: Math.min(end, this.size) });
      return super.slice(start, end, type);
    }
    override arrayBuffer(): Promise<ArrayBuffer> {
      throw new Error('the whole file was read at once');
    }
  }
  return { blob: new RecordingBlob([bytes as BlobPart]), reads };
}

/** The reads in `reads` that reach past the clear header, i.e. into the sealed chunks. */
export function readsPastHeader(reads: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  return reads.filter(({ end }) => end > HEADER_BYTES);
}

/** Re-encodes a v1 header with edited fields and a valid CRC (the MAC is kept, so it no longer verifies). */
export function rewriteHeader(bytes: Uint8Array, edit: Partial<HeaderFields>): Uint8Array {
  const header = parseHeader(bytes);
  const fields: HeaderFields = { ...header, ...edit };
  return concatBytes([assembleHeader(encodeHeaderFields(fields), header.mac), bytes.subarray(88)]);
}

/**
 * Builds a v1 file by hand around a given raw-deflate stream and declared plaintext size, with a valid MAC — what
 * an attacker who knows the password (or a buggy writer) could produce. Lets tests lie about sizes.
 */
export async function craftFile(o: {
  compressed: Uint8Array;
  plaintextBytes: number;
  password: string;
  chunkBytes?: number;
}): Promise<Uint8Array> {
  const chunkBytes = o.chunkBytes ?? 64 * 1024;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const keys = await deriveKeys(o.password, salt, MIN_ITERATIONS);
  const fields: HeaderFields = {
    iterations: MIN_ITERATIONS,
    salt,
    chunkBytes,
    plaintextBytes: o.plaintextBytes,
    compressedBytes: o.compressed.length,
  };
  const macInput = encodeHeaderFields(fields);
  const parts = [assembleHeader(macInput, await computeHeaderMac(keys.macKey, macInput))];
  const chunks = countChunks(o.compressed.length, chunkBytes);
  for (let i = 0; i < chunks; i++) {
    const body = o.compressed.subarray(i * chunkBytes, (i + 1) * chunkBytes);
    parts.push(await sealChunk(keys.payloadKey, i, i === chunks - 1, body));
  }
  return concatBytes(parts);
}

/**
 * Re-encodes a v1 header with edited fields and a MAC that verifies under `password`: simulates someone who knows
 * the password editing the header, to show that the STREAM layer still catches cut or moved chunks.
 */
export async function remacHeader(bytes: Uint8Array, password: string, edit: Partial<HeaderFields>): Promise<Uint8Array> {
  const header = parseHeader(bytes);
  const fields: HeaderFields = { ...header, ...edit };
  const keys = await deriveKeys(password, fields.salt, fields.iterations);
  const macInput = encodeHeaderFields(fields);
  return concatBytes([assembleHeader(macInput, await computeHeaderMac(keys.macKey, macInput)), bytes.subarray(88)]);
}

/** A version-1 file, as builds before format v2 wrote them (this build writes v2; v1 must stay readable). */
export async function encryptV1(payload: unknown, password: string, o?: EncryptOptions): Promise<Uint8Array> {
  return concatBytes(await encryptToPartsV1(payload, password, o));
}

/** Streaming twin of {@link encryptV1}. */
export async function encryptV1ToBlob(payload: unknown, password: string, o?: EncryptOptions): Promise<Blob> {
  return new Blob((await encryptToPartsV1(payload, password, o)) as BlobPart[]);
}

/** Replaces crypto.getRandomValues with a fixed sequence while `work` runs: the same keys, salts and nonces. */
export async function withFixedRandomness<T>(work: () => Promise<T>): Promise<T> {
  const original = crypto.getRandomValues.bind(crypto);
  let state = 12345;
  crypto.getRandomValues = (<A extends ArrayBufferView | null>(array: A): A => {
    const bytes = new Uint8Array(array!.buffer, array!.byteOffset, array!.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      bytes[i] = state >>> 24;
    }
    return array;
  }) as typeof crypto.getRandomValues;
  try {
    return await work();
  } finally {
    crypto.getRandomValues = original;
  }
}
