/**
 * Reads a whole unit through the client: the four lists, then every plugin and workspace in full. Export, plan,
 * import preflight and verification all use this one function, so they see the unit the same way.
 */
import type { DashboardClient } from '../api/index.js';
import type { UnitState } from '../schemas.js';
import { linkAbort, normalizeAbort } from './abort.js';
import type { ProgressListener } from './types.js';

/** Options of {@link collectUnit}. */
export interface CollectOptions {
  signal?: AbortSignal;
  /** Reported with phase `fetch`; `total` grows as the lists reveal how many details there are. */
  onProgress?: ProgressListener;
}

/**
 * Reads every plugin (in full), workspace (in full), profile and key-store entry of `unit`. Requests are issued
 * all at once and bounded by the client's concurrency; detail reads start as soon as their list has arrived.
 * On the first failure the remaining requests are cancelled and that failure is thrown.
 */
export async function collectUnit(client: DashboardClient, unit: string, o: CollectOptions = {}): Promise<UnitState> {
  const controller = linkAbort(o.signal);
  const signal = controller.signal;
  let done = 0;
  let total = 4;
  const report = (): void => o.onProgress?.({ phase: 'fetch', done, total });
  const track = <T>(promise: Promise<T>): Promise<T> =>
    promise.then((value) => {
      done += 1;
      report();
      return value;
    });
  const details = <S extends { id: string }, T>(list: S[], get: (id: string) => Promise<T>): Promise<T[]> => {
    total += list.length;
    report();
    return Promise.all(list.map((s) => track(get(s.id))));
  };
  report();
  try {
    const [plugins, workspaces, profiles, keys] = await Promise.all([
      track(client.listPlugins(unit, { signal })).then((list) =>
        details(list, (id) => client.getPlugin(unit, id, { signal })),
      ),
      track(client.listWorkspaces(unit, { signal })).then((list) =>
        details(list, (id) => client.getWorkspace(unit, id, { signal })),
      ),
      track(client.listProfiles(unit, { signal })),
      track(client.listKeys(unit, { signal })),
    ]);
    return { plugins, workspaces, profiles, keys };
  } catch (error) {
    controller.abort();
    throw normalizeAbort(error, o.signal);
  }
}
