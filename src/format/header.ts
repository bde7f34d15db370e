/**
 * Encoding and parsing of the v1 clear header (docs/format.md, "Header"). Pure and synchronous: no crypto here —
 * the MAC is computed and checked in keys.ts.
 */
import { FormatError } from '../errors.js';
import { computeCrc32, readUint64, writeUint64 } from './bytes.js';
import {
  HEADER_BYTES,
  MAGIC,
  MAX_CHUNK_BYTES,
  MAX_ITERATIONS,
  MIN_CHUNK_BYTES,
  MIN_ITERATIONS,
  SALT_BYTES,
  TAG_BYTES,
} from './constants.js';

/** Offsets of the v1 header fields (all integers big-endian). */
export const HEADER_OFFSETS = Object.freeze({
  magic: 0,
  version: 8,
  headerLength: 10,
  iterations: 12,
  salt: 16,
  chunkBytes: 32,
  plaintextBytes: 36,
  compressedBytes: 44,
  mac: 52,
  crc: 84,
});

/** Bytes covered by the header MAC: everything before it (magic … compressed size). */
export const MAC_INPUT_BYTES = HEADER_OFFSETS.mac;

/** format: bytes of the header MAC (HMAC-SHA256). */
export const MAC_BYTES = 32;

/** The fields of a v1 header. */
export interface HeaderFields {
  iterations: number;
  salt: Uint8Array;
  chunkBytes: number;
  /** Length of the UTF-8 JSON text before compression. */
  plaintextBytes: number;
  /** Length of the raw-deflate stream, i.e. the sum of all chunks' plaintext. */
  compressedBytes: number;
}

/** A parsed header: its fields, the bytes the MAC covers and the MAC as stored. */
export interface ParsedHeader extends HeaderFields {
  macInput: Uint8Array;
  mac: Uint8Array;
}

/** Number of chunks for a compressed stream of `compressedBytes`: at least one (the final chunk may be empty). */
export function countChunks(compressedBytes: number, chunkBytes: number): number {
  return Math.max(1, Math.ceil(compressedBytes / chunkBytes));
}

/** Total file length a header implies: header + every chunk's ciphertext and tag. */
export function computeFileBytes(fields: Pick<HeaderFields, 'chunkBytes' | 'compressedBytes'>): number {
  return HEADER_BYTES + fields.compressedBytes + TAG_BYTES * countChunks(fields.compressedBytes, fields.chunkBytes);
}

/** Encodes the header bytes the MAC covers (magic … compressed size). {@link assembleHeader} adds MAC and CRC. */
export function encodeHeaderFields(fields: HeaderFields): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(MAC_INPUT_BYTES);
  const view = new DataView(out.buffer);
  out.set(MAGIC, HEADER_OFFSETS.magic);
  view.setUint16(HEADER_OFFSETS.version, 1, false); // this layout is version 1 only
  view.setUint16(HEADER_OFFSETS.headerLength, HEADER_BYTES, false);
  view.setUint32(HEADER_OFFSETS.iterations, fields.iterations, false);
  out.set(fields.salt, HEADER_OFFSETS.salt);
  view.setUint32(HEADER_OFFSETS.chunkBytes, fields.chunkBytes, false);
  writeUint64(view, HEADER_OFFSETS.plaintextBytes, fields.plaintextBytes);
  writeUint64(view, HEADER_OFFSETS.compressedBytes, fields.compressedBytes);
  return out;
}

/** The whole header: MAC input ‖ MAC ‖ CRC-32 (big-endian) of everything before the CRC. */
export function assembleHeader(macInput: Uint8Array, mac: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(HEADER_BYTES);
  out.set(macInput, 0);
  out.set(mac, HEADER_OFFSETS.mac);
  new DataView(out.buffer).setUint32(HEADER_OFFSETS.crc, computeCrc32(out.subarray(0, HEADER_OFFSETS.crc)), false);
  return out;
}

/** True when `bytes` starts with {@link MAGIC}. */
export function hasMagic(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return false;
  return true;
}

/** Reads the format version that follows the magic (every version keeps magic + u16 version first). */
export function readVersion(bytes: Uint8Array): number | undefined {
  if (bytes.length < HEADER_OFFSETS.headerLength) return undefined;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint16(HEADER_OFFSETS.version, false);
}

function damaged(detail: string): FormatError {
  return new FormatError('CORRUPT_FILE', `This backup file is damaged: ${detail}.`);
}

/**
 * Parses and checks a v1 header (the caller has already checked the magic and the version). Does no key derivation.
 * @throws FormatError CORRUPT_FILE when the header is cut short, its CRC-32 does not match or a field is impossible;
 *   KDF_OUT_OF_RANGE when the iteration count is outside MIN_ITERATIONS…MAX_ITERATIONS.
 */
export function parseHeader(bytes: Uint8Array): ParsedHeader {
  if (bytes.length < HEADER_BYTES) throw damaged('it ends inside the header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const crc = view.getUint32(HEADER_OFFSETS.crc, false);
  if (crc !== computeCrc32(bytes.subarray(0, HEADER_OFFSETS.crc))) throw damaged('its header checksum does not match');
  if (view.getUint16(HEADER_OFFSETS.headerLength, false) !== HEADER_BYTES) throw damaged('its header length is wrong');
  const iterations = view.getUint32(HEADER_OFFSETS.iterations, false);
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new FormatError(
      'KDF_OUT_OF_RANGE',
      `This backup asks for ${iterations} key-derivation iterations; this build only accepts ` +
        `${MIN_ITERATIONS}–${MAX_ITERATIONS}, so the file was not made by this application or has been ` +
        'tampered with.',
    );
  }
  const chunkBytes = view.getUint32(HEADER_OFFSETS.chunkBytes, false);
  if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) throw damaged('its chunk size is impossible');
  const plaintextBytes = readUint64(view, HEADER_OFFSETS.plaintextBytes);
  const compressedBytes = readUint64(view, HEADER_OFFSETS.compressedBytes);
  if (plaintextBytes === undefined || compressedBytes === undefined) throw damaged('a declared size is impossible');
  return {
    iterations,
    salt: bytes.slice(HEADER_OFFSETS.salt, HEADER_OFFSETS.salt + SALT_BYTES),
    chunkBytes,
    plaintextBytes,
    compressedBytes,
    macInput: bytes.slice(0, MAC_INPUT_BYTES),
    mac: bytes.slice(HEADER_OFFSETS.mac, HEADER_OFFSETS.mac + MAC_BYTES),
  };
}
