/**
 * zod schemas: the one source of every data type in the module — the Dashboard's entities and API bodies, and the
 * backup payload. Types are `z.infer` of these; nothing is declared twice.
 */
import * as z from 'zod/mini';
import { PARSE } from './zod.js';
import { isJsonValue, type JsonValue as Json } from './json.js';

// ---------------------------------------------------------------------------------------------------------------
// Shared pieces

/** The Dashboard's four roles: Admin, Power user, User, Readonly. */
export const Role = z.enum(['admin', 'power-user', 'user', 'readonly']);
export type Role = z.infer<typeof Role>;

/** Any JSON value. Configurations are free-form and may use any key (`__proto__` too) at any depth. */
export type JsonValue = Json;
/**
 * Checked without recursion and kept as given ({@link isJsonValue}): a `z.record` would rebuild the object with
 * `obj[k] = v`, which turns a `__proto__` key into a prototype change and drops it, and would recurse once per level.
 */
export const JsonValue: z.ZodMiniType<JsonValue> = z.custom<JsonValue>(isJsonValue, 'must be JSON data');
/** A JSON object (plugin configuration, application config). */
export const JsonObject: z.ZodMiniType<{ [key: string]: JsonValue }> = z.custom<{ [key: string]: JsonValue }>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && isJsonValue(v),
  'must be a JSON object',
);
export type JsonObject = z.infer<typeof JsonObject>;

/**
 * Fields the Dashboard assigns itself on create, on any entity and on an application (docs/dashboard-api.md,
 * "Server-owned and unknown fields"): kept in a backup as read, never sent back on create (the Dashboard assigns
 * new ones) and not compared by verification (they differ after every restore by design).
 */
export const SERVER_OWNED_FIELDS: readonly string[] = ['id', 'createdAt', 'updatedAt'];

/**
 * Validates `value` with `schema` and, when it passes, returns `value` itself rather than zod's copy. Entity
 * schemas are loose objects: the copy would keep unknown fields but drop an own `__proto__` one, and only the
 * value as the Dashboard (or the file) gave it is lossless. Every schema used with it must have no transform or
 * default, so the checked value and the copy differ only in those dropped keys.
 */
export function parseLossless<T extends z.ZodMiniType>(
  schema: T,
  value: unknown,
): { success: true; data: z.infer<T> } | { success: false; error: z.core.$ZodError } {
  const result = schema.safeParse(value, PARSE);
  return result.success ? { success: true, data: value as z.infer<T> } : { success: false, error: result.error };
}

/** Server-assigned identifier of an entity inside a unit. */
export const EntityId = z.string().check(z.minLength(1), z.maxLength(200));

/** Reverse-DNS plugin bundle name, e.g. `com.example.news-wire`. Unique in a unit. */
export const Bundle = z
  .string()
  .check(
    z.maxLength(200),
    z.regex(/^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/i, 'must be a reverse-DNS name such as com.example.plugin'),
  );

const Name = z.string().check(z.minLength(1), z.maxLength(500));

// ---------------------------------------------------------------------------------------------------------------
// Session

export const UnitRef = z.object({ id: EntityId, name: Name });
export type UnitRef = z.infer<typeof UnitRef>;

export const Session = z.object({
  user: z.object({ id: EntityId, name: Name }),
  role: Role,
  unit: UnitRef,
  units: z.array(UnitRef),
  /**
   * Optional contract features the Dashboard offers (docs/dashboard-api.md, "Reordering (optional)"): `reorder`.
   * Absent on a Dashboard that offers none; names the client does not know are ignored.
   */
  features: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(100))),
});
export type Session = z.infer<typeof Session>;

// ---------------------------------------------------------------------------------------------------------------
// Plugins

export const Permission = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  label: Name,
  description: z.string().check(z.maxLength(5000)),
});
export type Permission = z.infer<typeof Permission>;

/** A plugin's actions and portals, each mapped to the bundle of the plugin that provides it. */
export const RequirementMappings = z.looseObject({
  actions: z.record(z.string(), Bundle),
  portals: z.record(z.string(), Bundle),
});
export type RequirementMappings = z.infer<typeof RequirementMappings>;

const pluginFields = {
  bundle: Bundle,
  name: Name,
  version: z.string().check(z.minLength(1), z.maxLength(100)),
  author: z.string().check(z.maxLength(500)),
  description: z.optional(z.string().check(z.maxLength(10000))),
  manifestUrl: z.string().check(z.minLength(1), z.maxLength(2000)),
  enabled: z.boolean(),
  configuration: JsonObject,
  permissions: z.array(Permission),
  permissionMappings: z.record(z.string(), z.array(Role)),
  requirementMappings: RequirementMappings,
  icon: z.optional(z.string().check(z.regex(/^data:image\/[a-z0-9.+-]+[;,]/i, 'must be a data: URL of an image'))),
};

/** Body of `POST /units/{unit}/plugins`. */
export const PluginInput = z.looseObject(pluginFields);
export type PluginInput = z.infer<typeof PluginInput>;

/** A plugin as `GET /units/{unit}/plugins/{id}` returns it. */
export const Plugin = z.looseObject({ id: EntityId, ...pluginFields });
export type Plugin = z.infer<typeof Plugin>;

/** A plugin as the list endpoint returns it. */
export const PluginSummary = z.pick(Plugin, { id: true, bundle: true, name: true, version: true, enabled: true });
export type PluginSummary = z.infer<typeof PluginSummary>;

// ---------------------------------------------------------------------------------------------------------------
// Workspaces

const applicationFields = {
  /** Bundle of the plugin this application comes from. */
  plugin: Bundle,
  column: z.int().check(z.minimum(0), z.maximum(100)),
  position: z.int().check(z.minimum(0), z.maximum(10000)),
  config: JsonObject,
};
export const ApplicationInput = z.looseObject(applicationFields);
export type ApplicationInput = z.infer<typeof ApplicationInput>;
export const Application = z.looseObject({ id: EntityId, ...applicationFields });
export type Application = z.infer<typeof Application>;

export const WorkspaceIcon = z.looseObject({
  text: z.string().check(z.maxLength(10)),
  color: z.string().check(z.maxLength(50)),
  image: z.optional(z.string().check(z.maxLength(2_000_000))),
});
export type WorkspaceIcon = z.infer<typeof WorkspaceIcon>;

const workspaceFields = {
  name: Name,
  /** User id of the workspace's owner. */
  owner: EntityId,
  shared: z.boolean(),
  layout: z.string().check(z.minLength(1), z.maxLength(100)),
  icon: WorkspaceIcon,
};

/** Body of `POST /units/{unit}/workspaces`: application ids are assigned by the server. */
export const WorkspaceInput = z.looseObject({ ...workspaceFields, applications: z.array(ApplicationInput) });
export type WorkspaceInput = z.infer<typeof WorkspaceInput>;

/** A workspace as `GET /units/{unit}/workspaces/{id}` returns it. */
export const Workspace = z.looseObject({ id: EntityId, ...workspaceFields, applications: z.array(Application) });
export type Workspace = z.infer<typeof Workspace>;

/** A workspace as the list endpoint returns it. */
export const WorkspaceSummary = z.pick(Workspace, { id: true, name: true, owner: true, shared: true });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

// ---------------------------------------------------------------------------------------------------------------
// Profiles

const profileFields = {
  name: Name,
  roles: z.array(Role),
  /** Ids of the workspaces assigned to this profile, in display order. */
  workspaces: z.array(EntityId),
};
export const ProfileInput = z.looseObject(profileFields);
export type ProfileInput = z.infer<typeof ProfileInput>;
export const Profile = z.looseObject({ id: EntityId, ...profileFields });
export type Profile = z.infer<typeof Profile>;

// ---------------------------------------------------------------------------------------------------------------
// Key store

export const KeyName = z.string().check(z.minLength(1), z.maxLength(500));
export const KeyValueInput = z.looseObject({ value: z.string().check(z.maxLength(1_000_000)), secret: z.boolean() });
export type KeyValueInput = z.infer<typeof KeyValueInput>;
export const KeyEntry = z.looseObject({ key: KeyName, ...KeyValueInput.shape });
export type KeyEntry = z.infer<typeof KeyEntry>;

// ---------------------------------------------------------------------------------------------------------------
// API envelopes

/** Maximum `limit` of a list request. */
export const MAX_PAGE_LIMIT = 100;

/** One page of a list endpoint. */
export function Page<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int().check(z.minimum(0)),
    offset: z.int().check(z.minimum(0)),
    limit: z.int().check(z.minimum(1), z.maximum(MAX_PAGE_LIMIT)),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** Error body of every non-2xx response. `issues` is present for 400 (zod issues: path and message). */
export const ApiErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.optional(z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

// ---------------------------------------------------------------------------------------------------------------
// Backup payload (what is inside the encrypted file)

/** The whole state of a unit, with the ids it had in its source unit. */
export const UnitState = z.strictObject({
  plugins: z.array(Plugin),
  workspaces: z.array(Workspace),
  profiles: z.array(Profile),
  keys: z.array(KeyEntry),
});
export type UnitState = z.infer<typeof UnitState>;

export const Counts = z.object({
  plugins: z.int().check(z.minimum(0)),
  workspaces: z.int().check(z.minimum(0)),
  profiles: z.int().check(z.minimum(0)),
  keys: z.int().check(z.minimum(0)),
});
export type Counts = z.infer<typeof Counts>;

/** Describes a backup: where it came from, who made it, when, and what it holds. Encrypted with the rest. */
export const Manifest = z.strictObject({
  /** Version of the payload schema (this object and {@link UnitState}). */
  payloadVersion: z.literal(1),
  appVersion: z.string(),
  /** Origin (scheme://host:port) of the page that made the backup. */
  origin: z.string(),
  // Strict at every level: a field this version does not know was written by a newer one (NEWER_BACKUP).
  unit: z.strictObject(UnitRef.shape),
  exportedBy: z.strictObject({ id: EntityId, name: Name }),
  /** ISO-8601 timestamp. */
  createdAt: z.string(),
  counts: z.strictObject(Counts.shape),
});
export type Manifest = z.infer<typeof Manifest>;

/** The decrypted content of a backup file. */
export const BackupPayload = z.strictObject({ manifest: Manifest, unit: UnitState });
export type BackupPayload = z.infer<typeof BackupPayload>;
