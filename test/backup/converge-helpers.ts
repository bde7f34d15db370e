/**
 * Helpers of the convergence tests. A resume keeps an entity only where it stands in the backup's order (the
 * Dashboard lists in creation order); an import whose parallel creates landed in another order is put in order by
 * deleting and recreating the entities out of place. Such pairs are not work a test about something else expects.
 */
import type { LogEntry } from '../world.js';

/** `METHOD path` of the mutations, without the delete + create pairs that only restore a collection's order. */
export function beyondReordering(mutations: LogEntry[]): string[] {
  const collection = (m: LogEntry): string | undefined =>
    /^\/units\/[^/]+\/(plugins|workspaces|profiles)(\/|$)/.exec(m.path)?.[1];
  const deletes = new Map<string, number>();
  for (const m of mutations) {
    const c = collection(m);
    if (c && m.method === 'DELETE') deletes.set(c, (deletes.get(c) ?? 0) + 1);
  }
  const out: string[] = [];
  const creates = new Map<string, number>();
  for (const m of mutations) {
    const c = collection(m);
    if (c && m.method === 'POST') creates.set(c, (creates.get(c) ?? 0) + 1);
  }
  for (const m of mutations) {
    const c = collection(m);
    if (c && (m.method === 'POST' || m.method === 'DELETE') && deletes.get(c) === creates.get(c)) continue;
    out.push(`${m.method} ${m.path}`);
  }
  return out;
}
