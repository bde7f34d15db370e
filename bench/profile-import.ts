/**
 * The page side of `node --experimental-websocket bench/profile.mjs` (bench/profile.html): prepares a world holding
 * a slice of the large seed and its opened backup (not measured), then imports that backup over it at zero latency
 * (measured). Driven through Playwright (window.profilePrepare / profileImport), or — in a Chromium with no DevTools
 * client attached, `?mailbox=` — on its own, talking to the script through keys of a world of its own (`prepared`,
 * then `go`, then `result`), since nothing else leaves the page under its CSP. Not a *.bench.ts: `npm run bench`
 * does not run it.
 */
import { createRestClient } from '../src/api/index.js';
import { exportUnit, openBackup, runImport, type OpenedBackup } from '../src/backup/index.js';
import { countUnit } from '../src/backup/consistency.js';
import { dev } from './dev.js';
import { sliceUnit } from './engine.bench.js';
import { PASSWORD } from './measure.js';

declare global {
  interface Window {
    profilePrepare: (divisor: number, concurrency: number) => Promise<{ counts: unknown }>;
    profileImport: () => Promise<{ wallMs: number; requests: number }>;
  }
}

let prepared: { baseUrl: string; backup: OpenedBackup; concurrency: number } | undefined;

window.profilePrepare = async (divisor, concurrency) => {
  const large = (await dev('/api', 'POST', 'worlds', { seed: 'large', features: ['reorder'] })) as { baseUrl: string };
  const exporter = createRestClient({ baseUrl: large.baseUrl, token: () => 'admin-token' });
  const whole = await openBackup((await exportUnit(exporter, PASSWORD)).blob, PASSWORD);
  await dev(large.baseUrl, 'DELETE', 'world');
  const unit = divisor > 1 ? sliceUnit(whole.payload.unit, divisor) : whole.payload.unit;
  const counts = countUnit(unit);
  const backup: OpenedBackup = {
    payload: { ...whole.payload, manifest: { ...whole.payload.manifest, counts }, unit },
    manifest: { ...whole.manifest, counts },
    counts,
    dangling: [],
  };
  const { baseUrl } = (await dev('/api', 'POST', 'worlds', { seed: 'empty', features: ['reorder'] })) as { baseUrl: string };
  const filler = createRestClient({ baseUrl, token: () => 'admin-token' });
  const filled = await runImport(filler, backup, PASSWORD, { database: `profile-${crypto.randomUUID()}`, reload: false });
  if (!filled.verified) throw new Error('filling the profile world did not verify');
  prepared = { baseUrl, backup, concurrency };
  return { counts };
};

window.profileImport = async () => {
  const { baseUrl, backup, concurrency } = prepared!;
  const client = createRestClient({ baseUrl, token: () => 'admin-token', concurrency });
  await dev(baseUrl, 'DELETE', 'stats');
  const start = performance.now();
  const result = await runImport(client, backup, PASSWORD, { database: `profile-${crypto.randomUUID()}`, reload: false, concurrency });
  const wallMs = performance.now() - start;
  if (!result.verified) throw new Error('the profiled import did not verify');
  const { requests } = (await dev(baseUrl, 'GET', 'stats')) as { requests: number };
  return { wallMs, requests };
};

/** A key of the mailbox world's unit: written (PUT …/keys/{name}), or read from its key list (undefined when absent). */
async function mailbox(base: string, unit: string, name: string, value?: string): Promise<string | undefined> {
  const headers = { authorization: 'Bearer admin-token', 'content-type': 'application/json' };
  const path = `${base}/units/${unit}/keys${value === undefined ? '' : `/${name}`}`;
  const body = value === undefined ? {} : { method: 'PUT', body: JSON.stringify({ value, secret: false }) };
  const response = await fetch(path, { headers, ...body });
  if (!response.ok) throw new Error(`mailbox ${name}: ${response.status}`);
  const answer = (await response.json()) as { value?: string; items?: { key: string; value: string }[] };
  return value === undefined ? answer.items?.find((k) => k.key === name)?.value : answer.value;
}

const query = new URLSearchParams(location.search);
const box = query.get('mailbox');
if (box) {
  const unit = query.get('unit')!;
  try {
    await window.profilePrepare(Number(query.get('divisor') ?? 5), Number(query.get('concurrency') ?? 6));
    await mailbox(box, unit, 'prepared', 'yes');
    while ((await mailbox(box, unit, 'go')) === undefined) await new Promise((r) => setTimeout(r, 100));
    await mailbox(box, unit, 'result', JSON.stringify(await window.profileImport()));
  } catch (error) {
    await mailbox(box, unit, 'result', JSON.stringify({ error: String(error) }));
  }
}
