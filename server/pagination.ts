/**
 * Paging of list endpoints: `?offset=&limit=` → `{ items, total, offset, limit }`, in the personality's list order
 * (creation order, but the foreign key store by name), at most the personality's page size (the `limit` returned
 * is the one applied).
 */
import { MAX_PAGE_LIMIT, type Page } from '../src/schemas.js';
import type { RequestContext } from './context.js';
import { invalid } from './http.js';
import { FOREIGN_PAGE_LIMIT, listOrder } from './personality.js';
import type { Collection } from './unit-store.js';

/** `limit` when the request gives none. */
export const DEFAULT_PAGE_LIMIT = 50;

/** Reads `offset` (integer ≥ 0, default 0) and `limit` (1..100, default 50); 400 otherwise. */
export function readPaging(query: URLSearchParams): { offset: number; limit: number } {
  const offset = readInteger(query, 'offset', 0);
  const limit = readInteger(query, 'limit', DEFAULT_PAGE_LIMIT);
  const issues = [];
  if (offset < 0) issues.push({ path: ['offset'], message: 'must be 0 or more' });
  if (limit < 1 || limit > MAX_PAGE_LIMIT) issues.push({ path: ['limit'], message: `must be 1 to ${MAX_PAGE_LIMIT}` });
  if (issues.length) throw invalid('The paging parameters are out of range.', issues);
  return { offset, limit };
}

function readInteger(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d{1,9}$/.test(raw)) throw invalid(`The ${name} parameter must be an integer.`, [{ path: [name], message: 'must be an integer' }]);
  return Number(raw);
}

/** One page of `items` mapped with `view`. */
export function paginate<T, V>(items: Iterable<T>, paging: { offset: number; limit: number }, view: (item: T) => V): Page<V> {
  const all = [...items];
  return {
    items: all.slice(paging.offset, paging.offset + paging.limit).map(view),
    total: all.length,
    offset: paging.offset,
    limit: paging.limit,
  };
}

/** One page of a collection's list as the world's personality serves it. */
export function listPage<T, V>(ctx: RequestContext, collection: Collection, items: Iterable<T>, view: (item: T) => V): Page<V> {
  const paging = readPaging(ctx.query);
  const personality = ctx.world.personality;
  // The foreign Dashboard serves fewer items than asked and says so in `limit`, as the contract allows.
  if (personality === 'foreign') paging.limit = Math.min(paging.limit, FOREIGN_PAGE_LIMIT);
  return paginate(listOrder(personality, collection, items), paging, view);
}
