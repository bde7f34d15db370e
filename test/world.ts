/**
 * Browser-test helpers shared by test/api and test/backup: an isolated world of the reference Dashboard per test
 * (its own units, log, faults, latency and stats — docs/dashboard-api.md, "Worlds" and "Dev controls"), clients
 * pointed at it with tiny retry delays, and a helper for expected failures.
 */
import { createRestClient, type DashboardClient, type RestClientOptions } from '../src/api/index.js';
import type { UnitState } from '../src/schemas.js';

export type Seed = 'empty' | 'small' | 'large';

/** The unit every seed has, and the one Bearer sessions start in. */
export const UNIT = 'south-news';
/** The other unit of every seed. */
export const OTHER_UNIT = 'north-news';

/** Retries fast enough for tests, still exercising the backoff path. */
export const FAST_RETRY = { retries: 3, baseDelayMs: 1, maxDelayMs: 5 } as const;

/** A fault rule as `POST {base}/__dev/faults` accepts it (server/faults.ts). */
export interface FaultRule {
  kind: '500' | '503' | '429' | 'drop';
  when: 'before' | 'after';
  nth?: number;
  rate?: number;
  seed?: number;
  retryAfter?: number;
  times?: number;
  /** Watch only mutating requests (default) or every API request. */
  on?: 'mutating' | 'all';
}

export interface LogEntry {
  seq: number;
  method: string;
  /** Relative to the world's base, without query. */
  path: string;
  query: string;
  /** 0 when the connection was dropped. */
  status: number;
  mutating: boolean;
  fault?: string;
}

/** One isolated world and its dev controls. */
export interface World {
  baseUrl: string;
  /** Calls a dev control of this world and returns its JSON answer (or undefined for an empty one). */
  dev(method: string, path: string, body?: unknown): Promise<unknown>;
  /** A client of this world: admin token and {@link FAST_RETRY} unless `options` say otherwise. */
  client(options?: RestClientOptions): DashboardClient;
  log(): Promise<LogEntry[]>;
  /** The log's mutating requests (what could have changed a unit). */
  mutations(): Promise<LogEntry[]>;
  clearLog(): Promise<void>;
  stats(): Promise<{ requests: number; inFlight: number; maxInFlight: number }>;
  faults(...rules: FaultRule[]): Promise<void>;
  clearFaults(): Promise<void>;
  latency(ms: number): Promise<void>;
  /** The unit's whole stored state, ids as stored (default {@link UNIT}). */
  state(unit?: string): Promise<UnitState>;
  /** Drops the world on the server (worlds are capped, so tests that make many drop them). */
  drop(): Promise<void>;
}

async function callJson(url: string, method: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/**
 * Which Dashboard a world behaves as: ours, or `foreign` — one that is not our mirror (unknown fields, 20 items per
 * page, other id shapes, key store listed by name; server/personality.ts).
 */
export type Personality = 'reference' | 'foreign';

/** Creates a fresh world of the reference Dashboard from `seed`, with the given personality (default `reference`). */
export async function createWorld(
  seed: Seed = 'empty',
  personality: Personality = 'reference',
  /** Optional contract features the world offers (`reorder`: docs/dashboard-api.md, "Reordering (optional)"). */
  features: 'reorder'[] = [],
): Promise<World> {
  const body = features.length > 0 ? { seed, personality, features } : { seed, personality };
  const { baseUrl } = (await callJson('/api/__dev/worlds', 'POST', body)) as { baseUrl: string };
  const dev = (method: string, path: string, body?: unknown) => callJson(`${baseUrl}/__dev/${path}`, method, body);
  const log = async () => ((await dev('GET', 'log')) as { entries: LogEntry[] }).entries;
  return {
    baseUrl,
    dev,
    client: (options = {}) => createRestClient({ baseUrl, token: () => 'admin-token', retry: FAST_RETRY, ...options }),
    log,
    mutations: async () => mutations(await log()),
    clearLog: async () => void (await dev('DELETE', 'log')),
    stats: async () => (await dev('GET', 'stats')) as { requests: number; inFlight: number; maxInFlight: number },
    faults: async (...rules) => void (await dev('POST', 'faults', { rules })),
    clearFaults: async () => void (await dev('DELETE', 'faults')),
    latency: async (ms) => void (await dev('POST', 'latency', { ms })),
    state: async (unit = UNIT) => (await dev('GET', `state?unit=${encodeURIComponent(unit)}`)) as UnitState,
    drop: async () => void (await dev('DELETE', 'world')),
  };
}

/** A client option giving another Bearer token (e.g. `editor-token`). */
export const withToken = (token: string): RestClientOptions => ({ token: () => token });

/** Requests of the log other than reads, i.e. what could have changed the unit. */
export function mutations(entries: LogEntry[]): LogEntry[] {
  return entries.filter((entry) => entry.mutating);
}

/** Resolves to the error `promise` rejects with; fails the test if it resolves. */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & { code?: string; issues?: unknown[] } & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string; issues?: unknown[] } & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
