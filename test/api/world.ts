/**
 * Test helpers: an isolated world of the reference Dashboard per test (its own units, log, faults and stats), its
 * dev controls, and clients pointed at it with tiny retry delays.
 */
import { createRestClient, type RestClientOptions } from '../../src/api/index.js';
import type { DashboardClient } from '../../src/api/index.js';

export type Seed = 'empty' | 'small' | 'large';

/** The unit every seed has, and the one Bearer sessions start in. */
export const UNIT = 'south-news';

/** Retries fast enough for tests, still exercising the backoff path. */
export const FAST_RETRY = { retries: 3, baseDelayMs: 1, maxDelayMs: 5 } as const;

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

export interface World {
  baseUrl: string;
  /** Calls a dev control of this world and returns its JSON answer (or undefined for an empty one). */
  dev(method: string, path: string, body?: unknown): Promise<unknown>;
  client(options?: RestClientOptions): DashboardClient;
  log(): Promise<LogEntry[]>;
  stats(): Promise<{ requests: number; inFlight: number; maxInFlight: number }>;
  faults(...rules: FaultRule[]): Promise<void>;
  latency(ms: number): Promise<void>;
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

/** Creates a fresh world of the reference Dashboard from `seed`. */
export async function createWorld(seed: Seed = 'empty'): Promise<World> {
  const { baseUrl } = (await callJson('/api/__dev/worlds', 'POST', { seed })) as { baseUrl: string };
  const dev = (method: string, path: string, body?: unknown) => callJson(`${baseUrl}/__dev/${path}`, method, body);
  return {
    baseUrl,
    dev,
    client: (options = {}) => createRestClient({ baseUrl, token: () => 'admin-token', retry: FAST_RETRY, ...options }),
    log: async () => ((await dev('GET', 'log')) as { entries: LogEntry[] }).entries,
    stats: async () => (await dev('GET', 'stats')) as { requests: number; inFlight: number; maxInFlight: number },
    faults: async (...rules) => void (await dev('POST', 'faults', { rules })),
    latency: async (ms) => void (await dev('POST', 'latency', { ms })),
  };
}

/** Requests of the log other than reads, i.e. what could have changed the unit. */
export function mutations(entries: LogEntry[]): LogEntry[] {
  return entries.filter((entry) => entry.mutating);
}

/** Resolves to the error `promise` rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
