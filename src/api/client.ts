/**
 * The `DashboardClient` interface: the few Dashboard API operations that export and import need. The REST
 * implementation is {@link createRestClient}; an embedder whose Dashboard differs can supply its own adapter.
 *
 * Every method rejects with an `HttpError` (src/errors.ts) whose `code` is one of UNAUTHENTICATED, NOT_ADMIN,
 * NOT_FOUND, CONFLICT, INVALID, RATE_LIMITED, NETWORK, SERVER, BAD_RESPONSE, UNIT_CHANGED_DURING_READ or ABORTED,
 * and which carries the request's method and path (never its body).
 */
import type {
  KeyEntry,
  Plugin,
  PluginInput,
  PluginSummary,
  Profile,
  ProfileInput,
  RequirementMappings,
  Session,
  Workspace,
  WorkspaceInput,
  WorkspaceSummary,
} from '../schemas.js';
import type { RestoreLockRequest, RestoreLockResult } from './restore-lock.js';

/** Options every call accepts. */
export interface RequestOptions {
  /** Aborting rejects the call with `HttpError` ABORTED at once, even while it waits for a retry or a free slot. */
  signal?: AbortSignal;
}

/** Options of the create calls. */
export interface CreateOptions extends RequestOptions {
  /**
   * Sent as the `Idempotency-Key` header. With a key, a create that failed in transit (network error, 429, 503) is
   * retried, and the Dashboard answers the retry with the first response instead of creating a duplicate. Without
   * one, a create is sent exactly once.
   */
  idempotencyKey?: string;
}

/** What the backup module needs from a Dashboard. Unit arguments are unit ids (`Session.unit.id`). */
export interface DashboardClient {
  /**
   * Which Dashboard this client talks to, stable across page loads (the REST client: the absolute URL of its API
   * base, e.g. `https://dash.example/api`). The import journal in IndexedDB belongs to one Dashboard and one unit:
   * an unfinished import recorded for another identity is never resumed, rolled back or discarded through this
   * client. A custom client should declare one; without it, all such clients of this origin share one identity.
   */
  readonly identity?: string;

  /**
   * The signed-in user, their role and current unit, and the units they can reach.
   * @throws HttpError UNAUTHENTICATED when there is no valid session or token.
   */
  getSession(o?: RequestOptions): Promise<Session>;

  /**
   * Every plugin of a unit, as summaries, in the Dashboard's order. Reads the first page, then all the others in
   * parallel using its `total` and `limit`; a list of several pages is read until two reads agree (src/api/pages.ts).
   * @throws HttpError UNIT_CHANGED_DURING_READ when the list kept changing while it was being read.
   */
  listPlugins(unit: string, o?: RequestOptions): Promise<PluginSummary[]>;

  /**
   * One plugin in full (configuration, permissions, mappings, icon).
   * @throws HttpError NOT_ADMIN for non-admins; NOT_FOUND when there is no such plugin.
   */
  getPlugin(unit: string, id: string, o?: RequestOptions): Promise<Plugin>;

  /** Every workspace of a unit, as summaries (see {@link DashboardClient.listPlugins} for paging). */
  listWorkspaces(unit: string, o?: RequestOptions): Promise<WorkspaceSummary[]>;

  /**
   * One workspace in full, with its applications.
   * @throws HttpError NOT_FOUND when there is no such workspace.
   */
  getWorkspace(unit: string, id: string, o?: RequestOptions): Promise<Workspace>;

  /** Every profile of a unit, in full. */
  listProfiles(unit: string, o?: RequestOptions): Promise<Profile[]>;

  /**
   * Every entry of a unit's key store, secrets included.
   * @throws HttpError NOT_ADMIN for non-admins.
   */
  listKeys(unit: string, o?: RequestOptions): Promise<KeyEntry[]>;

  /**
   * Installs a plugin; resolves to it with its new server-assigned id.
   * @throws HttpError CONFLICT when the bundle is already installed (or the idempotency key was used for another
   *   body); INVALID when a requirement mapping names a bundle that is not installed, or the input is malformed;
   *   NOT_ADMIN for non-admins.
   */
  createPlugin(unit: string, input: PluginInput, o?: CreateOptions): Promise<Plugin>;

  /**
   * Replaces a plugin's requirement mappings; resolves to the updated plugin.
   * @throws HttpError INVALID when a mapping names a bundle that is not installed; NOT_FOUND; NOT_ADMIN.
   */
  setPluginMappings(unit: string, id: string, m: RequirementMappings, o?: RequestOptions): Promise<Plugin>;

  /**
   * Uninstalls a plugin. Resolves also when it was already gone (404).
   * @throws HttpError CONFLICT while an application or another plugin's mapping still uses it; NOT_ADMIN.
   */
  deletePlugin(unit: string, id: string, o?: RequestOptions): Promise<void>;

  /**
   * Creates a workspace; resolves to it with its new id and its applications' new ids.
   * @throws HttpError INVALID when an application names a plugin bundle that is not installed; NOT_ADMIN.
   */
  createWorkspace(unit: string, input: WorkspaceInput, o?: CreateOptions): Promise<Workspace>;

  /**
   * Deletes a workspace. Resolves also when it was already gone (404).
   * @throws HttpError CONFLICT while a profile still lists it; NOT_ADMIN.
   */
  deleteWorkspace(unit: string, id: string, o?: RequestOptions): Promise<void>;

  /**
   * Creates a profile; resolves to it with its new id.
   * @throws HttpError INVALID when it names an unknown workspace id; NOT_ADMIN.
   */
  createProfile(unit: string, input: ProfileInput, o?: CreateOptions): Promise<Profile>;

  /** Deletes a profile. Resolves also when it was already gone (404). @throws HttpError NOT_ADMIN. */
  deleteProfile(unit: string, id: string, o?: RequestOptions): Promise<void>;

  /** Creates or replaces a key-store entry. @throws HttpError INVALID; NOT_ADMIN. */
  putKey(unit: string, entry: KeyEntry, o?: RequestOptions): Promise<void>;

  /**
   * Takes or renews the unit's restore lock for `request.owner` (docs/dashboard-api.md, "Restore lock"). Optional:
   * without it, or when the Dashboard has no such route (404/405 → `unsupported`), restores run without it.
   * @returns `held` (ours now), `busy` (someone else's: who and since when), or `unsupported`.
   */
  acquireRestoreLock?(unit: string, request: RestoreLockRequest, o?: RequestOptions): Promise<RestoreLockResult>;

  /** Releases the unit's restore lock if `owner` holds it. Optional, like {@link acquireRestoreLock}. */
  releaseRestoreLock?(unit: string, owner: string, o?: RequestOptions): Promise<void>;

  /** Removes a key-store entry. Resolves also when it was already gone (404). @throws HttpError NOT_ADMIN. */
  deleteKey(unit: string, key: string, o?: RequestOptions): Promise<void>;
}
