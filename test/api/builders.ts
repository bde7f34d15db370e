/** Minimal valid request bodies for the create calls. */
import type { PluginInput, ProfileInput, WorkspaceInput } from '../../src/schemas.js';

export function pluginInput(bundle: string, overrides: Partial<PluginInput> = {}): PluginInput {
  return {
    bundle,
    name: `Plugin ${bundle}`,
    version: '1.0.0',
    author: 'Test',
    manifestUrl: `https://plugins.example/${bundle}/manifest.json`,
    enabled: true,
    configuration: { nested: { list: [1, 'two', null] } },
    permissions: [{ id: 'read', label: 'Read', description: 'Can read' }],
    permissionMappings: { read: ['admin', 'user'] },
    requirementMappings: { actions: {}, portals: {} },
    ...overrides,
  };
}

export function workspaceInput(name: string, pluginBundles: string[] = []): WorkspaceInput {
  return {
    name,
    owner: 'admin',
    shared: true,
    layout: 'columns-3',
    icon: { text: 'W', color: '#336699' },
    applications: pluginBundles.map((plugin, i) => ({ plugin, column: i % 3, position: i, config: { i } })),
  };
}

export function profileInput(name: string, workspaces: string[] = []): ProfileInput {
  return { name, roles: ['user'], workspaces };
}
