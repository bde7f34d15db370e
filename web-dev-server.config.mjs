// `npm start`: the demo Dashboard page and the offline inspector, with the reference Dashboard API (seeded with
// the `small` demo data) on the same origin under /api. Plain HTTP/1.1 by default; `HTTP2=1` serves HTTP/2 over
// TLS with the test-only self-signed certificate in server/tls/ (HTTP/1.1 stays allowed on the same port).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { loadServer, toKoaMiddleware } from './scripts/load-server.mjs';
import { serveTsAsJs } from './scripts/ts-as-js.mjs';
import { strictCsp } from './scripts/csp.mjs';

const { createReferenceDashboard } = await loadServer();
const dashboard = createReferenceDashboard();
const http2 = process.env.HTTP2 === '1';

export default {
  port: Number(process.env.PORT ?? 8000),
  hostname: process.env.HOST ?? 'localhost',
  rootDir: '.',
  appIndex: 'index.html',
  nodeResolve: { exportConditions: ['production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [strictCsp, serveTsAsJs, toKoaMiddleware(dashboard.handle)],
  ...(http2
    ? { http2: true, sslKey: 'server/tls/test-only-localhost.key', sslCert: 'server/tls/test-only-localhost.crt' }
    : {}),
};
