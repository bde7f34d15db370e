// Reports the size of the built bundles (minified, and gzipped as a server would send them).
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { printTable } from './print.mjs';

export async function reportBundleSize() {
  const dir = 'dist/standalone';
  const rows = [];
  for (const file of (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js')).sort()) {
    const bytes = await readFile(`${dir}/${file}`);
    rows.push([file, kib(bytes.length), kib(gzipSync(bytes, { level: 9 }).length)]);
  }
  printTable({
    title: 'Bundle size (dist/standalone: lit, zod, fflate and idb included, minified)',
    columns: ['file', 'minified KiB', 'gzip KiB'],
    rows,
    notes: ['each file is self-contained: the whole cost of embedding that entry on a plain page'],
  });
}

const kib = (n) => (n / 1024).toFixed(1);
