/**
 * Helpers of the engine tests: a normaliser for unit states that is independent of the engine's own comparison
 * code, a tiny seed built through the client, and a task limiter. Worlds of the reference Dashboard come from
 * test/world.ts; seeded random numbers from the server's own PRNG (server/prng.ts).
 */
import { openDB } from 'idb';
import type { DashboardClient } from '../../src/api/index.js';
import { exportUnit, openBackup, type OpenedBackup } from '../../src/backup/index.js';
import type { Plugin, PluginInput, UnitState } from '../../src/schemas.js';
import { UNIT, createWorld, type World } from '../world.js';

/** The lowest iteration count the format accepts: keeps the many encryptions of these tests fast. */
export const TEST_ITERATIONS = 100_000;
export const PASSWORD = 'correct horse ✓ battery';

/** A unique IndexedDB database name, so tests running at once never share a journal. */
export const uniqueDatabase = (): string => `test-journal-${crypto.randomUUID()}`;

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * A unit state without server ids, sorted by natural keys, with profile→workspace references replaced by the
 * workspaces' name and owner: two states are "the same unit" when these are deeply equal. Written separately from
 * src/backup/compare.ts so a bug there cannot hide in both.
 */
export function normalizeState(state: UnitState): unknown {
  const wsName = new Map(state.workspaces.map((w) => [w.id, `${w.name}\u0000${w.owner}`]));
  const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const strip = <T extends { id?: string }>(x: T) => {
    const copy: Record<string, unknown> = { ...x };
    delete copy.id;
    return copy;
  };
  const json = (x: unknown) => JSON.stringify(sortKeys(x));
  return {
    plugins: state.plugins.map((p) => sortKeys(strip(p))).sort((a, b) => byString(json(a), json(b))),
    workspaces: state.workspaces
      .map((w) => sortKeys({ ...strip(w), applications: w.applications.map(strip) }))
      .sort((a, b) => byString(json(a), json(b))),
    profiles: state.profiles
      .map((p) => sortKeys({ name: p.name, roles: p.roles, workspaces: p.workspaces.map((id) => wsName.get(id) ?? `missing ${id}`) }))
      .sort((a, b) => byString(json(a), json(b))),
    keys: state.keys.map((k) => sortKeys(k)).sort((a, b) => byString(json(a), json(b))),
  };
}

/** Secret values of the tiny seed: must never be written to browser storage in clear. */
export const TINY_SECRETS = ['s3cr3t-token-🔑-4711', 'smtp-pa55-<script>-0815'];

/**
 * Builds a small unit through the client: 3 keys (2 secret), a provider plugin and a plugin mapped to it, 2
 * workspaces using them, 2 profiles (one listing both workspaces, in a chosen order). Importing its backup over
 * itself takes 15 mutating requests (6 deletes, 9 creates).
 */
export async function buildTinyUnit(client: DashboardClient, unit = UNIT): Promise<void> {
  const plugin = (bundle: string, mapsTo?: string): PluginInput => ({
    bundle,
    name: `Plugin ${bundle} «ü»`,
    version: '1.2.3',
    author: 'Newsroom <dev@example.com>',
    manifestUrl: `https://plugins.example/${bundle}/manifest.json`,
    enabled: true,
    configuration: { nested: { list: [1, 'two', null], html: '<b>x</b>' } },
    permissions: [{ id: 'read', label: 'Read', description: 'Can read' }],
    permissionMappings: { read: ['admin', 'user'] },
    requirementMappings: { actions: mapsTo ? { send: mapsTo } : {}, portals: {} },
  });
  await Promise.all([
    client.putKey(unit, { key: 'api.url', value: 'https://wire.example', secret: false }),
    client.putKey(unit, { key: 'api.token', value: TINY_SECRETS[0]!, secret: true }),
    client.putKey(unit, { key: 'smtp.password', value: TINY_SECRETS[1]!, secret: true }),
    client.createPlugin(unit, plugin('com.example.provider')),
  ]);
  await client.createPlugin(unit, plugin('com.example.consumer', 'com.example.provider'));
  const ws = (name: string, bundle: string) => ({
    name,
    owner: 'admin',
    shared: true,
    layout: 'columns-3',
    icon: { text: name.slice(0, 1), color: '#336699' },
    applications: [{ plugin: bundle, column: 0, position: 0, config: { title: `${name} app` } }],
  });
  const [desk, wire] = await Promise.all([
    client.createWorkspace(unit, ws('Desk', 'com.example.consumer')),
    client.createWorkspace(unit, ws('Wire', 'com.example.provider')),
  ]);
  await Promise.all([
    client.createProfile(unit, { name: 'Editors', roles: ['user'], workspaces: [wire.id, desk.id] }),
    client.createProfile(unit, { name: 'Admins', roles: ['admin', 'power-user'], workspaces: [desk.id] }),
  ]);
}

/** Runs `tasks` with at most `limit` at once. */
export async function runLimited<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

/**
 * Makes the server forget every Idempotency-Key of the unfinished imports in `database`, as a real Dashboard does
 * once its keys expire: the journal is given a new id (and its step records moved to it), and a step's key is
 * derived from that id (src/backup/execute.ts). A resume must then find what was created by natural keys alone.
 * Reaches into the journal's stores (src/backup/journal-db.ts) on purpose.
 */
export async function forgetIdempotencyKeys(database: string): Promise<void> {
  const db = await openDB(database);
  try {
    const tx = db.transaction(['imports', 'steps'], 'readwrite');
    const imports = tx.objectStore('imports');
    const steps = tx.objectStore('steps');
    for (const record of (await imports.getAll()) as { id: string }[]) {
      const id = crypto.randomUUID();
      const range = IDBKeyRange.bound([record.id], [record.id, []]);
      const moved = (await steps.getAll(range)) as { journal: string }[];
      await steps.delete(range);
      for (const step of moved) await steps.put({ ...step, journal: id });
      await imports.put({ ...record, id });
    }
    await tx.done;
  } finally {
    db.close();
  }
}

export { unlikeItsUnit } from './unlike.js';

/** A unit with nothing in it. */
export const EMPTY_UNIT: UnitState = { plugins: [], workspaces: [], profiles: [], keys: [] };

/** Plugin number `i`: no configuration, no mappings (a unit of them is one chain of creates, steps.ts). */
export function barePlugin(i: number): Plugin {
  return {
    id: `p${i}`,
    bundle: `com.example.p${i}`,
    name: `P${i}`,
    version: '1',
    author: '',
    manifestUrl: 'https://x',
    enabled: true,
    configuration: {},
    permissions: [],
    permissionMappings: {},
    requirementMappings: { actions: {}, portals: {} },
  };
}

/** The tiny unit's backup (buildTinyUnit, exported from a world of its own), and a `small` world to import it into. */
export async function tinyBackupAndSmallWorld(): Promise<{ backup: OpenedBackup; world: World }> {
  const source = await createWorld('empty');
  await buildTinyUnit(source.client());
  const backup = await openBackup((await exportUnit(source.client(), PASSWORD, { iterations: TEST_ITERATIONS })).blob, PASSWORD);
  await source.drop();
  return { backup, world: await createWorld('small') };
}

/**
 * A client whose every call first waits for `gate()` (when it returns a promise): lets a test finish an
 * out-of-band change before the engine's next request, deterministically.
 */
export function gatedClient(client: DashboardClient, gate: () => Promise<unknown> | undefined): DashboardClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await gate();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
