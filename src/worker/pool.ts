/**
 * Starting the format Worker, and keeping one idle for the next backup. A Worker is used only once it has said
 * it is ready, so a Worker that cannot start — no Worker in Node, a file:// page, a Content-Security-Policy that
 * forbids workers, a bundler that did not copy dist/format-worker.js — costs nothing but the try: the format
 * then runs on the page (same bytes), and this page does not try again.
 */
import { PARSE } from '../zod.js';
import { FromWorker } from './protocol.js';

let unavailable = false;
let idle: Worker | undefined;
/** A Worker being started by {@link warmWorker}, so an acquire meanwhile waits for it instead of starting another. */
let warming: Promise<void> | undefined;
/** Bumped by {@link resetWorkerPool}: a Worker warmed before the reset is stopped, not kept. */
let generation = 0;

/**
 * The Worker's URL, written as bundlers look for it (`new Worker(new URL('…', import.meta.url))`), so Vite and
 * webpack bundle it. The path is relative to the *built* file that holds this code: the builds put it in
 * dist/chunks/ or dist/standalone/chunks/, with the Worker one folder up (dist/format-worker.js and its copy
 * dist/standalone/format-worker.js; scripts/build.mjs points a standalone entry that holds this code itself at the
 * copy beside it); in the sources this file is src/worker/pool.ts and the Worker src/format-worker.ts.
 */
function startWorker(): Worker {
  return new Worker(new URL('../format-worker.js', import.meta.url), { type: 'module', name: 'dashboard-backup format' });
}

/** Resolves true once `worker` says it is ready, false if it fails to load first. */
function whenReady(worker: Worker): Promise<boolean> {
  return new Promise((resolve) => {
    worker.onmessage = (event) => {
      const message = FromWorker.safeParse(event.data, PARSE);
      resolve(message.success && message.data.type === 'ready');
    };
    worker.onerror = (event) => {
      event.preventDefault(); // expected where workers are not allowed: reported by falling back, not to the console
      resolve(false);
    };
    worker.onmessageerror = () => resolve(false);
  });
}

/** A ready Worker for one stream, or `undefined` when this page cannot have one (then the format runs here). */
export async function acquireWorker(): Promise<Worker | undefined> {
  if (warming) await warming;
  if (idle) {
    const worker = idle;
    idle = undefined;
    return worker;
  }
  return startReadyWorker();
}

/** A new ready Worker, or `undefined` (and this page stops trying) when none can start. */
async function startReadyWorker(): Promise<Worker | undefined> {
  if (unavailable || typeof Worker !== 'function') return undefined;
  let worker: Worker;
  try {
    worker = startWorker();
  } catch {
    unavailable = true; // a SecurityError (file://, opaque origin) or no import.meta.url (a classic-script build)
    return undefined;
  }
  if (await whenReady(worker)) return worker;
  worker.terminate();
  unavailable = true;
  return undefined;
}

/**
 * Starts a Worker now and keeps it idle, so that a backup about to be written finds one ready instead of paying its
 * start-up (the module's load) when its first large slice arrives. Does nothing when one is idle or starting, or
 * when this page cannot have one. An unused warm Worker stays idle, doing nothing, like one kept after a backup.
 */
export function warmWorker(): void {
  if (idle || warming || unavailable || typeof Worker !== 'function') return;
  const started = generation;
  const run: Promise<void> = startReadyWorker().then((worker) => {
    if (warming === run) warming = undefined;
    if (!worker) return;
    if (started === generation) releaseWorker(worker);
    else worker.terminate();
  });
  warming = run;
}

/** Takes back a Worker whose stream ended cleanly: kept idle for the next one (one at most), else stopped. */
export function releaseWorker(worker: Worker): void {
  worker.onmessage = null;
  worker.onerror = null;
  worker.onmessageerror = null;
  if (idle) worker.terminate();
  else idle = worker;
}

/** Stops a Worker whose stream failed or was cancelled: its state is unknown, so it is not reused. */
export function discardWorker(worker: Worker): void {
  worker.terminate();
}

/** For tests: forget that workers were unavailable, and stop the idle one. */
export function resetWorkerPool(): void {
  generation++;
  warming = undefined;
  unavailable = false;
  idle?.terminate();
  idle = undefined;
}
