/**
 * Reads a whole unit through the client: the four lists, then every plugin and workspace in full. Export, plan,
 * import preflight and verification all use this one function, so they see the unit the same way.
 */
import type { DashboardClient } from '../api/index.js';
import { LIST_READ_ATTEMPTS } from '../api/pages.js';
import { HttpError, isBackupError } from '../errors.js';
import type { UnitState, Workspace, WorkspaceSummary } from '../schemas.js';
import { linkAbort, normalizeAbort } from './abort.js';
import { createEntityPacer } from '../payload.js';
import type { ProgressListener } from './types.js';

/** Options of {@link collectUnit}. */
export interface CollectOptions {
  signal?: AbortSignal;
  /** Reported with phase `fetch`; `total` grows as the lists reveal how many details there are. */
  onProgress?: ProgressListener;
  /**
   * Workspaces this page already holds in full (read earlier, or answered by their create), by id: one listed again
   * with the same summary stands for its detail read. The contract has no route that changes a workspace in place
   * (an edit is a delete and a create, under a new id: docs/dashboard-api.md, "Changes"); a Dashboard that does
   * change them lists `updatedAt`, and a summary whose `updatedAt` differs is read again.
   */
  knownWorkspaces?: ReadonlyMap<string, Workspace>;
}

/** `known`, when the list's `summary` of it says it is still the same workspace; else undefined. */
export function stillKnown(summary: WorkspaceSummary, known: Workspace | undefined): Workspace | undefined {
  if (!known) return undefined;
  const same =
    known.name === summary.name &&
    known.owner === summary.owner &&
    known.shared === summary.shared &&
    (summary as Record<string, unknown>).updatedAt === (known as Record<string, unknown>).updatedAt;
  return same ? known : undefined;
}

/**
 * Reads every plugin (in full), workspace (in full; or as already known, `knownWorkspaces`), profile and key-store
 * entry of `unit`. Requests are issued
 * all at once and bounded by the client's concurrency; detail reads start as soon as their list has arrived.
 * A list is read consistently (src/api/pages.ts); an entity listed but gone when its details are read (someone
 * removed it meanwhile) makes that collection be read again, list and details.
 * On the first failure the remaining requests are cancelled and that failure is thrown.
 * @throws HttpError UNIT_CHANGED_DURING_READ when a list, or its entities, kept changing while they were read.
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

  /** The list, then each entity in full; again (at most LIST_READ_ATTEMPTS times) when one was removed meanwhile. */
  const inFull = async <S extends { id: string }, T>(
    path: string,
    list: (s: AbortSignal) => Promise<S[]>,
    get: (summary: S, s: AbortSignal) => Promise<T>,
  ): Promise<T[]> => {
    for (let attempt = 1; ; attempt++) {
      const summaries = await track(list(signal));
      total += summaries.length;
      report();
      const round = linkAbort(signal);
      let read = 0;
      // Queued in paced slices: a read costs its queueing (a call through the client to the limiter's queue), and
      // 2,000 workspaces queued in one go were one long main-thread task. Each read is watched at once, so one that
      // fails while the rest are still being queued is not reported as unhandled; Promise.all below still sees it.
      const reads: Promise<T>[] = [];
      const pacer = createEntityPacer(summaries.length);
      for (const s of summaries) {
        const one = track(get(s, round.signal)).then((v) => {
          read += 1;
          return v;
        });
        one.catch(() => undefined);
        reads.push(one);
        await pacer.step();
      }
      try {
        return await Promise.all(reads);
      } catch (error) {
        round.abort();
        await Promise.allSettled(reads);
        if (!isBackupError(error, 'NOT_FOUND') || signal.aborted) throw error;
        // Count only what the next attempt reads: its list again, and its details.
        total -= summaries.length;
        done -= read + 1;
        report();
        if (attempt >= LIST_READ_ATTEMPTS) {
          throw new HttpError(
            'UNIT_CHANGED_DURING_READ',
            `An entity listed at GET ${path} was removed before it could be read, ${attempt} times in a row, so the unit could not be read consistently. Nothing was written. Try again when nobody is editing the unit.`,
            { method: 'GET', path, status: 404 },
            { cause: error },
          );
        }
      }
    }
  };

  report();
  try {
    const [plugins, workspaces, profiles, keys] = await Promise.all([
      inFull(`/units/${unit}/plugins`, (s) => client.listPlugins(unit, { signal: s }), (p, s) => client.getPlugin(unit, p.id, { signal: s })),
      inFull(`/units/${unit}/workspaces`, (s) => client.listWorkspaces(unit, { signal: s }), (w, s) => {
        const known = stillKnown(w, o.knownWorkspaces?.get(w.id));
        return known ? Promise.resolve(known) : client.getWorkspace(unit, w.id, { signal: s });
      }),
      track(client.listProfiles(unit, { signal })),
      track(client.listKeys(unit, { signal })),
    ]);
    return { plugins, workspaces, profiles, keys };
  } catch (error) {
    controller.abort();
    throw normalizeAbort(error, o.signal);
  }
}
