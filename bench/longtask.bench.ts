/**
 * Where the page blocks (issue 15: no main-thread task over 50 ms): export and import of the `large` seed with the
 * engine bench's latency (the same work as its rows), listing every long task and the scripts of the long
 * animation frames that held them (file:function, invoker), longest first. This one alone:
 * `node bench/run.mjs longtask`. Measured, not asserted.
 */
import { createRestClient } from '../src/api/index.js';
import { exportUnit, openBackup, runImport } from '../src/backup/index.js';
import { dev } from './dev.js';
import { changedEverywhere } from './engine.bench.js';
import { LATENCY_MS, PASSWORD, describeScript } from './measure.js';
import type { BenchTable } from './types.js';

interface ScriptTiming {
  duration: number;
  invoker?: string;
  sourceURL?: string;
  sourceFunctionName?: string;
}

/** Runs `work`, returning its long tasks (ms) and the scripts of 30 ms or more inside long animation frames. */
async function watch(work: () => Promise<unknown>): Promise<{ tasks: number[]; scripts: ScriptTiming[] }> {
  const tasks: number[] = [];
  const scripts: ScriptTiming[] = [];
  const long = new PerformanceObserver((l) => l.getEntries().forEach((e) => tasks.push(Math.round(e.duration))));
  long.observe({ type: 'longtask', buffered: false });
  const loaf = new PerformanceObserver((l) => {
    for (const f of l.getEntries() as (PerformanceEntry & { scripts?: ScriptTiming[] })[]) {
      for (const s of f.scripts ?? []) if (s.duration >= 30) scripts.push(s);
    }
  });
  loaf.observe({ type: 'long-animation-frame', buffered: false });
  await work();
  await new Promise((r) => setTimeout(r, 100));
  long.disconnect();
  loaf.disconnect();
  return { tasks: tasks.sort((a, b) => b - a), scripts: scripts.sort((a, b) => b.duration - a.duration) };
}

const rowOf = (operation: string, w: { tasks: number[]; scripts: ScriptTiming[] }): (string | number)[] => [
  operation,
  w.tasks[0] ?? 0,
  w.tasks.length,
  w.scripts.slice(0, 6).map(describeScript).join(' | '),
];

export default async function benchLongtask(): Promise<BenchTable[]> {
  const { baseUrl } = (await dev('/api', 'POST', 'worlds', { seed: 'large', features: ['reorder'] })) as { baseUrl: string };
  await dev(baseUrl, 'POST', 'latency', { ms: LATENCY_MS });
  const client = createRestClient({ baseUrl, token: () => 'admin-token', concurrency: 6 });
  let blob: Blob | undefined;
  const rows = [rowOf('export large', await watch(async () => (blob = (await exportUnit(client, PASSWORD)).blob)))];
  // ?only=export: the export row alone (bench/run.mjs does not pass it; for profiling one row).
  if (new URLSearchParams(location.search).get('only') === 'export') return [{ title: 'export only', columns: ['operation', 'longest task ms', 'tasks ≥ 50 ms', 'longest scripts'], rows }];
  let backup: Awaited<ReturnType<typeof openBackup>> | undefined;
  rows.push(rowOf('open large', await watch(async () => (backup = await openBackup(blob!, PASSWORD)))));
  const database = `bench-journal-${crypto.randomUUID()}`;
  rows.push(
    // Changed in every entity: a backup over the unit it was made of would keep everything and send no change.
    rowOf('import large', await watch(() => runImport(client, changedEverywhere(backup!), PASSWORD, { database, reload: false, concurrency: 6 }))),
  );
  indexedDB.deleteDatabase(database);
  return [
    {
      title: `Long main-thread tasks, large seed, ${LATENCY_MS} ms latency, concurrency 6`,
      columns: ['operation', 'longest task ms', 'tasks ≥ 50 ms', 'longest scripts'],
      rows,
      notes: ['Scripts: long animation frames\' scripts of 30 ms or more, longest first (file:function, invoker).'],
    },
  ];
}
