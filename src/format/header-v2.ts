/**
 * Encoding and parsing of the v2 clear header (docs/format.md, "Version 2"): fixed fields, then key slots, then the
 * header MAC and a CRC-32. Pure and synchronous: the slots' cryptography is in slots.ts, the MAC in keys-v2.ts.
 * Every bound is checked here, before any key derivation.
 */
import { FormatError } from '../errors.js';
import { computeCrc32, readUint64, writeUint64 } from './bytes.js';
import {
  FILE_SALT_BYTES,
  MAGIC,
  MAX_CHUNK_BYTES,
  MAX_ITERATIONS,
  MAX_KEY_SLOTS,
  MAX_PASSWORD_SLOTS,
  MAX_SLOT_BODY_BYTES,
  MAX_V2_HEADER_BYTES,
  MIN_CHUNK_BYTES,
  MIN_ITERATIONS,
  TAG_BYTES,
  V2_FIXED_HEADER_BYTES,
} from './constants.js';
import { countChunks } from './header.js';

/** Offsets of the v2 fixed fields (integers big-endian). */
export const V2_OFFSETS = Object.freeze({
  version: 8,
  headerLength: 10,
  keySchedule: 12,
  slotCount: 13,
  chunkBytes: 14,
  plaintextBytes: 18,
  compressedBytes: 26,
  fileSalt: 34,
  slots: V2_FIXED_HEADER_BYTES,
});

/** format: bytes after the slots: HMAC-SHA256 (32) and CRC-32 (4). */
export const V2_TRAILER_BYTES = 36;
/** format: bytes before each slot's body: type (u8) and body length (u16). */
export const SLOT_PREFIX_BYTES = 3;
/** Smallest possible v2 header: the fixed part, one empty slot and the trailer. */
export const MIN_V2_HEADER_BYTES = V2_FIXED_HEADER_BYTES + SLOT_PREFIX_BYTES + V2_TRAILER_BYTES;

/** format: slot type of a password slot. */
export const SLOT_PASSWORD = 0x01;
/** format: slot type of a recovery-key slot. */
export const SLOT_RECOVERY_KEY = 0x02;
/** format: body length of a password slot: iterations 4, salt 16, nonce 12, wrapped key 32 + tag 16. */
export const PASSWORD_SLOT_BYTES = 80;
/** format: body length of a recovery-key slot: salt 16, nonce 12, wrapped key 32 + tag 16. */
export const RECOVERY_KEY_SLOT_BYTES = 76;

/** format: key schedule of a file written as v2 (payload key from HKDF with the file salt). */
export const SCHEDULE_V2 = 2;
/** format: key schedule of a file upgraded from v1 (payload key as in v1, so the chunks are unchanged). */
export const SCHEDULE_V1_PAYLOAD = 1;

/** One key slot as stored. */
export interface KeySlot {
  type: number;
  body: Uint8Array;
}

/** The fields of a v2 header. */
export interface V2HeaderFields {
  keySchedule: number;
  chunkBytes: number;
  plaintextBytes: number;
  compressedBytes: number;
  fileSalt: Uint8Array;
  slots: readonly KeySlot[];
}

/** A parsed v2 header: its fields, its length, the bytes the MAC covers and the MAC as stored. */
export interface ParsedV2Header extends V2HeaderFields {
  headerBytes: number;
  macInput: Uint8Array;
  mac: Uint8Array;
}

function damaged(detail: string): FormatError {
  return new FormatError('CORRUPT_FILE', `This backup file is damaged: ${detail}.`);
}

/** Length of the header with these slots. */
export function computeV2HeaderBytes(slots: readonly KeySlot[]): number {
  let length = V2_FIXED_HEADER_BYTES + V2_TRAILER_BYTES;
  for (const slot of slots) length += SLOT_PREFIX_BYTES + slot.body.length;
  return length;
}

/** Total file length a v2 header implies. */
export function computeV2FileBytes(header: Pick<ParsedV2Header, 'headerBytes' | 'chunkBytes' | 'compressedBytes'>): number {
  return header.headerBytes + header.compressedBytes + TAG_BYTES * countChunks(header.compressedBytes, header.chunkBytes);
}

/** Encodes the bytes the MAC covers: the fixed fields and every slot. */
export function encodeV2MacInput(fields: V2HeaderFields): Uint8Array<ArrayBuffer> {
  const headerBytes = computeV2HeaderBytes(fields.slots);
  if (fields.slots.length < 1 || fields.slots.length > MAX_KEY_SLOTS || headerBytes > MAX_V2_HEADER_BYTES) {
    throw new FormatError('INVALID_OPTIONS', 'A backup needs from one to eight key slots.');
  }
  const out = new Uint8Array(headerBytes - V2_TRAILER_BYTES);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint16(V2_OFFSETS.version, 2, false);
  view.setUint16(V2_OFFSETS.headerLength, headerBytes, false);
  out[V2_OFFSETS.keySchedule] = fields.keySchedule;
  out[V2_OFFSETS.slotCount] = fields.slots.length;
  view.setUint32(V2_OFFSETS.chunkBytes, fields.chunkBytes, false);
  writeUint64(view, V2_OFFSETS.plaintextBytes, fields.plaintextBytes);
  writeUint64(view, V2_OFFSETS.compressedBytes, fields.compressedBytes);
  out.set(fields.fileSalt, V2_OFFSETS.fileSalt);
  let at: number = V2_OFFSETS.slots;
  for (const slot of fields.slots) {
    out[at] = slot.type;
    view.setUint16(at + 1, slot.body.length, false);
    out.set(slot.body, at + SLOT_PREFIX_BYTES);
    at += SLOT_PREFIX_BYTES + slot.body.length;
  }
  return out;
}

/** The whole header: MAC input ‖ MAC ‖ CRC-32 (big-endian) of everything before the CRC. */
export function assembleV2Header(macInput: Uint8Array, mac: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(macInput.length + V2_TRAILER_BYTES);
  out.set(macInput, 0);
  out.set(mac, macInput.length);
  new DataView(out.buffer).setUint32(out.length - 4, computeCrc32(out.subarray(0, out.length - 4)), false);
  return out;
}

/** Reads the header length of a v2 file from its first 12 bytes; checks it is within bounds. @throws CORRUPT_FILE */
export function readV2HeaderLength(start: Uint8Array): number {
  if (start.length < 12) throw damaged('it ends inside the header');
  const length = new DataView(start.buffer, start.byteOffset, start.byteLength).getUint16(V2_OFFSETS.headerLength);
  if (length < MIN_V2_HEADER_BYTES || length > MAX_V2_HEADER_BYTES) throw damaged('its header length is wrong');
  return length;
}

function checkSlot(slot: KeySlot): void {
  const expected = { [SLOT_PASSWORD]: PASSWORD_SLOT_BYTES, [SLOT_RECOVERY_KEY]: RECOVERY_KEY_SLOT_BYTES }[slot.type];
  if (expected !== undefined && slot.body.length !== expected) damagedSlot();
  if (slot.type !== SLOT_PASSWORD) return;
  const iterations = new DataView(slot.body.buffer, slot.body.byteOffset, 4).getUint32(0, false);
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new FormatError(
      'KDF_OUT_OF_RANGE',
      `This backup asks for ${iterations} key-derivation iterations; this build only accepts ` +
        `${MIN_ITERATIONS}–${MAX_ITERATIONS}, so the file was not made by this application or has been ` +
        'tampered with.',
    );
  }
}

function damagedSlot(): never {
  throw damaged('a key slot is malformed');
}

/**
 * Parses and checks a v2 header (the caller has checked magic and version and read `headerLength` bytes). Does no
 * key derivation.
 * @throws FormatError CORRUPT_FILE (cut short, CRC, an impossible field, slots that do not fit), KDF_OUT_OF_RANGE.
 */
export function parseV2Header(bytes: Uint8Array): ParsedV2Header {
  const headerBytes = readV2HeaderLength(bytes);
  if (bytes.length < headerBytes) throw damaged('it ends inside the header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const crc = view.getUint32(headerBytes - 4, false);
  if (crc !== computeCrc32(bytes.subarray(0, headerBytes - 4))) throw damaged('its header checksum does not match');
  const keySchedule = bytes[V2_OFFSETS.keySchedule]!;
  if (keySchedule !== SCHEDULE_V2 && keySchedule !== SCHEDULE_V1_PAYLOAD) throw damaged('its key schedule is unknown');
  const slotCount = bytes[V2_OFFSETS.slotCount]!;
  if (slotCount < 1 || slotCount > MAX_KEY_SLOTS) throw damaged('its number of key slots is impossible');
  const chunkBytes = view.getUint32(V2_OFFSETS.chunkBytes, false);
  if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) throw damaged('its chunk size is impossible');
  const plaintextBytes = readUint64(view, V2_OFFSETS.plaintextBytes);
  const compressedBytes = readUint64(view, V2_OFFSETS.compressedBytes);
  if (plaintextBytes === undefined || compressedBytes === undefined) throw damaged('a declared size is impossible');
  const macAt = headerBytes - V2_TRAILER_BYTES;
  const slots: KeySlot[] = [];
  let at: number = V2_OFFSETS.slots;
  for (let i = 0; i < slotCount; i++) {
    if (at + SLOT_PREFIX_BYTES > macAt) damagedSlot();
    const length = view.getUint16(at + 1, false);
    if (length > MAX_SLOT_BODY_BYTES || at + SLOT_PREFIX_BYTES + length > macAt) damagedSlot();
    slots.push({ type: bytes[at]!, body: bytes.slice(at + SLOT_PREFIX_BYTES, at + SLOT_PREFIX_BYTES + length) });
    at += SLOT_PREFIX_BYTES + length;
  }
  if (at !== macAt) damagedSlot();
  if (slots.filter((slot) => slot.type === SLOT_PASSWORD).length > MAX_PASSWORD_SLOTS) damagedSlot();
  slots.forEach(checkSlot);
  return {
    keySchedule,
    chunkBytes,
    plaintextBytes,
    compressedBytes,
    fileSalt: bytes.slice(V2_OFFSETS.fileSalt, V2_OFFSETS.fileSalt + FILE_SALT_BYTES),
    slots,
    headerBytes,
    macInput: bytes.slice(0, macAt),
    mac: bytes.slice(macAt, macAt + 32),
  };
}
