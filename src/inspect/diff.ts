/**
 * Differences between two backups, section by section, matched by natural key — never by id, because ids are
 * assigned by the server and differ between units and after every restore:
 * plugins by bundle, workspaces by name + owner, profiles by name, keys by key name. Every field counts, unknown
 * ones included, except the server-owned ones (SERVER_OWNED_FIELDS); so does the order of plugins, workspaces
 * and profiles (not the key store's, a map).
 * Entries name the fields that differ but carry no values, so a diff never shows a secret.
 * Works in slices of entities, yielding to the page in between, so comparing two `large` seeds never freezes it.
 */
import { canonicalJson, createEntityPacer, type EntityPacer, type PaceOptions } from '../payload.js';
import { withoutServerOwned } from '../fields.js';
import type { BackupPayload, KeyEntry, Manifest, Plugin, Profile, Workspace } from '../schemas.js';
import type { SectionName } from './search.js';

/** One entity that exists on one side only, or on both sides with different content. */
export interface DiffEntry {
  /** Natural key (unique within the section). */
  key: string;
  /** What a person reads: the bundle, `name (owner)` (no word of any language in it), the profile name, the key name. */
  label: string;
  /**
   * For changed entries: the top-level fields that differ, e.g. `configuration`, `applications`, unknown fields
   * included (server-owned ones never count).
   */
  fields: string[];
}

/** Where the entities both backups hold stop being in the same order (1-based position, the labels found there). */
export interface OrderChange {
  position: number;
  before: string;
  after: string;
}

/** The differences in one section. `added` = only in `after`; `removed` = only in `before`. */
export interface SectionDiff {
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: DiffEntry[];
  unchanged: number;
  /** Set when the entities both sides hold are listed in another order (order is part of a unit's state). */
  order?: OrderChange;
}

/** A manifest field that differs (unit, origin, dates, versions, exporter) — not secret, so values are kept. */
export interface ManifestChange {
  field: string;
  before: string;
  after: string;
}

export interface BackupDiff {
  manifest: ManifestChange[];
  sections: Record<SectionName, SectionDiff>;
  /** True when no section has an added, removed or changed entity. */
  identical: boolean;
}

/** JSON with object keys sorted, so equal content compares equal whatever the key order. */
export const stringifyStable = canonicalJson;

/** An entity reduced to what it means (ids dropped or resolved), keyed naturally. */
interface Comparable {
  key: string;
  label: string;
  fields: Record<string, unknown>;
}

function comparePlugin(p: Plugin): Comparable {
  return { key: p.bundle, label: p.bundle, fields: withoutServerOwned(p) };
}

function workspaceKey(name: string, owner: string): string {
  return `${name}\u0000${owner}`;
}

function compareWorkspace(w: Workspace): Comparable {
  return {
    key: workspaceKey(w.name, w.owner),
    label: `${w.name} (${w.owner})`,
    fields: { ...withoutServerOwned(w), applications: w.applications.map((a) => withoutServerOwned(a)) },
  };
}

/**
 * Profiles name workspaces by id; compare the workspaces' natural keys instead, with duplicates told apart by
 * order as {@link indexByKey} does, so that a link moved between two same-named workspaces shows as a change.
 */
function compareProfileIn(p: BackupPayload): (profile: Profile) => Comparable {
  const seen = new Map<string, number>();
  const keys = new Map(
    p.unit.workspaces.map((w) => {
      const key = workspaceKey(w.name, w.owner);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return [w.id, n === 1 ? key : `${key}\u0000#${n}`];
    }),
  );
  return (p) => ({
    key: p.name,
    label: p.name,
    fields: { ...withoutServerOwned(p), workspaces: p.workspaces.map((id) => keys.get(id) ?? `unknown:${id}`) },
  });
}

function compareKey(k: KeyEntry): Comparable {
  return { key: k.key, label: k.key, fields: withoutServerOwned(k) };
}

async function mapPaced<T>(items: T[], describe: (item: T) => Comparable, pacer: EntityPacer): Promise<Comparable[]> {
  const out: Comparable[] = [];
  for (const item of items) {
    out.push(describe(item));
    await pacer.step();
  }
  return out;
}

/** Duplicate natural keys (two workspaces with one name and owner) are told apart by their order. */
function indexByKey(items: Comparable[]): Map<string, Comparable> {
  const map = new Map<string, Comparable>();
  const seen = new Map<string, number>();
  for (const item of items) {
    const n = (seen.get(item.key) ?? 0) + 1;
    seen.set(item.key, n);
    const key = n === 1 ? item.key : `${item.key}\u0000#${n}`;
    map.set(key, { ...item, key, label: n === 1 ? item.label : `${item.label} #${n}` });
  }
  return map;
}

function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((f) => Object.hasOwn(a, f) !== Object.hasOwn(b, f) || stringifyStable(a[f]) !== stringifyStable(b[f]));
}

/** The first position where the entities both sides hold (told apart as {@link indexByKey} does) are in another order. */
function findOrderChange(a: Map<string, Comparable>, b: Map<string, Comparable>): OrderChange | undefined {
  const before = [...a.values()].filter((x) => b.has(x.key));
  const after = [...b.values()].filter((x) => a.has(x.key));
  const i = before.findIndex((x, j) => x.key !== after[j]!.key);
  return i < 0 ? undefined : { position: i + 1, before: before[i]!.label, after: after[i]!.label };
}

async function diffSection(before: Comparable[], after: Comparable[], pacer: EntityPacer, ordered: boolean): Promise<SectionDiff> {
  const a = indexByKey(before);
  const b = indexByKey(after);
  const result: SectionDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, item] of a) {
    const other = b.get(key);
    if (!other) {
      result.removed.push({ key, label: item.label, fields: [] });
    } else {
      const fields = changedFields(item.fields, other.fields);
      if (fields.length) result.changed.push({ key, label: item.label, fields });
      else result.unchanged++;
    }
    await pacer.step();
  }
  // A lookup per entity: too little work to pace.
  for (const [key, item] of b) if (!a.has(key)) result.added.push({ key, label: item.label, fields: [] });
  const order = ordered ? findOrderChange(a, b) : undefined;
  if (order) result.order = order;
  return result;
}

function describeManifest(m: Manifest): Record<string, string> {
  return {
    unit: `${m.unit.name} (${m.unit.id})`,
    origin: m.origin,
    createdAt: m.createdAt,
    appVersion: m.appVersion,
    payloadVersion: String(m.payloadVersion),
    exportedBy: `${m.exportedBy.name} (${m.exportedBy.id})`,
  };
}

/**
 * Compares `before` with `after`, section by section, in O(n log n) of the entity count, yielding to the page
 * between slices of entities.
 * @param o.onProgress steps done (each entity of both backups is described, then each of `before` compared);
 *   o.signal cancels.
 * @throws FormatError ABORTED when `o.signal` is aborted.
 */
export async function diffBackups(before: BackupPayload, after: BackupPayload, o: PaceOptions = {}): Promise<BackupDiff> {
  const ma = describeManifest(before.manifest);
  const mb = describeManifest(after.manifest);
  const manifest = Object.keys(ma)
    .filter((f) => ma[f] !== mb[f])
    .map((field) => ({ field, before: ma[field]!, after: mb[field]! }));
  const size = (p: BackupPayload) => p.unit.plugins.length + p.unit.workspaces.length + p.unit.profiles.length + p.unit.keys.length;
  const pacer = createEntityPacer(2 * size(before) + size(after), o);
  // The key store's order is not part of a unit's state (docs/dashboard-api.md): only the other three compare it.
  const section = async <T>(pick: (p: BackupPayload) => T[], describe: (p: BackupPayload) => (item: T) => Comparable, ordered = true) =>
    diffSection(
      await mapPaced(pick(before), describe(before), pacer),
      await mapPaced(pick(after), describe(after), pacer),
      pacer,
      ordered,
    );
  const sections = {
    plugins: await section((p) => p.unit.plugins, () => comparePlugin),
    workspaces: await section((p) => p.unit.workspaces, () => compareWorkspace),
    profiles: await section((p) => p.unit.profiles, compareProfileIn),
    keys: await section((p) => p.unit.keys, () => compareKey, false),
  };
  pacer.finish();
  const identical = Object.values(sections).every(
    (s) => !s.added.length && !s.removed.length && !s.changed.length && !s.order,
  );
  return { manifest, sections, identical };
}
