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
  peakHeapMB: number | string;
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

