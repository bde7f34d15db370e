/**
 * The foreign personality's `large` seed: the literal small seed's South News entities repeated with numbered
 * bundles, names, keys and ids (references rewritten within each copy), so its shapes — unknown fields, id
 * formats, free-form JSON — are the fixture's own, never built from src/schemas.ts. North News stays as in the
 * small seed.
 */
import small from './small.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- literal fixture data, untyped on purpose
type Json = Record<string, any>;

/** Copies of each South News collection in the large seed. */
export const FOREIGN_LARGE_COPIES = { plugins: 10, workspaces: 26, profiles: 40, keys: 60 } as const;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The large foreign seed's units (plain JSON objects). */
export function buildForeignLargeSeed(): Json[] {
  const [south, north] = small.units as Json[];
  const s = south!.state as Json;
  const c = FOREIGN_LARGE_COPIES;
  const bundle = (b: string, copy: number) => `${b}.c${copy}`;
  const plugins: Json[] = [];
  for (let copy = 0; copy < c.plugins; copy++) {
    for (const p of s.plugins as Json[]) {
      const q = clone(p);
      q.id = `${p.id.slice(0, -4)}${String(copy).padStart(2, '0')}${p.id.slice(-2)}`;
      q.bundle = bundle(p.bundle, copy);
      for (const kind of ['actions', 'portals']) {
        q.requirementMappings[kind] = Object.fromEntries(Object.entries(p.requirementMappings[kind] as Record<string, string>).map(([k, b]) => [k, bundle(b, copy)]));
      }
      plugins.push(q);
    }
  }
  const wsId = (id: string, copy: number) => `${id.slice(0, -6)}${String(copy).padStart(3, '0')}${id.slice(-3)}`;
  const workspaces: Json[] = [];
  for (let copy = 0; copy < c.workspaces; copy++) {
    for (const w of s.workspaces as Json[]) {
      const q = clone(w);
      q.id = wsId(w.id, copy);
      q.name = `${w.name} #${copy}`;
      q.applications = (q.applications as Json[]).map((a) => ({ ...a, id: wsId(a.id, copy), plugin: bundle(a.plugin, copy % c.plugins) }));
      workspaces.push(q);
    }
  }
  const profiles: Json[] = [];
  for (let copy = 0; copy < c.profiles; copy++) {
    for (const p of s.profiles as Json[]) {
      const q = clone(p);
      q.id = `${p.id.slice(0, -4)}${String(copy).padStart(2, '0')}${p.id.slice(-2)}`;
      q.name = `${p.name} #${copy}`;
      q.workspaces = (p.workspaces as string[]).map((id) => wsId(id, copy % c.workspaces));
      profiles.push(q);
    }
  }
  const keys: Json[] = [];
  for (let copy = 0; copy < c.keys; copy++) for (const k of s.keys as Json[]) keys.push({ ...clone(k), key: `${k.key}#${copy}` });
  return [{ ref: south!.ref, state: { plugins, workspaces, profiles, keys } }, clone(north!)];
}
