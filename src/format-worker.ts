/**
 * Entry of the format Worker (dist/format-worker.js): DEFLATE and INFLATE of the backup payload on another core.
 * Started by src/worker/pool.ts as a module Worker; see src/worker/serve.ts for what it does.
 */
import { serveFormatWorker, type WorkerScope } from './worker/serve.js';

serveFormatWorker(globalThis as unknown as WorkerScope);
