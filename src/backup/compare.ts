/**
 * Compares units by content, ignoring server-assigned ids: plugins by bundle, workspaces by name + owner,
 * profiles by name, keys by key name. References are compared by what they point at (a profile's workspaces by
 * the workspaces' name + owner, and by their content where that pair is not unique), so a unit restored with new
 * ids compares equal to its backup, and a profile linked to the wrong one of two same-named workspaces does not.
 */
import { canonicalJson, createEntityPacer } from '../payload.js';
import type { KeyEntry, Plugin, Profile, UnitState, Workspace } from '../schemas.js';
import { describeDifference } from './describe.js';
import type { UnitDifference } from './facts.js';
import { withoutServerOwned } from './inputs.js';
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
  /** Canonical JSON of the content without server-owned fields. */
  content: string;
  /** The content as an object (server-owned fields left out, references resolved): to name the fields that differ. */
  value: Record<string, unknown>;
}

/** Natural key of a workspace (name and owner). */
export function workspaceKey(w: { name: string; owner: string }): string {
  return JSON.stringify([w.name, w.owner]);
}

/** A plugin as compared: every field but the server-owned ones (unknown fields included). */
const pluginValue = (p: object): Record<string, unknown> => withoutServerOwned(p) as Record<string, unknown>;

/** A workspace as compared: every field but the server-owned ones, also on its applications. */
function workspaceValue(w: { applications: object[] }): Record<string, unknown> {
  return { ...withoutServerOwned(w), applications: w.applications.map((a) => withoutServerOwned(a)) };
}

/** A profile as compared: its workspace ids replaced by what they point at ({@link workspaceReferences}). */
function profileValue(p: Profile, referenceById: Map<string, string>): Record<string, unknown> {
  return { ...withoutServerOwned(p), workspaces: p.workspaces.map((id) => referenceById.get(id) ?? `?${id}`) };
}

/** A key as compared: every field but the server-owned ones (its name included). */
const keyValue = (k: KeyEntry): Record<string, unknown> => withoutServerOwned(k) as Record<string, unknown>;

/** Content of a plugin without its server-owned fields. */
export function pluginContent(p: Omit<Plugin, 'id'> & { id?: string }): string {
  return canonicalJson(pluginValue(p));
}

/** Content of a workspace without its server-owned fields and its applications'. */
export function workspaceContent(w: { applications: object[] }): string {
  return canonicalJson(workspaceValue(w));
}

/** Content of a profile with its workspace ids replaced by what they point at ({@link workspaceReferences}). */
export function profileContent(p: Profile, referenceById: Map<string, string>): string {
  return canonicalJson(profileValue(p, referenceById));
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
  const entry = (id: string, naturalKey: string, label: string, value: Record<string, unknown>): Entry => ({
    id,
    naturalKey,
    label,
    value,
    content: canonicalJson(value),
  });
  return {
    plugins: await mapSliced(unit.plugins, (p) => entry(p.id, p.bundle, p.bundle, pluginValue(p))),
    workspaces: await mapSliced(unit.workspaces, (w) =>
      entry(w.id, workspaceKey(w), `${w.name} (${w.owner})`, workspaceValue(w)),
    ),
    profiles: await mapSliced(unit.profiles, (p) => entry(p.id, p.name, p.name, profileValue(p, wsKeys))),
    keys: await mapSliced(unit.keys, (k) => entry(k.key, k.key, k.key, keyValue(k))),
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
 * The fields of two versions of one entity that differ, by name; a workspace's applications one level deeper
 * (`applications.2.config`, or `applications` when their number differs), and a list holding the same items in
 * another order as `… (order)` (a profile's workspaces).
 */
export function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const out: string[] = [];
  for (const f of names) {
    const x = a[f];
    const y = b[f];
    if (Object.hasOwn(a, f) === Object.hasOwn(b, f) && canonicalJson(x) === canonicalJson(y)) continue;
    if (f === 'applications' && Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
      x.forEach((app, i) => {
        for (const g of differingFields(app as Record<string, unknown>, y[i] as Record<string, unknown>)) out.push(`${f}.${i}.${g}`);
      });
    } else if (Array.isArray(x) && Array.isArray(y) && sameItems(x, y)) out.push(`${f} (order)`);
    else out.push(f);
  }
  return out;
}

/** True when two lists hold the same items (as a multiset), whatever their order. */
function sameItems(x: unknown[], y: unknown[]): boolean {
  if (x.length !== y.length) return false;
  const sorted = (l: unknown[]) => l.map((v) => canonicalJson(v)).sort().join('\n');
  return sorted(x) === sorted(y);
}

/**
 * Where the entities both sides hold are not in the same order: the first position where they part, naming the
 * entity found there and the one the backup has there. Entities on one side only are left out (they
 * are reported on their own), and look-alikes (one natural key) are interchangeable.
 */
export function findOrderDifference(section: SectionName, actual: Entry[], expected: Entry[]): UnitDifference | undefined {
  const count = (list: Entry[]) => {
    const m = new Map<string, number>();
    for (const e of list) m.set(e.naturalKey, (m.get(e.naturalKey) ?? 0) + 1);
    return m;
  };
  const inA = count(actual);
  const inB = count(expected);
  const keep = (list: Entry[], other: Map<string, number>) => {
    const left = new Map(other);
    return list.filter((e) => {
      const n = left.get(e.naturalKey) ?? 0;
      if (n > 0) left.set(e.naturalKey, n - 1);
      return n > 0;
    });
  };
  const a = keep(actual, inB);
  const b = keep(expected, inA);
  const i = a.findIndex((e, j) => e.naturalKey !== b[j]!.naturalKey);
  if (i < 0) return undefined;
  return { code: 'order', section, position: i + 1, found: a[i]!.label, expected: b[i]!.label };
}

/**
 * The collections whose order is part of a unit's state (docs/dashboard-api.md, "Lists and pagination"): the key
 * store is a map, listed in an order of the Dashboard's choosing, so its order is not compared.
 */
export const ORDERED: readonly SectionName[] = ['plugins', 'workspaces', 'profiles'];

/**
 * How `actual` differs from `expected`, one fact per entity, naming it by its natural key and the fields that
 * differ (never a value), then one per collection whose order differs ({@link ORDERED}). Every field counts, unknown ones included;
 * server-owned fields (SERVER_OWNED_FIELDS) do not. Empty when they are equal.
 */
export async function findDifferenceFacts(actual: UnitState, expected: UnitState): Promise<UnitDifference[]> {
  const reference = workspaceReferences(actual, expected);
  const a = await describeUnit(actual, reference);
  const b = await describeUnit(expected, reference);
  const out: UnitDifference[] = [];
  for (const s of SECTIONS) {
    const m = matchEntries(a[s], b[s]);
    const extra = [...m.onlyCurrent];
    for (const w of m.onlyWanted) {
      const i = extra.findIndex((e) => e.naturalKey === w.naturalKey);
      if (i >= 0) {
        const [e] = extra.splice(i, 1);
        out.push({ code: 'changed', section: s, label: w.label, fields: differingFields(e!.value, w.value) });
      } else out.push({ code: 'missing', section: s, label: w.label });
    }
    for (const e of extra) out.push({ code: 'extra', section: s, label: e.label });
    const order = ORDERED.includes(s) ? findOrderDifference(s, a[s], b[s]) : undefined;
    if (order) out.push(order);
  }
  return out;
}

/** {@link findDifferenceFacts} in English, one sentence per difference (describe.ts). */
export async function findDifferences(actual: UnitState, expected: UnitState): Promise<string[]> {
  return (await findDifferenceFacts(actual, expected)).map(describeDifference);
}
