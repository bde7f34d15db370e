/**
 * An independent reader of format v2, written from docs/format.md alone: raw WebCrypto and a stock inflater,
 * nothing from src/format. Used by the golden-vector test (interoperability) and by the zero-knowledge capture
 * helpers (to know which raw keys must never appear anywhere).
 */
import { inflateSync } from 'fflate';

const subtle = crypto.subtle;
const utf8 = (s: string) => new TextEncoder().encode(s);

/** What opens the file: a password, or a recovery key in its human form. */
export type SpecSecret = { password: string } | { recoveryKey: string };

/** The plaintext and every raw key met on the way: [slot KEK, file key, header-MAC key, payload key]. */
export interface SpecResult {
  text: string;
  keys: Uint8Array[];
}

/** Decodes a recovery key's human form (docs/format.md "Recovery keys"), checking every group's check character. */
export function decodeRecoveryKeyPerSpec(text: string): Uint8Array {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== 65) throw new Error('not a recovery key');
  let bits = '';
  for (let g = 0; g < 13; g++) {
    const v = [...clean.slice(g * 5, g * 5 + 5)].map((c) => alphabet.indexOf(c));
    if (v.some((x) => x < 0)) throw new Error('not a recovery key');
    if ((11 * (g + 1) + v[0]! + 3 * v[1]! + 5 * v[2]! + 7 * v[3]!) % 32 !== v[4]) throw new Error(`typo in group ${g + 1}`);
    for (const x of v.slice(0, 4)) bits += x.toString(2).padStart(5, '0');
  }
  const key = new Uint8Array(32);
  for (let i = 0; i < 32; i++) key[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  if (!/^0000$/.test(bits.slice(256))) throw new Error('padding bits are not zero');
  return key;
}

async function hkdf(ikm: Uint8Array, salt: Uint8Array, info: string): Promise<Uint8Array> {
  const base = await subtle.importKey('raw', ikm as BufferSource, 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: salt as BufferSource, info: utf8(info) }, base, 256));
}

async function unwrap(kek: Uint8Array, type: number, params: Uint8Array, nonce: Uint8Array, sealed: Uint8Array) {
  const key = await subtle.importKey('raw', kek as BufferSource, 'AES-GCM', false, ['decrypt']);
  try {
    const additionalData = Uint8Array.of(type, ...params);
    return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: nonce as BufferSource, additionalData }, key, sealed as BufferSource));
  } catch {
    return undefined;
  }
}

/** Reads a v2 file per the spec; throws on any failure (this reader does not tell errors apart). */
export async function readV2PerSpec(file: Uint8Array, secret: SpecSecret): Promise<SpecResult> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (new TextDecoder().decode(file.subarray(0, 8)) !== 'DASHBKUP' || view.getUint16(8) !== 2) throw new Error('not v2');
  const headerLength = view.getUint16(10);
  const schedule = file[12]!;
  const slotCount = file[13]!;
  const chunkBytes = view.getUint32(14);
  const plaintextBytes = Number(view.getBigUint64(18));
  const compressedBytes = Number(view.getBigUint64(26));
  const fileSalt = file.slice(34, 66);
  let at = 66;
  const slots: { type: number; body: Uint8Array }[] = [];
  for (let i = 0; i < slotCount; i++) {
    const length = view.getUint16(at + 1);
    slots.push({ type: file[at]!, body: file.slice(at + 3, at + 3 + length) });
    at += 3 + length;
  }
  if (at !== headerLength - 36) throw new Error('slots do not fit');
  let kek: Uint8Array | undefined;
  let fileKey: Uint8Array | undefined;
  for (const { type, body } of slots) {
    if ('password' in secret && type === 1) {
      const iterations = new DataView(body.buffer, body.byteOffset).getUint32(0);
      const pw = await subtle.importKey('raw', utf8(secret.password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
      const salt = body.slice(4, 20);
      kek = new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, pw, 256));
      fileKey = await unwrap(kek, type, body.slice(0, 20), body.slice(20, 32), body.slice(32));
    } else if ('recoveryKey' in secret && type === 2) {
      kek = await hkdf(decodeRecoveryKeyPerSpec(secret.recoveryKey), body.slice(0, 16), 'dashboard-backup v2 recovery-key slot');
      fileKey = await unwrap(kek, type, body.slice(0, 16), body.slice(16, 28), body.slice(28));
    }
    if (fileKey) break;
  }
  if (!kek || !fileKey) throw new Error('no slot opens');
  const macKey = await hkdf(fileKey, fileSalt, 'dashboard-backup v2 header-mac');
  const payloadKey =
    schedule === 2
      ? await hkdf(fileKey, fileSalt, 'dashboard-backup v2 payload')
      : await hkdf(fileKey, new Uint8Array(0), 'dashboard-backup v1 payload');
  const hmac = await subtle.importKey('raw', macKey as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const macAt = headerLength - 36;
  if (!(await subtle.verify('HMAC', hmac, file.slice(macAt, macAt + 32), file.slice(0, macAt)))) throw new Error('MAC');
  const aes = await subtle.importKey('raw', payloadKey as BufferSource, 'AES-GCM', false, ['decrypt']);
  const chunks = Math.max(1, Math.ceil(compressedBytes / chunkBytes));
  const compressed = new Uint8Array(compressedBytes);
  let offset = headerLength;
  for (let i = 0; i < chunks; i++) {
    const length = Math.min(chunkBytes, compressedBytes - i * chunkBytes);
    const iv = new Uint8Array(12);
    new DataView(iv.buffer).setBigUint64(3, BigInt(i));
    iv[11] = i === chunks - 1 ? 1 : 0;
    const plain = await subtle.decrypt({ name: 'AES-GCM', iv }, aes, file.slice(offset, offset + length + 16));
    compressed.set(new Uint8Array(plain), i * chunkBytes);
    offset += length + 16;
  }
  if (offset !== file.length) throw new Error('length');
  const json = inflateSync(compressed);
  if (json.length !== plaintextBytes) throw new Error('size');
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(json), keys: [kek, fileKey, macKey, payloadKey] };
}
