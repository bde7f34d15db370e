// Dev servers (`npm start`, the browser tests, the bench) serve the TypeScript sources. An `import './x.js'` inside a
// .ts file is resolved to x.ts by the esbuild plugin, but a URL the page builds itself — the format Worker's
// `new URL('../format-worker.js', import.meta.url)` — arrives as a plain request for a .js file that only exists as
// .ts. This middleware serves the .ts (which the esbuild plugin then compiles) for such requests under /src/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './esbuild-shared.mjs';

/** Koa middleware: `/src/**​/x.js` → `/src/**​/x.ts` when only the .ts exists. */
export async function serveTsAsJs(ctx, next) {
  const path = ctx.path;
  if (path.startsWith('/src/') && path.endsWith('.js') && !path.includes('..')) {
    const ts = `${path.slice(0, -3)}.ts`;
    if (!existsSync(join(ROOT, path)) && existsSync(join(ROOT, ts))) ctx.url = ts + ctx.search;
  }
  await next();
}
