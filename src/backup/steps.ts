/**
 * The step list of a restore: wipe the unit as it was (`base`), then create the backup (`source`). Each step has
 * a stable id built from its kind and its index in base or source, so a journal written by one page can be
 * matched step by step by the next page — the ids hold no names and no data. Dependencies (`after`) encode the
 * order the Dashboard's integrity rules need, and the order of the lists; everything else may run in parallel.
 *
 * Ordering rule (order is part of the state: the Dashboard lists plugins, workspaces and profiles in creation
 * order, docs/dashboard-api.md "Lists and pagination"):
 * - Each entity collection is created as a chain: `create-<kind>-i` waits for `create-<kind>-(i-1)`, so the
 *   Dashboard receives the creates of one collection in the backup's order. The three chains run in parallel
 *   with each other, bounded by the integrity dependencies (a workspace after its plugins, a profile after its
 *   workspaces). A profile's workspace list is sent in the backup's order.
 * - A plugin is created with its requirement mappings when every provider it names comes earlier in the backup
 *   (the chain has created it by then). When a provider comes later, or the plugin names itself (so also on every
 *   cycle), it is created without mappings in its place and `map-plugin-i` sets them once it and its providers
 *   exist. Mapping does not move a plugin in the list, so the order holds without a reorder call.
 * - So a run that stops part-way has created, in each collection, a prefix of the backup's list in order (plus at
 *   most one create whose answer was lost); steps recomputed from the live unit keep the order only if they create
 *   the rest of each list after that prefix, in the backup's order.
 * - Keys are not chained: the key store is a map whose list order is not part of the state (the contract lets
 *   a Dashboard list it in its own order), so its PUTs run in parallel and kept keys are replaced in place. Nothing
 *   the Dashboard checks links entities to keys, so the chains start as soon as the wipe is done and the key PUTs
 *   fill the concurrency window around them (execute.ts runs steps something waits for first).
 * - With the optional reorder route (`reorder: true`: the session offers it, docs/dashboard-api.md "Reordering
 *   (optional)"), there are no chains: every create waits only for what the integrity rules need (a plugin for
 *   its providers, unless it is on a cycle or maps to itself: then it is created without mappings and mapped
 *   after), and one `reorder-<collection>` step per collection, after all its creates, sets the backup's order.
 *   The three reorder steps are always there in that mode (even for an empty list). A resume or rollback
 *   converges (converge.ts) with chained creates after the prefix it adopts, whatever order the run left.
 */
import type { OrderedCollection } from '../api/client.js';
import type { UnitState } from '../schemas.js';
import { findCyclicPlugins, providerIndices } from './graph.js';

/** What a step does. Wipe kinds index into base, create kinds into source; gates only join dependencies. */
export type StepKind =
  | 'deleteProfile'
  | 'deleteWorkspace'
  | 'unmapPlugin'
  | 'deletePlugin'
  | 'deleteKey'
  | 'putKey'
  | 'createPlugin'
  | 'mapPlugin'
  | 'createWorkspace'
  | 'createProfile'
  | 'reorder'
  | 'gate';

/** One step of a restore. */
export interface Step {
  id: string;
  kind: StepKind;
  /** Index into base (wipe kinds) or source (create kinds); -1 for gates. */
  index: number;
  /** Ids of the steps that must be done first. */
  after: string[];
  phase: 'wipe' | 'create';
  /** createPlugin only: send the requirement mappings with the create (false on a cycle: a mapPlugin step follows). */
  withMappings?: boolean;
  /** reorder only: the collection whose order it sets. */
  collection?: OrderedCollection;
}

/** How the steps are built. */
export interface StepOptions {
  /** The Dashboard offers the reorder route: create in parallel, then set each collection's order in one call. */
  reorder?: boolean;
}

const REORDER_PREFIX = 'reorder-';
const ORDERED: OrderedCollection[] = ['plugins', 'workspaces', 'profiles'];


/** Gate: every wipe step is done. */
export const GATE_WIPED = 'gate-wiped';
/** Gate: profiles, workspaces and plugins are gone (the key store is wiped after them). */
export const GATE_ENTITIES_WIPED = 'gate-entities-wiped';

/** Id of the step that creates source entity `index` of `kind` (used to look up its new id). */
export const createStepId = (kind: 'plugin' | 'workspace' | 'profile', index: number): string => `create-${kind}-${index}`;

function group<K>(pairs: [K, number][]): Map<K, number[]> {
  const map = new Map<K, number[]>();
  for (const [k, i] of pairs) {
    const list = map.get(k);
    if (list) {
      if (list[list.length - 1] !== i) list.push(i);
    } else map.set(k, [i]);
  }
  return map;
}

/** The wipe steps for `base`. Keys that `source` writes anyway are not deleted (the PUT replaces them). */
function wipeSteps(base: UnitState, source: UnitState): Step[] {
  const steps: Step[] = [];
  const profilesByWs = group(base.profiles.flatMap((p, i) => p.workspaces.map((w): [string, number] => [w, i])));
  const wsByBundle = group(base.workspaces.flatMap((w, i) => w.applications.map((a): [string, number] => [a.plugin, i])));
  base.profiles.forEach((_, i) => steps.push({ id: `wipe-profile-${i}`, kind: 'deleteProfile', index: i, after: [], phase: 'wipe' }));
  base.workspaces.forEach((w, i) => {
    const after = (profilesByWs.get(w.id) ?? []).map((p) => `wipe-profile-${p}`);
    steps.push({ id: `wipe-workspace-${i}`, kind: 'deleteWorkspace', index: i, after, phase: 'wipe' });
  });
  const providers = providerIndices(base.plugins);
  const cyclic = findCyclicPlugins(providers);
  // A plugin on a cycle has its mappings cleared first; then nothing it depends on waits for it.
  for (const i of [...cyclic].sort((a, b) => a - b)) {
    steps.push({ id: `unmap-plugin-${i}`, kind: 'unmapPlugin', index: i, after: [], phase: 'wipe' });
  }
  const dependents = group(providers.flatMap((ps, d) => ps.map((p): [number, number] => [p, d])));
  base.plugins.forEach((p, i) => {
    const after = (wsByBundle.get(p.bundle) ?? []).map((w) => `wipe-workspace-${w}`);
    for (const d of dependents.get(i) ?? []) {
      if (d !== i) after.push(cyclic.has(d) ? `unmap-plugin-${d}` : `wipe-plugin-${d}`);
    }
    if (cyclic.has(i)) after.push(`unmap-plugin-${i}`);
    steps.push({ id: `wipe-plugin-${i}`, kind: 'deletePlugin', index: i, after, phase: 'wipe' });
  });
  steps.push({ id: GATE_ENTITIES_WIPED, kind: 'gate', index: -1, after: steps.map((s) => s.id), phase: 'wipe' });
  const kept = new Set(source.keys.map((k) => k.key));
  base.keys.forEach((k, i) => {
    if (!kept.has(k.key)) {
      steps.push({ id: `wipe-key-${i}`, kind: 'deleteKey', index: i, after: [GATE_ENTITIES_WIPED], phase: 'wipe' });
    }
  });
  steps.push({ id: GATE_WIPED, kind: 'gate', index: -1, after: steps.map((s) => s.id), phase: 'wipe' });
  return steps;
}

/** The previous create of the same collection, so a collection's creates reach the Dashboard in its order. */
const chained = (kind: 'plugin' | 'workspace' | 'profile', i: number): string[] => (i > 0 ? [createStepId(kind, i - 1)] : []);

/** The create steps for `source`: the key store, and one chain per collection beside it (see the ordering rule above). */
function createSteps(source: UnitState, reorder: boolean): Step[] {
  // With a reorder step at the end, nothing waits for the previous create of its collection.
  const previous = (kind: 'plugin' | 'workspace' | 'profile', i: number): string[] => (reorder ? [] : chained(kind, i));
  const steps: Step[] = [];
  source.keys.forEach((_, i) => steps.push({ id: `put-key-${i}`, kind: 'putKey', index: i, after: [GATE_WIPED], phase: 'create' }));
  const providers = providerIndices(source.plugins);
  // Chained: providers earlier in the chain exist when plugin i is created; a later one (or itself) means mapping
  // after. Reordered: a plugin waits for its providers' creates, unless it is on a cycle (or maps to itself).
  const cyclic = reorder ? findCyclicPlugins(providers) : new Set<number>();
  const later = source.plugins.map((_, i) => (reorder ? cyclic.has(i) : providers[i]!.some((p) => p >= i)));
  source.plugins.forEach((_, i) => {
    const waitFor = reorder && !later[i] ? providers[i]!.map((p) => createStepId('plugin', p)) : [];
    const after = [GATE_WIPED, ...previous('plugin', i), ...waitFor];
    steps.push({ id: createStepId('plugin', i), kind: 'createPlugin', index: i, after, phase: 'create', withMappings: !later[i] });
  });
  source.plugins.forEach((_, i) => {
    if (!later[i]) return;
    const after = [createStepId('plugin', i), ...providers[i]!.map((p) => createStepId('plugin', p))];
    steps.push({ id: `map-plugin-${i}`, kind: 'mapPlugin', index: i, after: [...new Set(after)], phase: 'create' });
  });
  const pluginByBundle = new Map(source.plugins.map((p, i) => [p.bundle, i]));
  source.workspaces.forEach((w, i) => {
    const plugins = new Set(w.applications.map((a) => pluginByBundle.get(a.plugin)).filter((p) => p !== undefined));
    const after = [GATE_WIPED, ...previous('workspace', i), ...[...plugins].map((p) => createStepId('plugin', p))];
    steps.push({ id: createStepId('workspace', i), kind: 'createWorkspace', index: i, after, phase: 'create' });
  });
  const wsById = new Map(source.workspaces.map((w, i) => [w.id, i]));
  source.profiles.forEach((p, i) => {
    const ws = new Set(p.workspaces.map((id) => wsById.get(id)).filter((w) => w !== undefined));
    const after = [GATE_WIPED, ...previous('profile', i), ...[...ws].map((w) => createStepId('workspace', w))];
    steps.push({ id: createStepId('profile', i), kind: 'createProfile', index: i, after, phase: 'create' });
  });
  if (reorder) {
    for (const collection of ORDERED) {
      const kind = collection === 'plugins' ? 'plugin' : collection === 'workspaces' ? 'workspace' : 'profile';
      const after = [GATE_WIPED, ...source[collection].map((_, i) => createStepId(kind, i))];
      steps.push({ id: `${REORDER_PREFIX}${collection}`, kind: 'reorder', index: -1, after, phase: 'create', collection });
    }
  }
  return steps;
}

/**
 * Every step of restoring `source` over `base`, in a deterministic order (same input and options → same ids and
 * order).
 */
export function buildSteps(base: UnitState, source: UnitState, options: StepOptions = {}): Step[] {
  return [...wipeSteps(base, source), ...createSteps(source, options.reorder === true)];
}
