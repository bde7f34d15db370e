/**
 * Reading a version-2 file (docs/format.md, "Version 2", reading order): header checks that cost nothing, then the
 * key slot of the kind the user gave (password or recovery key), then the header MAC under the file key, then the
 * chunks as in v1. Keys are derived for this one call and never cached.
 */
import { FormatError } from '../errors.js';
import { checkFileSize, damaged, readPayload } from './read-payload.js';
import {
  computeV2FileBytes,
  parseV2Header,
  readV2HeaderLength,
  SLOT_PASSWORD,
  SLOT_RECOVERY_KEY,
  type KeySlot,
  type ParsedV2Header,
} from './header-v2.js';
import { verifyHeaderMac, type FileKeys } from './keys.js';
import { resolveMaxPlaintextBytes, type CodecOption, type DecryptOptions } from './options.js';
import { throwIfAborted } from './schedule.js';
import { resolveSecret, type BackupSecret } from './secret.js';
import { deriveV2Keys, openPasswordSlot, openRecoveryKeySlot } from './slots.js';
import type { ByteSource } from './source.js';

/** The error for a secret of a kind the file has no slot for. */
export function noUsableSlot(given: 'password' | 'recovery-key'): FormatError {
  return new FormatError(
    'NO_USABLE_KEY_SLOT',
    given === 'password'
      ? 'This backup has no password: open it with its recovery key.'
      : 'This backup has no recovery key: open it with its password.',
  );
}

/** Steps 3–7 of a v2 file: the header's own checks, the size cap and the exact file length. */
export async function checkV2Header(source: ByteSource, maxPlaintextBytes: number): Promise<ParsedV2Header> {
  const headerBytes = readV2HeaderLength(await source.read(0, 12));
  const header = parseV2Header(await source.read(0, headerBytes));
  checkFileSize(source, header.plaintextBytes, computeV2FileBytes(header), maxPlaintextBytes);
  return header;
}

async function tryEach(
  slots: readonly KeySlot[],
  open: (slot: KeySlot) => Promise<Uint8Array<ArrayBuffer> | undefined>,
  signal: AbortSignal | undefined,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  for (const slot of slots) {
    const key = await open(slot);
    throwIfAborted(signal);
    if (key) return key;
  }
  return undefined;
}

/** A v2 file whose header MAC verified: its header, its file key and its keys. */
export interface UnlockedV2 {
  header: ParsedV2Header;
  fileKey: Uint8Array<ArrayBuffer>;
  keys: FileKeys;
}

/**
 * Steps 3–9 of a v2 file: header checks, the matching key slot, then the header MAC.
 * @throws FormatError as {@link readVersion2}, before any chunk is read.
 */
export async function unlockV2(source: ByteSource, secret: BackupSecret, options: DecryptOptions): Promise<UnlockedV2> {
  const header = await checkV2Header(source, resolveMaxPlaintextBytes(options));
  const resolved = resolveSecret(secret);
  const { signal } = options;
  const passwordSlots = header.slots.filter((slot) => slot.type === SLOT_PASSWORD);
  const recoverySlots = header.slots.filter((slot) => slot.type === SLOT_RECOVERY_KEY);
  let fileKey: Uint8Array<ArrayBuffer> | undefined;
  if (resolved.kind === 'password') {
    if (passwordSlots.length === 0) throw noUsableSlot('password');
    fileKey = await tryEach(passwordSlots, (slot) => openPasswordSlot(slot, resolved.password), signal);
    if (!fileKey) {
      throw new FormatError('WRONG_PASSWORD', 'This password does not open this backup: check it and try again.');
    }
  } else {
    fileKey = await tryEach(recoverySlots, (slot) => openRecoveryKeySlot(slot, resolved.key), signal);
    // A typed string shaped like a recovery key may still be someone's password.
    if (!fileKey && resolved.detected && resolved.text !== undefined) {
      const text = resolved.text;
      fileKey = await tryEach(passwordSlots, (slot) => openPasswordSlot(slot, text), signal);
    }
    if (!fileKey) {
      if (recoverySlots.length === 0) throw noUsableSlot('recovery-key');
      throw new FormatError(
        'WRONG_RECOVERY_KEY',
        'This recovery key does not open this backup: check that it is the one of this backup’s emergency kit.',
      );
    }
  }
  const keys = await deriveV2Keys(fileKey, header.fileSalt, header.keySchedule);
  throwIfAborted(signal);
  // The slot opened, so the secret is right: a MAC that fails now means the header was edited.
  if (!(await verifyHeaderMac(keys.macKey, header.macInput, header.mac))) throw damaged('its header does not verify');
  return { header, fileKey, keys };
}

/** Reads a version-2 file and returns its payload. */
export async function readVersion2(source: ByteSource, secret: BackupSecret, options: DecryptOptions & CodecOption): Promise<unknown> {
  const { header, fileKey, keys } = await unlockV2(source, secret, options);
  fileKey.fill(0);
  return readPayload(source, header, keys.payloadKey, options);
}
