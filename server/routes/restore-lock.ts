/**
 * The restore lock (docs/dashboard-api.md, "Restore lock"): one advisory lease per unit that an import, resume or
 * rollback takes before it reads the unit, renews while it runs, and releases at the end. It changes no unit data,
 * so it is not a mutating request (no fault counts it, the log does not mark it).
 */
import { RestoreLockRequest, type RestoreLock } from '../../src/api/restore-lock.js';
import { reply, type Reply, type RequestContext } from '../context.js';
import { conflict, invalid, parseWith } from '../http.js';
import type { UnitStore } from '../unit-store.js';

const locks = new WeakMap<UnitStore, RestoreLock>();

/** The unit's lock, unless it has expired. */
function current(unit: UnitStore, now: number): RestoreLock | undefined {
  const lock = locks.get(unit);
  if (lock && Date.parse(lock.expiresAt) > now) return lock;
  locks.delete(unit);
  return undefined;
}

/** `GET /units/{unit}/restore-lock` (admin) → 200 `{ lock }` (null when free). */
export const getRestoreLock = (_ctx: RequestContext, unit: UnitStore): Reply => reply(200, { lock: current(unit, Date.now()) ?? null });

/**
 * `PUT /units/{unit}/restore-lock` (admin) → 200 lock when free, expired or already this owner's (a renewal keeps
 * `since`); 409 while another owner holds it (`GET` tells who).
 */
export function putRestoreLock(ctx: RequestContext, unit: UnitStore): Reply {
  const input = parseWith(RestoreLockRequest, ctx.body, 'restore lock');
  const now = Date.now();
  const held = current(unit, now);
  if (held && held.owner !== input.owner) throw conflict(`The restore lock of unit "${unit.ref.id}" is held by someone else.`);
  const lock: RestoreLock = {
    owner: input.owner,
    label: input.label,
    since: held?.since ?? new Date(now).toISOString(),
    expiresAt: new Date(now + input.ttlSeconds * 1000).toISOString(),
  };
  locks.set(unit, lock);
  return reply(200, lock);
}

/** `DELETE /units/{unit}/restore-lock?owner=…` (admin) → 204 (also when free); 409 while another owner holds it. */
export function deleteRestoreLock(ctx: RequestContext, unit: UnitStore): Reply {
  const owner = ctx.query.get('owner');
  if (!owner) throw invalid('Say whose restore lock to release: ?owner=…');
  const held = current(unit, Date.now());
  if (held && held.owner !== owner) throw conflict(`The restore lock of unit "${unit.ref.id}" is held by someone else.`);
  locks.delete(unit);
  return { status: 204 };
}
