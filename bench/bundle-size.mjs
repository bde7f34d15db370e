// Reports the size of the built bundles (minified, and gzipped as a server would send them), and what each
// dependency contributes, so every dependency's bytes are visible. Measured on every run:
//  - dist/standalone/*.min.js as `npm run build` wrote them (run the build first);
//  - the ESM build (dist/*.js + chunks, dependencies left as imports), minified in memory with the build's own
//    options: what an app's bundler adds on top of the dependencies it may already ship;
//  - the offline inspector's script (dist/inspect/inspect.js);
//  - per entry, the minified bytes of each input package (esbuild metafile of the standalone build).
// Usage: node bench/bundle-size.mjs   (also called by bench/run.mjs)
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEPENDENCIES, ESM_OPTIONS, ROOT, STANDALONE_OPTIONS } from '../scripts/esbuild-shared.mjs';
import { printTable } from './print.mjs';

const kib = (n) => (n / 1024).toFixed(1);
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const pct = (part, whole) => `${((100 * part) / whole).toFixed(0)}%`;

export async function reportBundleSize() {
  const standaloneDir = join(ROOT, 'dist/standalone');
  if (!existsSync(standaloneDir)) throw new Error('dist/standalone is missing: run `npm run build` first');

  // 1. What ships: the standalone files and the inspector page's script.
  const rows = [];
  for (const file of (await readdir(standaloneDir)).filter((f) => f.endsWith('.js')).sort()) {
    const bytes = await readFile(join(standaloneDir, file));
    rows.push([`standalone/${file}`, kib(bytes.length), kib(gzip(bytes))]);
  }
  const inspector = join(ROOT, 'dist/inspect/inspect.js');
  if (existsSync(inspector)) {
    const bytes = await readFile(inspector);
    rows.push(['inspect/inspect.js (offline page)', kib(bytes.length), kib(gzip(bytes))]);
  }

  // 2. The ESM build, minified as an app's bundler would: each entry with the chunks it imports.
  const esm = await build({ ...ESM_OPTIONS, minify: true, sourcemap: false, write: false, metafile: true });
  const outputs = new Map(esm.outputFiles.map((f) => [f.path, f.contents]));
  for (const [out, meta] of Object.entries(esm.metafile.outputs)) {
    if (!meta.entryPoint) continue;
    const files = collectChunks(esm.metafile, out);
    const joined = Buffer.concat(files.map((f) => Buffer.from(outputs.get(resolve(ROOT, f)))));
    rows.push([`${out.replace(/^dist\//, '')} (ESM, + ${files.length - 1} chunk(s))`, kib(joined.length), kib(gzip(joined))]);
  }
  printTable({
    title: 'Bundle size (minified; gzip -9 as a server would send it)',
    columns: ['bundle', 'minified KiB', 'gzip KiB'],
    rows,
    notes: [
      'standalone: each file self-contained (lit, zod, fflate, idb included): the whole cost on a plain page',
      'ESM: dist/*.js with the chunks each imports, dependencies excluded (an app may already ship lit or zod)',
    ],
  });

  // 3. Who pays for what: minified bytes of each input package in each standalone entry.
  const standalone = await build({ ...STANDALONE_OPTIONS, write: false, metafile: true });
  const entries = Object.entries(standalone.metafile.outputs).filter(([, m]) => m.entryPoint);
  const byEntry = entries.map(([out, meta]) => ({ name: out.split('/').pop(), total: meta.bytes, parts: groupInputs(meta.inputs) }));
  const sources = [...new Set(byEntry.flatMap((e) => [...e.parts.keys()]))].sort(
    (a, b) => Math.max(...byEntry.map((e) => e.parts.get(b) ?? 0)) - Math.max(...byEntry.map((e) => e.parts.get(a) ?? 0)),
  );
  printTable({
    title: 'Bundle composition (standalone, minified KiB and share of the file, by source)',
    columns: ['source', ...byEntry.map((e) => e.name)],
    rows: sources.map((source) => [
      source,
      ...byEntry.map((e) => (e.parts.has(source) ? `${kib(e.parts.get(source))} (${pct(e.parts.get(source), e.total)})` : '-')),
    ]),
    notes: [
      `dependencies: ${DEPENDENCIES.join(', ')} (lit's share is split into lit, lit-html, lit-element, @lit/reactive-element)`,
      'bytes each input adds to the minified file, before gzip (esbuild metafile)',
    ],
  });
}

/** The output `out` and every chunk it imports statically, transitively. */
function collectChunks(metafile, out, seen = new Set()) {
  if (seen.has(out)) return [];
  seen.add(out);
  const imports = metafile.outputs[out].imports.filter((i) => !i.external && i.kind === 'import-statement');
  return [out, ...imports.flatMap((i) => collectChunks(metafile, i.path, seen))];
}

/** Sums an output's input bytes by package (node_modules) or by top-level folder of this project. */
function groupInputs(inputs) {
  const parts = new Map();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
    // The message catalogs (English, Swedish) apart from the rest of components/: what localization costs.
    const catalog = path.startsWith('components/shared/l10n/') ? 'components/shared/l10n/ (catalogs)' : undefined;
    const key = pkg ?? catalog ?? `${path.split('/')[0]}/ (this package)`;
    parts.set(key, (parts.get(key) ?? 0) + bytesInOutput);
  }
  return parts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await reportBundleSize();
}
