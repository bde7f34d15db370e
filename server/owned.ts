/**
 * Server-owned fields (docs/dashboard-api.md, "Server-owned and unknown fields"): what the Dashboard assigns itself
 * on create. A body never chooses them — the route assigns its own — while every other field, unknown ones
 * included, is stored and returned as given (parseWith keeps the body as received).
 */
import { SERVER_OWNED_FIELDS } from '../src/schemas.js';

/** `entity` without its server-owned fields (a shallow copy that keeps `__proto__` and every other key a field). */
export function withoutServerOwned<T extends object>(entity: T): T {
  return Object.fromEntries(Object.entries(entity).filter(([k]) => !SERVER_OWNED_FIELDS.includes(k))) as T;
}

/** A create body without server-owned fields, its applications' (a workspace's) included. */
export function stripServerOwned<T extends object>(body: T): T {
  const out = withoutServerOwned(body) as T & { applications?: unknown };
  if (Array.isArray(out.applications)) {
    out.applications = out.applications.map((a: unknown) => (typeof a === 'object' && a !== null ? withoutServerOwned(a) : a));
  }
  return out;
}
