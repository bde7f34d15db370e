/**
 * Integrity rules of a unit: references must point at things that exist (422), bundles are unique and things in
 * use cannot be deleted (409).
 */
import type { ApplicationInput, RequirementMappings } from '../src/schemas.js';
import { conflict, unprocessable } from './http.js';
import type { UnitStore } from './unit-store.js';

/** Bundles installed in a unit. */
function installedBundles(unit: UnitStore): Set<string> {
  return new Set([...unit.plugins.values()].map((p) => p.bundle));
}

/** 409 when a plugin with this bundle is already installed. */
export function checkBundleFree(unit: UnitStore, bundle: string): void {
  for (const p of unit.plugins.values()) {
    if (p.bundle === bundle) throw conflict(`A plugin with bundle "${bundle}" is already installed (id ${p.id}).`);
  }
}

/** 422 when a requirement mapping names a provider that is not installed (`self` counts as installed). */
export function checkMappingProviders(unit: UnitStore, mappings: RequirementMappings, self: string): void {
  const installed = installedBundles(unit);
  installed.add(self);
  for (const kind of ['actions', 'portals'] as const) {
    for (const [id, provider] of Object.entries(mappings[kind])) {
      if (!installed.has(provider)) {
        throw unprocessable(`The ${kind === 'actions' ? 'action' : 'portal'} "${id}" is mapped to "${provider}", which is not installed.`);
      }
    }
  }
}

/** 422 when an application names a plugin bundle that is not installed. */
export function checkApplicationPlugins(unit: UnitStore, applications: ApplicationInput[]): void {
  const installed = installedBundles(unit);
  applications.forEach((app, i) => {
    if (!installed.has(app.plugin)) throw unprocessable(`Application ${i} uses plugin "${app.plugin}", which is not installed.`);
  });
}

/** 422 when a profile lists a workspace id the unit does not have. */
export function checkProfileWorkspaces(unit: UnitStore, workspaceIds: string[]): void {
  for (const id of workspaceIds) {
    if (!unit.workspaces.has(id)) throw unprocessable(`The profile lists workspace "${id}", which does not exist.`);
  }
}

/** 409 when an application uses the plugin or another plugin's requirement mapping names it. */
export function checkPluginUnused(unit: UnitStore, pluginId: string, bundle: string): void {
  for (const ws of unit.workspaces.values()) {
    if (ws.applications.some((a) => a.plugin === bundle)) {
      throw conflict(`Plugin "${bundle}" is still used by an application in workspace ${ws.id}.`);
    }
  }
  for (const p of unit.plugins.values()) {
    if (p.id === pluginId) continue;
    const named = [...Object.values(p.requirementMappings.actions), ...Object.values(p.requirementMappings.portals)];
    if (named.includes(bundle)) throw conflict(`Plugin "${bundle}" still provides a requirement of plugin ${p.id}.`);
  }
}

/** 409 when a profile still lists the workspace. */
export function checkWorkspaceUnlisted(unit: UnitStore, workspaceId: string): void {
  for (const p of unit.profiles.values()) {
    if (p.workspaces.includes(workspaceId)) throw conflict(`Workspace ${workspaceId} is still listed by profile ${p.id}.`);
  }
}
