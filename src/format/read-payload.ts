/**
 * Reading the payload after an authenticated header, shared by every version whose payload is STREAM chunks of raw
 * DEFLATE JSON (v1 and v2): each chunk is opened, inflated in small slices with its output counted against the
 * declared size and UTF-8-decoded as it comes, then the JSON is parsed in slices (docs/format.md, section 6,
 * steps 9–11).
 */
import { FormatError } from '../errors.js';
import { InvalidDeflateError, mainThreadCodec, OutputLimitError, type InflateResult, type InflateStream } from './codec.js';
import { TAG_BYTES } from './constants.js';
import { countChunks } from './header.js';
import type { CodecOption, DecryptOptions } from './options.js';
import { parseJsonIncrementally } from './parse.js';
import { createTaskBudget, type TaskBudget } from './schedule.js';
import type { ByteSource } from './source.js';
import { openChunk } from './stream.js';

/** UTF-16 code units per text segment handed to the parser. */
const TEXT_SEGMENT_CHARS = 1 << 20;

/** A CORRUPT_FILE error whose message ends with `detail` (docs/format.md lists the details). */
export function damaged(detail: string, cause?: unknown): FormatError {
  return new FormatError('CORRUPT_FILE', `This backup file is damaged: ${detail}.`, { cause });
}

/** Bytes as MiB with one decimal, for the TOO_LARGE message. */
export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Steps 6–7 of either version, before any key derivation: the declared plaintext size within the page's cap
 * (TOO_LARGE), then the file exactly as long as its header says (CORRUPT_FILE: cut short, or extra bytes).
 */
export function checkFileSize(source: ByteSource, plaintextBytes: number, expectedFileBytes: number, maxPlaintextBytes: number): void {
  if (plaintextBytes > maxPlaintextBytes) {
    throw new FormatError(
      'TOO_LARGE',
      `This backup would decompress to ${formatMiB(plaintextBytes)}, more than the ` +
        `${formatMiB(maxPlaintextBytes)} this page accepts.`,
    );
  }
  if (source.size < expectedFileBytes) throw damaged(`it is cut short (${source.size} of ${expectedFileBytes} bytes)`);
  if (source.size > expectedFileBytes) throw damaged(`it has ${source.size - expectedFileBytes} unexpected extra bytes at the end`);
}

/** Where the chunks start and the sizes the header declares. */
export interface PayloadLayout {
  headerBytes: number;
  chunkBytes: number;
  plaintextBytes: number;
  compressedBytes: number;
}

/** Reads the next inflated chunk, turning the codec's refusals into CORRUPT_FILE. */
async function readInflated(inflater: InflateStream): Promise<InflateResult> {
  try {
    return await inflater.read();
  } catch (error) {
    if (error instanceof OutputLimitError) throw damaged('it decompresses to more than its declared size', error);
    if (error instanceof InvalidDeflateError) throw damaged('its compressed data is invalid', error);
    throw error;
  }
}

/**
 * Steps 9–11 up to the text: opens every chunk in order and inflates it; returns the UTF-8-decoded segments.
 * With a Worker codec one chunk stays in flight: chunk i+1 is opened (WebCrypto) while chunk i is inflated on
 * another core (`inflater.ahead`). A chunk that does not verify is reported only after the chunks before it are inflated, so the
 * first fault in file order is the one reported, whichever codec runs.
 */
async function readTextSegments(
  source: ByteSource,
  header: PayloadLayout,
  payloadKey: CryptoKey,
  options: DecryptOptions & CodecOption,
  budget: TaskBudget,
): Promise<string[]> {
  const total = header.plaintextBytes;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // Text is kept in ~1 M-character segments: one 50 MB string would cost a long task to flatten (parse.ts).
  const segments: string[] = [];
  let segment = '';
  const inflater = (options.codec ?? mainThreadCodec).inflate(total, () => budget.pause());
  let inFlight = 0;
  const consume = async () => {
    const { parts, produced } = await readInflated(inflater);
    inFlight--;
    for (const bytes of parts) {
      try {
        segment += decoder.decode(bytes, { stream: true });
      } catch (error) {
        throw damaged('its text is not valid UTF-8', error);
      }
      if (segment.length >= TEXT_SEGMENT_CHARS) {
        segments.push(segment);
        segment = '';
      }
    }
    options.onProgress?.({ done: produced, total });
    await budget.pause();
    return produced;
  };
  let produced = 0;
  try {
    const chunks = countChunks(header.compressedBytes, header.chunkBytes);
    let offset = header.headerBytes;
    for (let i = 0; i < chunks; i++) {
      const final = i === chunks - 1;
      const length = (final ? header.compressedBytes - i * header.chunkBytes : header.chunkBytes) + TAG_BYTES;
      const plain = await openChunk(payloadKey, i, final, await source.read(offset, length));
      offset += length;
      if (!plain) {
        while (inFlight > 0) await consume();
        throw damaged(`part ${i + 1} of ${chunks} does not verify`);
      }
      inflater.write(plain, final);
      inFlight++;
      if (inFlight > inflater.ahead) produced = await consume();
    }
    while (inFlight > 0) produced = await consume();
  } finally {
    inflater.close();
  }
  try {
    segments.push(segment + decoder.decode());
  } catch (error) {
    throw damaged('its text is not valid UTF-8', error);
  }
  if (produced !== total) throw damaged('it decompresses to less than its declared size');
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
  options: DecryptOptions & CodecOption,
): Promise<unknown> {
  const budget = createTaskBudget(options.signal);
  const segments = await readTextSegments(source, layout, payloadKey, options, budget);
  try {
    return await parseJsonIncrementally(segments, () => budget.pause());
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw damaged('its content is not valid JSON', error);
  }
}
