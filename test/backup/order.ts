/**
 * The order of a unit's lists, as a person sees them: plugin bundles, workspace names and owners, profile names
 * with the positions of their workspaces. Written here, not taken from src/backup/compare.ts, so a restore that
 * loses order fails these tests even if verification ignored order.
 */
import type { DashboardClient } from '../../src/api/index.js';
import type { UnitState } from '../../src/schemas.js';

/** The ordered view of a unit (keys left out: the key store's order is not part of the state). */
export interface OrderView {
  plugins: string[];
  workspaces: string[];
  profiles: string[];
}

type Listed = Pick<UnitState, 'plugins' | 'workspaces' | 'profiles'>;

/** Each list in order; a profile names its workspaces by their position in the workspace list. */
export function orderOf(unit: Listed): OrderView {
  const position = new Map(unit.workspaces.map((w, i) => [w.id, i]));
  return {
    plugins: unit.plugins.map((p) => p.bundle),
    workspaces: unit.workspaces.map((w) => `${w.name} · ${w.owner}`),
    profiles: unit.profiles.map((p) => `${p.name} → ${p.workspaces.map((id) => position.get(id) ?? `missing ${id}`).join(',')}`),
  };
}

/** The ordered view of a unit read through the client's list calls (what the Dashboard shows its users). */
export async function listedOrder(client: DashboardClient, unit: string): Promise<OrderView> {
  const [plugins, workspaces, profiles] = await Promise.all([
    client.listPlugins(unit),
    client.listWorkspaces(unit),
    client.listProfiles(unit),
  ]);
  return orderOf({ plugins: plugins as UnitState['plugins'], workspaces: workspaces as UnitState['workspaces'], profiles });
}

/** A deterministic permutation of `items` that moves every item (a rotation by half, then reversed halves). */
export function scramble<T>(items: T[]): T[] {
  const half = Math.ceil(items.length / 2);
  return [...items.slice(0, half).reverse(), ...items.slice(half).reverse()].reverse();
}

/**
 * `unit` with every collection and every profile's workspace list scrambled, plugins reversed (so consumers come
 * before the providers they map to): an order no creation in parallel or by dependency would reproduce.
 */
export function adversarialOrder(unit: UnitState): UnitState {
  return {
    plugins: [...unit.plugins].reverse(),
    workspaces: scramble(unit.workspaces),
    profiles: scramble(unit.profiles).map((p) => ({ ...p, workspaces: scramble(p.workspaces) })),
    keys: scramble(unit.keys),
  };
}
