/**
 * Idempotency-Key on POST: the same key with the same body returns the first (successful) response again and
 * creates nothing; the same key with another body is a 409. Records are per world, unit and collection. Failed
 * requests are not recorded, so a retry after a failure does the work.
 */
import { canonicalJson } from '../src/json.js';
import { conflict } from './http.js';
import type { Reply, RequestContext } from './context.js';

/**
 * Canonical JSON (object keys sorted), so the same body serialised in another key order still matches. Iterative
 * (src/json.ts): a body may nest as deep as the contract allows.
 */
export { canonicalJson };

/**
 * Runs `create` at most once per Idempotency-Key. Without the header it just runs `create`. `create` must be
 * synchronous so that the check and the change happen without another request in between.
 */
export function runIdempotent(ctx: RequestContext, unit: string, collection: string, create: () => Reply): Reply {
  const key = ctx.req.headers['idempotency-key'];
  if (typeof key !== 'string' || key === '') return create();
  const recordKey = `${unit}\u0000${collection}\u0000${key}`;
  const body = canonicalJson(ctx.body ?? null);
  const record = ctx.world.idempotency.get(recordKey);
  if (record) {
    if (record.body !== body) throw conflict('This Idempotency-Key was already used with a different request body.');
    return { status: record.status, body: record.response, headers: { 'idempotent-replayed': 'true' } };
  }
  const result = create();
  if (result.status >= 200 && result.status < 300) {
    // A JSON copy, not structuredClone: V8's serializer recurses and overflows below the contract's depth limit
    // (2,000), where JSON.stringify (which answering needs anyway) and JSON.parse (iterative) do not.
    const response: unknown = result.body === undefined ? undefined : JSON.parse(JSON.stringify(result.body));
    ctx.world.idempotency.set(recordKey, { body, status: result.status, response });
  }
  return result;
}
