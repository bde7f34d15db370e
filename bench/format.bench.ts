/**
 * Benchmark of the backup format (`npm run bench`): throughput of encrypt+compress and decrypt+decompress on a
 * ~50 MB unit-like payload at each candidate chunk size, key-derivation time at the default count, peak JS heap,
 * the longest main-thread task, and the same pipeline with the browser's native CompressionStream('deflate-raw')
 * in place of fflate, how long a hostile header takes to refuse, and what unlocking a v2 key slot costs at several
 * iteration counts (kdf-calibration.ts; `?only=kdf` runs that part alone). Figures only: nothing here asserts a speed.
 */
import type { BenchTable } from './types.js';
import { makeUnitPayload } from '../test/fixtures/make-unit-payload.js';
import { Deflate, Inflate } from 'fflate';
import {
  CHUNK_BYTES,
  DEFAULT_ITERATIONS,
  decryptBackupBlob,
  encryptBackup,
  encryptBackupToBlob,
  FormatError,
  SALT_BYTES,
} from '../src/format/index.js';
import { computeCrc32 } from '../src/format/bytes.js';
import { decryptBackupBlob as decryptInWorker, encryptBackupToBlob as encryptInWorker } from '../src/worker/index.js';
import { parseV2Header } from '../src/format/header-v2.js';
import { measureKdfCalibration } from './kdf-calibration.js';
import { decryptNative, encryptNative } from './format-native.js';
import { observeLongestScript } from './measure.js';
import { deriveKeys } from '../src/format/keys.js';
import { parseJsonIncrementally } from '../src/format/parse.js';
import { generateJsonPieces } from '../src/format/serialize.js';

const MiB = 1024 * 1024;
const CHUNK_SIZES = [64 * 1024, 256 * 1024, 1 * MiB, 4 * MiB];
const TARGET_PAYLOAD_BYTES = 50 * MiB;
const PASSWORD = 'bench password ✓';
/**
 * Runs of each Worker row (the rows issue 15's targets are read on): one run swings by ±10 % on a 2-core machine,
 * so the row shows the median time of these runs and the longest task and peak heap of any of them.
 */
const WORKER_ROW_RUNS = 3;
/** Benchmarks use the minimum count so KDF time does not blur pipeline throughput (KDF is measured apart). */
const PIPELINE_ITERATIONS = 100_000;

interface Measured<T> {
  result: T;
  ms: number;
  longestTaskMs: number;
  longestScript: string;
  peakHeapMiB: number | string;
}

type MemoryPerformance = Performance & { memory?: { usedJSHeapSize: number } };

/** Runs `work`, recording wall time, the longest main-thread task (longtask ≥ 50 ms) and peak heap growth. */
async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  const memory = () => (performance as MemoryPerformance).memory?.usedJSHeapSize;
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const scripts = observeLongestScript();
  const baseline = memory();
  let peak = baseline ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, memory() ?? 0)), 5);
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  peak = Math.max(peak, memory() ?? 0);
  clearInterval(sampler);
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the last longtask entry arrive
  observer.disconnect();
  const longestScript = scripts.stop();
  const peakHeapMiB = baseline === undefined ? 'n/a' : round((peak - baseline) / MiB);
  return { result, ms, longestTaskMs: round(longest), longestScript, peakHeapMiB };
}

/** Several runs of one measurement as one: the median time; the longest task, its script and the peak heap of any run. */
function summarize<T>(runs: Measured<T>[]): Measured<T> {
  const byTime = [...runs].sort((a, b) => a.ms - b.ms);
  const longest = runs.reduce((a, b) => (b.longestTaskMs > a.longestTaskMs ? b : a));
  const heaps = runs.map((r) => r.peakHeapMiB).filter((h): h is number => typeof h === 'number');
  return {
    result: runs.at(-1)!.result,
    ms: byTime[Math.floor(byTime.length / 2)]!.ms,
    longestTaskMs: longest.longestTaskMs,
    longestScript: longest.longestScript,
    peakHeapMiB: heaps.length > 0 ? Math.max(...heaps) : runs[0]!.peakHeapMiB,
  };
}

function round(n: number, digits = 1): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

function mbPerSecond(bytes: number, ms: number): number {
  return round(bytes / MiB / (ms / 1000));
}

/** One row of the pipeline table; `deflateAlone`: MB/s of fflate's level-6 Deflate alone, measured in this run. */
/** `label: enc … / dec …` where the longest script of each direction ran (notes under the pipeline table). */
const scriptNotes: string[] = [];

function pipelineRow(
  label: string,
  fileBytes: number,
  plaintextBytes: number,
  enc: Measured<unknown>,
  dec: Measured<unknown>,
  deflateAlone: number,
): (string | number)[] {
  const speed = (m: Measured<unknown>) => mbPerSecond(plaintextBytes, m.ms);
  scriptNotes.push(`longest script, ${label}: enc ${enc.longestScript || '—'}; dec ${dec.longestScript || '—'}`);
  return [
    label,
    round(fileBytes / MiB),
    speed(enc),
    speed(dec),
    deflateAlone,
    round(speed(enc) / deflateAlone, 2),
    round(speed(dec) / deflateAlone, 2),
    enc.longestTaskMs,
    dec.longestTaskMs,
    enc.peakHeapMiB,
    dec.peakHeapMiB,
  ];
}

/** Pushes `data` into an fflate stream in slices of `size`, the last one marked final. */
function pushInSlices(stream: { push(c: Uint8Array, f: boolean): void }, data: Uint8Array, size: number): void {
  for (let at = 0; at < data.length; at += size) stream.push(data.subarray(at, at + size), at + size >= data.length);
}

/** MB/s of fflate's Deflate level 6 alone on `payload`'s UTF-8 JSON, 64 KiB pushes: best of two runs. */
function measureDeflateAlone(payload: unknown): number {
  const input = new TextEncoder().encode(JSON.stringify(payload));
  let best = Infinity;
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    pushInSlices(new Deflate({ level: 6 }, () => undefined), input, 64 * 1024);
    best = Math.min(best, performance.now() - started);
  }
  return mbPerSecond(input.length, best);
}

/** Runs `data` through a browser (de)compression stream. */
async function pipeBytes(data: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([data as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** Each stage of the pipeline alone, as single calls, so the pipeline's totals can be explained. */
async function measureStages(payload: unknown): Promise<(string | number)[][]> {
  const text = JSON.stringify(payload);
  const input = new TextEncoder().encode(text);
  const segmentCount = Math.ceil(text.length / (1 << 20));
  const segments = Array.from({ length: segmentCount }, (_, i) => text.slice(i << 20, (i + 1) << 20));
  /** Returns a buffer of the compressed length (only the length is used, for the ratio). */
  const deflateLevel = (level: 1 | 6) => {
    let length = 0;
    pushInSlices(new Deflate({ level }, (data) => (length += data.length)), input, 64 * 1024);
    return new Uint8Array(length);
  };
  const level6 = await pipeBytes(input, new CompressionStream('deflate-raw')); // any raw-deflate stream will do
  const rows: (string | number)[][] = [];
  const time = async (label: string, work: () => unknown) => {
    const started = performance.now();
    const result = await work();
    const ms = performance.now() - started;
    const compressed = result instanceof Uint8Array && result.length < input.length;
    const ratio = compressed ? round(input.length / result.length, 2) : '';
    rows.push([label, round(ms), mbPerSecond(input.length, ms), ratio]);
  };
  await time('JSON.stringify, one call', () => JSON.stringify(payload));
  await time('incremental serialisation + UTF-8 encoding (serialize.ts)', () => {
    for (const piece of generateJsonPieces(payload)) new TextEncoder().encode(piece);
  });
  await time('JSON.parse, one call', () => JSON.parse(text));
  await time('time-sliced parse, 1 M-char segments (parse.ts)', () => parseJsonIncrementally(segments, async () => {}));
  await time('fflate Deflate level 1, 64 KiB pushes', () => deflateLevel(1));
  await time('fflate Deflate level 6, 64 KiB pushes', () => deflateLevel(6));
  await time('fflate Inflate, 16 KiB pushes', () => pushInSlices(new Inflate(() => undefined), level6, 16 * 1024));
  await time('CompressionStream("deflate-raw")', () => pipeBytes(input, new CompressionStream('deflate-raw')));
  await time('DecompressionStream("deflate-raw")', () => pipeBytes(level6, new DecompressionStream('deflate-raw')));
  return rows;
}

/** Milliseconds for `decrypt` to reject, over `runs` runs: [code, runs, min, median, max]. */
async function timeRefusal(decrypt: () => Promise<unknown>, runs = 50): Promise<(string | number)[]> {
  const times: number[] = [];
  let code = 'none';
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    try {
      await decrypt();
    } catch (error) {
      code = error instanceof FormatError ? error.code : String(error);
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return [code, runs, round(times[0]!, 2), round(times[runs >> 1]!, 2), round(times.at(-1)!, 2)];
}

/** Refusals that must happen before any key derivation: a hostile iteration count, a declared size over the cap. */
async function measureRefusals(): Promise<(string | number)[][]> {
  const file = await encryptBackup({ unit: 'bench' }, PASSWORD, { iterations: PIPELINE_ITERATIONS });
  const hostile = file.slice();
  const view = new DataView(hostile.buffer);
  const { headerBytes } = parseV2Header(file);
  view.setUint32(66 + 3, 0xffffffff, false); // the password slot's count, and a valid CRC, as an attacker writes
  view.setUint32(headerBytes - 4, computeCrc32(hostile.subarray(0, headerBytes - 4)), false);
  const hostileBlob = new Blob([hostile as BlobPart]);
  const blob = new Blob([file as BlobPart]);
  return [
    ['iterations 4 294 967 295 (KDF range)', ...(await timeRefusal(() => decryptBackupBlob(hostileBlob, PASSWORD)))],
    ['declared size over a 1-byte cap', ...(await timeRefusal(() => decryptBackupBlob(blob, PASSWORD, { maxPlaintextBytes: 1 })))],
  ];
}

/** `npm run bench` entry point. */
export default async function runFormatBench(): Promise<BenchTable[]> {
  // `?only=kdf`: the key-slot calibration and the refusals alone (a quick run, without the 50 MB pipelines).
  if (new URLSearchParams(location.search).get('only') === 'kdf') {
    return [
      await measureKdfCalibration(),
      { title: 'Format: refusing a hostile header (Blob path)', columns: ['file', 'code', 'runs', 'min ms', 'median ms', 'max ms'], rows: await measureRefusals() },
    ];
  }
  const payload = makeUnitPayload(TARGET_PAYLOAD_BYTES);
  const plaintextBytes = new TextEncoder().encode(JSON.stringify(payload)).length;

  const kdfRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await deriveKeys(PASSWORD, crypto.getRandomValues(new Uint8Array(SALT_BYTES)), DEFAULT_ITERATIONS);
    kdfRuns.push(performance.now() - started);
  }

  // The yardstick of the targets (encrypt ≥ 0.9×, decrypt ≥ 1.5×): the slowest stage alone, on this machine now.
  const deflateAlone = measureDeflateAlone(payload);
  // That was one long task on purpose: let its longtask entry arrive before the first row starts observing.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const pipeline: (string | number)[][] = [];
  for (const chunkBytes of CHUNK_SIZES) {
    const options = { iterations: PIPELINE_ITERATIONS, chunkBytes };
    const encRuns: Measured<Blob>[] = [];
    const decRuns: Measured<unknown>[] = [];
    for (let run = 0; run < WORKER_ROW_RUNS; run++) {
      encRuns.push(await measure(() => encryptInWorker(payload, PASSWORD, options)));
      decRuns.push(await measure(() => decryptInWorker(encRuns.at(-1)!.result, PASSWORD)));
    }
    const enc = summarize(encRuns);
    const dec = summarize(decRuns);
    const label = `fflate L6 in the Worker, ${chunkBytes / 1024} KiB chunks${chunkBytes === CHUNK_BYTES ? ' (default)' : ''}`;
    pipeline.push(pipelineRow(label, enc.result.size, plaintextBytes, enc, dec, deflateAlone));
  }
  {
    const enc = await measure(() => encryptBackupToBlob(payload, PASSWORD, { iterations: PIPELINE_ITERATIONS }));
    const dec = await measure(() => decryptBackupBlob(enc.result, PASSWORD));
    const label = `fflate L6 on the page (no Worker), ${CHUNK_BYTES / 1024} KiB chunks (default)`;
    pipeline.push(pipelineRow(label, enc.result.size, plaintextBytes, enc, dec, deflateAlone));
  }
  for (const chunkBytes of [256 * 1024, 1 * MiB]) {
    const enc = await measure(() => encryptNative(payload, chunkBytes, PASSWORD, PIPELINE_ITERATIONS));
    const dec = await measure(() => decryptNative(enc.result, chunkBytes));
    const label = `native deflate-raw*, ${chunkBytes / 1024} KiB chunks`;
    pipeline.push(pipelineRow(label, enc.result.blob.size, plaintextBytes, enc, dec, deflateAlone));
  }
  const kdfMean = kdfRuns.reduce((a, b) => a + b) / kdfRuns.length;

  return [
    {
      title: `Format: ${round(plaintextBytes / MiB)} MiB unit-like JSON, payload → Blob → payload`,
      columns: [
        'pipeline',
        'file MiB',
        'enc MB/s',
        'dec MB/s',
        'deflate L6 alone MB/s',
        'enc ÷ deflate',
        'dec ÷ deflate',
        'enc longest task ms',
        'dec longest task ms',
        'enc peak heap MiB',
        'dec peak heap MiB',
      ],
      rows: pipeline,
      notes: [
        'MB/s = MiB of JSON plaintext per second, wall time, from payload object to Blob and back to object.',
        `Worker rows: the median of ${WORKER_ROW_RUNS} runs (encrypt then decrypt each time); their longest task and peak heap are the largest of ` +
          'those runs. The other rows are one run each.',
        'deflate L6 alone: fflate Deflate level 6 on the same UTF-8 text in 64 KiB pushes, one call on the page, ' +
          'measured in this run (best of 2); targets: enc ÷ deflate ≥ 0.9, dec ÷ deflate ≥ 1.5.',
        'Worker rows: the package’s functions (src/worker/): DEFLATE/INFLATE in dist/format-worker.js, pipelined ' +
          'with serialisation, sealing and opening on the page.',
        'Longest task: PerformanceObserver("longtask") only reports tasks of 50 ms or more; 0 means none.',
        'Peak heap: growth of performance.memory.usedJSHeapSize, sampled every 5 ms; coarse unless Chromium runs ' +
          'with --enable-precise-memory-info, and noisy because it depends on when V8 collects garbage.',
        '* native rows: the same serialisation, STREAM sealing and time-sliced parse, with Compression/' +
          'DecompressionStream("deflate-raw") in place of fflate (bench-only code, no header).',
        ...scriptNotes,
      ],
    },
    {
      title: 'Format: PBKDF2-HMAC-SHA256 key derivation (WebCrypto, off the main thread)',
      columns: ['iterations', 'runs', 'min ms', 'mean ms'],
      rows: [[DEFAULT_ITERATIONS, kdfRuns.length, round(Math.min(...kdfRuns)), round(kdfMean)]],
    },
    await measureKdfCalibration(),
    {
      title: 'Format: refusing a hostile header before any key derivation (Blob path)',
      columns: ['file', 'code', 'runs', 'min ms', 'median ms', 'max ms'],
      rows: await measureRefusals(),
      notes: ['The tests prove no WebCrypto call and no read past the header happen; this shows what it costs.'],
    },
    {
      title: 'Format: each stage alone on the same JSON (single calls are single long tasks)',
      columns: ['stage', 'ms', 'MB/s', 'ratio'],
      rows: await measureStages(payload),
    },
  ];
}
