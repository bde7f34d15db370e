/**
 * Benchmark of the offline inspector on the `large` seed (`npm run bench`; this one alone:
 * `node bench/run.mjs inspector`): `<backup-inspector>` opening a backup of the whole seed and comparing it with a
 * second one, end to end through the element (until the result is rendered), then each phase on its own through
 * the src/inspect functions, and, for reference, the one-call `BackupPayload.safeParse` that validation replaced.
 * For each: wall time, the longest main-thread task (PerformanceObserver 'longtask', which only reports tasks of
 * 50 ms or more), how many such tasks, and the longest gap between two turns of a 0 ms timer (how long the page
 * could not run a callback, also below 50 ms). Figures are measured on every run; nothing here asserts a speed.
 */
import '../components/backup-inspector/backup-inspector.js';
import type { BackupInspector } from '../components/backup-inspector/backup-inspector.js';
import { countUnit } from '../src/backup/consistency.js';
import { buildPayload } from '../src/backup/manifest.js';
import { DEFAULT_ITERATIONS, decryptBackupBlob, encryptBackupToBlob } from '../src/format/index.js';
import { diffBackups } from '../src/inspect/diff.js';
import { parseBackupPayload } from '../src/inspect/open.js';
import { buildSearchIndex } from '../src/inspect/search.js';
import { BackupPayload, type UnitState } from '../src/schemas.js';
import { dev } from './dev.js';
import type { BenchTable } from './types.js';

const PASSWORD = 'bench password ✓';
/** Each figure is measured this many times: the first (cold) and median wall times and the worst task are reported. */
const RUNS = 4;

interface Measured {
  firstWallMs: number;
  wallMs: number;
  longestTaskMs: number;
  longTasks: number;
  longestGapMs: number;
}


const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Resolves after the next frame has been produced (so a measured render includes style, layout and paint). */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Runs `work` once, recording wall time, long tasks and the longest gap between two turns of a 0 ms timer. */
async function measureOnce(work: () => Promise<unknown>): Promise<Measured> {
  (globalThis as { gc?: () => void }).gc?.();
  await nextTask();
  let longest = 0;
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longest = Math.max(longest, e.duration);
      count++;
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  let last = performance.now();
  let gap = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 0);
  const start = performance.now();
  try {
    await work();
  } finally {
    const end = performance.now();
    clearInterval(probe);
    gap = Math.max(gap, end - last);
  }
  const wallMs = performance.now() - start;
  await new Promise((r) => setTimeout(r, 100)); // let the last long-task entries arrive
  observer.disconnect();
  return { firstWallMs: wallMs, wallMs, longestTaskMs: longest, longTasks: count, longestGapMs: gap };
}

/**
 * {@link RUNS} runs of `work` (each after `prepare`, unmeasured): the first run's wall time (cold: V8 and zod
 * have not met this code yet, as when a person opens their first file), the median's, and the worst of the rest.
 */
async function measure(work: () => Promise<unknown>, prepare: () => Promise<unknown> = async () => {}): Promise<Measured> {
  const runs: Measured[] = [];
  for (let i = 0; i < RUNS; i++) {
    await prepare();
    runs.push(await measureOnce(work));
  }
  const walls = runs.map((r) => r.wallMs).sort((a, b) => a - b);
  return {
    firstWallMs: runs[0]!.wallMs,
    wallMs: (walls[Math.floor((walls.length - 1) / 2)]! + walls[Math.ceil((walls.length - 1) / 2)]!) / 2,
    longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
    longTasks: Math.max(...runs.map((r) => r.longTasks)),
    longestGapMs: Math.max(...runs.map((r) => r.longestGapMs)),
  };
}

const row = (what: string, how: string, m: Measured): (string | number)[] => [
  what,
  how,
  Math.round(m.firstWallMs),
  Math.round(m.wallMs),
  Math.round(m.longestTaskMs),
  m.longTasks,
  Math.round(m.longestGapMs),
];

/** Waits for the element and its sub-elements (shadow roots included) to finish rendering. */
async function settle(root: Element): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const elements = [root];
    const walk = (node: ParentNode) => {
      for (const child of node.querySelectorAll('*')) {
        elements.push(child);
        if (child.shadowRoot) walk(child.shadowRoot);
      }
    };
    if (root.shadowRoot) walk(root.shadowRoot);
    const done = await Promise.all(elements.map((e) => (e as { updateComplete?: Promise<boolean> }).updateComplete ?? true));
    if (done.every((d) => d === true)) return;
  }
}

/** The second backup: the same unit some time later, with a few dozen entities changed, renamed or dropped. */
function makeLater(payload: BackupPayload): BackupPayload {
  const later = structuredClone(payload);
  later.manifest.createdAt = new Date(Date.parse(payload.manifest.createdAt) + 86_400_000).toISOString();
  later.unit.plugins.slice(0, 10).forEach((p) => (p.version = `${p.version}-next`));
  later.unit.workspaces.slice(0, 20).forEach((w) => (w.name = `${w.name} (renamed)`));
  later.unit.keys.slice(0, 50).forEach((k, i) => (k.value = `rotated-${i}`));
  later.unit.keys.splice(-10);
  later.manifest.counts = countUnit(later.unit);
  return later;
}

export default async function benchInspector(): Promise<BenchTable[]> {
  const started = performance.now();
  const { baseUrl } = (await dev('/api', 'POST', 'worlds', { seed: 'large' })) as { baseUrl: string };
  // The whole unit in one request from the state route (an export would make 2,300 of them; it is benched apart).
  const unit = (await dev(baseUrl, 'GET', 'state?unit=south-news')) as UnitState;
  await dev(baseUrl, 'DELETE', 'world');
  const payload = buildPayload(unit, { id: 'south-news', name: 'South News' }, { id: 'admin', name: 'Admin' }, location.origin);
  const later = makeLater(payload);
  const file = await encryptBackupToBlob(payload, PASSWORD, { iterations: DEFAULT_ITERATIONS });
  const laterFile = await encryptBackupToBlob(later, PASSWORD, { iterations: DEFAULT_ITERATIONS });

  const el = document.createElement('backup-inspector') as BackupInspector;
  document.body.append(el);
  const rows: (string | number)[][] = [];
  let differences = '';
  let failure = '';
  el.addEventListener('inspector-error', (e) => (failure ||= `${e.detail.step}: ${e.detail.message}`));
  el.addEventListener('inspector-compare', (e) => (differences = JSON.stringify(e.detail.differences)));
  const check = () => {
    if (failure) throw new Error(`the inspector failed: ${failure}`);
  };
  try {
    const openShown = async () => {
      await el.open(file, PASSWORD);
      check();
      await settle(el);
      await nextFrame();
    };
    rows.push(row('open the large backup', '<backup-inspector>, until rendered', await measure(openShown, async () => el.close())));
    rows.push(
      row(
        'compare with a second one',
        '<backup-inspector>, until rendered',
        await measure(async () => {
          await el.compare(laterFile, PASSWORD);
          check();
          await settle(el);
          await nextFrame();
        }, openShown),
      ),
    );
    el.close();
  } finally {
    el.remove();
  }

  // The phases apart, through the src/inspect functions.
  const value = await decryptBackupBlob(file, PASSWORD);
  const inspected = await parseBackupPayload(value);
  rows.push(row('  decrypt (KDF, inflate, parse)', 'decryptBackupBlob', await measure(() => decryptBackupBlob(file, PASSWORD))));
  rows.push(row('  validate', 'parseBackupPayload (sliced)', await measure(() => parseBackupPayload(value))));
  rows.push(row('  build the search index', 'buildSearchIndex (sliced)', await measure(() => buildSearchIndex(inspected.payload))));
  rows.push(row('  diff two backups', 'diffBackups (sliced)', await measure(() => diffBackups(payload, later))));
  rows.push(row('reference: validate in one call', 'BackupPayload.safeParse', await measure(async () => BackupPayload.safeParse(value))));
  const totalS = ((performance.now() - started) / 1000).toFixed(0);

  const c = payload.manifest.counts;
  return [
    {
      title: 'Offline inspector on the large seed: wall time and main-thread tasks',
      columns: ['operation', 'through', 'wall ms, 1st run', 'wall ms, median', 'longest task ms', 'long tasks', 'longest timer gap ms'],
      rows,
      notes: [
        `large = the whole large seed: ${c.plugins} plugins, ${c.workspaces} workspaces, ${c.profiles} profiles, ${c.keys} keys ` +
          `(${(file.size / 2 ** 20).toFixed(1)} MiB encrypted), read from the reference server's state route and encrypted ` +
          `as the export engine does (PBKDF2 ${DEFAULT_ITERATIONS.toLocaleString('en-US')}).`,
        `The second backup: 10 plugins with another version, 20 workspaces renamed, 50 key values rotated, 10 keys dropped, a day later; ` +
          `differences found per section: ${differences}.`,
        `${RUNS} runs of each: the first run's wall time (cold code, as for the first file a person opens), the median's; long tasks ` +
          'and timer gap: the worst run. Open = decrypt + validate + index + first render; ' +
          'compare = decrypt + validate the second file + diff + render.',
        'Longest task: PerformanceObserver("longtask") reports only tasks of 50 ms or more; 0 means none. ' +
          'Longest timer gap: the longest wait between two turns of a setInterval(0) running meanwhile (clamped to 4 ms at best).',
        'The reference row is the single BackupPayload.safeParse call the inspector made before validation was sliced, ' +
          'measured last (warm code: its first run is not cold like the first rows\' first runs).',
        `Bench run time: ${totalS} s.`,
      ],
    },
  ];
}
