/**
 * The optional reorder route (docs/dashboard-api.md, "Reordering (optional)"): `PUT /units/{unit}/{collection}/order`
 * sets the list order of plugins, workspaces or profiles in one call. Offered only by worlds created with
 * `features: ['reorder']`, which then say so in `GET /session` (`features`); elsewhere the path is an item path
 * like any other (405: items have no PUT), as on a Dashboard that lacks the route.
 */
import * as z from 'zod/mini';
import { EntityId } from '../../src/schemas.js';
import type { Reply, RequestContext } from '../context.js';
import { conflict, parseWith } from '../http.js';
import type { EntityCollection, UnitStore } from '../unit-store.js';

/** Optional features a world may offer, as `POST /api/__dev/worlds {features}` and `GET /session` name them. */
export const FEATURES = ['reorder'] as const;
export type Feature = (typeof FEATURES)[number];

/** The last path segment of the reorder route. */
export const ORDER_SEGMENT = 'order';

/** Body of the reorder route: every id of the collection, each once, in the wanted order. */
export const OrderBody = z.object({ ids: z.array(EntityId).check(z.maxLength(100_000)) });

/** `PUT /units/{unit}/{collection}/order {ids}` (admin) → 204; 409 unless `ids` is exactly the collection's ids. */
export function putOrder(ctx: RequestContext, unit: UnitStore, collection: EntityCollection): Reply {
  const { ids } = parseWith(OrderBody, ctx.body, 'order');
  const items: Map<string, unknown> = unit[collection];
  const unique = new Set(ids);
  if (unique.size !== ids.length || ids.length !== items.size || ids.some((id) => !items.has(id))) {
    throw conflict(
      `The order must list every ${collection.slice(0, -1)} of unit "${unit.ref.id}" exactly once (${items.size}); ` +
        `it lists ${ids.length} id(s), ${unique.size} distinct. Read the list again and resend.`,
    );
  }
  const reordered = new Map(ids.map((id) => [id, items.get(id)]));
  items.clear();
  for (const [id, item] of reordered) items.set(id, item);
  return { status: 204 };
}
