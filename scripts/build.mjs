// `npm run build`: the package as others embed it.
//  - dist/index.js, dist/dashboard-backup.js, dist/backup-inspector.js (+ dist/chunks/): ESM for bundlers, with
//    lit/zod/fflate/idb left as imports of the package's dependencies, so an app that already has Lit or zod ships
//    them once;
//  - dist/standalone/*.min.js (+ dist/standalone/chunks/): each entry with everything bundled, minified, split into
//    what a page needs first and chunks fetched when needed, for a plain page with no bundler;
//  - dist/inspect.html (+ dist/inspect/): the offline inspector, a classic script that opens from file://;
//  - dist/types/: declarations from tsc; custom-elements.json from the analyzer; then publint checks the package.
// Fails first when src/version.ts disagrees with package.json's version.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildInspector } from '../inspect/build.mjs';
import { checkVersion } from './check-version.mjs';
import { ESM_OPTIONS, ROOT, standaloneBuilds } from './esbuild-shared.mjs';

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
await buildInspector(join(ROOT, 'dist'));

const run = (cmd, args) => execFileSync(join(ROOT, 'node_modules/.bin', cmd), args, { cwd: ROOT, stdio: 'inherit' });
run('tsc', ['-p', 'tsconfig.build.json']);
run('cem', ['analyze']); // custom-elements-manifest.config.mjs: globs, and what is shipped
run('publint', ['--strict']);
console.log(`Built dashboard-backup ${version.packageVersion}: dist/ (ESM, standalone, inspector, types) and custom-elements.json.`);
