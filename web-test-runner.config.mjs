// Browser tests: TypeScript through esbuild, run in Debian's headless Chromium, with the reference Dashboard API
// served on the test page's own origin (under /api) so client code is tested over real HTTP.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { loadServer, toKoaMiddleware } from './scripts/load-server.mjs';
import { serveTsAsJs } from './scripts/ts-as-js.mjs';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const { createReferenceDashboard } = await loadServer();
const dashboard = createReferenceDashboard();

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['production'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [serveTsAsJs, toKoaMiddleware(dashboard.handle)],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: chromiumLaunchOptions() })],
  concurrency: 2,
  testFramework: { config: { timeout: 120000 } },
  testsFinishTimeout: 30 * 60 * 1000,
  browserStartTimeout: 120000,
};
