/**
 * Fields a Dashboard returned that this version's schemas do not model ("other fields"). They are kept in the
 * backup as read and sent back on create; this module only finds them, for the read-only views (the import
 * preview and the offline inspector), which show them as compact JSON.
 */
import {
  Application,
  KeyEntry,
  Permission,
  Plugin,
  Profile,
  RequirementMappings,
  SERVER_OWNED_FIELDS,
  Workspace,
  WorkspaceIcon,
  type JsonObject,
  type JsonValue,
} from './schemas.js';

/** `entity` without its server-owned fields (SERVER_OWNED_FIELDS; a shallow copy, nested values shared). */
export function withoutServerOwned<T extends object>(entity: T): T {
  return Object.fromEntries(Object.entries(entity).filter(([k]) => !SERVER_OWNED_FIELDS.includes(k))) as T;
}

/** The four entity sections of a unit. */
export type EntitySection = 'plugins' | 'workspaces' | 'profiles' | 'keys';

const KNOWN: Record<EntitySection, readonly string[]> = {
  plugins: Object.keys(Plugin.shape),
  workspaces: Object.keys(Workspace.shape),
  profiles: Object.keys(Profile.shape),
  keys: Object.keys(KeyEntry.shape),
};
/** Objects inside an entity that have a schema of their own: where their other fields are looked for too. */
const NESTED: Record<EntitySection, { field: string; known: readonly string[]; list: boolean }[]> = {
  plugins: [
    { field: 'permissions', known: Object.keys(Permission.shape), list: true },
    { field: 'requirementMappings', known: Object.keys(RequirementMappings.shape), list: false },
  ],
  workspaces: [
    { field: 'icon', known: Object.keys(WorkspaceIcon.shape), list: false },
    { field: 'applications', known: Object.keys(Application.shape), list: true },
  ],
  profiles: [],
  keys: [],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields of `entity` its section's schema does not know: top-level ones by name, and those of the objects
 * inside it that have a schema (a workspace's icon and applications, a plugin's permissions and requirement
 * mappings) by path (`applications.2.pinned`, `icon.glyph`). Built with `Object.fromEntries`, so a `__proto__`
 * field stays a field.
 * @returns undefined when there are none.
 */
export function otherFields(section: EntitySection, entity: unknown): JsonObject | undefined {
  if (!isRecord(entity)) return undefined;
  const entries: [string, JsonValue][] = [];
  const collect = (o: Record<string, unknown>, known: readonly string[], prefix: string) => {
    for (const k of Object.keys(o)) if (!known.includes(k)) entries.push([`${prefix}${k}`, o[k] as JsonValue]);
  };
  collect(entity, KNOWN[section], '');
  for (const { field, known, list } of NESTED[section]) {
    const value = entity[field];
    if (list && Array.isArray(value)) value.forEach((item: unknown, i) => isRecord(item) && collect(item, known, `${field}.${i}.`));
    else if (!list && isRecord(value)) collect(value, known, `${field}.`);
  }
  return entries.length > 0 ? (Object.fromEntries(entries) as JsonObject) : undefined;
}
