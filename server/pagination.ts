/** Paging of list endpoints: `?offset=&limit=` → `{ items, total, offset, limit }`, in creation order. */
import { MAX_PAGE_LIMIT, type Page } from '../src/schemas.js';
import { invalid } from './http.js';

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
