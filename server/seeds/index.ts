/**
 * Seeds: `small` (the newsroom demo data), `large` (benchmark volumes) and `empty`. Each is built once,
 * deterministically, and copied into every world that uses it.
 */
import type { UnitRef, UnitState } from '../../src/schemas.js';
import { buildLargeSeed } from './large.js';
import { buildSmallSeed } from './small.js';

/** Names of the seeds. */
export const SEED_NAMES = ['small', 'large', 'empty'] as const;
export type SeedName = (typeof SEED_NAMES)[number];

/** The two units of every seed. */
export const UNITS: readonly UnitRef[] = [
  { id: 'south-news', name: 'South News' },
  { id: 'north-news', name: 'North News' },
];

/** One unit of a seed. */
export interface SeedUnit {
  ref: UnitRef;
  state: UnitState;
}

const emptyState = (): UnitState => ({ plugins: [], workspaces: [], profiles: [], keys: [] });

const builders: Record<SeedName, () => SeedUnit[]> = {
  small: buildSmallSeed,
  large: buildLargeSeed,
  empty: () => UNITS.map((ref) => ({ ref: { ...ref }, state: emptyState() })),
};

/** Each seed built once, kept as JSON text: parsing it is the fastest way to a fresh copy (~3× structuredClone). */
const cache = new Map<SeedName, string>();

/** A fresh, private copy of a seed's units. */
export function loadSeed(name: SeedName): SeedUnit[] {
  let text = cache.get(name);
  if (text === undefined) {
    text = JSON.stringify(builders[name]());
    cache.set(name, text);
  }
  return JSON.parse(text) as SeedUnit[];
}
