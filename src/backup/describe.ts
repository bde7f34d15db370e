/**
 * The English sentences of the engines' facts (facts.ts), for programmatic users and logs (the elements say them
 * from their catalog instead). The only place these sentences are made.
 */
import type { DependencyReason, DriftItem, UnitDifference, WriteReason } from './facts.js';
import type { SectionName } from './types.js';

const SINGULAR: Record<SectionName, string> = { plugins: 'Plugin', workspaces: 'Workspace', profiles: 'Profile', keys: 'Key' };
const TITLE: Record<SectionName, string> = { plugins: 'Plugins', workspaces: 'Workspaces', profiles: 'Profiles', keys: 'Keys' };

const quoteFields = (fields: string[]): string =>
  `${fields.length === 1 ? 'field' : 'fields'} ${fields.map((f) => `"${f}"`).join(', ')}`;

/** `Workspace "Desk (admin)" is missing.`, and the like. */
export function describeDifference(d: UnitDifference): string {
  switch (d.code) {
    case 'changed':
      return `${SINGULAR[d.section]} "${d.label}" differs from the backup in ${quoteFields(d.fields)}.`;
    case 'missing':
      return `${SINGULAR[d.section]} "${d.label}" is missing.`;
    case 'extra':
      return `${SINGULAR[d.section]} "${d.label}" is not in the backup.`;
    case 'order':
      return `${TITLE[d.section]} are not in the backup’s order (a difference in "order"): position ${d.position} holds ${SINGULAR[d.section].toLowerCase()} "${d.found}", the backup has "${d.expected}" there.`;
  }
}

/** `workspace "Desk" (admin)`, `key "smtp.password"`. */
export function describeDrift(d: DriftItem): string {
  const kind = SINGULAR[d.section].toLowerCase();
  return d.owner === undefined ? `${kind} ${JSON.stringify(d.name)}` : `${kind} ${JSON.stringify(d.name)} (${d.owner})`;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Why an entity cannot be written: `it nests 300 levels …`. */
export function describeWriteReason(r: WriteReason): string {
  switch (r.code) {
    case 'too-deep':
      return `it nests ${r.depth.toLocaleString('en')} levels of objects and arrays deep; the Dashboard accepts ${r.max.toLocaleString('en')}.`;
    case 'lone-surrogate':
      return 'a text in it holds a lone UTF-16 surrogate, which has no UTF-8 form, so the Dashboard cannot store it as it is.';
    case 'too-large':
      return `its request would be ${mib(r.bytes)}; the Dashboard accepts ${mib(r.max)}.`;
    case 'name-unaddressable':
      return `its name cannot be a URL path segment ("", "." and ".." are resolved away by URL parsing, even percent-encoded).`;
    case 'name-lone-surrogate':
      return 'its name holds a lone UTF-16 surrogate, which a URL cannot carry.';
    case 'undeletable-unaddressable':
      return `its ${r.what} cannot be a URL path segment ("", "." and ".." are resolved away by URL parsing), so it cannot be deleted.`;
    case 'undeletable-lone-surrogate':
      return `its ${r.what} holds a lone UTF-16 surrogate, which a URL cannot carry, so it cannot be deleted.`;
  }
}

/** Why a selective restore brings an entity along: `Profile "Desk" lists it and this unit does not have it.` */
export function describeDependency(r: DependencyReason): string {
  switch (r.code) {
    case 'profile-lists':
      return `Profile "${r.by}" lists it and this unit does not have it.`;
    case 'workspace-uses':
      return `Workspace "${r.by}" uses it and this unit does not have it.`;
    case 'plugin-maps':
      return `Plugin "${r.by}" maps a requirement to it and this unit does not have it.`;
    case 'maps-replaced':
      return `It maps a requirement to plugin "${r.by}", which is replaced.`;
    case 'uses-replaced':
      return `It uses plugin "${r.by}", which is replaced.`;
    case 'lists-replaced':
      return `It lists workspace "${r.by}", which is replaced or recreated.`;
  }
}
