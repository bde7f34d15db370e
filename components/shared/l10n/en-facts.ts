/**
 * English: what the engines find (src/backup/facts.ts) — verification differences, someone else's changes, why an
 * item cannot be written, why a selective restore brings an item along, dangling references. The `facts` group of
 * the catalog (en.ts).
 */
import { html } from 'lit';
import type { Part } from './catalog.js';

type Section = 'plugins' | 'workspaces' | 'profiles' | 'keys';
const kind = { plugins: 'plugin', workspaces: 'workspace', profiles: 'profile', keys: 'config in key store' } as const;
const Kind = { plugins: 'Plugin', workspaces: 'Workspace', profiles: 'Profile', keys: 'Config in key store' } as const;
const Kinds = { plugins: 'Plugins', workspaces: 'Workspaces', profiles: 'Profiles', keys: 'Configs in key store' } as const;

export const enFacts = {
  /** An entity whose fields differ (`fields`: the field names, already listed; `n`: how many). */
  changed: (s: Section, name: Part, fields: Part, n: number) =>
    html`${Kind[s]} “${name}” differs from the backup in ${n === 1 ? 'field' : 'fields'} ${fields}.`,
  missing: (s: Section, name: Part) => html`${Kind[s]} “${name}” is missing.`,
  extra: (s: Section, name: Part) => html`${Kind[s]} “${name}” is not in the backup.`,
  order: (s: Section, position: string, found: Part, expected: Part) =>
    html`${Kinds[s]} are not in the backup’s order: position ${position} holds “${found}”, the backup has “${expected}” there.`,
  /** Someone else's work: kind and name (a workspace with its owner). */
  drift: (s: Section, name: Part, owner: Part | undefined) =>
    owner === undefined ? html`${Kind[s]} “${name}”` : html`${Kind[s]} “${name}” (owner ${owner})`,
  write: {
    'too-deep': (depth: string, max: string) =>
      `it nests ${depth} levels of objects and arrays deep; the Dashboard accepts ${max}.`,
    'too-large': (size: string, max: string) => `its request would be ${size}; the Dashboard accepts ${max}.`,
    'lone-surrogate':
      'a text in it holds a lone UTF-16 surrogate, which has no UTF-8 form, so the Dashboard cannot store it as it is.',
    'name-unaddressable':
      'its name cannot be a URL path segment ("", "." and ".." are resolved away by URL parsing, even percent-encoded).',
    'name-lone-surrogate': 'its name holds a lone UTF-16 surrogate, which a URL cannot carry.',
    'undeletable-unaddressable': (what: 'id' | 'name') =>
      `its ${what} cannot be a URL path segment ("", "." and ".." are resolved away by URL parsing), so it cannot be deleted.`,
    'undeletable-lone-surrogate': (what: 'id' | 'name') =>
      `its ${what} holds a lone UTF-16 surrogate, which a URL cannot carry, so it cannot be deleted.`,
  },
  dependency: {
    'profile-lists': (by: Part) => html`Profile “${by}” lists it and this unit does not have it.`,
    'workspace-uses': (by: Part) => html`Workspace “${by}” uses it and this unit does not have it.`,
    'plugin-maps': (by: Part) => html`Plugin “${by}” maps a requirement to it and this unit does not have it.`,
    'maps-replaced': (by: Part) => html`It maps a requirement to plugin “${by}”, which is replaced.`,
    'uses-replaced': (by: Part) => html`It uses plugin “${by}”, which is replaced.`,
    'lists-replaced': (by: Part) => html`It lists workspace “${by}”, which is replaced or recreated.`,
  },
  /** A dependency's action. */
  created: 'created from the backup',
  recreated: 'recreated as it is',
  /** A reference to something the backup lacks, by where it is (`n`: the entity's position, 1-based). */
  dangling: {
    provider: (n: string) => `A requirement mapping of plugin ${n} names a provider plugin that is not in the backup.`,
    plugin: (n: string) => `An application of workspace ${n} names a plugin that is not in the backup.`,
    workspace: (n: string) => `Profile ${n} names a workspace that is not in the backup.`,
    other: 'This reference points at nothing in the backup.',
  },
  /** The entities' fields a difference names (fields this version does not know are shown as they are). */
  fieldNames: {
    plugin: 'plugin', column: 'column', position: 'position', config: 'config',
    bundle: 'bundle', name: 'name', version: 'version', author: 'author', description: 'description',
    manifestUrl: 'manifest URL', enabled: 'enabled', icon: 'icon', configuration: 'configuration',
    permissions: 'permissions', permissionMappings: 'permission mappings', requirementMappings: 'requirement mappings',
    owner: 'owner', shared: 'shared', layout: 'layout', applications: 'applications', roles: 'roles',
    workspaces: 'workspaces', key: 'key', value: 'value', secret: 'secret',
  },
  /** The sections, for a sentence: "plugin", "workspace"… */
  kind,
} as const;
