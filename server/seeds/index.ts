/**
 * Seeds: `small` (the newsroom demo data), `large` (benchmark volumes) and `empty`. Each is built once,
 * deterministically, and copied into every world that uses it.
 */
import type { UnitRef, UnitState } from '../../src/schemas.js';
import type { Personality } from '../personality.js';
import { buildForeignLargeSeed } from './foreign/large.js';
import foreignSmall from './foreign/small.json';
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

/**
 * The foreign personality's seeds: literal JSON (server/seeds/foreign/), cast rather than parsed with the client's
 * schemas on purpose — their unknown fields must reach the store untouched.
 */
const foreignBuilders: Record<SeedName, () => SeedUnit[]> = {
  small: () => foreignSmall.units as unknown as SeedUnit[],
  large: () => buildForeignLargeSeed() as unknown as SeedUnit[],
  empty: builders.empty,
};

/** Each seed built once, kept as JSON text: parsing it is the fastest way to a fresh copy (~3× structuredClone). */
const cache = new Map<string, string>();

/** A fresh, private copy of a seed's units, as the personality has them. */
export function loadSeed(name: SeedName, personality: Personality = 'reference'): SeedUnit[] {
  const id = `${personality}:${name}`;
  let text = cache.get(id);
  if (text === undefined) {
    text = JSON.stringify((personality === 'foreign' ? foreignBuilders : builders)[name]());
    cache.set(id, text);
  }
  return JSON.parse(text) as SeedUnit[];
}
