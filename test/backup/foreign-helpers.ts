/**
 * Helpers of the tests against the foreign personality (server/personality.ts): its literal fixtures, and a view of
 * a unit's raw stored state that needs no schema — server-owned ids dropped, a profile's workspaces named by their
 * position, keys by name, object keys sorted — so two states are the same unit, order included, exactly when their
 * views are the same string. Nothing here imports src/schemas.ts.
 */

type Json = Record<string, unknown>;
type RawUnit = { plugins: Json[]; workspaces: Json[]; profiles: Json[]; keys: Json[] };

/** What test/fixtures/foreign/small-expected.json holds. */
export interface ForeignExpectations {
  pageLimit: number;
  'south-news': { plugins: string[]; workspaces: string[]; profiles: string[]; keysListed: string[] };
  unknownFields: Record<'plugin' | 'workspace' | 'application' | 'profile' | 'key', string[]>;
}

/** The literal expectations of the foreign small seed. */
export const foreignExpectations = async (): Promise<ForeignExpectations> =>
  (await (await fetch('/test/fixtures/foreign/small-expected.json')).json()) as ForeignExpectations;

/** South News of the foreign small seed, as its literal JSON file has it. */
export async function foreignSmallSouth(): Promise<RawUnit> {
  const seed = (await (await fetch('/server/seeds/foreign/small.json')).json()) as { units: { ref: { id: string }; state: RawUnit }[] };
  return seed.units.find((u) => u.ref.id === 'south-news')!.state;
}

/** Object keys sorted, recursively; own "__proto__" keys stay data (Object.fromEntries defines, never assigns). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Json)[k])]));
  }
  return value;
}

const withoutId = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'id'));

/** The schema-free view of a raw unit state (see the file comment), as a JSON string. */
export function rawView(state: RawUnit): string {
  const position = new Map(state.workspaces.map((w, i) => [w.id as string, i]));
  const byName = (a: Json, b: Json) => ((a.key as string) < (b.key as string) ? -1 : 1);
  return JSON.stringify(
    sortKeys({
      plugins: state.plugins.map(withoutId),
      workspaces: state.workspaces.map((w) => ({ ...withoutId(w), applications: (w.applications as Json[]).map(withoutId) })),
      profiles: state.profiles.map((p) => ({ ...withoutId(p), workspaces: (p.workspaces as string[]).map((id) => position.get(id) ?? `missing ${id}`) })),
      keys: [...state.keys].sort(byName),
    }),
  );
}

/** Id shapes of the foreign Dashboard's server-assigned ids. */
export const FOREIGN_ID = {
  plugin: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
  workspace: /^ws_01HF[0-9A-Z]{22}$/,
  application: /^app_01HF[0-9A-Z]{22}$/,
  profile: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
};
