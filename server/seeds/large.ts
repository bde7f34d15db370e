/**
 * The `large` seed for benchmarks: South News holds 300 plugins, 2,000 workspaces, 500 profiles and 5,000 keys;
 * North News is empty (a clean import target). Deterministic (seeded PRNG) and built in well under a second.
 */
import type { Application, KeyEntry, Plugin, Profile, Role, Workspace } from '../../src/schemas.js';
import { createPicker } from '../prng.js';
import { svgIcon } from './icons.js';
import type { SeedUnit } from './index.js';

/** Volumes of the large seed. */
export const LARGE_COUNTS = { plugins: 300, workspaces: 2000, profiles: 500, keys: 5000 } as const;

const ROLES: Role[] = ['admin', 'power-user', 'user', 'readonly'];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Builds the `large` seed's two units. */
export function buildLargeSeed(): SeedUnit[] {
  const pick = createPicker(424242);
  const bundles = Array.from({ length: LARGE_COUNTS.plugins }, (_, i) => `com.large.plugin-${pad(i + 1, 3)}`);
  const plugins: Plugin[] = bundles.map((bundle, i) => {
    const actions: Record<string, string> = {};
    const portals: Record<string, string> = {};
    // mappings point at any plugin, before or after this one, so cycles occur as in a real installation
    for (let k = pick.int(0, 3); k > 0; k--) actions[`action-${k}`] = pick.pick(bundles);
    for (let k = pick.int(0, 2); k > 0; k--) portals[`portal-${k}`] = pick.pick(bundles);
    const permissions = Array.from({ length: pick.int(1, 4) }, (_, p) => ({
      id: `p${i + 1}.perm-${p + 1}`,
      label: `Permission ${p + 1} of plugin ${i + 1}`,
      description: 'Generated permission for benchmarks.',
    }));
    return {
      id: `pl_l${pad(i + 1, 3)}`,
      bundle,
      name: `Plugin ${i + 1} ${pick.pick(['Wire', 'Media', 'Planner', 'Météo', '翻訳', 'أرشيف', 'Live 🔴'])}`,
      version: `${pick.int(0, 9)}.${pick.int(0, 20)}.${pick.int(0, 99)}`,
      author: `Vendor ${pick.int(1, 40)}`,
      description: `Benchmark plugin number ${i + 1}.`,
      manifestUrl: `https://plugins.large.example/${bundle}/manifest.json`,
      enabled: pick.chance(0.9),
      configuration: { level: pick.int(1, 5), options: { a: pick.chance(0.5), list: [1, 2, 3], nested: { deep: { value: pick.token(8) } } } },
      permissions,
      permissionMappings: Object.fromEntries(permissions.map((p) => [p.id, ROLES.slice(0, pick.int(1, 4))])),
      requirementMappings: { actions, portals },
      ...(i % 3 === 0 ? { icon: svgIcon(`P${i % 10}`, '#1d4ed8') } : {}),
    };
  });
  let app = 0;
  const workspaces: Workspace[] = Array.from({ length: LARGE_COUNTS.workspaces }, (_, i) => {
    const applications: Application[] = Array.from({ length: pick.int(1, 6) }, (_, a) => ({
      id: `app_l${pad(++app, 5)}`,
      plugin: pick.pick(bundles),
      column: a % 3,
      position: Math.floor(a / 3),
      config: { title: `App ${a + 1}`, view: { pageSize: pick.int(5, 50), sort: { by: 'updated', descending: true } }, tags: ['bench', pick.token(6)] },
    }));
    return {
      id: `ws_l${pad(i + 1, 4)}`,
      name: `Workspace ${i + 1} ${pick.pick(['Desk', 'Bureau', '支局', 'مكتب', '🗞️'])}`,
      owner: pick.pick(['admin', 'editor', 'u_bench']),
      shared: pick.chance(0.5),
      layout: pick.pick(['one-column', 'two-columns', 'three-columns']),
      icon: { text: `W${i % 100}`, color: '#475569' },
      applications,
    };
  });
  const profiles: Profile[] = Array.from({ length: LARGE_COUNTS.profiles }, (_, i) => {
    const listed = new Set<string>();
    for (let k = pick.int(0, 8); k > 0; k--) listed.add(pick.pick(workspaces).id);
    return { id: `pr_l${pad(i + 1, 3)}`, name: `Profile ${i + 1}`, roles: [pick.pick(ROLES)], workspaces: [...listed] };
  });
  const keys: KeyEntry[] = Array.from({ length: LARGE_COUNTS.keys }, (_, i) => {
    const secret = i % 5 === 0;
    return { key: `bench.service-${pad(Math.floor(i / 10), 3)}.key-${i % 10}`, value: secret ? `nrt_bench_${pick.token(40)}` : `value-${i}`, secret };
  });
  return [
    { ref: { id: 'south-news', name: 'South News' }, state: { plugins, workspaces, profiles, keys } },
    { ref: { id: 'north-news', name: 'North News' }, state: { plugins: [], workspaces: [], profiles: [], keys: [] } },
  ];
}
