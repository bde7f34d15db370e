/**
 * Selective restore, part 2: the unit a selective restore must end with (its *target*), computed from the live
 * unit, the backup and the chosen entities. A selective run is then a convergence towards that target
 * (converge.ts): whatever the target keeps stands where it is and is adopted, untouched.
 *
 * Rules (README, "Selective restore"):
 * - chosen and missing here → created; chosen and different → the unit's version is deleted and the backup's
 *   created; chosen and equal → nothing. Nothing not chosen is changed, except the dependencies below.
 * - Missing dependencies are pulled in from the backup (a workspace's plugins, a plugin's provider plugins, a
 *   profile's workspaces), each with its reason, unless `dependencies: 'refuse'` (then DANGLING_REFERENCE).
 * - The Dashboard has no update route for plugins, workspaces and profiles, and refuses to delete what is in use,
 *   so replacing one recreates what depends on it in the unit: plugins mapping to a replaced plugin, workspaces
 *   using a replaced plugin, profiles listing a replaced workspace (with the same content, linked to the new
 *   version). They are listed as dependencies with their reason.
 * - Order: there is no reorder route and a create appends, so everything created goes to the end of its list —
 *   first the unit's own recreated entities in their order, then the backup's in the backup's order. The rest keep
 *   their places. Keys are replaced in place (a key store has no order).
 */
import { ValidationError } from '../errors.js';
import type { Plugin, Profile, UnitState, Workspace } from '../schemas.js';
import { canonicalJson, pluginContent, workspaceContent } from './compare.js';
import { describeDependency } from './describe.js';
import type { DependencyReason } from './facts.js';
import { matchUnits, type Matching } from './selection.js';
import type { SectionName } from './types.js';

/** An entity the admin did not choose that the selective restore creates or recreates anyway, and why. */
export interface SelectiveDependency {
  section: SectionName;
  label: string;
  /** `create`: missing here, taken from the backup; `recreate`: the unit's own, deleted and created again. */
  action: 'create' | 'recreate';
  /** Why, as a fact naming what needs it, which the elements say in the reader's language. */
  why: DependencyReason;
  /** Why, in English (describeDependency of `why`), for programmatic users and logs. */
  reason: string;
}

/** The target of a selective restore and what it takes. */
export interface SelectiveTarget {
  target: UnitState;
  dependencies: SelectiveDependency[];
}

const providersOf = (p: Plugin): string[] => [...Object.values(p.requirementMappings.actions), ...Object.values(p.requirementMappings.portals)];
const wsLabel = (w: Workspace): string => `${w.name} (${w.owner})`;
/** Id given in the target to a backup workspace, so it never collides with a live id (same unit, same server ids). */
export const restoredId = (id: string): string => `restored:${id}`;

/**
 * Computes the target of restoring the chosen backup entities (`chosen`: backup indices per section) into `live`.
 * @throws ValidationError DANGLING_REFERENCE when a dependency is missing and `dependencies` is `'refuse'`.
 */
export function selectiveTarget(
  live: UnitState,
  backup: UnitState,
  chosen: Record<SectionName, Set<number>>,
  o: { dependencies?: 'include' | 'refuse' } = {},
  m: Matching = matchUnits(backup, live),
): SelectiveTarget {
  const deps: SelectiveDependency[] = [];
  const cp = new Set(chosen.plugins);
  const cw = new Set(chosen.workspaces);
  const liveBundles = new Set(live.plugins.map((p) => p.bundle));
  const backupPlugin = new Map(backup.plugins.map((p, i) => [p.bundle, i]));
  const backupWs = new Map(backup.workspaces.map((w, i) => [w.id, i]));
  const pull = (section: SectionName, set: Set<number>, i: number, label: string, why: DependencyReason) => {
    if (set.has(i)) return false;
    set.add(i);
    deps.push({ section, label, action: 'create', why, reason: describeDependency(why) });
    return true;
  };
  // Missing dependencies, to a fixpoint: profiles → workspaces → plugins → providers.
  for (const i of chosen.profiles) {
    for (const id of backup.profiles[i]!.workspaces) {
      const w = backupWs.get(id);
      if (w !== undefined && !m.workspaces.has(w)) pull('workspaces', cw, w, wsLabel(backup.workspaces[w]!), { code: 'profile-lists', by: backup.profiles[i]!.name });
    }
  }
  for (const i of cw) {
    for (const a of backup.workspaces[i]!.applications) {
      const p = backupPlugin.get(a.plugin);
      if (p !== undefined && !liveBundles.has(a.plugin)) pull('plugins', cp, p, a.plugin, { code: 'workspace-uses', by: wsLabel(backup.workspaces[i]!) });
    }
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const i of [...cp]) {
      for (const b of providersOf(backup.plugins[i]!)) {
        const p = backupPlugin.get(b);
        if (p !== undefined && !liveBundles.has(b)) grew = pull('plugins', cp, p, b, { code: 'plugin-maps', by: backup.plugins[i]!.bundle }) || grew;
      }
    }
  }
  if (deps.length > 0 && o.dependencies === 'refuse') {
    throw new ValidationError(
      'DANGLING_REFERENCE',
      `What you chose needs ${deps.length} item(s) this unit does not have: choose them too, or let the restore bring them in.`,
      deps.map((d) => ({ path: [d.section, d.label], message: d.reason })),
    );
  }
  return { target: buildTarget(live, backup, { cp, cw, cpr: chosen.profiles, ck: chosen.keys }, m, deps), dependencies: deps };
}

/** The target unit: kept entities in place, recreated ones appended (see the rules at the top). */
function buildTarget(
  live: UnitState,
  backup: UnitState,
  c: { cp: Set<number>; cw: Set<number>; cpr: Set<number>; ck: Set<number> },
  m: Matching,
  deps: SelectiveDependency[],
): UnitState {
  const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
  // Which live entities go away (replaced by a chosen backup version that differs).
  const replacedPlugins = new Set([...c.cp].flatMap((i) => { const j = m.plugins.get(i); return j !== undefined && pluginContent(backup.plugins[i]!) !== pluginContent(live.plugins[j]!) ? [j] : []; }));
  const replacedWs = new Set([...c.cw].flatMap((i) => { const j = m.workspaces.get(i); return j !== undefined && workspaceContent(backup.workspaces[i]!) !== workspaceContent(live.workspaces[j]!) ? [j] : []; }));
  const chosenPlugins = [...c.cp].filter((i) => { const j = m.plugins.get(i); return j === undefined || replacedPlugins.has(j); });
  const chosenWs = [...c.cw].filter((i) => { const j = m.workspaces.get(i); return j === undefined || replacedWs.has(j); });
  // Recreated live plugins: mapping (transitively) to a replaced or recreated plugin.
  const gone = new Set([...replacedPlugins].map((j) => live.plugins[j]!.bundle));
  const recreatedPlugins = new Set<number>();
  for (let grew = true; grew; ) {
    grew = false;
    live.plugins.forEach((p, j) => {
      if (replacedPlugins.has(j) || recreatedPlugins.has(j)) return;
      const needs = providersOf(p).find((b) => gone.has(b));
      if (needs === undefined) return;
      recreatedPlugins.add(j);
      gone.add(p.bundle);
      deps.push(recreate('plugins', p.bundle, { code: 'maps-replaced', by: needs }));
      grew = true;
    });
  }
  const recreatedWs = new Set<number>();
  live.workspaces.forEach((w, j) => {
    if (replacedWs.has(j)) return;
    const needs = w.applications.find((a) => gone.has(a.plugin));
    if (!needs) return;
    recreatedWs.add(j);
    deps.push(recreate('workspaces', wsLabel(w), { code: 'uses-replaced', by: needs.plugin }));
  });
  // Live workspace id → target id of what stands for it in the end (itself, or the backup version replacing it).
  const wsTarget = new Map(live.workspaces.map((w) => [w.id, w.id]));
  for (const i of chosenWs) {
    const j = m.workspaces.get(i);
    if (j !== undefined) wsTarget.set(live.workspaces[j]!.id, restoredId(backup.workspaces[i]!.id));
  }
  const goneWs = new Set([...replacedWs, ...recreatedWs].map((j) => live.workspaces[j]!.id));
  // A backup profile's workspace → the chosen backup version, else the live match's target id.
  const backupWsTarget = (id: string): string => {
    const i = backup.workspaces.findIndex((w) => w.id === id);
    if (chosenWs.includes(i)) return restoredId(id);
    const j = m.workspaces.get(i);
    return j !== undefined ? wsTarget.get(live.workspaces[j]!.id)! : restoredId(id);
  };
  const replacedProfiles = new Set<number>();
  const profilesChosen = [...c.cpr].filter((i) => {
    const j = m.profiles.get(i);
    if (j === undefined) return true;
    const l = live.profiles[j]!;
    const mapped = { ...backup.profiles[i]!, workspaces: backup.profiles[i]!.workspaces.map(backupWsTarget) };
    const unchanged = same(stripProfile(mapped), stripProfile({ ...l, workspaces: l.workspaces.map((id) => wsTarget.get(id)!) }));
    if (unchanged && !l.workspaces.some((id) => goneWs.has(id))) return false;
    replacedProfiles.add(j);
    return true;
  });
  const recreatedProfiles = new Set<number>();
  live.profiles.forEach((p, j) => {
    if (replacedProfiles.has(j)) return;
    const needs = p.workspaces.find((id) => goneWs.has(id));
    if (needs === undefined) return;
    recreatedProfiles.add(j);
    const w = live.workspaces.find((x) => x.id === needs)!;
    deps.push(recreate('profiles', p.name, { code: 'lists-replaced', by: wsLabel(w) }));
  });
  const sorted = (s: Iterable<number>) => [...s].sort((a, b) => a - b);
  const keep = <T>(list: T[], ...out: Set<number>[]) => list.filter((_, j) => !out.some((s) => s.has(j)));
  const keyIndex = new Map([...c.ck].map((i) => [backup.keys[i]!.key, i]));
  return {
    plugins: [
      ...keep(live.plugins, replacedPlugins, recreatedPlugins),
      ...sorted(recreatedPlugins).map((j) => live.plugins[j]!),
      ...sorted(chosenPlugins).map((i) => backup.plugins[i]!),
    ],
    workspaces: [
      ...keep(live.workspaces, replacedWs, recreatedWs),
      ...sorted(recreatedWs).map((j) => live.workspaces[j]!),
      ...sorted(chosenWs).map((i) => ({ ...backup.workspaces[i]!, id: restoredId(backup.workspaces[i]!.id) })),
    ],
    profiles: [
      ...keep(live.profiles, replacedProfiles, recreatedProfiles),
      ...sorted(recreatedProfiles).map((j) => ({ ...live.profiles[j]!, workspaces: live.profiles[j]!.workspaces.map((id) => wsTarget.get(id)!) })),
      ...sorted(profilesChosen).map((i) => ({ ...backup.profiles[i]!, id: restoredId(backup.profiles[i]!.id), workspaces: backup.profiles[i]!.workspaces.map(backupWsTarget) })),
    ],
    keys: [
      ...live.keys.map((k) => { const i = keyIndex.get(k.key); return i === undefined ? k : backup.keys[i]!; }),
      ...sorted(c.ck).filter((i) => !m.keys.has(i)).map((i) => backup.keys[i]!),
    ],
  };
}

/** A dependency the unit has and the restore deletes and creates again, as it is. */
const recreate = (section: SectionName, label: string, why: DependencyReason): SelectiveDependency => ({
  section,
  label,
  action: 'recreate',
  why,
  reason: describeDependency(why),
});

/** A profile without server-owned fields, references as given. */
const stripProfile = (p: Profile): unknown => {
  const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = p;
  return rest;
};
