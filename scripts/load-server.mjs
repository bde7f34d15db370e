// Builds the reference Dashboard (TypeScript, sharing src/schemas.ts) into one ESM file with esbuild and imports it,
// so the test runner, the demo and the benchmarks run the very same server code on plain node 20.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function loadServer() {
  const outdir = `${root}node_modules/.cache/dashboard-backup`;
  await mkdir(outdir, { recursive: true });
  // One file per checkout: two worktrees may share node_modules (and so this cache) and run at the same time.
  const checkout = createHash('sha256').update(root).digest('hex').slice(0, 12);
  const outfile = `${outdir}/reference-dashboard-${checkout}.mjs`;
  await build({
    entryPoints: [`${root}server/index.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Adapts a node `(req, res) => Promise<boolean>` handler to the Koa-style middleware of @web/dev-server. */
export function toKoaMiddleware(handle) {
  return async (ctx, next) => {
    if (await handle(ctx.req, ctx.res)) {
      ctx.respond = false;
      return;
    }
    return next();
  };
}
