// Builds the offline inspector as static files that work with no server at all:
//   <outdir>/inspect.html, <outdir>/inspect/inspect.js, <outdir>/inspect/inspect.css
// The script is one classic (IIFE) bundle loaded with `defer`, not an ES module: Chromium refuses module scripts
// from file:// (their origin is opaque), but runs classic scripts, so the page opens straight from disk.
// Usage: node inspect/build.mjs [outdir=dist]   (or import { buildInspector } from './inspect/build.mjs')
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// package.json's "sideEffects" list does not cover the inspector's own modules (and esbuild does not match its
// "./components/*.ts" entry), so esbuild would drop the bare imports that define the elements and configure zod.
// This plugin marks the project's own modules as having side effects (the fix belongs in package.json).
const keepElementModules = {
  name: 'keep-element-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      if (resolved.errors.length) return resolved;
      const own = resolved.path.startsWith(root) && !resolved.path.includes(`${sep}node_modules${sep}`);
      return own ? { ...resolved, sideEffects: true } : resolved;
    });
  },
};

/** Builds the inspector into `outdir`; returns the paths written and the script's size in bytes. */
export async function buildInspector(outdir = join(root, 'dist')) {
  await mkdir(join(outdir, 'inspect'), { recursive: true });
  const script = join(outdir, 'inspect', 'inspect.js');
  const result = await build({
    entryPoints: [join(root, 'inspect', 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    conditions: ['production'],
    tsconfig: join(root, 'tsconfig.json'),
    outfile: script,
    metafile: true,
    logLevel: 'warning',
    plugins: [keepElementModules],
  });
  for (const asset of ['inspect.css', 'favicon.svg']) {
    await copyFile(join(root, 'inspect', asset), join(outdir, 'inspect', asset));
  }
  const source = await readFile(join(root, 'inspect.html'), 'utf8');
  const moduleTag = '<script type="module" src="./inspect/main.ts"></script>';
  if (!source.includes(moduleTag)) throw new Error(`inspect.html no longer contains ${moduleTag}`);
  const html = source.replace(moduleTag, '<script defer src="./inspect/inspect.js"></script>');
  const page = join(outdir, 'inspect.html');
  await writeFile(page, html);
  const bytes = result.metafile.outputs[Object.keys(result.metafile.outputs).find((k) => k.endsWith('inspect.js'))]
    .bytes;
  return { page, script, bytes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildInspector(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`inspector: ${out.page} (+ ${out.script}, ${(out.bytes / 1024).toFixed(1)} KiB)`);
}
