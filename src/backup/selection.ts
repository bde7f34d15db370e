/**
 * Selective restore, part 1: what the admin chose (a {@link Selection}), checked with zod, and how each entity of
 * the backup is matched with the live unit by natural key. Pure; no I/O.
 *
 * Matching rules (README, "Selective restore"):
 * - plugin by bundle, profile by name, key by key name, workspace by name + owner;
 * - where one side holds several entities with one natural key (twin workspaces, two profiles of one name), they
 *   are matched by position: the k-th of that key in the backup with the k-th of that key in the unit. Choosing a
 *   workspace by name + owner chooses all its twins.
 */
import * as z from 'zod/mini';
import { BackupError } from '../errors.js';
import type { UnitState } from '../schemas.js';
import { PARSE } from '../zod.js';
import { canonicalJson, pluginContent, workspaceContent, workspaceKey } from './compare.js';
import type { SectionName } from './types.js';

/** What to restore: whole sections of the backup, and/or single entities by natural key. */
export const Selection = z.object({
  /** Every entity of these sections of the backup (entities only in the unit stay). */
  sections: z.optional(z.array(z.enum(['plugins', 'workspaces', 'profiles', 'keys']))),
  /** Plugin bundles. */
  plugins: z.optional(z.array(z.string())),
  /** Workspaces by name and owner (all twins of that pair). */
  workspaces: z.optional(z.array(z.object({ name: z.string(), owner: z.string() }))),
  /** Profile names. */
  profiles: z.optional(z.array(z.string())),
  /** Key names. */
  keys: z.optional(z.array(z.string())),
});
/** What to restore: whole sections of the backup, and/or single entities by natural key. */
export type Selection = z.infer<typeof Selection>;

/** How one entity of the backup stands against the unit: same, changed, missing here; or an entity only here. */
export type EntityState = 'same' | 'changed' | 'missing' | 'only-here';

/** One entity of the backup or the unit, as the chooser and the preview show it. */
export interface SelectableEntity {
  section: SectionName;
  /** Bundle, "name (owner)", profile or key name (never a value). */
  label: string;
  /** The natural key, as a {@link Selection} names it. */
  key: string | { name: string; owner: string };
  state: EntityState;
  /** Index in the backup's section (undefined for `only-here`). */
  backupIndex?: number;
  /** Index in the unit's section (undefined for `missing`). */
  liveIndex?: number;
}

/** Backup index → live index, per section (entities without a match are absent). */
export interface Matching {
  plugins: Map<number, number>;
  workspaces: Map<number, number>;
  profiles: Map<number, number>;
  keys: Map<number, number>;
}

/** Pairs the k-th entity of each natural key in `a` with the k-th of that key in `b`. */
function byPosition<T>(a: T[], b: T[], key: (t: T) => string): Map<number, number> {
  const pool = new Map<string, number[]>();
  b.forEach((t, i) => {
    const k = key(t);
    const list = pool.get(k);
    if (list) list.push(i);
    else pool.set(k, [i]);
  });
  const out = new Map<number, number>();
  a.forEach((t, i) => {
    const j = pool.get(key(t))?.shift();
    if (j !== undefined) out.set(i, j);
  });
  return out;
}

/** Matches the backup's entities with the unit's (see the rules at the top). */
export function matchUnits(backup: UnitState, live: UnitState): Matching {
  return {
    plugins: byPosition(backup.plugins, live.plugins, (p) => p.bundle),
    workspaces: byPosition(backup.workspaces, live.workspaces, workspaceKey),
    profiles: byPosition(backup.profiles, live.profiles, (p) => p.name),
    keys: byPosition(backup.keys, live.keys, (k) => k.key),
  };
}

/** Content of a profile with its workspace references as natural keys (the same on both sides). */
function profileShape(p: { workspaces: string[] } & Record<string, unknown>, unit: UnitState): string {
  const key = new Map(unit.workspaces.map((w) => [w.id, workspaceKey(w)]));
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = p;
  return canonicalJson({ ...rest, workspaces: p.workspaces.map((id) => key.get(id) ?? `?${id}`) });
}

/** Every entity of the backup with its state against the unit, then every entity only in the unit. */
export function describeSelectable(backup: UnitState, live: UnitState, m: Matching = matchUnits(backup, live)): SelectableEntity[] {
  const out: SelectableEntity[] = [];
  const add = <T>(section: SectionName, b: T[], l: T[], map: Map<number, number>, label: (t: T) => string, key: (t: T) => SelectableEntity['key'], same: (x: T, y: T) => boolean) => {
    b.forEach((t, i) => {
      const j = map.get(i);
      const state: EntityState = j === undefined ? 'missing' : same(t, l[j]!) ? 'same' : 'changed';
      out.push({ section, label: label(t), key: key(t), state, backupIndex: i, ...(j !== undefined ? { liveIndex: j } : {}) });
    });
    const matched = new Set(map.values());
    l.forEach((t, j) => {
      if (!matched.has(j)) out.push({ section, label: label(t), key: key(t), state: 'only-here', liveIndex: j });
    });
  };
  add('plugins', backup.plugins, live.plugins, m.plugins, (p) => p.bundle, (p) => p.bundle, (x, y) => pluginContent(x) === pluginContent(y));
  add('workspaces', backup.workspaces, live.workspaces, m.workspaces, (w) => `${w.name} (${w.owner})`, (w) => ({ name: w.name, owner: w.owner }), (x, y) => workspaceContent(x) === workspaceContent(y));
  add('profiles', backup.profiles, live.profiles, m.profiles, (p) => p.name, (p) => p.name, (x, y) => profileShape(x, backup) === profileShape(y, live));
  add('keys', backup.keys, live.keys, m.keys, (k) => k.key, (k) => k.key, (x, y) => canonicalJson(x) === canonicalJson(y));
  return out;
}

/** The backup indices a selection chooses, per section. @throws BackupError INVALID_OPTIONS (bad shape, unknown name). */
export function resolveSelection(selection: unknown, backup: UnitState): Record<SectionName, Set<number>> {
  const parsed = Selection.safeParse(selection, PARSE);
  if (!parsed.success) throw new BackupError('INVALID_OPTIONS', `The selection is not valid: ${parsed.error.issues[0]?.message ?? 'unknown shape'}.`);
  const s = parsed.data;
  const all = (n: number) => new Set(Array.from({ length: n }, (_, i) => i));
  const whole = new Set(s.sections ?? []);
  const pick = <T>(section: SectionName, list: T[], wanted: string[] | undefined, key: (t: T) => string, what: string, shown = (w: string) => w) => {
    if (whole.has(section)) return all(list.length);
    const out = new Set<number>();
    for (const w of wanted ?? []) {
      const found = list.flatMap((t, i) => (key(t) === w ? [i] : []));
      if (found.length === 0) throw new BackupError('INVALID_OPTIONS', `The backup has no ${what} "${shown(w)}", so it cannot be restored. Choose from the backup's list.`);
      found.forEach((i) => out.add(i));
    }
    return out;
  };
  return {
    plugins: pick('plugins', backup.plugins, s.plugins, (p) => p.bundle, 'plugin'),
    workspaces: pick('workspaces', backup.workspaces, s.workspaces?.map(workspaceKey), workspaceKey, 'workspace', (k) => {
      const [name, owner] = JSON.parse(k) as [string, string];
      return `${name} (${owner})`;
    }),
    profiles: pick('profiles', backup.profiles, s.profiles, (p) => p.name, 'profile'),
    keys: pick('keys', backup.keys, s.keys, (k) => k.key, 'key'),
  };
}

/** True when nothing at all is chosen. */
export const isEmptyChoice = (c: Record<SectionName, Set<number>>): boolean =>
  c.plugins.size + c.workspaces.size + c.profiles.size + c.keys.size === 0;
