// Starts `npm start`'s dev server (the demo page with the reference Dashboard under /api) on a free port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

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

/** Spawns the dev server and resolves once it serves the demo page; `stop()` ends it. */
export async function startDemoServer() {
  const port = await freePort();
  // E2E_WDS_CONFIG lets the same tests run against another server setup (default: `npm start`'s).
  const config = process.env.E2E_WDS_CONFIG ?? 'web-dev-server.config.mjs';
  const child = spawn('./node_modules/.bin/wds', ['--config', config], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: 'localhost' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dev server exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${origin}/api/__dev/stats`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`dev server did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
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
