/**
 * Benchmark of the export and import engines (`npm run bench`): export and import of the `large` seed with 20 ms
 * of server latency per request, with the default client (6 requests in flight) and with a one-at-a-time client.
 * For each: wall time, requests sent, the network floor (requests × latency ÷ concurrency) and the ratio to it,
 * the longest main-thread task (PerformanceObserver 'longtask') and the peak JS heap (performance.memory).
 * Figures are measured on every run; nothing here asserts a speed.
 */
import { createRestClient } from '../src/api/index.js';
import { exportUnit, openBackup, runImport, type OpenedBackup } from '../src/backup/index.js';
import type { BenchTable } from './types.js';

const LATENCY_MS = 20;
const PASSWORD = 'bench password ✓';
const CONCURRENCIES = [6, 1];

interface Measured {
  wallMs: number;
  requests: number;
  longestTaskMs: number;
  peakHeapMB: number | string;
}

async function dev(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}/__dev/${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

interface MemoryInfo {
  usedJSHeapSize: number;
}
const memory = (): MemoryInfo | undefined => (performance as Performance & { memory?: MemoryInfo }).memory;

/** Runs `work` and measures it: wall time, requests the world saw, longest task, peak heap. */
async function measure(base: string, work: () => Promise<unknown>): Promise<Measured> {
  (globalThis as { gc?: () => void }).gc?.();
  await dev(base, 'DELETE', 'stats');
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let peak = memory()?.usedJSHeapSize ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, memory()?.usedJSHeapSize ?? 0)), 50);
  const start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const wallMs = performance.now() - start;
  // Let the last long-task entries arrive.
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  const { requests } = (await dev(base, 'GET', 'stats')) as { requests: number };
  return {
    wallMs,
    requests,
    longestTaskMs: Math.round(longest),
    peakHeapMB: memory() ? Math.round((peak / 2 ** 20) * 10) / 10 : 'n/a',
  };
}

function row(operation: string, concurrency: number, m: Measured): (string | number)[] {
  const floorMs = (m.requests * LATENCY_MS) / concurrency;
  return [
    operation,
    concurrency,
    (m.wallMs / 1000).toFixed(1),
    m.requests,
    (floorMs / 1000).toFixed(1),
    (m.wallMs / floorMs).toFixed(2),
    m.longestTaskMs,
    m.peakHeapMB,
  ];
}

export default async function benchEngine(): Promise<BenchTable[]> {
  const { baseUrl } = (await dev('/api', 'POST', 'worlds', { seed: 'large' })) as { baseUrl: string };
  await dev(baseUrl, 'POST', 'latency', { ms: LATENCY_MS });
  const rows: (string | number)[][] = [];
  let counts = '';
  for (const concurrency of CONCURRENCIES) {
    const client = createRestClient({ baseUrl, token: () => 'admin-token', concurrency });
    let exported: { blob: Blob } | undefined;
    rows.push(row('export', concurrency, await measure(baseUrl, async () => (exported = await exportUnit(client, PASSWORD)))));
    const backup: OpenedBackup = await openBackup(exported!.blob, PASSWORD);
    counts = JSON.stringify(backup.counts);
    const database = `bench-journal-${crypto.randomUUID()}`;
    let verified = false;
    rows.push(
      row(
        'import',
        concurrency,
        await measure(baseUrl, async () => {
          const result = await runImport(client, backup, PASSWORD, { database, reload: false, concurrency });
          verified = result.verified;
        }),
      ),
    );
    if (!verified) throw new Error('the benchmark import did not verify');
    indexedDB.deleteDatabase(database);
  }
  await dev(baseUrl, 'POST', 'latency', { ms: 0 });
  return [
    {
      title: `Export and import of the large seed, ${LATENCY_MS} ms server latency per request`,
      columns: ['operation', 'concurrency', 'wall s', 'requests', 'network floor s', 'ratio to floor', 'longest task ms', 'peak heap MB'],
      rows,
      notes: [
        `Unit: ${counts}.`,
        'Network floor = requests × latency ÷ concurrency. Import = preflight read + snapshot + wipe + create + verify read.',
        'Encryption uses the format default PBKDF2 count (export once; import twice: the safety snapshot and the stored backup).',
      ],
    },
  ];
}
