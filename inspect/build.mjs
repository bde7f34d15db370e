// Builds the offline inspector as static files that work with no server at all:
//   <outdir>/inspect.html, <outdir>/inspect/inspect.js, <outdir>/inspect/inspect.css
// The script is one classic (IIFE) bundle loaded with `defer`, not an ES module: Chromium refuses module scripts
// from file:// (their origin is opaque), but runs classic scripts, so the page opens straight from disk.
// Usage: node inspect/build.mjs [outdir=dist]   (or import { buildInspector } from './inspect/build.mjs')
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMON_OPTIONS, ROOT as root } from '../scripts/esbuild-shared.mjs';

/** Builds the inspector into `outdir`; returns the paths written and the script's size in bytes. */
export async function buildInspector(outdir = join(root, 'dist')) {
  await mkdir(join(outdir, 'inspect'), { recursive: true });
  const script = join(outdir, 'inspect', 'inspect.js');
  const result = await build({
    // Shared options: among them, a bare import that package.json's "sideEffects" would drop fails the build.
    ...COMMON_OPTIONS,
    entryPoints: [join(root, 'inspect', 'main.ts')],
    format: 'iife',
    minify: true,
    legalComments: 'linked',
    conditions: ['production'],
    outfile: script,
    metafile: true,
    // A classic script has no import.meta: the format Worker's URL then cannot be made, and the inspector compresses
    // on the page (src/worker/pool.ts) — as it must from file://, where no Worker may start.
    define: { 'import.meta.url': 'undefined' },
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
