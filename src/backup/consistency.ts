/**
 * Internal consistency of a backup: references that point at nothing in it (dangling), and natural keys or ids
 * that appear twice (which no Dashboard could hold). Paths are relative to the payload, like zod's.
 */
import type { ValidationIssue } from '../errors.js';
import type { Counts, UnitState } from '../schemas.js';

/** How many entities of each kind `unit` holds. */
export function countUnit(unit: UnitState): Counts {
  return {
    plugins: unit.plugins.length,
    workspaces: unit.workspaces.length,
    profiles: unit.profiles.length,
    keys: unit.keys.length,
  };
}

/**
 * Every reference inside `unit` whose target the unit lacks: an application naming a plugin bundle, a plugin's
 * action or portal mapped to a provider bundle, a profile naming a workspace id.
 */
export function findDanglingReferences(unit: UnitState): ValidationIssue[] {
  const bundles = new Set(unit.plugins.map((p) => p.bundle));
  const workspaceIds = new Set(unit.workspaces.map((w) => w.id));
  const issues: ValidationIssue[] = [];
  unit.plugins.forEach((p, i) => {
    for (const kind of ['actions', 'portals'] as const) {
      for (const [name, provider] of Object.entries(p.requirementMappings[kind])) {
        if (!bundles.has(provider)) {
          issues.push({
            path: ['unit', 'plugins', i, 'requirementMappings', kind, name],
            message: `A requirement mapping of plugin ${i + 1} names a provider plugin that is not in the backup.`,
          });
        }
      }
    }
  });
  unit.workspaces.forEach((w, i) => {
    w.applications.forEach((a, j) => {
      if (!bundles.has(a.plugin)) {
        issues.push({
          path: ['unit', 'workspaces', i, 'applications', j, 'plugin'],
          message: `An application of workspace ${i + 1} names a plugin that is not in the backup.`,
        });
      }
    });
  });
  unit.profiles.forEach((p, i) => {
    p.workspaces.forEach((id, j) => {
      if (!workspaceIds.has(id)) {
        issues.push({
          path: ['unit', 'profiles', i, 'workspaces', j],
          message: `Profile ${i + 1} names a workspace that is not in the backup.`,
        });
      }
    });
  });
  return issues;
}

/** Values that must be unique in a unit but repeat in `unit`: plugin bundles and ids, workspace ids, profile ids, key names. */
export function findDuplicates(unit: UnitState): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = <T>(section: keyof UnitState, items: T[], field: string, pick: (t: T) => string, what: string): void => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const value = pick(item);
      if (seen.has(value)) issues.push({ path: ['unit', section, i, field], message: `${what} appears twice.` });
      seen.add(value);
    });
  };
  check('plugins', unit.plugins, 'bundle', (p) => p.bundle, 'A plugin bundle');
  check('plugins', unit.plugins, 'id', (p) => p.id, 'A plugin id');
  check('workspaces', unit.workspaces, 'id', (w) => w.id, 'A workspace id');
  check('profiles', unit.profiles, 'id', (p) => p.id, 'A profile id');
  check('keys', unit.keys, 'key', (k) => k.key, 'A key name');
  return issues;
}
