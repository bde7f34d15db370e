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
import { deriveKeys, verifyHeaderMac } from './keys.js';
import { createUnsupportedVersionError, getFormatReader, migratePayload } from './migrate.js';
import { resolveMaxPlaintextBytes, type DecryptOptions } from './options.js';
import { parseJsonIncrementally } from './parse.js';
import { createTaskBudget, throwIfAborted, type TaskBudget } from './schedule.js';
import type { ByteSource } from './source.js';
import { openChunk } from './stream.js';

/** UTF-16 code units per text segment handed to the parser. */
const TEXT_SEGMENT_CHARS = 1 << 20;

function damaged(detail: string, cause?: unknown): FormatError {
  return new FormatError('CORRUPT_FILE', `This backup file is damaged: ${detail}.`, { cause });
}

function formatMiB(bytes: number): string {
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

/** Steps 9–11 up to the text: opens every chunk in order and inflates it; returns the UTF-8-decoded segments. */
async function readTextSegments(
  source: ByteSource,
  header: ParsedHeader,
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
  let offset = HEADER_BYTES;
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

/** Reads a version-1 file and returns its payload. Exported for tests; callers use decryptFromSource. */
export async function readVersion1(source: ByteSource, password: string, options: DecryptOptions): Promise<unknown> {
  const { signal, onProgress } = options;
  const header = await checkHeader(source, resolveMaxPlaintextBytes(options));
  const keys = await deriveKeys(password, header.salt, header.iterations);
  throwIfAborted(signal);
  if (!(await verifyHeaderMac(keys.macKey, header.macInput, header.mac))) {
    throw new FormatError('WRONG_PASSWORD', 'This password does not open this backup: check it and try again.');
  }
  const budget = createTaskBudget(signal);
  const segments = await readTextSegments(source, header, keys.payloadKey, budget, onProgress);
  try {
    return await parseJsonIncrementally(segments, () => budget.pause());
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw damaged('its content is not valid JSON', error);
  }
}

/**
 * Opens a backup of any readable version and returns its payload migrated to the current format version.
 * @throws FormatError NOT_A_BACKUP, UNSUPPORTED_VERSION, KDF_OUT_OF_RANGE, WRONG_PASSWORD, CORRUPT_FILE, TOO_LARGE,
 *   ABORTED, INVALID_OPTIONS
 */
export async function decryptFromSource(
  source: ByteSource,
  password: string,
  options: DecryptOptions = {},
): Promise<unknown> {
  throwIfAborted(options.signal);
  resolveMaxPlaintextBytes(options);
  const start = await source.read(0, HEADER_BYTES);
  if (!hasMagic(start)) throw new FormatError('NOT_A_BACKUP', 'This file is not a Dashboard backup.');
  const version = readVersion(start);
  if (version === undefined) throw damaged('it ends inside the header');
  let payload: unknown;
  if (version === FORMAT_VERSION) {
    payload = await readVersion1(source, password, options);
  } else {
    const reader = getFormatReader(version);
    if (!reader) throw createUnsupportedVersionError(version);
    payload = await reader(source, password, options);
  }
  throwIfAborted(options.signal);
  return migratePayload(payload, version);
}
