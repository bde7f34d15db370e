/**
 * Fields a Dashboard returned that this version's schemas do not model ("other fields"). They are kept in the
 * backup as read and sent back on create; this module only finds them, for the read-only views (the import
 * preview and the offline inspector), which show them as compact JSON.
 */
import { Application, KeyEntry, Plugin, Profile, SERVER_OWNED_FIELDS, Workspace, type JsonObject, type JsonValue } from './schemas.js';

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
const KNOWN_APPLICATION = Object.keys(Application.shape);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The top-level fields of `entity` its section's schema does not know, plus, for a workspace, those of its
 * applications (as `applications.2.field`). Built with `Object.fromEntries`, so a `__proto__` field stays a field.
 * @returns undefined when there are none.
 */
export function otherFields(section: EntitySection, entity: unknown): JsonObject | undefined {
  if (!isRecord(entity)) return undefined;
  const entries: [string, JsonValue][] = Object.keys(entity)
    .filter((k) => !KNOWN[section].includes(k))
    .map((k) => [k, entity[k] as JsonValue]);
  if (section === 'workspaces' && Array.isArray(entity.applications)) {
    entity.applications.forEach((app: unknown, i) => {
      if (!isRecord(app)) return;
      for (const k of Object.keys(app)) if (!KNOWN_APPLICATION.includes(k)) entries.push([`applications.${i}.${k}`, app[k] as JsonValue]);
    });
  }
  return entries.length > 0 ? (Object.fromEntries(entries) as JsonObject) : undefined;
}
