/**
 * A world: one isolated copy of the whole reference Dashboard (units, sessions, idempotency records, request log,
 * faults, latency, stats). The default world answers at `/api`; tests make their own under `/api/worlds/{id}`.
 */
import { FaultPlan } from './faults.js';
import { RequestLog, RequestStats } from './request-log.js';
import { loadSeed, type SeedName } from './seeds/index.js';
import { createUnitStore, type UnitStore } from './unit-store.js';

/** A stored successful response to a POST with an Idempotency-Key. */
export interface IdempotencyRecord {
  /** Canonical JSON of the request body, to tell a replay from a reuse of the key with another body. */
  body: string;
  status: number;
  response: unknown;
}

/** A cookie session. */
export interface CookieSession {
  user: string;
  unit: string;
}

/** One world's state. */
export interface World {
  id: string;
  /** URL prefix of this world's API, e.g. `/api` or `/api/worlds/w3`. */
  baseUrl: string;
  seed: SeedName;
  units: Map<string, UnitStore>;
  sessions: Map<string, CookieSession>;
  idempotency: Map<string, IdempotencyRecord>;
  log: RequestLog;
  stats: RequestStats;
  faults: FaultPlan;
  latencyMs: number;
  /** Next number for a server-assigned id. Never goes back, not even on reset, so ids are never reused. */
  nextId: number;
}

/** Makes a world seeded with `seed`. */
export function createWorld(id: string, baseUrl: string, seed: SeedName): World {
  const world: World = {
    id,
    baseUrl,
    seed,
    units: new Map(),
    sessions: new Map(),
    idempotency: new Map(),
    log: new RequestLog(),
    stats: new RequestStats(),
    faults: new FaultPlan(),
    latencyMs: 0,
    nextId: 1,
  };
  seedWorld(world, seed);
  return world;
}

/**
 * Replaces the units' data with a seed and forgets idempotency records (they describe entities that are gone).
 * Sessions, log, faults, latency and stats stay: reset is about data.
 */
export function seedWorld(world: World, seed: SeedName): void {
  world.seed = seed;
  world.units = new Map(loadSeed(seed).map((u) => [u.ref.id, createUnitStore(u.ref, u.state)]));
  world.idempotency.clear();
}

/** A new server-assigned id such as `pl_c12` (`c` for created: seed ids never have it, so they never collide). */
export function assignId(world: World, prefix: 'pl' | 'ws' | 'pr' | 'app'): string {
  return `${prefix}_c${world.nextId++}`;
}
