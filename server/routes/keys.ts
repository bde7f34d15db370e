/** Key store routes: list (full entries, secrets included: admin only), upsert, delete. */
import { KeyName, KeyValueInput, type KeyEntry } from '../../src/schemas.js';
import { reply, type Reply, type RequestContext } from '../context.js';
import { notFound, parseEntity, parseWith } from '../http.js';
import { listPage } from '../pagination.js';
import type { UnitStore } from '../unit-store.js';
import { stripServerOwned } from '../owned.js';

/** `GET /units/{unit}/keys` (admin) */
export const listKeys = (ctx: RequestContext, unit: UnitStore): Reply =>
  reply(200, listPage(ctx, 'keys', unit.keys.values(), (k) => k));

/** `PUT /units/{unit}/keys/{key}` (admin) → 200 entry; an existing key keeps its place in the order. */
export function putKey(ctx: RequestContext, unit: UnitStore, key: string): Reply {
  const name = parseWith(KeyName, key, 'key name');
  const input = stripServerOwned(parseEntity(KeyValueInput, ctx.body, 'key value')); // the server assigns those itself
  // Fields beyond value and secret are kept as given (a round trip is exact); the name comes from the path.
  const entry: KeyEntry = { ...input, key: name };
  unit.keys.set(name, entry);
  return reply(200, entry);
}

/** `DELETE /units/{unit}/keys/{key}` (admin) → 204 */
export function deleteKey(_ctx: RequestContext, unit: UnitStore, key: string): Reply {
  if (!unit.keys.delete(key)) throw notFound(`That key is not in the key store of unit "${unit.ref.id}".`);
  return { status: 204 };
}
