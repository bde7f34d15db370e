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

/** The decrypted text, segment by segment as the parser asks for it. */
interface TextSource {
  /** The next ~1 M-character segment, or undefined once the whole payload is read and checked. */
  next(): Promise<string | undefined>;
}

/**
 * Steps 9–11 up to the text: opens every chunk in order, inflates it and decodes it, as the parser asks for text —
 * so the page parses segment k while the Worker codec inflates the chunks after it. With a Worker codec up to
 * `inflater.ahead` chunks are in flight. A chunk that does not verify is reported only after the chunks before it
 * are inflated, so the first fault in file order is the one reported, whichever codec runs. The end of the text
 * comes only after the last chunk and the checks of the whole stream (UTF-8 complete, exact declared size).
 */
function createTextSource(
  source: ByteSource,
  header: PayloadLayout,
  payloadKey: CryptoKey,
  options: DecryptOptions & CodecOption,
  budget: TaskBudget,
): TextSource & { close(): void } {
  const total = header.plaintextBytes;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // Text is kept in ~1 M-character segments: one 50 MB string would cost a long task to flatten (parse.ts).
  const ready: string[] = [];
  let segment = '';
  const inflater = (options.codec ?? mainThreadCodec).inflate(total, () => budget.pause());
  const chunks = countChunks(header.compressedBytes, header.chunkBytes);
  let opened = 0;
  let offset = header.headerBytes;
  let inFlight = 0;
  let produced = 0;
  let ended = false;
  const consume = async () => {
    const result = await readInflated(inflater);
    inFlight--;
    produced = result.produced;
    for (const bytes of result.parts) {
      try {
        segment += decoder.decode(bytes, { stream: true });
      } catch (error) {
        throw damaged('its text is not valid UTF-8', error);
      }
      if (segment.length >= TEXT_SEGMENT_CHARS) {
        ready.push(segment);
        segment = '';
      }
    }
    options.onProgress?.({ done: produced, total });
    await budget.pause();
  };
  const openNext = async () => {
    const i = opened++;
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
  };
  const finish = () => {
    ended = true;
    inflater.close();
    try {
      ready.push(segment + decoder.decode());
    } catch (error) {
      throw damaged('its text is not valid UTF-8', error);
    }
    segment = '';
    if (produced !== total) throw damaged('it decompresses to less than its declared size');
  };
  return {
    async next() {
      while (ready.length === 0 && !ended) {
        if (opened < chunks) {
          await openNext();
          if (inFlight > inflater.ahead) await consume();
        } else if (inFlight > 0) {
          await consume();
        } else {
          finish();
        }
      }
      return ready.shift();
    },
    close: () => inflater.close(),
  };
}

/**
 * Steps 9–11 and the parse: opens the chunks after an authenticated header with `payloadKey` and returns the
 * parsed JSON, parsing each segment of text as soon as it is decoded. Shared by every version whose payload is
 * STREAM chunks of raw DEFLATE.
 */
export async function readPayload(
  source: ByteSource,
  layout: PayloadLayout,
  payloadKey: CryptoKey,
  options: DecryptOptions & CodecOption,
): Promise<unknown> {
  const budget = createTaskBudget(options.signal);
  const text = createTextSource(source, layout, payloadKey, options, budget);
  try {
    return await parseJsonIncrementally(() => text.next(), () => budget.pause());
  } catch (error) {
    if (error instanceof FormatError) throw error;
    // The parse stopped early: a fault later in the file (a chunk that does not verify, a size) comes first, as
    // when the whole text was read before the parse.
    while ((await text.next()) !== undefined);
    throw damaged('its content is not valid JSON', error);
  } finally {
    text.close();
  }
}
