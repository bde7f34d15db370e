// Runs the benchmark module named in ?bench= and publishes its tables for bench/run.mjs to read.
import type { BenchTable } from './types.js';

declare global {
  interface Window {
    benchDone?: { tables?: BenchTable[]; error?: string };
  }
}

const name = new URLSearchParams(location.search).get('bench') ?? '';
if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad bench name ${name}`);
try {
  const module = (await import(`./${name}.bench.ts`)) as { default: () => Promise<BenchTable[]> };
  window.benchDone = { tables: await module.default() };
} catch (error) {
  window.benchDone = { error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) };
}
