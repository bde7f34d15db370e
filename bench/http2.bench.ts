/**
 * The import of the large seed over HTTP/2 (`node bench/run.mjs http2`; bench/run.mjs serves this bench over TLS
 * with the test-only certificate of server/tls/), at 6, 12 and 24 requests in flight. Over HTTP/1.1 a browser
 * opens at most 6 connections per host, so more than 6 in flight only queue in the browser; over HTTP/2 they are
 * streams of one connection. Same seed, latency and figures as the engine bench; nothing is asserted.
 */
import { createRestClient } from '../src/api/index.js';
import { exportUnit, openBackup, runImport } from '../src/backup/index.js';
import { dev } from './dev.js';
import { changedEverywhere } from './engine.bench.js';
import { LATENCY_MS, PASSWORD, measure } from './measure.js';
import type { BenchTable } from './types.js';

const CONCURRENCIES = [6, 12, 24];

/** The protocol the API's last response came over ('h2' for HTTP/2), from the Resource Timing entries. */
function apiProtocol(): string {
  const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const api = entries.filter((e) => new URL(e.name).pathname.startsWith('/api/'));
  return api[api.length - 1]?.nextHopProtocol ?? 'unknown';
}

export default async function benchHttp2(): Promise<BenchTable[]> {
  // A world offering the reorder route: creates run in parallel, so the concurrency shows.
  const { baseUrl } = (await dev('/api', 'POST', 'worlds', { seed: 'large', features: ['reorder'] })) as { baseUrl: string };
  await dev(baseUrl, 'POST', 'latency', { ms: LATENCY_MS });
  const exporter = createRestClient({ baseUrl, token: () => 'admin-token' });
  const backup = await openBackup((await exportUnit(exporter, PASSWORD)).blob, PASSWORD);
  const protocol = apiProtocol();
  if (protocol !== 'h2') throw new Error(`the HTTP/2 bench ran over ${protocol}: start it with node bench/run.mjs http2`);
  const rows: (string | number)[][] = [];
  for (const concurrency of CONCURRENCIES) {
    const client = createRestClient({ baseUrl, token: () => 'admin-token', concurrency });
    const database = `bench-journal-${crypto.randomUUID()}`;
    let verified = false;
    // Unlike the unit in every entity (a new copy each row): an import keeps what already stands as the backup wants
    // it, so the same backup again would only read.
    const differing = changedEverywhere(backup);
    const m = await measure(baseUrl, async () => {
      verified = (await runImport(client, differing, PASSWORD, { database, reload: false, concurrency })).verified;
    });
    indexedDB.deleteDatabase(database);
    if (!verified) throw new Error(`the HTTP/2 import at concurrency ${concurrency} did not verify`);
    const floorMs = (m.requests * LATENCY_MS) / concurrency;
    rows.push([concurrency, (m.wallMs / 1000).toFixed(1), m.requests, (floorMs / 1000).toFixed(1), (m.wallMs / floorMs).toFixed(2), m.longestTaskMs, m.peakHeapMB]);
  }
  await dev(baseUrl, 'DELETE', 'world');
  return [
    {
      title: `Import of the large seed over HTTP/2 (TLS, ${LATENCY_MS} ms server latency per request)`,
      columns: ['concurrency', 'wall s', 'requests', 'network floor s', 'ratio to floor', 'longest task ms', 'peak heap MB'],
      rows,
      notes: [
        `Protocol of the API responses: ${protocol} (Resource Timing nextHopProtocol).`,
        'Network floor = requests × latency ÷ concurrency; the dependency depth of the step graph (engine bench) is a floor too.',
        'Each row imports the backup changed in every entity (a new copy each time, bench/engine.bench.ts changedEverywhere) over the ' +
          'unit the row before left, so every row wipes and creates the whole unit; in a world offering the reorder route.',
      ],
    },
  ];
}
