/**
 * Search and pagination over an opened backup. Each entity gets one lower-cased search text, built once when the
 * backup opens (in slices, yielding to the page in between), so filtering thousands of rows per keystroke is a
 * plain substring scan.
 * Secret key-store values are never indexed: a search must not reveal them by matching.
 */
import { createEntityPacer, type PaceOptions } from '../payload.js';
import type { BackupPayload, JsonObject, JsonValue, KeyEntry, Plugin, Profile, Workspace } from '../schemas.js';

/** Rows per page in every long list of the inspector. */
export const PAGE_SIZE = 50;

/** The four sections of a unit, in display order. */
export const SECTION_NAMES = ['plugins', 'workspaces', 'profiles', 'keys'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** One search text per entity, parallel to the payload's arrays. */
export type SearchIndex = Record<SectionName, string[]>;

/** Every key and scalar of `value`, in document order. Iterative: a configuration may nest 2,000 levels deep. */
function collectJson(value: JsonValue, out: string[]): void {
  // A frame is a key to write, or a value to walk.
  const stack: ({ key: string } | { value: JsonValue })[] = [{ value }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ('key' in frame) {
      out.push(frame.key);
      continue;
    }
    const v = frame.value;
    if (v === null) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i]! });
    } else if (typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1] }, { key: entries[i]![0] });
    } else {
      out.push(String(v));
    }
  }
}

function join(parts: string[]): string {
  return parts.join('\n').toLowerCase();
}

function indexPlugin(p: Plugin): string {
  const out = [p.bundle, p.name, p.version, p.author, p.description ?? '', p.manifestUrl];
  collectJson(p.configuration, out);
  for (const perm of p.permissions) out.push(perm.id, perm.label, perm.description);
  for (const [perm, roles] of Object.entries(p.permissionMappings)) out.push(perm, ...roles);
  for (const kind of ['actions', 'portals'] as const) {
    for (const [name, bundle] of Object.entries(p.requirementMappings[kind])) out.push(name, bundle);
  }
  return join(out);
}

function indexWorkspace(w: Workspace): string {
  const out = [w.name, w.owner, w.layout, w.icon.text];
  for (const app of w.applications) {
    out.push(app.plugin);
    collectJson(app.config, out);
  }
  return join(out);
}

function indexProfile(p: Profile, workspaceNames: Map<string, string>): string {
  return join([p.name, ...p.roles, ...p.workspaces.map((id) => workspaceNames.get(id) ?? id)]);
}

function indexKey(k: KeyEntry): string {
  return join(k.secret ? [k.key] : [k.key, k.value]);
}

/** Maps each workspace id of a payload to the workspace's name (profiles list workspaces by id). */
export function mapWorkspaceNames(payload: BackupPayload): Map<string, string> {
  return new Map(payload.unit.workspaces.map((w) => [w.id, w.name]));
}

/**
 * Builds the search text of every entity, yielding to the page between slices of entities. Secret values are left
 * out. `extras` (fields outside the schema, for a payload that failed validation) are searched too, except on
 * keys, where they might hold secrets.
 * @param o.onProgress entities indexed so far; o.signal cancels.
 * @throws FormatError ABORTED when `o.signal` is aborted.
 */
export async function buildSearchIndex(
  payload: BackupPayload,
  extras?: Partial<Record<SectionName, (JsonObject | undefined)[]>>,
  o: PaceOptions = {},
): Promise<SearchIndex> {
  const names = mapWorkspaceNames(payload);
  const { plugins, workspaces, profiles, keys } = payload.unit;
  const pacer = createEntityPacer(plugins.length + workspaces.length + profiles.length + keys.length, o);
  async function indexSection<T>(section: SectionName, items: T[], index: (item: T) => string): Promise<string[]> {
    // Extras of keys are never indexed: they might hold secrets.
    const list = section === 'keys' ? undefined : extras?.[section];
    const texts: string[] = [];
    for (const [i, item] of items.entries()) {
      let text = index(item);
      const extra = list?.[i];
      if (extra) {
        const out: string[] = [];
        collectJson(extra, out);
        text = `${text}\n${join(out)}`;
      }
      texts.push(text);
      await pacer.step();
    }
    return texts;
  }
  const index: SearchIndex = {
    plugins: await indexSection('plugins', plugins, indexPlugin),
    workspaces: await indexSection('workspaces', workspaces, indexWorkspace),
    profiles: await indexSection('profiles', profiles, (p) => indexProfile(p, names)),
    keys: await indexSection('keys', keys, indexKey),
  };
  pacer.finish();
  return index;
}

/** Splits a query into lower-cased terms; every term must match (AND). `"double quotes"` keep a phrase whole. */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  for (const match of query.toLowerCase().matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term) terms.push(term);
  }
  return terms;
}

/** Indices of the texts that contain every term (all indices for an empty query). */
export function filterIndex(texts: readonly string[], terms: readonly string[]): number[] {
  const hits: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    if (terms.every((t) => text.includes(t))) hits.push(i);
  }
  return hits;
}

/** One page of a list. `page` is 0-based and clamped to the pages that exist. */
export interface PageSlice<T> {
  items: T[];
  page: number;
  pageCount: number;
  /** 0-based index of the first item on the page in the whole list. */
  start: number;
  total: number;
}

/** Cuts one page out of a list; an out-of-range page is clamped, so a shrinking search never shows an empty page. */
export function slicePage<T>(items: readonly T[], page: number, size = PAGE_SIZE): PageSlice<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const clamped = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  const start = clamped * size;
  return { items: items.slice(start, start + size), page: clamped, pageCount, start, total: items.length };
}
