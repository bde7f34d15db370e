/**
 * One codec stream run by a ready format Worker: writes are transferred to it, its outputs come back (transferred)
 * and are handed out in order. A failure — the Worker's `fail` message, or the Worker dying — rejects every read
 * from then on; the Worker is then dropped, never reused.
 */
import { BackupError } from '../errors.js';
import { InvalidDeflateError, OutputLimitError } from '../format/codec.js';
import { PARSE } from '../zod.js';
import { discardWorker, releaseWorker } from './pool.js';
import { FromWorker, ownBuffer, type ToWorker } from './protocol.js';

/** A codec stream as src/worker/codec.ts drives it: `count` is consumed (deflate) or produced (inflate) bytes. */
export interface CodecTarget {
  write(bytes: Uint8Array, final: boolean): void;
  read(): Promise<{ parts: Uint8Array[]; count: number }>;
  close(): void;
}

type Output = Extract<FromWorker, { type: 'output' }>;

function toError(message: Extract<FromWorker, { type: 'fail' }>): Error {
  if (message.reason === 'limit') return new OutputLimitError(message.message);
  if (message.reason === 'invalid') return new InvalidDeflateError(message.message);
  return workerFailed(`The format worker failed: ${message.message}`);
}

/** The Worker died or broke its protocol: typed, so the element says what to do instead of "unknown error". */
function workerFailed(detail: string): BackupError {
  return new BackupError('WORKER_FAILED', `${detail} Close other tabs and try again.`);
}

/** Opens a stream on `worker` (ready, and used by nothing else) with `start`. */
export function openRemoteStream(worker: Worker, start: ToWorker): CodecTarget {
  const waiting: { resolve: (output: Output) => void; reject: (error: Error) => void }[] = [];
  const arrived: Output[] = [];
  let failure: Error | undefined;
  let written = 0;
  let read = 0;
  let ended = false; // the final write was made
  let closed = false;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const reader of waiting.splice(0)) reader.reject(failure);
  };
  worker.onmessage = (event) => {
    const parsed = FromWorker.safeParse(event.data, PARSE);
    if (!parsed.success || parsed.data.type === 'ready') return failAll(workerFailed('The format worker sent an unexpected message.'));
    if (parsed.data.type === 'fail') return failAll(toError(parsed.data));
    const reader = waiting.shift();
    if (reader) reader.resolve(parsed.data);
    else arrived.push(parsed.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(workerFailed(`The format worker stopped: ${event.message}`));
  };
  worker.onmessageerror = () => failAll(workerFailed('The format worker sent a message that could not be read.'));
  worker.postMessage(start);
  return {
    write(bytes, final) {
      if (closed || ended) throw new Error('write after the end of a format worker stream');
      const own = ownBuffer(bytes);
      worker.postMessage({ type: 'write', bytes: own, final } satisfies ToWorker, [own.buffer as ArrayBuffer]);
      written++;
      ended = final;
    },
    async read() {
      if (failure) throw failure;
      if (closed || read >= written) throw new Error('read past the writes of a format worker stream');
      read++;
      const output = arrived.shift() ?? (await new Promise<Output>((resolve, reject) => waiting.push({ resolve, reject })));
      return { parts: output.parts, count: output.count };
    },
    close() {
      if (closed) return;
      closed = true;
      const clean = !failure && ended && read === written && arrived.length === 0;
      failAll(new Error('The format worker stream is closed.'));
      if (clean) releaseWorker(worker);
      else discardWorker(worker);
    },
  };
}
