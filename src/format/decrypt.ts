/**
 * Reading a backup: checks that cost nothing come first (magic, version, header checksum, KDF range, size cap,
 * file length), then the key derivation and the header MAC (wrong password), then each chunk is opened, inflated
 * in small slices with the output counted against the authenticated size, and the JSON is parsed at the end
 * (time-sliced, parse.ts). The order and the error of every check are specified in docs/format.md, section 6.
 */
import { FormatError } from '../errors.js';
import { createDecompressor, INFLATE_SLICE_BYTES, OutputLimitError } from './compress.js';
import { FORMAT_VERSION, HEADER_BYTES, TAG_BYTES } from './constants.js';
import { computeFileBytes, countChunks, hasMagic, parseHeader, readVersion, type ParsedHeader } from './header.js';
import { deriveV1Ikm, deriveV1KeysFromIkm, verifyHeaderMac, type FileKeys } from './keys.js';
import { noUsableSlot, readVersion2 } from './decrypt-v2.js';
import { resolveSecret, type BackupSecret } from './secret.js';
import { createUnsupportedVersionError, getFormatReader, migratePayload } from './migrate.js';
import { resolveMaxPlaintextBytes, type DecryptOptions } from './options.js';
import { parseJsonIncrementally } from './parse.js';
import { createTaskBudget, throwIfAborted, type TaskBudget } from './schedule.js';
import type { ByteSource } from './source.js';
import { openChunk } from './stream.js';

/** UTF-16 code units per text segment handed to the parser. */
const TEXT_SEGMENT_CHARS = 1 << 20;

export function damaged(detail: string, cause?: unknown): FormatError {
  return new FormatError('CORRUPT_FILE', `This backup file is damaged: ${detail}.`, { cause });
}

export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Steps 3–7: the header's own checks, the size cap and the exact file length. No key derivation yet. */
async function checkHeader(source: ByteSource, maxPlaintextBytes: number): Promise<ParsedHeader> {
  const header = parseHeader(await source.read(0, HEADER_BYTES));
  if (header.plaintextBytes > maxPlaintextBytes) {
    throw new FormatError(
      'TOO_LARGE',
      `This backup would decompress to ${formatMiB(header.plaintextBytes)}, more than the ` +
        `${formatMiB(maxPlaintextBytes)} this page accepts.`,
    );
  }
  const expected = computeFileBytes(header);
  if (source.size < expected) throw damaged(`it is cut short (${source.size} of ${expected} bytes)`);
  if (source.size > expected) throw damaged(`it has ${source.size - expected} unexpected extra bytes at the end`);
  return header;
}

/** Where the chunks start and the sizes the header declares. */
export interface PayloadLayout {
  headerBytes: number;
  chunkBytes: number;
  plaintextBytes: number;
  compressedBytes: number;
}

/** Steps 9–11 up to the text: opens every chunk in order and inflates it; returns the UTF-8-decoded segments. */
async function readTextSegments(
  source: ByteSource,
  header: PayloadLayout,
  payloadKey: CryptoKey,
  budget: TaskBudget,
  onProgress: DecryptOptions['onProgress'],
): Promise<string[]> {
  const total = header.plaintextBytes;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // Text is kept in ~1 M-character segments: one 50 MB string would cost a long task to flatten (parse.ts).
  const segments: string[] = [];
  let segment = '';
  const decompressor = createDecompressor((bytes) => {
    try {
      segment += decoder.decode(bytes, { stream: true });
    } catch (error) {
      throw damaged('its text is not valid UTF-8', error);
    }
    if (segment.length >= TEXT_SEGMENT_CHARS) {
      segments.push(segment);
      segment = '';
    }
  }, total);
  const chunks = countChunks(header.compressedBytes, header.chunkBytes);
  let offset = header.headerBytes;
  for (let i = 0; i < chunks; i++) {
    const final = i === chunks - 1;
    const length = (final ? header.compressedBytes - i * header.chunkBytes : header.chunkBytes) + TAG_BYTES;
    const plain = await openChunk(payloadKey, i, final, await source.read(offset, length));
    offset += length;
    if (!plain) throw damaged(`part ${i + 1} of ${chunks} does not verify`);
    try {
      // Small slices bound what one push can produce (a bomb) and keep each step short.
      for (let at = 0; at < plain.length || (final && at === 0); at += INFLATE_SLICE_BYTES) {
        const end = Math.min(plain.length, at + INFLATE_SLICE_BYTES);
        decompressor.push(plain.subarray(at, end), final && end === plain.length);
        await budget.pause();
      }
    } catch (error) {
      if (error instanceof FormatError) throw error;
      if (error instanceof OutputLimitError) throw damaged('it decompresses to more than its declared size', error);
      throw damaged('its compressed data is invalid', error);
    }
    onProgress?.({ done: decompressor.produced, total });
  }
  try {
    segments.push(segment + decoder.decode());
  } catch (error) {
    throw damaged('its text is not valid UTF-8', error);
  }
  if (decompressor.produced !== total) throw damaged('it decompresses to less than its declared size');
  return segments;
}

/**
 * Steps 9–11 and the parse: opens the chunks after an authenticated header with `payloadKey` and returns the
 * parsed JSON. Shared by every version whose payload is STREAM chunks of raw DEFLATE.
 */
export async function readPayload(
  source: ByteSource,
  layout: PayloadLayout,
  payloadKey: CryptoKey,
  options: DecryptOptions,
): Promise<unknown> {
  const budget = createTaskBudget(options.signal);
  const segments = await readTextSegments(source, layout, payloadKey, budget, options.onProgress);
  try {
    return await parseJsonIncrementally(segments, () => budget.pause());
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw damaged('its content is not valid JSON', error);
  }
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
export async function readVersion1(source: ByteSource, secret: BackupSecret, options: DecryptOptions): Promise<unknown> {
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
  options: DecryptOptions = {},
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
