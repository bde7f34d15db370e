/**
 * The REST implementation of {@link DashboardClient}: each method is one route of the table and one schema from
 * src/schemas.ts; transport.ts does the sending, retrying and checking, pages.ts the paged lists.
 */
import type { z } from 'zod/mini';
import { BackupError, HttpError, isBackupError } from '../errors.js';
import {
  KeyEntry,
  Plugin,
  PluginSummary,
  Profile,
  SERVER_OWNED_FIELDS,
  Session,
  Workspace,
  WorkspaceSummary,
} from '../schemas.js';
import type { CreateOptions, DashboardClient, RequestOptions } from './client.js';
import { createLimiter, DEFAULT_CONCURRENCY } from './limit.js';
import { readAllPages } from './pages.js';
import { RestoreLock, RestoreLockState, type RestoreLockResult } from './restore-lock.js';
import { resolveRetryPolicy, type RetryOptions } from './retry.js';
import { resolveRoutes, type RouteTable } from './routes.js';
import { createTransport, type HttpMethod, type TokenProvider, type Transport } from './transport.js';

/** Where the Dashboard API lives unless configured otherwise: the page's own origin, under /api. */
export const DEFAULT_BASE_URL = '/api';

/** How {@link createRestClient} reaches the Dashboard. Every field is optional. */
export interface RestClientOptions {
  /** Absolute or page-relative URL the routes are appended to. Default {@link DEFAULT_BASE_URL}. */
  baseUrl?: string;
  /** Replaces single routes of the reference Dashboard's table (see routes.ts). */
  routes?: Partial<RouteTable>;
  /** fetch's `credentials` (the session cookie). Default `'same-origin'`; use `'include'` for another origin. */
  credentials?: 'omit' | 'same-origin' | 'include'; // fetch's RequestCredentials, spelled out: no DOM lib in Node
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * Bearer token provider, called before every attempt; `undefined` sends no Authorization header (cookie auth).
   * What it throws is passed through unchanged.
   */
  token?: TokenProvider;
  /** Requests of this client in flight at most, across all calls. Default {@link DEFAULT_CONCURRENCY}. */
  concurrency?: number;
  /** Retry behaviour for failures in transit, 429 and 503 (see retry.ts). */
  retry?: RetryOptions;
}

/**
 * The identity of a REST client for `baseUrl`: its absolute URL (resolved against the page), without query,
 * fragment or trailing slashes — so `/api`, `/api/` and `https://this.origin/api` name the same Dashboard.
 */
export function restIdentity(baseUrl: string): string {
  const base = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  let url: URL;
  try {
    url = new URL(baseUrl, base);
  } catch {
    return baseUrl;
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Reads a whole paged list at `path`, each page checked against `Page(item)`; `identify` names an item. */
function listAll<S extends z.ZodMiniType>(
  transport: Transport,
  path: string,
  item: S,
  identify: (item: z.output<S>) => string,
  o?: RequestOptions,
): Promise<z.output<S>[]> {
  return readAllPages<z.output<S>>(
    (offset, limit, signal) => transport.page({ method: 'GET', path, query: { offset, limit }, signal }, item),
    { method: 'GET', path },
    identify,
    o?.signal,
  );
}

const byId = (item: { id: string }): string => item.id;

/**
 * Creates a {@link DashboardClient} speaking the reference Dashboard's REST API (docs/dashboard-api.md).
 * Makes no request until a method is called.
 * @throws BackupError INVALID_OPTIONS for a concurrency below 1 or negative retry values.
 */
export function createRestClient(options: RestClientOptions = {}): DashboardClient {
  if (options.baseUrl !== undefined && typeof options.baseUrl !== 'string') {
    throw new BackupError('INVALID_OPTIONS', 'The baseUrl of the Dashboard client must be a string such as "/api".');
  }
  const routes = resolveRoutes(options.routes);
  const transport = createTransport({
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    credentials: options.credentials ?? 'same-origin',
    headers: { ...options.headers },
    ...(options.token ? { token: options.token } : {}),
    limiter: createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY),
    retry: resolveRetryPolicy(options.retry),
  });
  const enc = encodeURIComponent;
  // Ids and key names go into one path segment each. "", "." and ".." cannot: URL parsing drops or resolves them
  // (even as %2E), so `DELETE …/keys/..` would address the unit itself. Refuse those instead of sending them.
  const segment = (value: string, method: HttpMethod, collection: string): string => {
    if (value !== '' && value !== '.' && value !== '..') return enc(value);
    throw new HttpError(
      'INVALID',
      `${method} ${collection}/… was not sent: an empty name, "." or ".." cannot be addressed in a URL path. Rename it in the Dashboard first.`,
      { method, path: collection, status: 0 },
    );
  };
  const remove = async (path: string, o?: RequestOptions): Promise<void> =>
    transport.send({ method: 'DELETE', path, notFoundIsDone: true, signal: o?.signal });
  const create = <S extends z.ZodMiniType>(path: string, body: unknown, schema: S, o?: CreateOptions) =>
    transport.json({ method: 'POST', path, body, idempotencyKey: o?.idempotencyKey, signal: o?.signal }, schema);
  const get = <S extends z.ZodMiniType>(path: string, schema: S, o?: RequestOptions) =>
    transport.json({ method: 'GET', path, signal: o?.signal }, schema);

  return {
    identity: restIdentity(options.baseUrl ?? DEFAULT_BASE_URL),
    getSession: async (o) => get(routes.session(), Session, o),

    listPlugins: async (unit, o) => listAll(transport, routes.plugins(enc(unit)), PluginSummary, byId, o),
    getPlugin: async (unit, id, o) =>
      get(routes.plugin(enc(unit), segment(id, 'GET', routes.plugins(enc(unit)))), Plugin, o),
    createPlugin: async (unit, input, o) => create(routes.plugins(enc(unit)), input, Plugin, o),
    setPluginMappings: async (unit, id, m, o) => {
      const path = routes.pluginMappings(enc(unit), segment(id, 'PUT', routes.plugins(enc(unit))));
      return transport.json({ method: 'PUT', path, body: m, signal: o?.signal }, Plugin);
    },
    deletePlugin: async (unit, id, o) =>
      remove(routes.plugin(enc(unit), segment(id, 'DELETE', routes.plugins(enc(unit)))), o),

    listWorkspaces: async (unit, o) => listAll(transport, routes.workspaces(enc(unit)), WorkspaceSummary, byId, o),
    getWorkspace: async (unit, id, o) =>
      get(routes.workspace(enc(unit), segment(id, 'GET', routes.workspaces(enc(unit)))), Workspace, o),
    createWorkspace: async (unit, input, o) => create(routes.workspaces(enc(unit)), input, Workspace, o),
    deleteWorkspace: async (unit, id, o) =>
      remove(routes.workspace(enc(unit), segment(id, 'DELETE', routes.workspaces(enc(unit)))), o),

    listProfiles: async (unit, o) => listAll(transport, routes.profiles(enc(unit)), Profile, byId, o),
    createProfile: async (unit, input, o) => create(routes.profiles(enc(unit)), input, Profile, o),
    deleteProfile: async (unit, id, o) =>
      remove(routes.profile(enc(unit), segment(id, 'DELETE', routes.profiles(enc(unit)))), o),

    listKeys: async (unit, o) => listAll(transport, routes.keys(enc(unit)), KeyEntry, (k) => k.key, o),
    putKey: async (unit, entry, o) => {
      const path = routes.key(enc(unit), segment(entry.key, 'PUT', routes.keys(enc(unit))));
      // Every field but the name (in the path) and server-owned ones, unknown fields included (docs/dashboard-api.md).
      const body = Object.fromEntries(Object.entries(entry).filter(([k]) => k !== 'key' && !SERVER_OWNED_FIELDS.includes(k)));
      await transport.json({ method: 'PUT', path, body, signal: o?.signal }, KeyEntry);
    },
    deleteKey: async (unit, key, o) => remove(routes.key(enc(unit), segment(key, 'DELETE', routes.keys(enc(unit)))), o),

    setOrder: async (unit, collection, ids, o) =>
      transport.send({ method: 'PUT', path: routes.order(enc(unit), collection), body: { ids }, signal: o?.signal }),
    acquireRestoreLock: async (unit, request, o): Promise<RestoreLockResult> => {
      const path = routes.restoreLock(enc(unit));
      try {
        return { status: 'held', lock: await transport.json({ method: 'PUT', path, body: request, signal: o?.signal }, RestoreLock) };
      } catch (error) {
        // A Dashboard without the route answers 404 (no such path) or 405 (no such method): run without the lock.
        if (error instanceof HttpError && (error.status === 404 || error.status === 405)) return { status: 'unsupported' };
        if (!isBackupError(error, 'CONFLICT')) throw error;
        const { lock } = await get(path, RestoreLockState, o);
        // Released between the two requests: take it again.
        if (!lock) return { status: 'held', lock: await transport.json({ method: 'PUT', path, body: request, signal: o?.signal }, RestoreLock) };
        return { status: 'busy', lock };
      }
    },
    releaseRestoreLock: async (unit, owner, o) => {
      const path = routes.restoreLock(enc(unit));
      await transport.send({ method: 'DELETE', path, query: { owner }, notFoundIsDone: true, signal: o?.signal });
    },
  };
}
