/**
 * Reading a backup: checks that cost nothing come first (magic, version, header checksum, KDF range, size cap,
 * file length), then the key derivation and the header MAC (wrong password), then each chunk is opened, inflated
 * in small slices with the output counted against the authenticated size, and the JSON is parsed at the end
 * (time-sliced, parse.ts; read-payload.ts). Version 2 is read by decrypt-v2.ts. The order and the error of every
 * check are specified in docs/format.md, sections 6 and 12.6.
 */
import { FormatError } from '../errors.js';
import { FORMAT_VERSION, HEADER_BYTES } from './constants.js';
import { computeFileBytes, hasMagic, parseHeader, readVersion, type ParsedHeader } from './header.js';
import { deriveV1Ikm, deriveV1KeysFromIkm, verifyHeaderMac, type FileKeys } from './keys.js';
import { noUsableSlot, readVersion2 } from './decrypt-v2.js';
import { checkFileSize, damaged, readPayload } from './read-payload.js';
import { resolveSecret, type BackupSecret } from './secret.js';
import { createUnsupportedVersionError, getFormatReader, migratePayload } from './migrate.js';
import { resolveMaxPlaintextBytes, type CodecOption, type DecryptOptions } from './options.js';
import { throwIfAborted } from './schedule.js';
import type { ByteSource } from './source.js';

/** Steps 3–7: the header's own checks, the size cap and the exact file length. No key derivation yet. */
async function checkHeader(source: ByteSource, maxPlaintextBytes: number): Promise<ParsedHeader> {
  const header = parseHeader(await source.read(0, HEADER_BYTES));
  checkFileSize(source, header.plaintextBytes, computeFileBytes(header), maxPlaintextBytes);
  return header;
}

/** A v1 file whose header MAC verified: its header, its input keying material and its keys. */
export interface UnlockedV1 {
  header: ParsedHeader;
  ikm: Uint8Array<ArrayBuffer>;
  keys: FileKeys;
}

/** Steps 3–8 of a v1 file: the header checks, then PBKDF2 and the MAC. @throws as {@link readVersion1} */
export async function unlockV1(source: ByteSource, secret: BackupSecret, options: DecryptOptions): Promise<UnlockedV1> {
  const header = await checkHeader(source, resolveMaxPlaintextBytes(options));
  const resolved = resolveSecret(secret);
  // A v1 file has only a password. A plain string shaped like a recovery key is still tried as a password.
  const password = resolved.kind === 'password' ? resolved.password : resolved.detected ? resolved.text : undefined;
  if (password === undefined) throw noUsableSlot('recovery-key');
  const ikm = await deriveV1Ikm(password, header.salt, header.iterations);
  throwIfAborted(options.signal);
  const keys = await deriveV1KeysFromIkm(ikm);
  if (!(await verifyHeaderMac(keys.macKey, header.macInput, header.mac))) {
    if (resolved.kind === 'recovery-key') throw noUsableSlot('recovery-key');
    throw new FormatError('WRONG_PASSWORD', 'This password does not open this backup: check it and try again.');
  }
  return { header, ikm, keys };
}

/** Reads a version-1 file and returns its payload. Exported for tests; callers use decryptFromSource. */
export async function readVersion1(source: ByteSource, secret: BackupSecret, options: DecryptOptions & CodecOption): Promise<unknown> {
  const { header, keys } = await unlockV1(source, secret, options);
  return readPayload(source, { ...header, headerBytes: HEADER_BYTES }, keys.payloadKey, options);
}

/**
 * Opens a backup of any readable version and returns its payload migrated to the current format version.
 * @throws FormatError NOT_A_BACKUP, UNSUPPORTED_VERSION, KDF_OUT_OF_RANGE, WRONG_PASSWORD, WRONG_RECOVERY_KEY,
 *   INVALID_RECOVERY_KEY, NO_USABLE_KEY_SLOT, CORRUPT_FILE, TOO_LARGE, ABORTED, INVALID_OPTIONS
 */
export async function decryptFromSource(
  source: ByteSource,
  secret: BackupSecret,
  options: DecryptOptions & CodecOption = {},
): Promise<unknown> {
  throwIfAborted(options.signal);
  resolveMaxPlaintextBytes(options);
  const start = await source.read(0, HEADER_BYTES);
  if (!hasMagic(start)) throw new FormatError('NOT_A_BACKUP', 'This file is not a Dashboard backup.');
  const version = readVersion(start);
  if (version === undefined) throw damaged('it ends inside the header');
  let payload: unknown;
  if (version === 1) {
    payload = await readVersion1(source, secret, options);
  } else if (version === FORMAT_VERSION) {
    payload = await readVersion2(source, secret, options);
  } else {
    const reader = getFormatReader(version);
    if (!reader) throw createUnsupportedVersionError(version);
    payload = await reader(source, secret, options);
  }
  throwIfAborted(options.signal);
  return migratePayload(payload, version);
}
