/**
 * Key slots (docs/format.md, "Key slots") and the v2 key schedule. Each slot wraps the file key with AES-256-GCM
 * under a key-encryption key (KEK) of its own: PBKDF2-SHA256 of the password for a password slot, HKDF-SHA256 of
 * the recovery key for a recovery-key slot (it is already 256 random bits: no slow KDF needed). A slot's
 * parameters are its additional data, so they cannot be swapped between slots. WebCrypto only; nothing cached.
 */
import { toBufferSource } from './bytes.js';
import { FILE_KEY_BYTES, SALT_BYTES } from './constants.js';
import {
  PASSWORD_SLOT_BYTES,
  RECOVERY_KEY_SLOT_BYTES,
  SCHEDULE_V2,
  SLOT_PASSWORD,
  SLOT_RECOVERY_KEY,
  type KeySlot,
} from './header-v2.js';
import { encodePassword, HKDF_INFO_PAYLOAD, type FileKeys } from './keys.js';
import { assertSecureContext } from './secure-context.js';

/** format: HKDF `info` of a recovery-key slot's KEK. */
export const HKDF_INFO_RECOVERY_SLOT = 'dashboard-backup v2 recovery-key slot';
/** format: HKDF `info` of the v2 header-MAC key. */
export const HKDF_INFO_V2_HEADER_MAC = 'dashboard-backup v2 header-mac';
/** format: HKDF `info` of the v2 payload key. */
export const HKDF_INFO_V2_PAYLOAD = 'dashboard-backup v2 payload';

const NONCE_BYTES = 12;
const encoder = new TextEncoder();
/** WebCrypto, or INSECURE_CONTEXT (a page not served over https) with a sentence the admin can act on. */
const subtle = (): SubtleCrypto => {
  assertSecureContext();
  return crypto.subtle;
};

function hkdfParams(salt: Uint8Array, info: string): HkdfParams {
  return { name: 'HKDF', hash: 'SHA-256', salt: toBufferSource(salt), info: encoder.encode(info) };
}

async function passwordKek(password: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', encodePassword(password), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: toBufferSource(salt), iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function recoveryKek(recoveryKey: Uint8Array, salt: Uint8Array): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', toBufferSource(recoveryKey), 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(hkdfParams(salt, HKDF_INFO_RECOVERY_SLOT), base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** Seals the file key into a slot body: `params ‖ nonce ‖ AES-GCM(kek, nonce, fileKey, ad = type ‖ params)`. */
async function seal(type: number, params: Uint8Array, kek: CryptoKey, fileKey: Uint8Array): Promise<KeySlot> {
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const additionalData = Uint8Array.of(type, ...params);
  const wrapped = new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv: nonce, additionalData }, kek, toBufferSource(fileKey)),
  );
  const body = new Uint8Array(params.length + NONCE_BYTES + wrapped.length);
  body.set(params, 0);
  body.set(nonce, params.length);
  body.set(wrapped, params.length + NONCE_BYTES);
  return { type, body };
}

/** Opens a slot body sealed by {@link seal}; `undefined` when the KEK is not the right one (or the slot was edited). */
async function open(slot: KeySlot, paramsBytes: number, kek: CryptoKey): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const params = slot.body.subarray(0, paramsBytes);
  const iv = slot.body.slice(paramsBytes, paramsBytes + NONCE_BYTES);
  const additionalData = Uint8Array.of(slot.type, ...params);
  try {
    const key = new Uint8Array(
      await subtle().decrypt({ name: 'AES-GCM', iv, additionalData }, kek, slot.body.slice(paramsBytes + NONCE_BYTES)),
    );
    return key.length === FILE_KEY_BYTES ? key : undefined;
  } catch {
    return undefined;
  }
}

/** A password slot for `fileKey`: fresh salt, PBKDF2-SHA256 with `iterations`. */
export async function createPasswordSlot(
  fileKey: Uint8Array,
  password: string,
  iterations: number,
  signal?: AbortSignal,
): Promise<KeySlot> {
  const params = new Uint8Array(4 + SALT_BYTES);
  new DataView(params.buffer).setUint32(0, iterations, false);
  crypto.getRandomValues(params.subarray(4));
  const kek = await passwordKek(password, params.slice(4), iterations);
  signal?.throwIfAborted(); // PBKDF2 cannot be stopped inside WebCrypto; nothing runs after it once aborted
  return seal(SLOT_PASSWORD, params, kek, fileKey);
}

/** A recovery-key slot for `fileKey`: fresh salt, KEK = HKDF of the recovery key. */
export async function createRecoveryKeySlot(fileKey: Uint8Array, recoveryKey: Uint8Array): Promise<KeySlot> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return seal(SLOT_RECOVERY_KEY, salt, await recoveryKek(recoveryKey, salt), fileKey);
}

/** The file key from a password slot, or `undefined` when the password does not open it. */
export async function openPasswordSlot(slot: KeySlot, password: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (slot.type !== SLOT_PASSWORD || slot.body.length !== PASSWORD_SLOT_BYTES) return undefined;
  const iterations = new DataView(slot.body.buffer, slot.body.byteOffset, 4).getUint32(0, false);
  const kek = await passwordKek(password, slot.body.slice(4, 4 + SALT_BYTES), iterations);
  return open(slot, 4 + SALT_BYTES, kek);
}

/** The file key from a recovery-key slot, or `undefined` when the recovery key does not open it. */
export async function openRecoveryKeySlot(slot: KeySlot, key: Uint8Array): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (slot.type !== SLOT_RECOVERY_KEY || slot.body.length !== RECOVERY_KEY_SLOT_BYTES) return undefined;
  return open(slot, SALT_BYTES, await recoveryKek(key, slot.body.slice(0, SALT_BYTES)));
}

/**
 * The header-MAC and payload keys of a v2 file, from its file key and file salt. Schedule 2: both from HKDF with
 * the file salt. Schedule 1 (a file upgraded from v1): the payload key is the v1 one (HKDF, empty salt, v1 info),
 * so the v1 chunks open unchanged; the MAC key is the v2 one.
 */
export async function deriveV2Keys(fileKey: Uint8Array, fileSalt: Uint8Array, keySchedule: number): Promise<FileKeys> {
  const base = await subtle().importKey('raw', toBufferSource(fileKey), 'HKDF', false, ['deriveKey']);
  const payloadParams =
    keySchedule === SCHEDULE_V2
      ? hkdfParams(fileSalt, HKDF_INFO_V2_PAYLOAD)
      : hkdfParams(new Uint8Array(0), HKDF_INFO_PAYLOAD);
  const [macKey, payloadKey] = await Promise.all([
    subtle().deriveKey(hkdfParams(fileSalt, HKDF_INFO_V2_HEADER_MAC), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
      'sign',
      'verify',
    ]),
    subtle().deriveKey(payloadParams, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
  ]);
  return { macKey, payloadKey };
}
