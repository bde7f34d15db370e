/**
 * Re-keying (docs/format.md, "Re-keying"): a new header for the same chunks. The file key is unwrapped with the
 * secret the caller gives, the header MAC is checked, the slots are changed and the header is written again; the
 * payload is neither decompressed nor re-encrypted, so every chunk stays byte-for-byte the same. A v1 file becomes
 * a v2 file whose file key is its v1 key material (key schedule 1). No network, no storage.
 */
import { FormatError } from '../errors.js';
import { unlockV1 } from './decrypt.js';
import { unlockV2 } from './decrypt-v2.js';
import { FILE_SALT_BYTES, HEADER_BYTES } from './constants.js';
import { hasMagic, readVersion } from './header.js';
import {
  assembleV2Header,
  encodeV2MacInput,
  parseV2Header,
  readV2HeaderLength,
  SCHEDULE_V1_PAYLOAD,
  SLOT_PASSWORD,
  SLOT_RECOVERY_KEY,
  type KeySlot,
} from './header-v2.js';
import { computeHeaderMac } from './keys.js';
import { createUnsupportedVersionError } from './migrate.js';
import { resolveEncryptOptions } from './options.js';
import { toRecoveryKeyBytes } from './recovery-key.js';
import { resolveSecret, type BackupSecret } from './secret.js';
import { createPasswordSlot, createRecoveryKeySlot, deriveV2Keys } from './slots.js';
import { createBlobSource, createBytesSource, type ByteSource } from './source.js';
import { throwIfAborted } from './schedule.js';
import { BACKUP_MIME_TYPE } from './mime.js';

/** What to change. A field left out keeps what the file has. */
export interface RekeyChanges {
  /** A new password (replaces the file's password), or `null` to remove the password (a recovery key must stay). */
  password?: string | null;
  /** A recovery key to add (replaces the file's one), or `null` to remove it (a password must stay). */
  recoveryKey?: string | Uint8Array | null;
  /** PBKDF2 iterations of a new password slot; default DEFAULT_ITERATIONS. */
  iterations?: number;
  /** Aborting rejects with FormatError ABORTED. */
  signal?: AbortSignal;
}

/** Which key slots a file has (read from its clear header, without any secret). */
export interface KeySlotSummary {
  version: number;
  password: boolean;
  recoveryKey: boolean;
}

async function readStart(source: ByteSource): Promise<number> {
  const start = await source.read(0, HEADER_BYTES);
  if (!hasMagic(start)) throw new FormatError('NOT_A_BACKUP', 'This file is not a Dashboard backup.');
  const version = readVersion(start);
  if (version !== 1 && version !== 2) throw createUnsupportedVersionError(version ?? -1);
  return version;
}

/**
 * Changes a backup's password and/or recovery key without touching its payload, and upgrades a v1 file to v2.
 * @param file the backup (a Blob or File, or its bytes).
 * @param secret what opens it now: its password or its recovery key.
 * @returns the new file; its chunks are the old file's bytes, unchanged.
 * @throws FormatError as decryption before the payload (NOT_A_BACKUP, UNSUPPORTED_VERSION, KDF_OUT_OF_RANGE,
 *   WRONG_PASSWORD, WRONG_RECOVERY_KEY, INVALID_RECOVERY_KEY, NO_USABLE_KEY_SLOT, CORRUPT_FILE, TOO_LARGE);
 *   PASSWORD_TOO_SHORT (an empty new password); INVALID_OPTIONS (nothing left to open the file with); ABORTED.
 */
export async function rekeyBackup(file: Blob | Uint8Array, secret: BackupSecret, changes: RekeyChanges): Promise<Blob> {
  const { signal } = changes;
  throwIfAborted(signal);
  const { iterations } = resolveEncryptOptions({ ...(changes.iterations ? { iterations: changes.iterations } : {}) });
  if (typeof changes.password === 'string' && changes.password.length === 0) {
    throw new FormatError('PASSWORD_TOO_SHORT', 'Choose a password to protect the backup.');
  }
  const newRecoveryKey = changes.recoveryKey ? toRecoveryKeyBytes(changes.recoveryKey) : undefined;
  const source = file instanceof Uint8Array ? createBytesSource(file) : createBlobSource(file);
  const version = await readStart(source);
  const options = signal ? { signal, maxPlaintextBytes: Number.MAX_SAFE_INTEGER } : { maxPlaintextBytes: Number.MAX_SAFE_INTEGER };
  let fileKey: Uint8Array;
  let fileSalt: Uint8Array;
  let keySchedule: number;
  let headerBytes: number;
  let kept: KeySlot[];
  let sizes: { chunkBytes: number; plaintextBytes: number; compressedBytes: number };
  let oldPassword: string | undefined;
  if (version === 1) {
    const unlocked = await unlockV1(source, secret, options);
    const resolved = resolveSecret(secret);
    oldPassword = resolved.kind === 'password' ? resolved.password : resolved.text;
    fileKey = unlocked.ikm;
    fileSalt = crypto.getRandomValues(new Uint8Array(FILE_SALT_BYTES)); // keys the new header MAC only
    keySchedule = SCHEDULE_V1_PAYLOAD;
    headerBytes = HEADER_BYTES;
    sizes = unlocked.header;
    kept = [];
  } else {
    const unlocked = await unlockV2(source, secret, options);
    ({ fileKey } = unlocked);
    ({ fileSalt, keySchedule, headerBytes } = unlocked.header);
    kept = [...unlocked.header.slots];
    sizes = unlocked.header;
  }
  try {
    const slots: KeySlot[] = [];
    const password = changes.password === undefined ? (version === 1 ? oldPassword : undefined) : changes.password;
    const keepPassword = version === 2 && changes.password === undefined;
    const keepRecovery = changes.recoveryKey === undefined;
    for (const slot of kept) {
      if (slot.type === SLOT_PASSWORD && !keepPassword) continue;
      if (slot.type === SLOT_RECOVERY_KEY && !keepRecovery) continue;
      slots.push(slot); // unchanged bytes; unknown slot types are carried over as they are
    }
    if (password) slots.push(await createPasswordSlot(fileKey, password, iterations, signal));
    if (newRecoveryKey) slots.push(await createRecoveryKeySlot(fileKey, newRecoveryKey));
    if (!slots.some((slot) => slot.type === SLOT_PASSWORD || slot.type === SLOT_RECOVERY_KEY)) {
      throw new FormatError('INVALID_OPTIONS', 'A backup must keep a password or a recovery key.');
    }
    slots.sort((a, b) => a.type - b.type);
    const keys = await deriveV2Keys(fileKey, fileSalt, keySchedule);
    const { chunkBytes, plaintextBytes, compressedBytes } = sizes;
    const macInput = encodeV2MacInput({ keySchedule, fileSalt, slots, chunkBytes, plaintextBytes, compressedBytes });
    const header = assembleV2Header(macInput, await computeHeaderMac(keys.macKey, macInput));
    throwIfAborted(signal);
    const rest = file instanceof Uint8Array ? file.subarray(headerBytes) : file.slice(headerBytes);
    return new Blob([header, rest as BlobPart], { type: BACKUP_MIME_TYPE });
  } finally {
    fileKey.fill(0);
  }
}

/**
 * Which key slots a file has, from its clear header alone (no secret, no cryptography): lets a page ask for the
 * right thing. A v1 file has a password only.
 * @throws FormatError NOT_A_BACKUP, UNSUPPORTED_VERSION, CORRUPT_FILE, KDF_OUT_OF_RANGE, FILE_UNREADABLE.
 */
export async function describeKeySlots(file: Blob | Uint8Array): Promise<KeySlotSummary> {
  const source = file instanceof Uint8Array ? createBytesSource(file) : createBlobSource(file);
  const version = await readStart(source);
  if (version === 1) return { version, password: true, recoveryKey: false };
  const header = parseV2Header(await source.read(0, readV2HeaderLength(await source.read(0, 12))));
  return {
    version,
    password: header.slots.some((slot) => slot.type === SLOT_PASSWORD),
    recoveryKey: header.slots.some((slot) => slot.type === SLOT_RECOVERY_KEY),
  };
}
