/**
 * Best-effort reading of a decrypted payload that fails schema validation (an older or newer tool, a hand-edited
 * file, a test vector): every entity is rebuilt field by field with empty defaults, and the fields the schema does
 * not know are kept aside, so the inspector can still show what the file holds — next to the list of problems.
 * Nothing here is trusted for a restore; it only feeds the read-only view.
 */
import type {
  BackupPayload,
  JsonObject,
  JsonValue,
  KeyEntry,
  Manifest,
  Plugin,
  Profile,
  Role,
  Workspace,
} from '../schemas.js';
import type { SectionName } from './search.js';

/** Fields outside the schema, per entity (parallel to the payload's arrays; undefined when there are none). */
export type Extras = Record<SectionName, (JsonObject | undefined)[]>;

/** No extras at all (a schema-valid payload). */
export function createEmptyExtras(): Extras {
  return { plugins: [], workspaces: [], profiles: [], keys: [] };
}

type Rec = Record<string, unknown>;

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : fallback;
}
function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function toJson(v: unknown): JsonValue {
  // The value came from JSON.parse, so it is JSON already; this only narrows the type.
  return v === undefined ? null : (v as JsonValue);
}
function jsonObject(v: unknown): JsonObject {
  return isRecord(v) ? (v as JsonObject) : {};
}
function stringRecord(v: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(jsonObject(v)).map(([k, x]) => [k, str(x)]));
}
function extrasOf(o: Rec, known: readonly string[]): JsonObject | undefined {
  const extra = Object.entries(o).filter(([k]) => !known.includes(k));
  return extra.length ? Object.fromEntries(extra.map(([k, v]) => [k, toJson(v)])) : undefined;
}

const PLUGIN_FIELDS = ['id', 'bundle', 'name', 'version', 'author', 'description', 'manifestUrl', 'enabled',
  'configuration', 'permissions', 'permissionMappings', 'requirementMappings', 'icon'] as const;
const WORKSPACE_FIELDS = ['id', 'name', 'owner', 'shared', 'layout', 'icon', 'applications'] as const;
const PROFILE_FIELDS = ['id', 'name', 'roles', 'workspaces'] as const;
const KEY_FIELDS = ['key', 'value', 'secret'] as const;

function readPlugin(o: Rec): Plugin {
  const req = jsonObject(o.requirementMappings);
  return {
    id: str(o.id),
    bundle: str(o.bundle),
    name: str(o.name, str(o.bundle)),
    version: str(o.version),
    author: str(o.author),
    ...(o.description === undefined ? {} : { description: str(o.description) }),
    manifestUrl: str(o.manifestUrl),
    enabled: o.enabled === true,
    configuration: jsonObject(o.configuration),
    permissions: list(o.permissions).filter(isRecord).map((p) => ({
      id: str(p.id),
      label: str(p.label, str(p.id)),
      description: str(p.description),
    })),
    permissionMappings: Object.fromEntries(
      Object.entries(jsonObject(o.permissionMappings)).map(([k, roles]) => [k, list(roles).map((r) => str(r) as Role)]),
    ),
    requirementMappings: { actions: stringRecord(req.actions), portals: stringRecord(req.portals) },
    ...(typeof o.icon === 'string' ? { icon: o.icon } : {}),
  };
}

function readWorkspace(o: Rec): Workspace {
  const icon = jsonObject(o.icon);
  return {
    id: str(o.id),
    name: str(o.name),
    owner: str(o.owner),
    shared: o.shared === true,
    layout: str(o.layout),
    icon: { text: str(icon.text), color: str(icon.color), ...(typeof icon.image === 'string' ? { image: icon.image } : {}) },
    applications: list(o.applications).filter(isRecord).map((a) => ({
      id: str(a.id),
      plugin: str(a.plugin),
      column: num(a.column),
      position: num(a.position),
      config: jsonObject(a.config),
    })),
  };
}

function readProfile(o: Rec): Profile {
  return {
    id: str(o.id),
    name: str(o.name),
    roles: list(o.roles).map((r) => str(r) as Role),
    workspaces: list(o.workspaces).map((w) => str(w)),
  };
}

function readKey(o: Rec): KeyEntry {
  // Anything not explicitly marked non-secret is treated as secret: masking too much is the safe mistake.
  return { key: str(o.key), value: str(o.value), secret: o.secret !== false };
}

function readManifest(m: Rec): Manifest {
  const unit = jsonObject(m.unit);
  const by = jsonObject(m.exportedBy);
  const counts = jsonObject(m.counts);
  return {
    payloadVersion: (typeof m.payloadVersion === 'number' ? m.payloadVersion : 1) as 1,
    appVersion: str(m.appVersion),
    origin: str(m.origin),
    unit: { id: str(unit.id), name: str(unit.name, str(unit.id)) },
    exportedBy: { id: str(by.id), name: str(by.name, str(by.id)) },
    createdAt: str(m.createdAt),
    counts: { plugins: num(counts.plugins), workspaces: num(counts.workspaces), profiles: num(counts.profiles), keys: num(counts.keys) },
  };
}

function readSection<T>(v: unknown, read: (o: Rec) => T, known: readonly string[]) {
  const items = list(v).filter(isRecord);
  return { items: items.map(read), extras: items.map((o) => extrasOf(o, known)) };
}

/**
 * Rebuilds a payload from JSON that failed validation. Returns undefined when the value does not even have the
 * outline of a backup (an object with `manifest` and `unit` objects).
 */
export function readPayloadLeniently(value: unknown): { payload: BackupPayload; extras: Extras } | undefined {
  if (!isRecord(value) || !isRecord(value.manifest) || !isRecord(value.unit)) return undefined;
  const unit = value.unit;
  const plugins = readSection(unit.plugins, readPlugin, PLUGIN_FIELDS);
  const workspaces = readSection(unit.workspaces, readWorkspace, WORKSPACE_FIELDS);
  const profiles = readSection(unit.profiles, readProfile, PROFILE_FIELDS);
  const keys = readSection(unit.keys, readKey, KEY_FIELDS);
  return {
    payload: {
      manifest: readManifest(value.manifest),
      unit: { plugins: plugins.items, workspaces: workspaces.items, profiles: profiles.items, keys: keys.items },
    },
    extras: { plugins: plugins.extras, workspaces: workspaces.extras, profiles: profiles.extras, keys: keys.extras },
  };
}
