/**
 * The format pipeline with the browser's CompressionStream('deflate-raw') in place of fflate, for the format bench's
 * comparison rows (bench/format.bench.ts): the same incremental serialisation, STREAM sealing and time-sliced parse,
 * no header. Bench only: the package never uses it.
 */
import { SALT_BYTES } from '../src/format/index.js';
import { deriveKeys } from '../src/format/keys.js';
import { parseJsonIncrementally } from '../src/format/parse.js';
import { createTaskBudget } from '../src/format/schedule.js';
import { generateJsonPieces } from '../src/format/serialize.js';
import { openChunk, sealChunk } from '../src/format/stream.js';

/** A file of the native pipeline: sealed chunks without a header, and what it takes to open them. */
export interface NativeFile {
  blob: Blob;
  compressedBytes: number;
  key: CryptoKey;
}

/**
 * The same pipeline with CompressionStream('deflate-raw') in place of fflate: incremental serialisation, UTF-8
 * slices written to the stream, compressed output sealed chunk by chunk with the same STREAM code. Bench only.
 */
export async function encryptNative(payload: unknown, chunkBytes: number, password: string, iterations: number): Promise<NativeFile> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const { payloadKey: key } = await deriveKeys(password, salt, iterations);
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const sealed: Uint8Array[] = [];
  let compressedBytes = 0;
  const reading = (async () => {
    let pending = new Uint8Array(0);
    for await (const part of stream.readable as unknown as AsyncIterable<Uint8Array>) {
      const joined = new Uint8Array(pending.length + part.length);
      joined.set(pending);
      joined.set(part, pending.length);
      pending = joined;
      while (pending.length > chunkBytes) {
        sealed.push(await sealChunk(key, sealed.length, false, pending.subarray(0, chunkBytes)));
        compressedBytes += chunkBytes;
        pending = pending.slice(chunkBytes);
      }
    }
    sealed.push(await sealChunk(key, sealed.length, true, pending));
    compressedBytes += pending.length;
  })();
  const encoder = new TextEncoder();
  const budget = createTaskBudget(undefined);
  let batch: string[] = [];
  let chars = 0;
  for (const piece of generateJsonPieces(payload)) {
    batch.push(piece);
    chars += piece.length;
    if (chars >= 64 * 1024) {
      await writer.write(encoder.encode(batch.join('')));
      batch = [];
      chars = 0;
      await budget.pause(); // stream writes resolve as microtasks: without this the loop is one long task
    }
  }
  await writer.write(encoder.encode(batch.join('')));
  await writer.close();
  await reading;
  return { blob: new Blob(sealed as BlobPart[]), compressedBytes, key };
}

export async function decryptNative(file: NativeFile, chunkBytes: number): Promise<unknown> {
  const chunks = Math.max(1, Math.ceil(file.compressedBytes / chunkBytes));
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const decoder = new TextDecoder();
  const segments: string[] = [];
  let segment = '';
  const reading = (async () => {
    for await (const part of stream.readable as unknown as AsyncIterable<Uint8Array>) {
      segment += decoder.decode(part, { stream: true });
      if (segment.length >= 1 << 20) {
        segments.push(segment);
        segment = '';
      }
    }
    segments.push(segment + decoder.decode());
  })();
  let offset = 0;
  for (let i = 0; i < chunks; i++) {
    const length = Math.min(chunkBytes, file.compressedBytes - i * chunkBytes) + 16;
    const sealed = new Uint8Array(await file.blob.slice(offset, offset + length).arrayBuffer());
    offset += length;
    const plain = await openChunk(file.key, i, i === chunks - 1, sealed);
    if (!plain) throw new Error(`native bench: chunk ${i} did not open`);
    await writer.write(plain);
  }
  await writer.close();
  await reading;
  const budget = createTaskBudget(undefined);
  return parseJsonIncrementally(segments, () => budget.pause());
}
