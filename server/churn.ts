/**
 * The churn dev control: changes a unit right after a list page was served, as someone editing the Dashboard
 * between two page reads of an export would. `POST {base}/__dev/churn {rules}`: each rule watches the list reads
 * (`GET /units/{unit}/{collection}`) of one collection and, after the `afterPage`-th one from now (1-based), applies
 * its action after that read and the `times - 1` following ones (`times` 0 = every read from then on).
 */
import * as z from 'zod/mini';
import type { Collection, UnitStore } from './unit-store.js';
import type { World } from './world.js';
import { assignId } from './world.js';

/** One churn rule. */
export const ChurnRule = z.object({
  unit: z._default(z.string(), 'south-news'),
  collection: z.enum(['plugins', 'workspaces', 'profiles', 'keys']),
  /**
   * `add` appends a copy of the first item; `remove` deletes the first item nothing uses; `edit` renames the first
   * item (a key: changes its value); `replace` removes then adds, so the total stays the same.
   */
  action: z.enum(['add', 'remove', 'edit', 'replace']),
  afterPage: z._default(z.int().check(z.minimum(1)), 1),
  times: z._default(z.int().check(z.minimum(0)), 1),
});
export type ChurnRule = z.infer<typeof ChurnRule>;

/** Body of `POST {base}/__dev/churn`. */
export const ChurnRules = z.object({ rules: z.array(ChurnRule) });

/** A rule with its count of reads seen and actions applied. */
export interface ChurnState {
  rule: ChurnRule;
  seen: number;
  applied: number;
}

type Json = Record<string, unknown>;

/** Called after a list page of `collection` in `unit` was served: applies every rule that fires now. */
export function churnAfterListRead(world: World, unit: UnitStore, collection: Collection): void {
  for (const state of world.churn) {
    const { rule } = state;
    if (rule.unit !== unit.ref.id || rule.collection !== collection) continue;
    state.seen += 1;
    if (state.seen < rule.afterPage || (rule.times > 0 && state.applied >= rule.times)) continue;
    state.applied += 1;
    if (rule.action === 'remove' || rule.action === 'replace') remove(unit, collection);
    if (rule.action === 'add' || rule.action === 'replace') add(world, unit, collection, state.applied);
    if (rule.action === 'edit') edit(unit, collection, state.applied);
  }
}

/** Deletes the first item that nothing references (integrity holds, as after a real delete). */
function remove(unit: UnitStore, collection: Collection): void {
  const map = unit[collection] as Map<string, Json>;
  const used = new Set<string>();
  if (collection === 'workspaces') for (const p of unit.profiles.values()) for (const w of p.workspaces) used.add(w);
  if (collection === 'plugins') {
    for (const w of unit.workspaces.values()) for (const a of w.applications) used.add(a.plugin);
    for (const p of unit.plugins.values()) {
      for (const b of [...Object.values(p.requirementMappings.actions), ...Object.values(p.requirementMappings.portals)]) used.add(b);
    }
  }
  for (const [id, item] of map) {
    const name = collection === 'plugins' ? (item.bundle as string) : id;
    if (used.has(name)) continue;
    map.delete(id);
    return;
  }
}

/** Appends a copy of the first item under a new id and name. */
function add(world: World, unit: UnitStore, collection: Collection, n: number): void {
  const first = (unit[collection] as Map<string, Json>).values().next().value;
  if (!first) return;
  const copy: Json = structuredClone(first);
  if (collection === 'keys') {
    copy.key = `churn.added.${n}`;
    unit.keys.set(copy.key as string, copy as never);
    return;
  }
  copy.id = assignId(world, collection === 'plugins' ? 'pl' : collection === 'workspaces' ? 'ws' : 'pr');
  copy.name = `Churn ${n}`;
  if (collection === 'plugins') {
    copy.bundle = `org.churn.added${n}`;
    copy.requirementMappings = { actions: {}, portals: {} };
  }
  if (collection === 'workspaces') {
    copy.applications = (copy.applications as Json[]).map((a) => ({ ...a, id: assignId(world, 'app') }));
  }
  (unit[collection] as Map<string, Json>).set(copy.id as string, copy);
}

/** Renames the first item in place (a key gets a new value). */
function edit(unit: UnitStore, collection: Collection, n: number): void {
  const first = (unit[collection] as Map<string, Json>).values().next().value;
  if (!first) return;
  if (collection === 'keys') first.value = `churn edit ${n}`;
  else first.name = `${String(first.name)} (edit ${n})`;
}
