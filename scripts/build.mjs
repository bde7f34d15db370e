// `npm run build`: the package as others embed it.
//  - dist/*.js: ESM modules (API + one module per element), lit/zod/fflate/idb left as imports (dependencies), so an
//    app that already has Lit or zod ships them once;
//  - dist/standalone/*.min.js: each entry self-contained, everything bundled and minified, for a plain page with no bundler (and the figure
//    `npm run bench` reports as the bundle size);
//  - dist/types: declarations from tsc; custom-elements.json from the analyzer; then publint checks the package.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';

const entryPoints = {
  index: 'src/index.ts',
  'dashboard-backup': 'components/dashboard-backup.ts',
  'backup-inspector': 'components/backup-inspector.ts',
};
const common = { bundle: true, format: 'esm', target: 'es2022', platform: 'browser', legalComments: 'none', logLevel: 'error' };

await rm('dist', { recursive: true, force: true });
await build({
  ...common,
  entryPoints,
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['lit', 'lit/*', 'zod', 'zod/*', 'fflate', 'idb'],
  sourcemap: true,
});
await build({
  ...common,
  entryPoints,
  outdir: 'dist/standalone',
  entryNames: '[name].min',
  minify: true,
  conditions: ['production'],
});
// The offline inspector page, loadable from any static host with its bundle beside it.
await build({ ...common, entryPoints: { inspect: 'inspect/main.ts' }, outdir: 'dist/inspect', minify: true, conditions: ['production'] });

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('./node_modules/.bin/tsc', ['-p', 'tsconfig.build.json']);
run('./node_modules/.bin/cem', ['analyze', '--litelement', '--globs', 'components/*.ts', '--exclude', 'components/*.styles.ts']);
run('./node_modules/.bin/publint', ['--strict']);
console.log('Built dist/ (ESM + standalone + types) and custom-elements.json; publint is clean.');
