/**
 * Convergence: what is left to do to turn the unit as it is now into a target (the backup on resume, the safety
 * snapshot on rollback), whatever happened in between — a crash, a colleague's edits, a second import. Nothing
 * is replayed from the journal: entities that already exist as the target wants are adopted, the rest is wiped and
 * created with buildSteps (steps.ts) over the remainders.
 *
 * Order is part of a unit's state (the Dashboard lists each collection in creation order; a create appends), so an
 * entity is adopted only while it keeps its place: per collection, the adopted entities are a prefix of the target's
 * order and appear in that order live (entities in between are deleted). From the first target entity that cannot
 * be matched on, everything is deleted and recreated. An entity is adopted only when everything it depends on is
 * adopted too (a plugin's providers, a workspace's plugins, a profile's workspaces), since those would otherwise be
 * deleted under it.
 */
import { withoutServerOwned } from '../fields.js';
import type { Plugin, Profile, UnitState } from '../schemas.js';
import { canonicalJson, pluginContent, workspaceContent } from './compare.js';
import type { OrderedCollection } from '../api/client.js';
import { buildSteps, type Step, type StepOptions } from './steps.js';
import { createEntityPacer } from '../payload.js';

const countEntities = (u: UnitState): number => u.plugins.length + u.workspaces.length + u.profiles.length + u.keys.length;

/** The remainders to wipe and create, the steps doing it, and the ids adopted. */
export interface Convergence {
  /** Live entities to delete (keys: to delete or overwrite). */
  base: UnitState;
  /** Target entities still to create (keys: to write). */
  source: UnitState;
  steps: Step[];
  /** Target workspace id → live id of the workspace adopted for it (profiles created later link to it). */
  adoptedWorkspaces: Map<string, string>;
  /** How many entities were adopted, per collection. */
  adopted: { plugins: number; workspaces: number; profiles: number; keys: number };
  /** Live ids of the adopted entities of each ordered collection, in order (a reorder step lists them first). */
  kept: Record<OrderedCollection, string[]>;
}

/**
 * The longest prefix of the target found, in order, in the live collection (greedy: each target entity takes the
 * first equal live entity after the last one taken), stopping at the first target entity that is not found or not
 * `allowed`. Entities are compared by their content strings, computed once each; the live positions of each
 * content are indexed, so the search is linear in the two collections, not their product.
 * @returns pairs [target index, live index].
 */
function adoptPrefix(target: string[], live: string[], allowed: (t: number) => boolean = () => true): [number, number][] {
  const positions = new Map<string, number[]>();
  live.forEach((content, l) => {
    const list = positions.get(content);
    if (list) list.push(l);
    else positions.set(content, [l]);
  });
  // Per content, how many of its positions lie before the last one taken (positions only ever move forward).
  const cursor = new Map<string, number>();
  const pairs: [number, number][] = [];
  let from = 0;
  for (let t = 0; t < target.length; t++) {
    if (!allowed(t)) break;
    const content = target[t]!;
    const list = positions.get(content);
    if (!list) break;
    let i = cursor.get(content) ?? 0;
    while (i < list.length && list[i]! < from) i++;
    cursor.set(content, i);
    if (i >= list.length) break;
    pairs.push([t, list[i]!]);
    from = list[i]! + 1;
  }
  return pairs;
}

const providers = (p: Plugin): string[] => [
  ...Object.values(p.requirementMappings.actions),
  ...Object.values(p.requirementMappings.portals),
];

/** Plugins adopted: a prefix whose every provider bundle is adopted too (shrunk until that holds). */
function adoptPlugins(target: Plugin[], targetContents: string[], liveContents: string[]): [number, number][] {
  let limit = target.length;
  for (;;) {
    const pairs = adoptPrefix(targetContents.slice(0, limit), liveContents);
    const bundles = new Set(pairs.map(([t]) => target[t]!.bundle));
    const bad = pairs.findIndex(([t]) => providers(target[t]!).some((b) => !bundles.has(b)));
    if (bad < 0) return pairs;
    limit = bad;
  }
}

/**
 * Computes the adoption and the steps that turn `current` into `target`. Pure (no I/O), but yields to the page
 * between slices of entities. A fresh import uses it as resume and
 * rollback do (`options.reorder` where the Dashboard offers the reorder route), so what already stands as the
 * backup wants — in place, with what it references — is kept instead of deleted and created again.
 */
export async function planConvergence(
  current: UnitState,
  target: UnitState,
  options: StepOptions = {},
): Promise<Convergence> {
  // Every entity's content is serialized once, yielding to the page between slices: on a large unit this is the
  // bulk of the work (a canonical JSON per entity on each side), and done in one go it was a long main-thread task.
  const pacer = createEntityPacer(countEntities(current) + countEntities(target));
  const contents = async <T>(items: T[], content: (item: T) => string): Promise<string[]> => {
    const out: string[] = [];
    for (const item of items) {
      out.push(content(item));
      await pacer.step();
    }
    return out;
  };
  const plugins = adoptPlugins(target.plugins, await contents(target.plugins, pluginContent), await contents(current.plugins, pluginContent));
  const bundles = new Set(plugins.map(([t]) => target.plugins[t]!.bundle));
  const workspaces = adoptPrefix(
    await contents(target.workspaces, workspaceContent),
    await contents(current.workspaces, workspaceContent),
    (t) => target.workspaces[t]!.applications.every((a) => bundles.has(a.plugin)),
  );
  const liveToTarget = new Map(workspaces.map(([t, l]) => [current.workspaces[l]!.id, target.workspaces[t]!.id]));
  // Every field but the server-owned ones (unknown ones included, as verification compares them), the workspaces
  // by what they point at: a profile differing in any other field is recreated, not adopted.
  const profileShape = (p: Profile, map: (id: string) => string | undefined) =>
    canonicalJson({ ...withoutServerOwned(p), workspaces: p.workspaces.map(map) });
  const targetIds = new Set(liveToTarget.values());
  const profiles = adoptPrefix(
    await contents(target.profiles, (p) => profileShape(p, (id) => id)),
    await contents(current.profiles, (p) => profileShape(p, (id) => liveToTarget.get(id) ?? `?${id}`)),
    (t) => target.profiles[t]!.workspaces.every((id) => targetIds.has(id)),
  );
  const keyOf = (k: { key: string; value: string; secret: boolean }) => canonicalJson(k);
  const liveKeyContents = await contents(current.keys, keyOf);
  const targetKeyContents = await contents(target.keys, keyOf);
  const liveKeys = new Set(liveKeyContents);
  const targetKeys = new Set(targetKeyContents);
  pacer.finish();

  const rest = <T>(all: T[], taken: Set<number>): T[] => all.filter((_, i) => !taken.has(i));
  const col = (pairs: [number, number][], side: 0 | 1) => new Set(pairs.map((p) => p[side]));
  const base: UnitState = {
    plugins: rest(current.plugins, col(plugins, 1)),
    workspaces: rest(current.workspaces, col(workspaces, 1)),
    profiles: rest(current.profiles, col(profiles, 1)),
    keys: current.keys.filter((_, i) => !targetKeys.has(liveKeyContents[i]!)),
  };
  const source: UnitState = {
    plugins: rest(target.plugins, col(plugins, 0)),
    workspaces: rest(target.workspaces, col(workspaces, 0)),
    profiles: rest(target.profiles, col(profiles, 0)),
    keys: target.keys.filter((_, i) => !liveKeys.has(targetKeyContents[i]!)),
  };
  return {
    base,
    source,
    steps: buildSteps(base, source, options),
    adoptedWorkspaces: new Map(workspaces.map(([t, l]) => [target.workspaces[t]!.id, current.workspaces[l]!.id])),
    adopted: {
      plugins: plugins.length,
      workspaces: workspaces.length,
      profiles: profiles.length,
      keys: target.keys.length - source.keys.length,
    },
    kept: {
      plugins: plugins.map(([, l]) => current.plugins[l]!.id),
      workspaces: workspaces.map(([, l]) => current.workspaces[l]!.id),
      profiles: profiles.map(([, l]) => current.profiles[l]!.id),
    },
  };
}
