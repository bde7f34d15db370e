// `npm start`: the demo Dashboard page and the offline inspector, with the reference Dashboard API (seeded with
// the `small` demo data) on the same origin under /api.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { loadServer, toKoaMiddleware } from './scripts/load-server.mjs';
import { strictCsp } from './scripts/csp.mjs';

const { createReferenceDashboard } = await loadServer();
const dashboard = createReferenceDashboard();

export default {
  port: Number(process.env.PORT ?? 8000),
  hostname: process.env.HOST ?? 'localhost',
  rootDir: '.',
  appIndex: 'index.html',
  nodeResolve: { exportConditions: ['production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [strictCsp, toKoaMiddleware(dashboard.handle)],
};
