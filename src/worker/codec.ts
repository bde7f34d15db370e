/**
 * The Worker codec: the format's DEFLATE and INFLATE run in the format Worker, on another core, while the page
 * serialises, seals and opens. Small payloads stay on the page (a Worker's messages would cost more than they
 * save), and so does everything when no Worker can start (pool.ts). Until a Worker is ready, writes wait here
 * untransferred, so a Worker that fails to start loses nothing: they go to the page's codec instead, the same
 * bytes in the same order.
 */
import { mainThreadCodec, type DeflateStream, type InflateStream, type PayloadCodec } from '../format/codec.js';
import { DEFLATE_LEVEL } from '../format/compress.js';
import { acquireWorker, releaseWorker } from './pool.js';
import type { ToWorker } from './protocol.js';
import { openRemoteStream, type CodecTarget } from './remote.js';

/**
 * Chunks a reader may open ahead of the one whose text it waits for, when the Worker inflates: it inflates them
 * while the page parses. Also how far past a bomb's first chunk the reader may read before the Worker stops it.
 */
export const WORKER_CHUNKS_AHEAD = 2;

/** Plaintext bytes below which a backup is compressed or decompressed on the page. */
export const WORKER_MIN_BYTES = 1024 * 1024;

/**
 * A stream that holds its writes until it knows where it runs: in a Worker once `choose()` is called and one is
 * ready, else on the page. `choose()` is called by the first read at the latest.
 */
function createDeferredTarget(openHere: () => CodecTarget, start: ToWorker) {
  let held: { bytes: Uint8Array; final: boolean }[] = [];
  let target: CodecTarget | undefined;
  let choosing: Promise<void> | undefined;
  let closed = false;
  const settle = (chosen: CodecTarget) => {
    for (const { bytes, final } of held) chosen.write(bytes, final);
    held = [];
    target = chosen;
  };
  const choose = (): Promise<void> =>
    (choosing ??= acquireWorker().then((worker) => {
      if (closed) {
        if (worker) releaseWorker(worker); // never given a stream: still clean
        return;
      }
      settle(worker ? openRemoteStream(worker, start) : openHere());
    }));
  const stream = {
    choose,
    /** Bytes written but not handed to a stream yet. */
    heldBytes: 0,
    write(bytes: Uint8Array, final: boolean) {
      if (target) return target.write(bytes, final);
      held.push({ bytes, final });
      stream.heldBytes += bytes.length;
    },
    async read() {
      if (!target) {
        if (choosing) await choosing;
        else settle(openHere());
      }
      if (!target) throw new Error('The format stream is closed.');
      return target.read();
    },
    close() {
      closed = true;
      held = [];
      target?.close();
    },
  };
  return stream;
}

/** Options of {@link createWorkerCodec}. */
export interface WorkerCodecOptions {
  /** Plaintext bytes from which a Worker is used; default {@link WORKER_MIN_BYTES} (0: always try one). */
  minBytes?: number;
}

/** Creates a codec that runs DEFLATE in the format Worker when the payload is large enough and a Worker starts. */
export function createWorkerCodec(o: WorkerCodecOptions = {}): PayloadCodec {
  const minBytes = o.minBytes ?? WORKER_MIN_BYTES;
  return {
    deflate(level = DEFLATE_LEVEL): DeflateStream {
      const openHere = (): CodecTarget => {
        const here = mainThreadCodec.deflate(level);
        return { write: here.write, close: here.close, read: async () => toCount(await here.read(), 'consumed') };
      };
      const stream = createDeferredTarget(openHere, { type: 'deflate', level });
      return {
        write(slice, final) {
          stream.write(slice, final);
          // The plaintext size is known only as it is written: a Worker is asked for once it is large enough.
          if (stream.heldBytes >= minBytes && !final) void stream.choose();
        },
        read: async () => {
          const { parts, count } = await stream.read();
          return { parts, consumed: count };
        },
        close: stream.close,
      };
    },
    inflate(limit, pause): InflateStream {
      const openHere = (): CodecTarget => {
        const here = mainThreadCodec.inflate(limit, pause);
        return { write: here.write, close: here.close, read: async () => toCount(await here.read(), 'produced') };
      };
      const stream = createDeferredTarget(openHere, { type: 'inflate', limit });
      // The declared size is known before the first chunk: decide now, and keep chunks in flight if remote.
      const remote = limit >= minBytes;
      if (remote) void stream.choose();
      return {
        ahead: remote ? WORKER_CHUNKS_AHEAD : 0,
        write: stream.write,
        read: async () => {
          const { parts, count } = await stream.read();
          return { parts, produced: count };
        },
        close: stream.close,
      };
    },
  };
}

function toCount<K extends 'consumed' | 'produced'>(result: { parts: Uint8Array[] } & Record<K, number>, key: K) {
  return { parts: result.parts, count: result[key] };
}

/** The codec the package's public functions use. */
export const workerCodec: PayloadCodec = createWorkerCodec();
