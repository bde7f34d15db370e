// Reports the size of the built bundles (minified, and gzipped as a server would send them), and what each
// dependency contributes, so every dependency's bytes are visible. Measured on every run:
//  - per standalone entry (dist/standalone/, split): its FIRST LOAD (the entry and the chunks it imports
//    statically: what a page fetches before the element shows its first step), each LAZY part (what one `import()`
//    adds when its step opens) and each lazy chunk, and EVERYTHING LOADED (every file the entry can fetch) — three
//    figures not to be confused: only the first is what a page pays up front;
//  - the ESM build (dist/*.js + chunks, dependencies left as imports), minified in memory with the build's own
//    options: what an app's bundler adds on top of the dependencies it may already ship;
//  - the offline inspector's script (dist/inspect/inspect.js, one classic script: nothing lazy);
//  - per standalone entry, first load and everything loaded, the minified bytes of each input package.
// Each file is gzipped on its own (as a server sends it) and the figures summed. The standalone figures come from
// the build's own options run in memory (standaloneBuilds), whose esbuild metafile says which chunk belongs to
// which entry; run `npm run build` first for the inspector page.
// Usage: node bench/bundle-size.mjs   (also called by bench/run.mjs)
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEPENDENCIES, ESM_OPTIONS, ROOT, standaloneBuilds } from '../scripts/esbuild-shared.mjs';
import { printTable } from './print.mjs';

const kib = (n) => (n / 1024).toFixed(1);
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const pct = (part, whole) => `${((100 * part) / whole).toFixed(0)}%`;
/** The limit of issue 14 for what a page downloads before `<dashboard-backup>` shows its first step. */
const FIRST_LOAD_LIMIT_KIB = 55;

/** One standalone entry, built in memory: its outputs with their gzip sizes, first-load set and lazy parts. */
async function measureStandalone(options) {
  const result = await build({ ...options, write: false, metafile: true, sourcemap: false });
  const { metafile } = result;
  const gz = new Map(result.outputFiles.map((f) => [f.path, gzip(f.contents)]));
  const gzOf = (out) => gz.get(resolve(ROOT, out)) ?? 0;
  const sum = (files) => [...files].reduce((n, f) => n + gzOf(f), 0);
  // esbuild marks import() targets as entry points too: the entry is the output outside chunks/.
  const entryOut = Object.keys(metafile.outputs).find((o) => metafile.outputs[o].entryPoint && !o.includes('/chunks/'));
  const first = new Set(collectChunks(metafile, entryOut));
  const all = new Set(collectChunks(metafile, entryOut, new Set(), true));
  // Each dynamic import() target of a loaded file: what it adds on top of the first load when it is first needed.
  const parts = [];
  for (const out of all) {
    for (const i of metafile.outputs[out].imports.filter((i) => i.kind === 'dynamic-import' && !i.external)) {
      if (parts.some((p) => p.target === i.path)) continue;
      const adds = collectChunks(metafile, i.path).filter((f) => !first.has(f));
      parts.push({ target: i.path, adds, gz: sum(adds) });
    }
  }
  return { name: entryOut.split('/').pop(), metafile, first, all, parts, gzOf, sum };
}

export async function reportBundleSize() {
  const entries = [];
  for (const options of standaloneBuilds()) entries.push(await measureStandalone(options));
  const short = (out) => out.replace(/^dist\/standalone\//, '');

  printTable({
    title: 'Standalone entries: what a page downloads (gzip -9 per file, summed)',
    columns: ['entry', 'FIRST LOAD gzip KiB (files)', 'lazy parts', 'EVERYTHING LOADED gzip KiB (files)'],
    rows: entries.map((e) => [
      e.name,
      `${kib(e.sum(e.first))} (${e.first.size})`,
      String(e.parts.length),
      `${kib(e.sum(e.all))} (${e.all.size})`,
    ]),
    notes: [
      'FIRST LOAD: the entry and the chunks it imports statically, fetched before the element shows its first step',
      `limit for dashboard-backup.min.js first load: ${FIRST_LOAD_LIMIT_KIB} KiB gz (issue 14)`,
      'EVERYTHING LOADED: every file the entry can fetch (each lazy part opened once, Swedish included)',
    ],
  });

  printTable({
    title: 'Standalone lazy parts: what each import() adds when its step (or language) is first needed',
    columns: ['entry', 'part (dynamically imported chunk)', 'adds gzip KiB', 'files'],
    rows: entries.flatMap((e) => e.parts.map((p) => [e.name, short(p.target), kib(p.gz), p.adds.map(short).join(' ')])),
    notes: ['a file two parts share is counted in both rows (fetched once, by whichever comes first)'],
  });

  printTable({
    title: 'Standalone chunks: each file, and when it is fetched',
    columns: ['entry', 'file', 'minified KiB', 'gzip KiB', 'fetched', 'largest inputs'],
    rows: entries.flatMap((e) =>
      [...e.all].map((out) => {
        const meta = e.metafile.outputs[out];
        const largest = Object.entries(meta.inputs)
          .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
          .slice(0, 2)
          .map(([p]) => p.replace(/^node_modules\//, ''));
        return [e.name, short(out), kib(meta.bytes), kib(e.gzOf(out)), e.first.has(out) ? 'first load' : 'lazy', largest.join(', ')];
      }),
    ),
  });

  // What else ships: the ESM build, minified as an app's bundler would (each entry with the chunks it imports
  // statically), and the offline inspector page's script.
  const rows = [];
  const inspector = join(ROOT, 'dist/inspect/inspect.js');
  if (existsSync(inspector)) {
    const bytes = await readFile(inspector);
    rows.push(['inspect/inspect.js (offline page)', kib(bytes.length), kib(gzip(bytes))]);
  }
  const esm = await build({ ...ESM_OPTIONS, minify: true, sourcemap: false, write: false, metafile: true });
  const outputs = new Map(esm.outputFiles.map((f) => [f.path, f.contents]));
  for (const [out, meta] of Object.entries(esm.metafile.outputs)) {
    if (!meta.entryPoint || out.includes('/chunks/')) continue; // import() targets are entry points to esbuild too
    const files = collectChunks(esm.metafile, out);
    const joined = Buffer.concat(files.map((f) => Buffer.from(outputs.get(resolve(ROOT, f)))));
    rows.push([`${out.replace(/^dist\//, '')} (ESM, + ${files.length - 1} chunk(s), first load)`, kib(joined.length), kib(gzip(joined))]);
  }
  printTable({
    title: 'ESM build and offline inspector (minified; gzip -9)',
    columns: ['bundle', 'minified KiB', 'gzip KiB'],
    rows,
    notes: [
      'ESM: dist/*.js with the chunks each imports statically, dependencies excluded (an app may already ship lit or zod)',
      'inspect/inspect.js: one classic script (it opens from file://), so the Swedish catalog is inside it',
    ],
  });

  // Who pays for what: minified bytes of each input package, first load and everything loaded, per entry.
  const columns = entries.flatMap((e) => [
    { label: `${e.name} first`, parts: groupInputs(e.metafile, e.first) },
    { label: `${e.name} all`, parts: groupInputs(e.metafile, e.all) },
  ]);
  const sources = [...new Set(columns.flatMap((c) => [...c.parts.keys()]))].sort(
    (a, b) => Math.max(...columns.map((c) => c.parts.get(b) ?? 0)) - Math.max(...columns.map((c) => c.parts.get(a) ?? 0)),
  );
  const totals = columns.map((c) => [...c.parts.values()].reduce((n, v) => n + v, 0));
  printTable({
    title: 'Bundle composition (standalone, minified KiB and share, by source; first load and everything loaded)',
    columns: ['source', ...columns.map((c) => c.label)],
    rows: sources.map((source) => [
      source,
      ...columns.map((c, i) => (c.parts.has(source) ? `${kib(c.parts.get(source))} (${pct(c.parts.get(source), totals[i])})` : '-')),
    ]),
    notes: [
      `dependencies: ${DEPENDENCIES.join(', ')} (lit's share is split into lit, lit-html, lit-element, @lit/reactive-element)`,
      'bytes each input adds to the minified files, before gzip (esbuild metafile)',
    ],
  });
}

/** The output `out` and every chunk it imports statically (with `dynamic`, by import() too), transitively. */
function collectChunks(metafile, out, seen = new Set(), dynamic = false) {
  if (seen.has(out)) return [];
  seen.add(out);
  const kinds = dynamic ? ['import-statement', 'dynamic-import'] : ['import-statement'];
  const imports = metafile.outputs[out].imports.filter((i) => !i.external && kinds.includes(i.kind));
  return [out, ...imports.flatMap((i) => collectChunks(metafile, i.path, seen, dynamic))];
}

/** Sums the input bytes of `outs` by package (node_modules) or by top-level folder of this project. */
function groupInputs(metafile, outs) {
  const parts = new Map();
  for (const out of outs) {
    for (const [path, { bytesInOutput }] of Object.entries(metafile.outputs[out].inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      // The message catalogs (English, Swedish) apart from the rest of components/: what localization costs.
      const catalog = path.startsWith('components/shared/l10n/') && /\/(en|sv)\.ts$/.test(path) ? `${path.split('/').pop()} (catalog)` : undefined;
      const key = pkg ?? catalog ?? `${path.split('/')[0]}/ (this package)`;
      parts.set(key, (parts.get(key) ?? 0) + bytesInOutput);
    }
  }
  return parts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await reportBundleSize();
}
