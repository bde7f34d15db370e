/**
 * Deterministic backup payloads for the inspector tests: any size, with hostile strings (markup, quotes) in every
 * free-text field, and secrets whose values the tests look for in the DOM.
 */
import type { BackupPayload, Counts } from '../../src/schemas.js';

/** A string that must be shown as text, never parsed as markup. */
export const HOSTILE = '<img src=x onerror=alert(1)>';

/** The value of secret key `i`: unique, so a test can prove it is absent from the DOM. */
export function secretValue(i: number): string {
  return `s3cret-value-${i}-do-not-show`;
}

/** Builds a payload with `counts` entities in each section; `variant` changes a few of them (for diffs). */
export function makePayload(counts: Counts, variant = 0): BackupPayload {
  const plugins = Array.from({ length: counts.plugins }, (_, i) => ({
    id: `p${i + variant * 1000}`,
    bundle: `com.example.plugin-${i}`,
    name: i === 0 ? `Plugin ${HOSTILE}` : `Plugin ${i}`,
    version: variant && i === 1 ? '2.0.0' : '1.0.0',
    author: 'Example Corp',
    description: `Does thing ${i}`,
    manifestUrl: `https://plugins.example.com/${i}/manifest.json`,
    enabled: i % 3 !== 0,
    configuration: { feed: `feed-${i}`, nested: { depth: [1, 2, { label: HOSTILE }] }, limit: i },
    permissions: [{ id: `perm.read-${i}`, label: 'Read', description: 'Reads the feed' }],
    permissionMappings: { [`perm.read-${i}`]: ['admin' as const, 'user' as const] },
    requirementMappings: {
      actions: (i > 0 ? { open: 'com.example.plugin-0' } : {}) as Record<string, string>,
      portals: {} as Record<string, string>,
    },
  }));
  const workspaces = Array.from({ length: counts.workspaces }, (_, i) => ({
    id: `w${i + variant * 1000}`,
    name: i === 0 ? `Desk ${HOSTILE}` : `Desk ${i}`,
    owner: `user-${i % 7}`,
    shared: i % 2 === 0,
    layout: 'columns-3',
    icon: { text: 'D', color: '#336699' },
    applications: counts.plugins
      ? [{ id: `a${i}-${variant}`, plugin: `com.example.plugin-${i % counts.plugins}`, column: 0, position: 0,
          config: { title: `App of desk ${i}`, rows: variant && i === 2 ? 20 : 10 } }]
      : [],
  }));
  const profiles = Array.from({ length: counts.profiles }, (_, i) => ({
    id: `r${i + variant * 1000}`,
    name: `Profile ${i}`,
    roles: [i % 2 ? ('user' as const) : ('admin' as const)],
    workspaces: workspaces.slice(0, Math.min(3, workspaces.length)).map((w) => w.id),
  }));
  const keys = Array.from({ length: counts.keys }, (_, i) => ({
    key: `service.${i}.${i % 2 ? 'token' : 'url'}`,
    value: i % 2 ? secretValue(i) : `https://svc-${i}.example.com/?q=${HOSTILE}`,
    secret: i % 2 === 1,
  }));
  return {
    manifest: {
      payloadVersion: 1,
      appVersion: '0.1.0',
      origin: 'https://dashboard.example.com',
      unit: { id: 'south-news', name: 'South News' },
      exportedBy: { id: 'admin', name: 'Ada Admin' },
      createdAt: variant ? '2026-11-28T11:00:00.000Z' : '2026-11-28T10:00:00.000Z',
      counts,
    },
    unit: { plugins, workspaces, profiles, keys },
  };
}
