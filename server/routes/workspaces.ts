/** Workspace routes: list (summaries), details, create (application ids assigned here), delete. */
import { WorkspaceInput, type Workspace } from '../../src/schemas.js';
import { assignId } from '../world.js';
import { reply, type Reply, type RequestContext } from '../context.js';
import { notFound, parseEntity } from '../http.js';
import { runIdempotent } from '../idempotency.js';
import { checkApplicationPlugins, checkWorkspaceUnlisted } from '../integrity.js';
import { listPage } from '../pagination.js';
import type { UnitStore } from '../unit-store.js';
import { stripServerOwned } from '../owned.js';

/** The summary a workspace list shows. */
export const summarizeWorkspace = (w: Workspace) => ({ id: w.id, name: w.name, owner: w.owner, shared: w.shared });

function findWorkspace(unit: UnitStore, id: string): Workspace {
  const workspace = unit.workspaces.get(id);
  if (!workspace) throw notFound(`There is no workspace "${id}" in unit "${unit.ref.id}".`);
  return workspace;
}

/** `GET /units/{unit}/workspaces` */
export const listWorkspaces = (ctx: RequestContext, unit: UnitStore): Reply =>
  reply(200, listPage(ctx, 'workspaces', unit.workspaces.values(), summarizeWorkspace));

/** `GET /units/{unit}/workspaces/{id}` */
export const getWorkspace = (_ctx: RequestContext, unit: UnitStore, id: string): Reply => reply(200, findWorkspace(unit, id));

/** `POST /units/{unit}/workspaces` (admin) → 201 workspace */
export function createWorkspace(ctx: RequestContext, unit: UnitStore): Reply {
  const input = stripServerOwned(parseEntity(WorkspaceInput, ctx.body, 'workspace')); // the server assigns those itself
  return runIdempotent(ctx, unit.ref.id, 'workspaces', () => {
    checkApplicationPlugins(unit, input.applications);
    const workspace: Workspace = {
      id: assignId(ctx.world, 'ws'),
      ...input,
      applications: input.applications.map((app) => ({ id: assignId(ctx.world, 'app'), ...app })),
    };
    unit.workspaces.set(workspace.id, workspace);
    return reply(201, workspace);
  });
}

/** `DELETE /units/{unit}/workspaces/{id}` (admin) → 204 */
export function deleteWorkspace(_ctx: RequestContext, unit: UnitStore, id: string): Reply {
  findWorkspace(unit, id);
  checkWorkspaceUnlisted(unit, id);
  unit.workspaces.delete(id);
  return { status: 204 };
}
