// The esbuild options every bundle of the package shares (scripts/build.mjs, inspect/build.mjs, bench/bundle-size.mjs),
// so the bundle the benchmark measures is the bundle the build writes.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The package's entry points: the API (pure) and one module per element (importing it defines the element). */
export const ENTRY_POINTS = {
  index: join(ROOT, 'src/index.ts'),
  'dashboard-backup': join(ROOT, 'components/dashboard-backup/dashboard-backup.ts'),
  'backup-inspector': join(ROOT, 'components/backup-inspector/backup-inspector.ts'),
};

/** The runtime dependencies; imports of them stay imports in dist/*.js and are bundled in dist/standalone/. */
export const DEPENDENCIES = ['lit', 'zod', 'fflate', 'idb'];

/**
 * Options of every bundle. esbuild honours package.json's "sideEffects" for the project's own files too: a module
 * outside that list is "pure", and a bare `import './x.js'` of it is dropped with only a warning — which would
 * silently leave an inner element undefined. package.json lists the element folders under components/ (the files that define
 * elements); turning that warning into an error makes a new element file elsewhere fail the build instead.
 * @see https://esbuild.github.io/api/#log-override
 */
export const COMMON_OPTIONS = {
  absWorkingDir: ROOT,
  bundle: true,
  target: 'es2022',
  platform: 'browser',
  tsconfig: join(ROOT, 'tsconfig.json'),
  logLevel: 'warning',
  logOverride: { 'ignored-bare-import': 'error' },
};

/** dist/*.js: ESM, split into shared chunks, dependencies left as imports (see the README, "Dependencies"). */
export const ESM_OPTIONS = {
  ...COMMON_OPTIONS,
  entryPoints: ENTRY_POINTS,
  format: 'esm',
  outdir: join(ROOT, 'dist'),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  packages: 'external',
  legalComments: 'none',
  sourcemap: true,
};

/**
 * dist/standalone/*.min.js: dependencies bundled (Lit's production build), minified, and split: each entry holds
 * what a page needs before the element shows its first step; what only a later step needs (panels, engines, a
 * non-English catalog) is a chunk in dist/standalone/chunks/, fetched by a dynamic import() when needed.
 * Self-contained as a folder (no bare imports): serve the whole folder. Built one entry at a time
 * ({@link standaloneBuilds}), so nothing of one entry's first download is cut into chunks shared with another.
 */
export const STANDALONE_OPTIONS = {
  ...COMMON_OPTIONS,
  entryPoints: ENTRY_POINTS,
  format: 'esm',
  outdir: join(ROOT, 'dist/standalone'),
  entryNames: '[name].min',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  conditions: ['production'],
  legalComments: 'eof',
};

/**
 * dist/format-worker.js: the format Worker (src/format-worker.ts), its own entry and one self-contained module —
 * fflate and zod bundled, because a Worker sees no import map. The code that starts it sits in dist/chunks/ (ESM)
 * or dist/standalone/ and finds it with `new URL('../format-worker.js', import.meta.url)`, a pattern Vite and
 * webpack follow to bundle the Worker themselves; see src/worker/pool.ts.
 */
export const WORKER_OPTIONS = {
  ...COMMON_OPTIONS,
  entryPoints: { 'format-worker': join(ROOT, 'src/format-worker.ts') },
  format: 'esm',
  outdir: join(ROOT, 'dist'),
  minify: true,
  conditions: ['production'],
  legalComments: 'eof',
};

/**
 * The standalone build as one esbuild run per entry. One run for all three would also split out the code two
 * entries share, and esbuild assigns whole files to chunks: the element's first download would then import chunks
 * cut for the API entry (measured: 67.9 KiB gz against 40.6 one entry at a time). A page that loads two standalone
 * entries gets two copies of the dependencies, as before splitting (README, "Dependencies").
 */
export function standaloneBuilds() {
  return Object.entries(ENTRY_POINTS).map(([name, path]) => ({ ...STANDALONE_OPTIONS, entryPoints: { [name]: path } }));
}
