/**
 * The API router: matches a path relative to a world's base to its handler. Routing comes first (404 unknown
 * path, 405 wrong method), then the handlers' own checks in this order: 401 no session, 404 unknown unit, 403 not
 * admin, 400 malformed body, 404 unknown entity, 422/409 integrity.
 */
import { findUnit, identifyCaller, requireAdmin } from '../auth.js';
import type { Reply, RequestContext } from '../context.js';
import { methodNotAllowed, notFound } from '../http.js';
import type { UnitStore } from '../unit-store.js';
import { getSession, login, logout, switchUnit } from './session.js';
import { createPlugin, deletePlugin, getPlugin, listPlugins, putPluginMappings } from './plugins.js';
import { createWorkspace, deleteWorkspace, getWorkspace, listWorkspaces } from './workspaces.js';
import { createProfile, deleteProfile, listProfiles } from './profiles.js';
import { deleteKey, listKeys, putKey } from './keys.js';
import { deleteRestoreLock, getRestoreLock, putRestoreLock } from './restore-lock.js';

type UnitHandler = (ctx: RequestContext, unit: UnitStore, id: string) => Reply;
/** A unit route: handler per method, and whether the method needs the admin role. */
type UnitMethods = Record<string, { run: UnitHandler; admin: boolean }>;

const COLLECTION_ROUTES: Record<string, UnitMethods> = {
  plugins: { GET: { run: listPlugins, admin: false }, POST: { run: createPlugin, admin: true } },
  workspaces: { GET: { run: listWorkspaces, admin: false }, POST: { run: createWorkspace, admin: true } },
  profiles: { GET: { run: listProfiles, admin: false }, POST: { run: createProfile, admin: true } },
  keys: { GET: { run: listKeys, admin: true } },
  'restore-lock': {
    GET: { run: getRestoreLock, admin: true },
    PUT: { run: putRestoreLock, admin: true },
    DELETE: { run: deleteRestoreLock, admin: true },
  },
};

const ITEM_ROUTES: Record<string, UnitMethods> = {
  plugins: { GET: { run: getPlugin, admin: true }, DELETE: { run: deletePlugin, admin: true } },
  workspaces: { GET: { run: getWorkspace, admin: false }, DELETE: { run: deleteWorkspace, admin: true } },
  profiles: { DELETE: { run: deleteProfile, admin: true } },
  keys: { PUT: { run: putKey, admin: true }, DELETE: { run: deleteKey, admin: true } },
};

const MAPPINGS_ROUTE: UnitMethods = { PUT: { run: putPluginMappings, admin: true } };

const SESSION_ROUTES: Record<string, Record<string, (ctx: RequestContext) => Reply>> = {
  '/session': { GET: getSession },
  '/login': { POST: login },
  '/logout': { POST: logout },
  '/session/unit': { POST: switchUnit },
};

/** True when a request changes a unit's data (what faults count and the log marks as mutating). */
export function isMutating(method: string, path: string): boolean {
  // The restore lock is advisory and holds no unit data.
  if (/^\/units\/[^/]+\/restore-lock$/.test(path)) return false;
  return method !== 'GET' && method !== 'HEAD' && path.startsWith('/units/');
}

/** Answers one API request of a world (synchronously: the change and its checks happen without interleaving). */
export function routeApi(ctx: RequestContext): Reply {
  const sessionRoute = SESSION_ROUTES[ctx.path];
  if (sessionRoute) return pickMethod(sessionRoute, ctx.method)(ctx);

  const [head, unitId, collection, id, tail, ...rest] = ctx.segments;
  if (head !== 'units' || unitId === undefined || collection === undefined || rest.length > 0) throw unknownRoute(ctx);
  let methods: UnitMethods | undefined;
  if (id === undefined) methods = COLLECTION_ROUTES[collection];
  else if (tail === undefined) methods = ITEM_ROUTES[collection];
  else if (tail === 'mappings' && collection === 'plugins') methods = MAPPINGS_ROUTE;
  if (!methods || id === '' || unitId === '') throw unknownRoute(ctx);
  const route = pickMethod(methods, ctx.method);

  const caller = identifyCaller(ctx.world, ctx.req);
  const unit = findUnit(ctx.world, unitId);
  if (route.admin) requireAdmin(caller, unit);
  return route.run(ctx, unit, id ?? '');
}

function pickMethod<T>(methods: Record<string, T>, method: string): T {
  const route = methods[method];
  if (route === undefined) throw methodNotAllowed(Object.keys(methods));
  return route;
}

function unknownRoute(ctx: RequestContext) {
  return notFound(`No API route ${ctx.method} ${ctx.path}.`);
}
