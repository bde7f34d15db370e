/**
 * Where each Dashboard resource lives, relative to the client's base URL. An embedder whose Dashboard uses other
 * paths overrides single entries through `createRestClient({ routes })`.
 *
 * Every argument a route receives is already URL-encoded (`encodeURIComponent`), so a route only concatenates:
 * a key named `a/b c` arrives as `a%2Fb%20c`. Routes return a path starting with `/`, without query.
 */

/** Functions building the path of each resource. */
export interface RouteTable {
  /** `GET` the session. */
  session(): string;
  /** `GET` (paged list) and `POST` (create) plugins. */
  plugins(unit: string): string;
  /** `GET` and `DELETE` one plugin. */
  plugin(unit: string, id: string): string;
  /** `PUT` a plugin's requirement mappings. */
  pluginMappings(unit: string, id: string): string;
  /** `GET` (paged list) and `POST` (create) workspaces. */
  workspaces(unit: string): string;
  /** `GET` and `DELETE` one workspace. */
  workspace(unit: string, id: string): string;
  /** `GET` (paged list) and `POST` (create) profiles. */
  profiles(unit: string): string;
  /** `DELETE` one profile. */
  profile(unit: string, id: string): string;
  /** `GET` (paged list) the key store. */
  keys(unit: string): string;
  /** `PUT` and `DELETE` one key-store entry. */
  key(unit: string, key: string): string;
  /** `GET`, `PUT` (take or renew) and `DELETE` (release) the unit's restore lock; optional in a Dashboard. */
  restoreLock(unit: string): string;
}

/** The reference Dashboard's routes (docs/dashboard-api.md). */
export const DEFAULT_ROUTES: Readonly<RouteTable> = Object.freeze({
  session: () => '/session',
  plugins: (unit: string) => `/units/${unit}/plugins`,
  plugin: (unit: string, id: string) => `/units/${unit}/plugins/${id}`,
  pluginMappings: (unit: string, id: string) => `/units/${unit}/plugins/${id}/mappings`,
  workspaces: (unit: string) => `/units/${unit}/workspaces`,
  workspace: (unit: string, id: string) => `/units/${unit}/workspaces/${id}`,
  profiles: (unit: string) => `/units/${unit}/profiles`,
  profile: (unit: string, id: string) => `/units/${unit}/profiles/${id}`,
  keys: (unit: string) => `/units/${unit}/keys`,
  key: (unit: string, key: string) => `/units/${unit}/keys/${key}`,
  restoreLock: (unit: string) => `/units/${unit}/restore-lock`,
});

/** The default routes with `overrides` applied. */
export function resolveRoutes(overrides: Partial<RouteTable> = {}): Readonly<RouteTable> {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, route]) => typeof route === 'function'));
  return Object.freeze({ ...DEFAULT_ROUTES, ...defined });
}
