/**
 * The STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015), as age uses it: every chunk is sealed with
 * AES-256-GCM under the per-file payload key, nonce = 11-byte big-endian chunk counter ‖ 1-byte final flag. A chunk
 * cannot be moved, repeated or dropped, and the stream cannot be cut or extended, without a tag failing.
 */
import { toBufferSource } from './bytes.js';
import { NONCE_BYTES } from './constants.js';

/** format: last nonce byte of the final chunk. */
export const FINAL_FLAG = 0x01;

/** The nonce of chunk number `counter` (0-based); `final` marks the last chunk of the file. */
export function computeNonce(counter: number, final: boolean): Uint8Array<ArrayBuffer> {
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError('chunk counter out of range');
  const nonce = new Uint8Array(NONCE_BYTES);
  // Counter in bytes 0..10, big-endian; a safe integer fits in the low 7 bytes.
  let rest = counter;
  for (let i = NONCE_BYTES - 2; i >= 0 && rest > 0; i--) {
    nonce[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  nonce[NONCE_BYTES - 1] = final ? FINAL_FLAG : 0;
  return nonce;
}

/** Seals one chunk: returns ciphertext ‖ 16-byte tag. No additional data. */
export async function sealChunk(
  key: CryptoKey,
  counter: number,
  final: boolean,
  plaintext: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = computeNonce(counter, final);
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, toBufferSource(plaintext)));
}

/** Opens one chunk; returns `undefined` when the tag does not verify (wrong position, flag, key or bytes). */
export async function openChunk(
  key: CryptoKey,
  counter: number,
  final: boolean,
  sealed: Uint8Array,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const iv = computeNonce(counter, final);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, toBufferSource(sealed)));
  } catch {
    return undefined;
  }
}
