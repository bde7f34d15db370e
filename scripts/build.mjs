// `npm run build`: the package as others embed it.
//  - dist/index.js, dist/dashboard-backup.js, dist/backup-inspector.js (+ dist/chunks/): ESM for bundlers, with
//    lit/zod/fflate/idb left as imports of the package's dependencies, so an app that already has Lit or zod ships
//    them once;
//  - dist/standalone/*.min.js (+ dist/standalone/chunks/): each entry with everything bundled, minified, split into
//    what a page needs first and chunks fetched when needed, for a plain page with no bundler;
//  - dist/format-worker.js: the format Worker both builds start (compression off the main thread), self-contained;
//    a copy in dist/standalone/, so that folder is complete on its own;
//  - dist/inspect.html (+ dist/inspect/): the offline inspector, a classic script that opens from file://;
//  - dist/types/: declarations from tsc; custom-elements.json from the analyzer; then publint checks the package.
// Fails first when src/version.ts disagrees with package.json's version.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildInspector } from '../inspect/build.mjs';
import { checkVersion } from './check-version.mjs';
import { ENTRY_POINTS, ESM_OPTIONS, ROOT, WORKER_OPTIONS, standaloneBuilds } from './esbuild-shared.mjs';

const version = await checkVersion();
if (!version.ok) {
  console.error(
    `src/version.ts has APP_VERSION ${JSON.stringify(version.sourceVersion)}, package.json has version ` +
      `${JSON.stringify(version.packageVersion)}: make them agree.`,
  );
  process.exit(1);
}

await rm(join(ROOT, 'dist'), { recursive: true, force: true });
await build(ESM_OPTIONS);
for (const options of standaloneBuilds()) await build(options);
await build(WORKER_OPTIONS); // dist/format-worker.js, which the ESM build starts
await build({ ...WORKER_OPTIONS, outdir: join(ROOT, 'dist/standalone') });
await pointStandaloneEntriesAtTheirWorker();
await buildInspector(join(ROOT, 'dist'));

const run = (cmd, args) => execFileSync(join(ROOT, 'node_modules/.bin', cmd), args, { cwd: ROOT, stdio: 'inherit' });
run('tsc', ['-p', 'tsconfig.build.json']);
run('cem', ['analyze']); // custom-elements-manifest.config.mjs: globs, and what is shipped
run('publint', ['--strict']);
console.log(`Built dashboard-backup ${version.packageVersion}: dist/ (ESM, standalone, inspector, types) and custom-elements.json.`);

/**
 * src/worker/pool.ts finds the Worker at `../format-worker.js` from the file its code lands in: right for
 * dist/chunks/ and dist/standalone/chunks/, one folder too far up for code esbuild kept in a standalone entry itself
 * (the API entry has no lazy chunks). Those entries get `./format-worker.js`, the copy beside them, so
 * dist/standalone/ works copied on its own.
 */
async function pointStandaloneEntriesAtTheirWorker() {
  for (const name of Object.keys(ENTRY_POINTS)) {
    const file = join(ROOT, 'dist/standalone', `${name}.min.js`);
    const code = await readFile(file, 'utf8');
    const pointed = code.replaceAll('"../format-worker.js"', '"./format-worker.js"');
    if (pointed !== code) await writeFile(file, pointed);
  }
}
