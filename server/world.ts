/**
 * A world: one isolated copy of the whole reference Dashboard (units, sessions, idempotency records, request log,
 * faults, latency, stats). The default world answers at `/api`; tests make their own under `/api/worlds/{id}`.
 */
import type { ChurnState } from './churn.js';
import { FaultPlan } from './faults.js';
import { RequestHold } from './hold.js';
import { foreignId, type Personality } from './personality.js';
import { RequestLog, RequestStats } from './request-log.js';
import type { Feature } from './routes/order.js';
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
  /** Which Dashboard this world behaves as (server/personality.ts); fixed for the world's life. */
  personality: Personality;
  /** Optional contract features this world offers (`reorder`), fixed for its life; `GET /session` lists them. */
  features: ReadonlySet<Feature>;
  units: Map<string, UnitStore>;
  sessions: Map<string, CookieSession>;
  idempotency: Map<string, IdempotencyRecord>;
  log: RequestLog;
  stats: RequestStats;
  faults: FaultPlan;
  /** Dev control `hold`: API requests wait while it is on (server/hold.ts). */
  hold: RequestHold;
  latencyMs: number;
  /** Churn rules (server/churn.ts): changes applied right after list reads. */
  churn: ChurnState[];
  /** Next number for a server-assigned id. Never goes back, not even on reset, so ids are never reused. */
  nextId: number;
}

/** Makes a world seeded with `seed`. */
export function createWorld(
  id: string,
  baseUrl: string,
  seed: SeedName,
  personality: Personality = 'reference',
  features: readonly Feature[] = [],
): World {
  const world: World = {
    id,
    baseUrl,
    seed,
    personality,
    features: new Set(features),
    units: new Map(),
    sessions: new Map(),
    idempotency: new Map(),
    log: new RequestLog(),
    stats: new RequestStats(),
    faults: new FaultPlan(),
    hold: new RequestHold(),
    latencyMs: 0,
    churn: [],
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
  world.units = new Map(loadSeed(seed, world.personality).map((u) => [u.ref.id, createUnitStore(u.ref, u.state)]));
  world.idempotency.clear();
}

/**
 * A new server-assigned id such as `pl_c12` (`c` for created: seed ids never have it, so they never collide); on
 * the foreign Dashboard a ULID-like or UUID id (server/personality.ts; its seed ids use other digits).
 */
export function assignId(world: World, prefix: 'pl' | 'ws' | 'pr' | 'app'): string {
  if (world.personality === 'foreign') return foreignId(prefix, world.nextId++);
  return `${prefix}_c${world.nextId++}`;
}
