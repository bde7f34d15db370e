/** Profile routes: list (full entities), create, delete. */
import { ProfileInput, type Profile } from '../../src/schemas.js';
import { assignId } from '../world.js';
import { reply, type Reply, type RequestContext } from '../context.js';
import { notFound, parseEntity } from '../http.js';
import { runIdempotent } from '../idempotency.js';
import { checkProfileWorkspaces } from '../integrity.js';
import { listPage } from '../pagination.js';
import type { UnitStore } from '../unit-store.js';
import { stripServerOwned } from '../owned.js';

/** `GET /units/{unit}/profiles` */
export const listProfiles = (ctx: RequestContext, unit: UnitStore): Reply =>
  reply(200, listPage(ctx, 'profiles', unit.profiles.values(), (p) => p));

/** `POST /units/{unit}/profiles` (admin) → 201 profile */
export function createProfile(ctx: RequestContext, unit: UnitStore): Reply {
  const input = stripServerOwned(parseEntity(ProfileInput, ctx.body, 'profile')); // the server assigns those itself
  return runIdempotent(ctx, unit.ref.id, 'profiles', () => {
    checkProfileWorkspaces(unit, input.workspaces);
    const profile: Profile = { id: assignId(ctx.world, 'pr'), ...input };
    unit.profiles.set(profile.id, profile);
    return reply(201, profile);
  });
}

/** `DELETE /units/{unit}/profiles/{id}` (admin) → 204 */
export function deleteProfile(_ctx: RequestContext, unit: UnitStore, id: string): Reply {
  if (!unit.profiles.delete(id)) throw notFound(`There is no profile "${id}" in unit "${unit.ref.id}".`);
  return { status: 204 };
}
