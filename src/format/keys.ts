/**
 * Key derivation (docs/format.md, "Keys"): PBKDF2-HMAC-SHA256(password, salt, iterations) → 32 bytes of input
 * keying material, then HKDF-SHA256 splits it into an HMAC key for the header and an AES-256-GCM key for the
 * payload, so the two uses never share a key. WebCrypto only.
 */
import { toBufferSource } from './bytes.js';
import { assertSecureContext } from './secure-context.js';

/** format: HKDF `info` for the header-MAC key. */
export const HKDF_INFO_HEADER_MAC = 'dashboard-backup v1 header-mac';
/** format: HKDF `info` for the payload (AES-256-GCM) key. */
export const HKDF_INFO_PAYLOAD = 'dashboard-backup v1 payload';

/** The two keys of one file. Non-extractable. */
export interface FileKeys {
  macKey: CryptoKey;
  payloadKey: CryptoKey;
}

const encoder = new TextEncoder();

/**
 * Encodes a password as the KDF sees it: Unicode NFC, then UTF-8, so the same typed password gives the same key
 * whichever keyboard or OS composed its accents.
 */
export function encodePassword(password: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(password.normalize('NFC'));
}

/**
 * Derives the header-MAC and payload keys of one file. PBKDF2 itself cannot be stopped once WebCrypto has it, but
 * an aborted `signal` stops the derivation before the HKDF steps, so that no work outlives a call that gave up.
 */
export async function deriveKeys(
  password: string,
  salt: Uint8Array,
  iterations: number,
  signal?: AbortSignal,
): Promise<FileKeys> {
  assertSecureContext();
  const ikm = await deriveV1Ikm(password, salt, iterations);
  signal?.throwIfAborted();
  return deriveV1KeysFromIkm(ikm);
}

/**
 * The v1 input keying material: PBKDF2-HMAC-SHA256(password, salt, iterations), 32 bytes. Re-keying a v1 file
 * keeps it as the upgraded file's file key, so its chunks open unchanged.
 */
export async function deriveV1Ikm(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const subtle = crypto.subtle;
  const passwordKey = await subtle.importKey('raw', encodePassword(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(
    await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: toBufferSource(salt), iterations }, passwordKey, 256),
  );
}

/** The v1 header-MAC and payload keys from the v1 input keying material (HKDF-SHA256, empty salt). */
export async function deriveV1KeysFromIkm(ikm: Uint8Array): Promise<FileKeys> {
  const subtle = crypto.subtle;
  const hkdfKey = await subtle.importKey('raw', toBufferSource(ikm), 'HKDF', false, ['deriveKey']);
  const hkdf = (info: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: encoder.encode(info),
  });
  const [macKey, payloadKey] = await Promise.all([
    subtle.deriveKey(hkdf(HKDF_INFO_HEADER_MAC), hkdfKey, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
      'sign',
      'verify',
    ]),
    subtle.deriveKey(hkdf(HKDF_INFO_PAYLOAD), hkdfKey, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
  ]);
  return { macKey, payloadKey };
}

/** HMAC-SHA256 of the header bytes that precede the MAC. */
export async function computeHeaderMac(macKey: CryptoKey, macInput: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', macKey, toBufferSource(macInput)));
}

/** Checks a stored header MAC (WebCrypto's verify compares in constant time). */
export function verifyHeaderMac(macKey: CryptoKey, macInput: Uint8Array, mac: Uint8Array): Promise<boolean> {
  return crypto.subtle.verify('HMAC', macKey, toBufferSource(mac), toBufferSource(macInput));
}
