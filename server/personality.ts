/**
 * Personalities of the reference Dashboard. `reference` is the Dashboard the module was written against. `foreign`
 * is one that is not our mirror, doing everything the contract (docs/dashboard-api.md) allows differently:
 * entities carry fields src/schemas.ts does not know (every personality stores a create body as given, minus
 * server-owned fields: server/owned.ts), it serves at most
 * {@link FOREIGN_PAGE_LIMIT} items per page whatever the client asks, its ids have other shapes (ULID-like
 * `ws_01HF…`, UUIDs), and it lists the key store sorted by name rather than in creation order. Its seeds are
 * literal JSON (server/seeds/foreign/), never built from the client's schemas.
 */
import type { Collection } from './unit-store.js';

/** Names of the personalities, as `POST /api/__dev/worlds {personality}` takes them. */
export const PERSONALITIES = ['reference', 'foreign'] as const;
export type Personality = (typeof PERSONALITIES)[number];

/** Most items per page the foreign Dashboard serves (the client asks for 100). */
export const FOREIGN_PAGE_LIMIT = 20;

/** A list's items in the order the personality lists them: creation order, except the foreign key store (by name). */
export function listOrder<T>(personality: Personality, collection: Collection, items: Iterable<T>): T[] {
  const all = [...items];
  if (personality !== 'foreign' || collection !== 'keys') return all;
  const name = (k: T) => (k as { key: string }).key;
  return all.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `n` in Crockford base 32, `width` digits. */
function base32(n: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = CROCKFORD[n % 32]! + out;
    n = Math.floor(n / 32);
  }
  return out;
}

/** A server-assigned id of the foreign Dashboard: ULID-like for workspaces and applications, UUIDs otherwise. */
export function foreignId(prefix: 'pl' | 'ws' | 'pr' | 'app', n: number): string {
  if (prefix === 'ws' || prefix === 'app') return `${prefix}_01HF${base32(n * 7919, 22)}`;
  const hex = (n * 2654435761).toString(16).padStart(12, '0').slice(-12);
  return `${prefix === 'pl' ? '5e1f0c2a' : '9b7d44e1'}-${hex.slice(0, 4)}-4${hex.slice(4, 7)}-a${hex.slice(7, 10)}-00000${hex.padStart(7, '0').slice(-7)}`;
}
