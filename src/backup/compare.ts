/**
 * Compares units by content, ignoring server-assigned ids: plugins by bundle, workspaces by name + owner,
 * profiles by name, keys by key name. References are compared by what they point at (a profile's workspaces by
 * the workspaces' name + owner, and by their content where that pair is not unique), so a unit restored with new
 * ids compares equal to its backup, and a profile linked to the wrong one of two same-named workspaces does not.
 */
import { canonicalJson, createEntityPacer } from '../payload.js';
import type { Plugin, Profile, UnitState, Workspace } from '../schemas.js';
import type { PlanItem, PlanSection, SectionName } from './types.js';

export { canonicalJson };


/** One entity reduced to what identifies it and what it holds. */
export interface Entry {
  /** Server id (key name for keys). */
  id: string;
  /** Natural key. */
  naturalKey: string;
  /** What a person reads: bundle, "name (owner)", profile name, key name. Never a value. */
  label: string;
  /** Canonical JSON of the content without server ids. */
  content: string;
}

/** Natural key of a workspace (name and owner). */
export function workspaceKey(w: { name: string; owner: string }): string {
  return JSON.stringify([w.name, w.owner]);
}

/** Content of a plugin without its id. */
export function pluginContent(p: Omit<Plugin, 'id'> & { id?: string }): string {
  const { id: _id, ...rest } = p;
  return canonicalJson(rest);
}

/** Content of a workspace without its id and its applications' ids. */
export function workspaceContent(w: Omit<Workspace, 'id' | 'applications'> & { applications: object[] }): string {
  const { id: _id, ...rest } = w as typeof w & { id?: string };
  return canonicalJson({ ...rest, applications: w.applications.map(({ id: _a, ...app }: { id?: string }) => app) });
}

/** Content of a profile with its workspace ids replaced by what they point at ({@link workspaceReferences}). */
export function profileContent(p: Profile, referenceById: Map<string, string>): string {
  const workspaces = p.workspaces.map((id) => referenceById.get(id) ?? `?${id}`);
  return canonicalJson({ name: p.name, roles: p.roles, workspaces });
}

/**
 * How profiles name the workspaces they link to, the same way on every side of one comparison. By natural key
 * (name + owner), so that a workspace whose content changed does not make every profile linked to it differ too;
 * but where a side has two workspaces with one natural key, that key alone cannot tell which one a profile links
 * to, so for those the content is added (identical workspaces are interchangeable, and get the same reference).
 */
export function workspaceReferences(...units: UnitState[]): (w: Workspace) => string {
  const ambiguous = new Set<string>();
  for (const unit of units) {
    const seen = new Set<string>();
    for (const w of unit.workspaces) {
      const key = workspaceKey(w);
      if (seen.has(key)) ambiguous.add(key);
      seen.add(key);
    }
  }
  const contents = new Map<string, number>();
  return (w) => {
    const key = workspaceKey(w);
    if (!ambiguous.has(key)) return key;
    const content = workspaceContent(w);
    let n = contents.get(content);
    if (n === undefined) contents.set(content, (n = contents.size));
    return `${key}#${n}`;
  };
}

/** Maps `items` with `f`, yielding to the page between slices (src/payload.ts), so no main-thread task is long. */
async function mapSliced<T, R>(items: T[], f: (t: T) => R): Promise<R[]> {
  const out: R[] = [];
  const pacer = createEntityPacer(items.length);
  for (const item of items) {
    out.push(f(item));
    await pacer.step();
  }
  return out;
}

/**
 * Every entity of a unit as {@link Entry}s, per section; yields to the page between slices. `reference` is shared
 * by the units compared with each other.
 */
export async function describeUnit(
  unit: UnitState,
  reference: (w: Workspace) => string = workspaceReferences(unit),
): Promise<Record<SectionName, Entry[]>> {
  const wsKeys = new Map(unit.workspaces.map((w) => [w.id, reference(w)]));
  return {
    plugins: await mapSliced(unit.plugins, (p) => ({ id: p.id, naturalKey: p.bundle, label: p.bundle, content: pluginContent(p) })),
    workspaces: await mapSliced(unit.workspaces, (w) => ({
      id: w.id,
      naturalKey: workspaceKey(w),
      label: `${w.name} (${w.owner})`,
      content: workspaceContent(w),
    })),
    profiles: await mapSliced(unit.profiles, (p) => ({
      id: p.id,
      naturalKey: p.name,
      label: p.name,
      content: profileContent(p, wsKeys),
    })),
    keys: await mapSliced(unit.keys, (k) => ({ id: k.key, naturalKey: k.key, label: k.key, content: canonicalJson(k) })),
  };
}

/** Pairs the entries of two sides by equal content (a multiset match: duplicates pair one to one). */
export function matchEntries(
  current: Entry[],
  wanted: Entry[],
): { identical: [Entry, Entry][]; onlyCurrent: Entry[]; onlyWanted: Entry[] } {
  const pool = new Map<string, Entry[]>();
  for (const e of current) {
    const list = pool.get(e.content);
    if (list) list.push(e);
    else pool.set(e.content, [e]);
  }
  const identical: [Entry, Entry][] = [];
  const onlyWanted: Entry[] = [];
  for (const w of wanted) {
    const match = pool.get(w.content)?.shift();
    if (match) identical.push([match, w]);
    else onlyWanted.push(w);
  }
  const onlyCurrent = [...pool.values()].flat();
  return { identical, onlyCurrent, onlyWanted };
}

const SECTIONS: SectionName[] = ['plugins', 'workspaces', 'profiles', 'keys'];
const SINGULAR: Record<SectionName, string> = { plugins: 'Plugin', workspaces: 'Workspace', profiles: 'Profile', keys: 'Key' };

/** Per section: what importing `wanted` over `current` deletes, creates, and finds identical. */
export async function diffSections(current: UnitState, wanted: UnitState): Promise<Record<SectionName, PlanSection>> {
  const reference = workspaceReferences(current, wanted);
  const a = await describeUnit(current, reference);
  const b = await describeUnit(wanted, reference);
  const item = (e: Entry): PlanItem => ({ id: e.id, label: e.label });
  const result = {} as Record<SectionName, PlanSection>;
  for (const s of SECTIONS) {
    const m = matchEntries(a[s], b[s]);
    result[s] = {
      delete: m.onlyCurrent.map(item),
      create: m.onlyWanted.map(item),
      identical: m.identical.map(([c]) => item(c)),
    };
  }
  return result;
}

/**
 * How `actual` differs from `expected`, one sentence per entity, naming it by its natural key (never a value).
 * Empty when they are equal ignoring server ids.
 */
export async function findDifferences(actual: UnitState, expected: UnitState): Promise<string[]> {
  const reference = workspaceReferences(actual, expected);
  const a = await describeUnit(actual, reference);
  const b = await describeUnit(expected, reference);
  const out: string[] = [];
  for (const s of SECTIONS) {
    const m = matchEntries(a[s], b[s]);
    const extra = [...m.onlyCurrent];
    for (const w of m.onlyWanted) {
      const i = extra.findIndex((e) => e.naturalKey === w.naturalKey);
      if (i >= 0) {
        extra.splice(i, 1);
        out.push(`${SINGULAR[s]} "${w.label}" differs from the backup.`);
      } else out.push(`${SINGULAR[s]} "${w.label}" is missing.`);
    }
    for (const e of extra) out.push(`${SINGULAR[s]} "${e.label}" is not in the backup.`);
  }
  return out;
}
