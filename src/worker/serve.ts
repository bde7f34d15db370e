/**
 * The Worker side of the format codec: fflate's raw DEFLATE for one stream at a time, the same calls the page's
 * own codec makes (src/format/codec.ts), so the bytes are the same wherever it runs.
 */
import { createCompressor, createDecompressor, INFLATE_SLICE_BYTES, OutputLimitError } from '../format/compress.js';
import { PARSE } from '../zod.js';
import { FromWorker, ownBuffer, ToWorker, transferList } from './protocol.js';

/** What the Worker needs of its global scope (typed here: the package's lib is the DOM's, not the worker's). */
export interface WorkerScope {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

interface Stream {
  push(bytes: Uint8Array, final: boolean): Uint8Array[];
  count(): number;
}

function openDeflate(level: number): Stream {
  let parts: Uint8Array[] = [];
  let consumed = 0;
  const compressor = createCompressor((bytes) => parts.push(ownBuffer(bytes)), level);
  return {
    push(bytes, final) {
      compressor.push(bytes, final);
      consumed += bytes.length;
      const out = parts;
      parts = [];
      return out;
    },
    count: () => consumed,
  };
}

function openInflate(limit: number): Stream {
  let parts: Uint8Array[] = [];
  const decompressor = createDecompressor((bytes) => parts.push(ownBuffer(bytes)), limit);
  return {
    push(bytes, final) {
      // Small slices, as on the page: one push's output stays bounded, and the limit stops a bomb early.
      for (let at = 0; at < bytes.length || (final && at === 0); at += INFLATE_SLICE_BYTES) {
        const end = Math.min(bytes.length, at + INFLATE_SLICE_BYTES);
        decompressor.push(bytes.subarray(at, end), final && end === bytes.length);
      }
      const out = parts;
      parts = [];
      return out;
    },
    count: () => decompressor.produced,
  };
}

/** Serves the page's streams on `scope`, then says it is ready. */
export function serveFormatWorker(scope: WorkerScope): void {
  let stream: Stream | undefined;
  let inflating = false;
  const fail = (reason: 'limit' | 'invalid' | 'internal', message: string) => {
    stream = undefined;
    scope.postMessage({ type: 'fail', reason, message }, []);
  };
  scope.addEventListener('message', (event) => {
    const parsed = ToWorker.safeParse(event.data, PARSE);
    if (!parsed.success) return fail('internal', 'the format worker received a message it does not understand');
    const message = parsed.data;
    if (message.type === 'deflate') {
      stream = openDeflate(message.level);
      inflating = false;
    } else if (message.type === 'inflate') {
      stream = openInflate(message.limit);
      inflating = true;
    } else if (!stream) {
      fail('internal', 'the format worker received data outside a stream');
    } else {
      try {
        const parts = stream.push(message.bytes, message.final);
        scope.postMessage({ type: 'output', parts, count: stream.count() }, transferList(parts));
        if (message.final) stream = undefined;
      } catch (error) {
        if (error instanceof OutputLimitError) fail('limit', error.message);
        else fail(inflating ? 'invalid' : 'internal', error instanceof Error ? error.message : String(error));
      }
    }
  });
  scope.postMessage({ type: 'ready' }, []);
}
