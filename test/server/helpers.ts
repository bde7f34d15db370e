/**
 * Helpers for the reference server's tests: every test gets its own world (an isolated server under
 * `/api/worlds/{id}`) and talks to it with plain `fetch` over real HTTP.
 */
import type { UnitState } from '../../src/schemas.js';

/** A test world: its id and base URL. */
export interface TestWorld {
  id: string;
  baseUrl: string;
}

/** Bearer tokens of the two users. */
export const ADMIN = 'admin-token';
export const EDITOR = 'editor-token';

/** Creates a fresh world with the given seed (and, optionally, personality and optional features). */
export async function createWorld(
  seed: 'small' | 'large' | 'empty' = 'small',
  extra: { personality?: 'reference' | 'foreign'; features?: 'reorder'[] } = {},
): Promise<TestWorld> {
  const res = await fetch('/api/__dev/worlds', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed, ...extra }) });
  if (res.status !== 201) throw new Error(`creating a world answered ${res.status}`);
  return (await res.json()) as TestWorld;
}

/** Drops a world (keeps the server's memory low). */
export async function dropWorld(world: TestWorld): Promise<void> {
  await fetch(`${world.baseUrl}/__dev/world`, { method: 'DELETE' });
}

/** Options of {@link call}. */
export interface CallOptions {
  body?: unknown;
  /** Bearer token; `null` sends none (cookie or anonymous). Default: admin. */
  token?: string | null;
  headers?: Record<string, string>;
  /** Raw body text instead of JSON. */
  raw?: string;
}

/** A response: status, headers and parsed JSON body (undefined when empty). */
export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls `{base}{path}` and parses the JSON answer. */
export async function call<T = any>(world: TestWorld, method: string, path: string, o: CallOptions = {}): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...o.headers };
  const token = o.token === undefined ? ADMIN : o.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body: string | undefined = o.raw;
  if (o.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.body);
  }
  const res = await fetch(`${world.baseUrl}${path}`, { method, headers, body, credentials: 'same-origin' });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** The stored state of a unit (`__dev/state`). */
export async function readState(world: TestWorld, unit = 'south-news'): Promise<UnitState> {
  return (await call<UnitState>(world, 'GET', `/__dev/state?unit=${unit}`, { token: null })).body;
}

/** A valid plugin body with the given bundle. */
export function pluginBody(bundle: string, mappings: { actions?: Record<string, string>; portals?: Record<string, string> } = {}) {
  return {
    bundle,
    name: `Plugin ${bundle}`,
    version: '1.0.0',
    author: 'Test',
    manifestUrl: `https://plugins.example/${bundle}.json`,
    enabled: true,
    configuration: { nested: { list: [1, 'two', null] } },
    permissions: [{ id: 'read', label: 'Read', description: 'Reads.' }],
    permissionMappings: { read: ['admin', 'user'] },
    requirementMappings: { actions: mappings.actions ?? {}, portals: mappings.portals ?? {} },
  };
}

/** A valid workspace body whose applications use the given bundles. */
export function workspaceBody(name: string, bundles: string[] = []) {
  return {
    name,
    owner: 'admin',
    shared: true,
    layout: 'two-columns',
    icon: { text: 'W', color: '#123456' },
    applications: bundles.map((plugin, i) => ({ plugin, column: i % 2, position: i, config: { title: `App ${i}`, deep: { a: [i] } } })),
  };
}

/** A valid profile body. */
export function profileBody(name: string, workspaces: string[] = []) {
  return { name, roles: ['user'], workspaces };
}

/** Puts `count` keys `k0001…` into a unit, a few requests at a time. */
export async function putKeys(world: TestWorld, count: number, unit = 'south-news'): Promise<void> {
  const names = Array.from({ length: count }, (_, i) => `k${String(i + 1).padStart(4, '0')}`);
  for (let i = 0; i < names.length; i += 20) {
    await Promise.all(
      names.slice(i, i + 20).map(async (key) => {
        const r = await call(world, 'PUT', `/units/${unit}/keys/${key}`, { body: { value: `v-${key}`, secret: false } });
        if (r.status !== 200) throw new Error(`PUT key answered ${r.status}`);
      }),
    );
  }
}

type Done = (error?: unknown) => void;
type TestFn = (this: unknown, done: Done) => void | Promise<unknown>;
/** The mocha globals the runner provides, typed here (the repo has no @types/mocha, and these files declare no globals). */
interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: TestFn): void;
  beforeEach(body: TestFn): void;
  afterEach(body: TestFn): void;
}
/** mocha's `describe`, `it`, `beforeEach`, `afterEach`, typed. */
export const { describe, it, beforeEach, afterEach } = globalThis as unknown as MochaGlobals;
