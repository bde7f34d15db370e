/**
 * Writing a backup (v2; v1 for tests and vectors only): the keys and the header. A v2 file's key work — the file
 * key, the key slots (PBKDF2 for a password) and the HKDF keys — needs only the secret, so it can be prepared
 * before the payload exists ({@link prepareEncryption}: an export derives while it reads the unit); the payload is
 * then sealed (write-payload.ts) and the header, which declares the sizes, assembled last (it still comes first in
 * the file). When the work happens changes nothing in the bytes (docs/format.md).
 */
import { FormatError } from '../errors.js';
import { equalBytes } from './bytes.js';
import { FILE_KEY_BYTES, FILE_SALT_BYTES, SALT_BYTES } from './constants.js';
import { assembleHeader, encodeHeaderFields, type HeaderFields } from './header.js';
import { assembleV2Header, encodeV2MacInput, SCHEDULE_V2, type KeySlot } from './header-v2.js';
import { computeHeaderMac, deriveKeys } from './keys.js';
import { resolveEncryptOptions, type CodecOption, type EncryptOptions } from './options.js';
import { toRecoveryKeyBytes } from './recovery-key.js';
import { throwIfAborted } from './schedule.js';
import { resolveSecret, type BackupSecret, type ResolvedSecret } from './secret.js';
import { createPasswordSlot, createRecoveryKeySlot, deriveV2Keys } from './slots.js';
import { sealPayload } from './write-payload.js';

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

/** Options of {@link prepareEncryption}: everything the header needs, known before the payload. */
export type PrepareOptions = Pick<EncryptOptions, 'iterations' | 'recoveryKey' | 'chunkBytes' | 'signal'>;

/** Options of {@link PreparedEncryption.seal}. */
export type SealOptions = Pick<EncryptOptions, 'onProgress'> & CodecOption;

/**
 * The key work of one v2 file, started before its payload exists: a fresh file key and file salt, its key slots and
 * its header-MAC and payload keys. Seals exactly one payload. The secret goes to WebCrypto only (no Worker sees it).
 */
export interface PreparedEncryption {
  /**
   * Resolves once the slots and keys exist; rejects as their derivation does (FormatError ABORTED once cancelled).
   * Awaiting it is optional: nothing is left unhandled when nobody does.
   */
  readonly ready: Promise<void>;
  /**
   * Serialises, compresses and seals `payload`, then writes the header: the parts of the file, header first.
   * @throws FormatError ABORTED (the prepare options' signal, or {@link cancel}), INVALID_OPTIONS (payload not JSON),
   *   INSECURE_CONTEXT; whatever the codec throws.
   */
  seal(payload: unknown, o?: SealOptions): Promise<Uint8Array[]>;
  /**
   * Gives up: the derivation stops at its next step (PBKDF2 itself cannot be stopped inside WebCrypto; nothing
   * runs after it) and a later {@link seal} rejects. Idempotent; harmless after a seal.
   */
  cancel(): void;
}

/**
 * Checks the secret and options and starts the key work of a v2 file (see {@link PreparedEncryption}); the options'
 * `signal` cancels it. Called with the same secret and options, `prepareEncryption(s, o).seal(p, o)` writes what
 * {@link encryptToParts} writes (the same random draws, in the same order).
 * @throws FormatError (at once, before any work) KDF_OUT_OF_RANGE, INVALID_OPTIONS, PASSWORD_TOO_SHORT,
 *   INVALID_RECOVERY_KEY, ABORTED.
 */
export function prepareEncryption(secret: BackupSecret, options: PrepareOptions = {}): PreparedEncryption {
  const { iterations, chunkBytes } = resolveEncryptOptions(options);
  // Refuse a bad secret or recovery key before any work.
  const resolved = resolveSecret(secret);
  const recoveryKey = options.recoveryKey === undefined ? undefined : toRecoveryKeyBytes(options.recoveryKey);
  const { signal } = options;
  throwIfAborted(signal);
  // A fresh random file key and file salt per file: no two files share a payload key, whatever the password.
  const fileKey = crypto.getRandomValues(new Uint8Array(FILE_KEY_BYTES));
  const fileSalt = crypto.getRandomValues(new Uint8Array(FILE_SALT_BYTES));
  const derivation = new AbortController();
  const cancel = (): void => {
    signal?.removeEventListener('abort', cancel);
    if (!derivation.signal.aborted) derivation.abort(new FormatError('ABORTED', 'The operation was cancelled.'));
  };
  signal?.addEventListener('abort', cancel, { once: true });
  const slots = createSlots(fileKey, resolved, recoveryKey, iterations, derivation.signal);
  const keys = deriveV2Keys(fileKey, fileSalt, SCHEDULE_V2);
  const ready = Promise.all([slots, keys]).then(() => undefined);
  // Handled here, so a caller that gives up (a failed read, a cancel) and never seals leaves no rejection behind.
  ready.catch(() => undefined);
  void Promise.allSettled([slots, keys]).then(() => {
    fileKey.fill(0); // best effort: WebCrypto copied it into the slots and keys; the raw file key is not needed now
    signal?.removeEventListener('abort', cancel);
  });
  let sealing = false;
  return {
    ready,
    cancel,
    async seal(payload, o = {}) {
      if (sealing) throw new FormatError('INVALID_OPTIONS', 'A prepared encryption seals one payload only.');
      sealing = true;
      try {
        throwIfAborted(signal);
        if (derivation.signal.aborted) throw derivation.signal.reason; // cancelled: ABORTED before any work
        // Chunks are sealed only once the slots exist too: a derivation stopped meanwhile seals nothing.
        const sealingKeys = ready.then(() => keys);
        const result = await sealPayload(payload, sealingKeys, cancel, chunkBytes, { ...o, ...(signal ? { signal } : {}) });
        const macInput = encodeV2MacInput({ keySchedule: SCHEDULE_V2, chunkBytes, fileSalt, slots: await slots, ...result });
        const mac = await computeHeaderMac(result.keys.macKey, macInput);
        throwIfAborted(signal);
        return [assembleV2Header(macInput, mac), ...result.sealed];
      } catch (error) {
        cancel();
        throwIfAborted(signal); // a cancel during the derivation is ABORTED, whichever step noticed it first
        throw error;
      }
    },
  };
}

/**
 * Encrypts `payload` into the parts of a version-2 file: the header (fixed fields, key slots, MAC, CRC) first,
 * then every sealed chunk. Joining the parts gives the file. The slots are made while the JSON is serialised.
 * Internal: the public functions wrap it.
 */
export async function encryptToParts(
  payload: unknown,
  secret: BackupSecret,
  options: EncryptOptions & CodecOption = {},
): Promise<Uint8Array[]> {
  return prepareEncryption(secret, options).seal(payload, options);
}
