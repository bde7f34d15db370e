/**
 * Helpers of the selective restore tests: a unit a little larger than the tiny one (an extra provider chain, a
 * workspace no profile lists, a profile with a workspace of its own), and a byte-for-byte check that everything
 * not restored is exactly as it was (same ids, same fields, same relative order), read back from the server.
 */
import { expect } from '@open-wc/testing';
import type { DashboardClient } from '../../src/api/index.js';
import { exportUnit, openBackup, type OpenedBackup } from '../../src/backup/index.js';
import type { PluginInput, UnitState } from '../../src/schemas.js';
import { UNIT, createWorld, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit } from './helpers.js';

export const plugin = (bundle: string, mapsTo?: string): PluginInput => ({
  bundle,
  name: `Plugin ${bundle}`,
  version: '2.0.0',
  author: 'Newsroom',
  manifestUrl: `https://plugins.example/${bundle}/manifest.json`,
  enabled: true,
  configuration: { level: 1 },
  permissions: [],
  permissionMappings: {},
  requirementMappings: { actions: mapsTo ? { fetch: mapsTo } : {}, portals: {} },
});

export const workspace = (name: string, bundle: string, title = `${name} app`) => ({
  name,
  owner: 'admin',
  shared: false,
  layout: 'columns-2',
  icon: { text: name.slice(0, 1), color: '#993366' },
  applications: [{ plugin: bundle, column: 0, position: 0, config: { title } }],
});

/** The tiny unit plus: extra-provider ← mapped plugins, workspaces "Front page" and "Night desk", profile "Night". */
export async function buildSelectiveUnit(client: DashboardClient): Promise<void> {
  await buildTinyUnit(client);
  await client.createPlugin(UNIT, plugin('com.example.extra-provider'));
  await client.createPlugin(UNIT, plugin('com.example.mapped', 'com.example.extra-provider'));
  await client.createWorkspace(UNIT, workspace('Front page', 'com.example.provider'));
  const night = await client.createWorkspace(UNIT, workspace('Night desk', 'com.example.provider'));
  const wire = (await client.listWorkspaces(UNIT)).find((w) => w.name === 'Wire')!;
  await client.createProfile(UNIT, { name: 'Night', roles: ['user'], workspaces: [wire.id, night.id] });
}

/** A world holding the selective unit, and its backup. */
export async function selectiveWorld(): Promise<{ world: World; backup: OpenedBackup }> {
  const world = await createWorld('empty');
  await buildSelectiveUnit(world.client());
  const backup = await openBackup((await exportUnit(world.client(), PASSWORD, { iterations: TEST_ITERATIONS })).blob, PASSWORD);
  return { world, backup };
}

/** A section's entities by id (keys by key name), each as its exact JSON. */
function exact(state: UnitState): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of ['plugins', 'workspaces', 'profiles'] as const) state[s].forEach((e) => out.set(`${s}:${e.id}`, JSON.stringify(e)));
  state.keys.forEach((k) => out.set(`keys:${k.key}`, JSON.stringify(k)));
  return out;
}

/**
 * Checks that every entity of `before` whose label is not in `touched` (`section:label`, label = bundle, workspace
 * name, profile name, key) is in `after` byte for byte (same id and JSON), and in the same relative order.
 */
export function expectUntouched(before: UnitState, after: UnitState, touched: string[]): void {
  const skip = new Set(touched);
  const label = (s: string, e: Record<string, unknown>): string => `${s}:${String(e.bundle ?? e.name ?? e.key)}`;
  const a = exact(after);
  let count = 0;
  for (const s of ['plugins', 'workspaces', 'profiles', 'keys'] as const) {
    const kept = (before[s] as unknown as Record<string, unknown>[]).filter((e) => !skip.has(label(s, e)));
    for (const e of kept) {
      const id = s === 'keys' ? `keys:${String(e.key)}` : `${s}:${String(e.id)}`;
      expect(a.get(id), `${label(s, e)} unchanged`).to.equal(JSON.stringify(e));
      count++;
    }
    if (s === 'keys') continue;
    const ids = new Set(kept.map((e) => e.id));
    const order = (after[s] as unknown as Record<string, unknown>[]).filter((e) => ids.has(e.id)).map((e) => e.id);
    expect(order, `${s}: order of what was not restored`).to.deep.equal(kept.map((e) => e.id));
  }
  expect(count, 'entities checked').to.be.greaterThan(0);
}
