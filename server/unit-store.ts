/**
 * The state of one unit: its four collections, each a Map in creation order (a Map keeps insertion order, and a
 * key store upsert keeps the key where it was).
 */
import type { KeyEntry, Plugin, Profile, UnitRef, UnitState, Workspace } from '../src/schemas.js';

/** One unit of the reference Dashboard. */
export interface UnitStore {
  ref: UnitRef;
  plugins: Map<string, Plugin>;
  workspaces: Map<string, Workspace>;
  profiles: Map<string, Profile>;
  keys: Map<string, KeyEntry>;
}

/** The collections that have server-assigned ids. */
export type EntityCollection = 'plugins' | 'workspaces' | 'profiles';
/** Every collection, as the list routes name them. */
export type Collection = EntityCollection | 'keys';

/** Builds a unit store from a plain state (takes ownership of the objects). */
export function createUnitStore(ref: UnitRef, state: UnitState): UnitStore {
  return {
    ref,
    plugins: new Map(state.plugins.map((p) => [p.id, p])),
    workspaces: new Map(state.workspaces.map((w) => [w.id, w])),
    profiles: new Map(state.profiles.map((p) => [p.id, p])),
    keys: new Map(state.keys.map((k) => [k.key, k])),
  };
}

/** The unit's whole state as plain arrays, in creation order (for `__dev/state`). */
export function dumpUnitState(unit: UnitStore): UnitState {
  return {
    plugins: [...unit.plugins.values()],
    workspaces: [...unit.workspaces.values()],
    profiles: [...unit.profiles.values()],
    keys: [...unit.keys.values()],
  };
}
