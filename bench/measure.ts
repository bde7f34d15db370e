/** What the engine benchmarks share: the server latency, the password, and how one operation is measured. */
import { dev } from './dev.js';

/** Server latency per request in the engine benchmarks. */
export const LATENCY_MS = 20;
export const PASSWORD = 'bench password ✓';

/** One measured operation. */
export interface Measured {
  wallMs: number;
  requests: number;
  longestTaskMs: number;
  /** Where the longest script of a long animation frame ran (file:function, invoker), for finding what blocks. */
  longestScript: string;
  peakHeapMB: number | string;
}

/** A script entry of the Long Animation Frames API (Chromium): what ran, where, for how long. */
interface ScriptTiming {
  duration: number;
  invoker?: string;
  sourceURL?: string;
  sourceFunctionName?: string;
}

/** `file.ts:function (invoker)` of a script entry, the path shortened to what follows the origin. */
export function describeScript(script: ScriptTiming | undefined): string {
  if (!script) return '';
  const file = (script.sourceURL ?? '').replace(/^[a-z]+:\/\/[^/]+\//, '').replace(/\?.*$/, '');
  return `${Math.round(script.duration)} ms ${file}:${script.sourceFunctionName || '?'} (${script.invoker ?? '?'})`;
}

/** Observes long animation frames and keeps the longest script among them (none where the API is missing). */
export function observeLongestScript(): { stop(): string } {
  let longest: ScriptTiming | undefined;
  const observer = new PerformanceObserver((list) => {
    for (const frame of list.getEntries() as (PerformanceEntry & { scripts?: ScriptTiming[] })[]) {
      for (const script of frame.scripts ?? []) if (!longest || script.duration > longest.duration) longest = script;
    }
  });
  try {
    observer.observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    // not supported: the column stays empty
  }
  return {
    stop() {
      observer.disconnect();
      return describeScript(longest);
    },
  };
}

interface MemoryInfo {
  usedJSHeapSize: number;
}
const memory = (): MemoryInfo | undefined => (performance as Performance & { memory?: MemoryInfo }).memory;

/** Runs `work` and measures it: wall time, requests the world saw, longest task, peak heap. */
export async function measure(base: string, work: () => Promise<unknown>): Promise<Measured> {
  (globalThis as { gc?: () => void }).gc?.();
  await dev(base, 'DELETE', 'stats');
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const scripts = observeLongestScript();
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
  const longestScript = scripts.stop();
  const { requests } = (await dev(base, 'GET', 'stats')) as { requests: number };
  return {
    wallMs,
    requests,
    longestTaskMs: Math.round(longest),
    longestScript,
    peakHeapMB: memory() ? Math.round((peak / 2 ** 20) * 10) / 10 : 'n/a',
  };
}

