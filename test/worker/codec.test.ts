/**
 * The format Worker: DEFLATE in a module Worker writes the same bytes as on the page (same key, salts and nonces),
 * reads what the page writes (the golden vectors too), stops a bomb early, and when no Worker can start — the
 * constructor throws, or the script never loads — the page's codec writes those same bytes instead.
 */
import { expect } from '@open-wc/testing';
import { deflateSync } from 'fflate';
import { afterEach, beforeEach, describe, it } from '../mocha.js';
import { concatBytes } from '../../src/format/bytes.js';
import { mainThreadCodec, type PayloadCodec } from '../../src/format/codec.js';
import { decryptFromSource } from '../../src/format/decrypt.js';
import { encryptToParts } from '../../src/format/encrypt.js';
import { createBlobSource, createBytesSource } from '../../src/format/source.js';
import { createWorkerCodec, WORKER_CHUNKS_AHEAD } from '../../src/worker/codec.js';
import { resetWorkerPool } from '../../src/worker/pool.js';
import { decryptBackupBlob, encryptBackupToBlob } from '../../src/worker/index.js';
import {
  craftFile,
  createRecordingBlob,
  expectCode,
  FAST,
  flipByte,
  listChunkRanges,
  randomText,
  readsPastHeader,
  withFixedRandomness,
} from '../format/helpers.js';

const PASSWORD = 'worker pässword ✓';
const RECOVERY_KEY = new Uint8Array(32).fill(7);
/** A Worker for any payload, however small (the default keeps small payloads on the page). */
const ALWAYS = createWorkerCodec({ minBytes: 0 });

/** About 2 MB of JSON in many records: dozens of 64 K-character slices. */
function makePayload(): unknown {
  const text = randomText(4000);
  return { unit: { items: Array.from({ length: 500 }, (_, i) => ({ id: `i${i}`, text: text.slice(i % 97) })) } };
}

async function encryptWith(codec: PayloadCodec, payload: unknown): Promise<Uint8Array> {
  const options = { ...FAST, chunkBytes: 64 * 1024, recoveryKey: RECOVERY_KEY, codec };
  return concatBytes(await withFixedRandomness(() => encryptToParts(payload, PASSWORD, options)));
}

/** Counts the Worker constructions and the data messages posted to Workers while installed. */
function spyOnWorkers(make?: (url: string | URL, options?: WorkerOptions) => Worker) {
  const original = globalThis.Worker;
  const seen = { created: 0, writes: 0 };
  class SpyWorker extends original {
    constructor(url: string | URL, options?: WorkerOptions) {
      seen.created++;
      if (make) return make(url, options) as SpyWorker;
      super(url, options);
    }
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
      if ((message as { type?: string }).type === 'write') seen.writes++;
      super.postMessage(message, transfer as Transferable[]);
    }
  }
  globalThis.Worker = SpyWorker;
  return { seen, restore: () => (globalThis.Worker = original) };
}

describe('format worker', () => {
  let spy: ReturnType<typeof spyOnWorkers> | undefined;
  beforeEach(() => resetWorkerPool());
  afterEach(() => {
    spy?.restore();
    spy = undefined;
    resetWorkerPool();
  });

  it('writes byte for byte what the page writes, for the same keys, salts and nonces', async () => {
    const payload = makePayload();
    const here = await encryptWith(mainThreadCodec, payload);
    spy = spyOnWorkers();
    const there = await encryptWith(ALWAYS, payload);
    expect(spy.seen.created, 'Workers started').to.equal(1);
    expect(spy.seen.writes, 'slices sent to the Worker').to.be.greaterThan(10);
    expect(there.length).to.equal(here.length);
    expect(there).to.deep.equal(here);
    // Either codec reads either file.
    expect(await decryptFromSource(createBytesSource(there), PASSWORD, { codec: mainThreadCodec })).to.deep.equal(payload);
    expect(await decryptFromSource(createBytesSource(here), PASSWORD, { codec: ALWAYS })).to.deep.equal(payload);
    expect(spy.seen.created, 'the idle Worker is reused').to.equal(1);
  });

  it('opens the golden vectors through the Worker', async () => {
    for (const index of ['golden-v1.json', 'golden-v2.json']) {
      const { vectors } = (await (await fetch(`/test/fixtures/${index}`)).json()) as {
        vectors: { file: string; password: string; plaintext?: string; plaintextFile?: string }[];
      };
      for (const vector of vectors) {
        const bytes = new Uint8Array(await (await fetch(`/test/fixtures/${vector.file}`)).arrayBuffer());
        const text = vector.plaintextFile ? await (await fetch(`/test/fixtures/${vector.plaintextFile}`)).text() : vector.plaintext!;
        const opened = await decryptFromSource(createBytesSource(bytes), vector.password, { codec: ALWAYS });
        expect(opened, vector.file).to.deep.equal(JSON.parse(text));
      }
    }
  });

  it('writes the same bytes on the page when the Worker constructor throws (file://, a CSP)', async () => {
    const payload = makePayload();
    const here = await encryptWith(mainThreadCodec, payload);
    spy = spyOnWorkers(() => {
      throw new DOMException('Worker refused', 'SecurityError');
    });
    expect(await encryptWith(ALWAYS, payload)).to.deep.equal(here);
    expect(await decryptFromSource(createBytesSource(here), PASSWORD, { codec: ALWAYS })).to.deep.equal(payload);
    expect(spy.seen.created, 'not tried again on this page').to.equal(1);
  });

  it('writes the same bytes on the page when the Worker script does not load (a bundler that did not copy it)', async () => {
    const payload = makePayload();
    const here = await encryptWith(mainThreadCodec, payload);
    const original = globalThis.Worker;
    spy = spyOnWorkers((_url, options) => new original(new URL('/no-such-format-worker.js', location.href), options));
    expect(await encryptWith(ALWAYS, payload)).to.deep.equal(here);
    expect(spy.seen.writes, 'nothing transferred to a Worker that never said it was ready').to.equal(0);
    expect(await decryptFromSource(createBytesSource(here), PASSWORD, { codec: ALWAYS })).to.deep.equal(payload);
  });

  it('stops a bomb in the Worker within its first chunks (the few read ahead)', async () => {
    const bomb = await craftFile({ compressed: deflateSync(new Uint8Array(64 * 1024 * 1024)), plaintextBytes: 1000, password: PASSWORD, chunkBytes: 8 * 1024 });
    expect(listChunkRanges(bomb).length).to.be.greaterThan(WORKER_CHUNKS_AHEAD + 3);
    const { blob, reads } = createRecordingBlob(bomb);
    const error = await expectCode(decryptFromSource(createBlobSource(blob), PASSWORD, { codec: ALWAYS }), 'CORRUPT_FILE');
    expect(error.message).to.match(/more than its declared size/);
    expect(readsPastHeader(reads).length, 'chunks read').to.be.at.most(WORKER_CHUNKS_AHEAD + 1);
  });

  it('reports data that is not DEFLATE as CORRUPT_FILE, and the next backup gets a fresh Worker', async () => {
    const junk = await craftFile({ compressed: new Uint8Array(4096).fill(0xff), plaintextBytes: 100_000, password: PASSWORD });
    const error = await expectCode(decryptFromSource(createBytesSource(junk), PASSWORD, { codec: ALWAYS }), 'CORRUPT_FILE');
    expect(error.message).to.match(/compressed data is invalid/);
    const payload = makePayload();
    const file = await encryptWith(ALWAYS, payload);
    expect(await decryptFromSource(createBytesSource(file), PASSWORD, { codec: ALWAYS })).to.deep.equal(payload);
  });

  for (const [name, codec] of [['the page', mainThreadCodec], ['the Worker', ALWAYS]] as const) {
    it(`reads on ${name} while parsing, yet reports a later damaged chunk before an earlier JSON error`, async () => {
      // Invalid JSON from the first byte, in a stream of several chunks whose last one is then damaged: the parse
      // fails in the first segment, but the reader goes on to the end, and the chunk is what it reports.
      const text = new TextEncoder().encode(`{"a":nonsense ${randomText(3_000_000)}`);
      const file = await craftFile({ compressed: deflateSync(text), plaintextBytes: text.length, password: PASSWORD });
      const ranges = listChunkRanges(file);
      expect(ranges.length).to.be.greaterThan(WORKER_CHUNKS_AHEAD + 3);
      const damagedFile = flipByte(file, ranges.at(-1)!.start + 3);
      const error = await expectCode(decryptFromSource(createBytesSource(damagedFile), PASSWORD, { codec }), 'CORRUPT_FILE');
      expect(error.message).to.match(new RegExp(`part ${ranges.length} of ${ranges.length} does not verify`));
      const json = await expectCode(decryptFromSource(createBytesSource(file), PASSWORD, { codec }), 'CORRUPT_FILE');
      expect(json.message).to.match(/not valid JSON/);
    });
  }

  it('a Worker that dies mid-stream gives WORKER_FAILED (not an unknown error), and the next backup gets a fresh one', async () => {
    const original = globalThis.Worker;
    spy = spyOnWorkers((url, options) => {
      const worker = new original(url, options);
      const post = worker.postMessage.bind(worker);
      // The first chunk of data "kills" it: the browser reports a Worker's death as an error event.
      worker.postMessage = ((message: { type?: string }, transfer: Transferable[]) => {
        if (message.type === 'write') worker.dispatchEvent(new ErrorEvent('error', { message: 'out of memory' }));
        else post(message, transfer);
      }) as Worker['postMessage'];
      return worker;
    });
    const error = await expectCode(encryptToParts(makePayload(), PASSWORD, { ...FAST, codec: ALWAYS }), 'WORKER_FAILED');
    expect(error.message).to.match(/out of memory/);
    spy.restore();
    spy = spyOnWorkers();
    const payload = makePayload();
    const file = await encryptWith(ALWAYS, payload);
    expect(await decryptFromSource(createBytesSource(file), PASSWORD, { codec: ALWAYS })).to.deep.equal(payload);
    expect(spy.seen.created, 'a new Worker after the dead one').to.equal(1);
  });

  it('a cancel during compression stops with ABORTED and drops the busy Worker', async () => {
    spy = spyOnWorkers();
    const controller = new AbortController();
    const writing = encryptToParts(makePayload(), PASSWORD, { ...FAST, codec: ALWAYS, signal: controller.signal, onProgress: () => controller.abort() });
    await expectCode(writing, 'ABORTED');
    const payload = makePayload();
    const file = await encryptBackupToBlob(payload, PASSWORD, FAST);
    expect(await decryptBackupBlob(file, PASSWORD)).to.deep.equal(payload);
    expect(spy.seen.created, 'a new Worker after the cancelled one').to.equal(2);
  });
});
