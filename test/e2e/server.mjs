// Helpers of the e2e tests: `npm start`'s dev server (the demo page and the inspector, with the reference Dashboard
// under /api) on a free port, in this process, with a strict Content-Security-Policy header on every HTML page;
// its dev controls; and pages that record every CSP violation, page error and console error.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startDevServer } from '@web/dev-server';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the e2e tests save their screenshots. */
export const SHOTS = join(ROOT, 'test-results', 'screenshots');

/**
 * The strict Content-Security-Policy every HTML page must be served with, written out here rather than imported
 * from scripts/csp.mjs (which sends it): a change there that loosens the policy must fail the tests, not move them
 * along with it.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, 'localhost', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the dev server of `web-dev-server.config.mjs` (or of E2E_WDS_CONFIG, to run the same tests against
 * another server setup), whose middleware adds the strict CSP header, and resolves once it serves the demo page and the API.
 * Each call builds its own reference Dashboard, so a test file's default world (`/api`) is its own.
 * @returns `origin` (http://localhost:PORT) and `stop()`.
 */
export async function startDemoServer() {
  const port = await freePort();
  const configFile = join(ROOT, process.env.E2E_WDS_CONFIG ?? 'web-dev-server.config.mjs');
  // A fresh module instance per server (the config builds its Dashboard at import time).
  const { default: config } = await import(`${pathToFileURL(configFile).href}?server=${port}`);
  const server = await startDevServer({
    config: {
      ...config,
      rootDir: ROOT,
      port,
      hostname: 'localhost',
    },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: false,
  });
  const origin = `http://localhost:${port}`;
  for (const path of ['/', '/api/__dev/stats']) {
    const response = await fetch(`${origin}${path}`);
    if (!response.ok) {
      await server.stop();
      throw new Error(`the dev server answered GET ${path} with ${response.status}`);
    }
  }
  return { origin, stop: () => server.stop() };
}

/** Calls a dev control of the default world and returns its JSON. */
export async function dev(origin, method, path, body) {
  const response = await fetch(`${origin}/api/__dev/${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/** A unit's content without server-assigned ids (profiles name their workspaces). */
export function normalizeState(state) {
  const workspaceName = new Map(state.workspaces.map((w) => [w.id, w.name]));
  const by = (key) => (a, b) => key(a).localeCompare(key(b));
  return {
    plugins: state.plugins.map(({ id, ...p }) => p).sort(by((p) => p.bundle)),
    workspaces: state.workspaces
      .map(({ id, applications, ...w }) => ({ ...w, applications: applications.map(({ id: _a, ...a }) => a) }))
      .sort(by((w) => `${w.name}\u0000${w.owner}`)),
    profiles: state.profiles
      .map(({ id, workspaces, ...p }) => ({ ...p, workspaces: workspaces.map((w) => workspaceName.get(w) ?? `?${w}`) }))
      .sort(by((p) => p.name)),
    keys: [...state.keys].sort(by((k) => k.key)),
  };
}

/** Chromium's console line for a response with an error status (expected while a test injects faults). */
export const FAILED_RESOURCE = /Failed to load resource/;

/**
 * A new context and page that record Content-Security-Policy violations (`securitypolicyviolation` events, sent
 * from an init script through a binding: the page's CSP blocks neither, and reloads lose nothing), uncaught page
 * errors and console errors. `checkClean()` asserts there were none; console errors matching `ignoreConsole`
 * (e.g. an expected 401) are not problems.
 * @param contextOptions options of `browser.newContext`.
 */
export async function openCheckedPage(browser, contextOptions = {}, { ignoreConsole } = {}) {
  const context = await browser.newContext(contextOptions);
  const violations = [];
  await context.exposeBinding('__reportCspViolation', ({ frame }, text) => violations.push(`${text} (on ${frame.url()})`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !(ignoreConsole && ignoreConsole.test(m.text()))) problems.push(`console: ${m.text()}`);
  });
  const checkClean = async () => {
    assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
    assert.deepEqual(problems, [], 'no page error');
  };
  return { context, page, violations, problems, checkClean };
}

/** Loads `url` and checks that the server sent {@link STRICT_CSP} with it. */
export async function gotoStrict(page, url) {
  const response = await page.goto(url);
  assert.equal(response?.headers()['content-security-policy'], STRICT_CSP, `${url} is served with the strict CSP`);
  return response;
}

/** Saves a full-page screenshot as `SHOTS/<name>.png`, and `<name>-dark.png` in the dark colour scheme too. */
export async function screenshot(page, name, { dark = false } = {}) {
  await page.waitForTimeout(100);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  if (dark) {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300); // let CSS transitions settle
    await page.screenshot({ path: join(SHOTS, `${name}-dark.png`), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  }
}

/** Demo page: signs in with the demo switch as `user` in `unit`, and waits for the reload it causes. */
export async function signIn(page, user, unit) {
  await page.getByLabel('User', { exact: true }).selectOption(user);
  await page.getByLabel('Unit', { exact: true }).selectOption(unit);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
  await page.locator('#user-name').waitFor();
}

/** Demo page: opens the dialog with the user menu's last item, Backup. */
export async function openBackup(page) {
  await page.locator('#user-menu-button').click();
  const items = page.locator('#user-menu button');
  assert.equal((await items.last().textContent()).trim(), 'Backup', 'Backup is the last item of the user menu');
  await items.last().click();
  await page.getByRole('dialog').waitFor();
}

/** In the open Backup dialog: Continue past the warning, then fill the export form's two fields. Returns the dialog. */
export async function fillExportForm(page, password) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  await dialog.getByLabel('Confirm the password').fill(password);
  return dialog;
}

/** Runs axe-core on the page (shadow roots included) and fails with the violations it finds. */
export async function expectAxeClean(page) {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) does not apply to it.
  await page.evaluate(await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(violations, [], 'axe-core finds no violation');
}
