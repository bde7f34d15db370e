/** Plugin routes: list (summaries), details, create, replace requirement mappings, delete. */
import { PluginInput, RequirementMappings, type Plugin } from '../../src/schemas.js';
import { assignId } from '../world.js';
import { reply, type Reply, type RequestContext } from '../context.js';
import { notFound, parseEntity } from '../http.js';
import { runIdempotent } from '../idempotency.js';
import { checkBundleFree, checkMappingProviders, checkPluginUnused } from '../integrity.js';
import { listPage } from '../pagination.js';
import type { UnitStore } from '../unit-store.js';
import { stripServerOwned } from '../owned.js';

/** The summary a plugin list shows. */
export const summarizePlugin = (p: Plugin) => ({ id: p.id, bundle: p.bundle, name: p.name, version: p.version, enabled: p.enabled });

function findPlugin(unit: UnitStore, id: string): Plugin {
  const plugin = unit.plugins.get(id);
  if (!plugin) throw notFound(`There is no plugin "${id}" in unit "${unit.ref.id}".`);
  return plugin;
}

/** `GET /units/{unit}/plugins` */
export const listPlugins = (ctx: RequestContext, unit: UnitStore): Reply =>
  reply(200, listPage(ctx, 'plugins', unit.plugins.values(), summarizePlugin));

/** `GET /units/{unit}/plugins/{id}` (admin) */
export const getPlugin = (_ctx: RequestContext, unit: UnitStore, id: string): Reply => reply(200, findPlugin(unit, id));

/** `POST /units/{unit}/plugins` (admin) → 201 plugin */
export function createPlugin(ctx: RequestContext, unit: UnitStore): Reply {
  const input = stripServerOwned(parseEntity(PluginInput, ctx.body, 'plugin')); // the server assigns those itself
  return runIdempotent(ctx, unit.ref.id, 'plugins', () => {
    checkBundleFree(unit, input.bundle);
    checkMappingProviders(unit, input.requirementMappings, input.bundle);
    const plugin: Plugin = { id: assignId(ctx.world, 'pl'), ...input };
    unit.plugins.set(plugin.id, plugin);
    return reply(201, plugin);
  });
}

/** `PUT /units/{unit}/plugins/{id}/mappings` (admin) → 200 plugin */
export function putPluginMappings(ctx: RequestContext, unit: UnitStore, id: string): Reply {
  const mappings = parseEntity(RequirementMappings, ctx.body, 'requirement mappings');
  const plugin = findPlugin(unit, id);
  checkMappingProviders(unit, mappings, plugin.bundle);
  const updated: Plugin = { ...plugin, requirementMappings: mappings };
  unit.plugins.set(id, updated);
  return reply(200, updated);
}

/** `DELETE /units/{unit}/plugins/{id}` (admin) → 204 */
export function deletePlugin(_ctx: RequestContext, unit: UnitStore, id: string): Reply {
  const plugin = findPlugin(unit, id);
  checkPluginUnused(unit, id, plugin.bundle);
  unit.plugins.delete(id);
  return { status: 204 };
}
