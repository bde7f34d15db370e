/**
 * What `<dashboard-backup>` reads before its first step: the session (is this person an administrator?) and the
 * journal in IndexedDB (did an import stop here?). Imports the modules themselves, not the engine barrel
 * (../shared/engine.ts): esbuild splits by the files a module imports, so the barrel here would put every engine in
 * what a page downloads first. The panels, fetched later, use the barrel.
 */
import { createRestClient } from '../../src/api/rest-client.js';
import { findOtherUnfinishedImports, findUnfinishedImport } from '../../src/backup/unfinished.js';
import type { Session } from '../../src/schemas.js';
import type { DashboardClient, UnfinishedImport } from '../shared/engine.js';

export { createRestClient, findUnfinishedImport };

/** The first step, and what it shows. */
export interface FirstStep {
  session: Session;
  view: 'forbidden' | 'unfinished' | 'warning';
  /** The unfinished import of this unit on this Dashboard, if any. */
  unfinished?: UnfinishedImport;
  /** Unfinished imports this browser holds for other Dashboards: listed, never offered or applied here. */
  others: UnfinishedImport[];
  /** The journal could not be read: reported, and an export still works. */
  journalError?: unknown;
}

/**
 * Reads the session, then (for an administrator) the journals.
 * @param unitOf the unit the element works on, once the session (and so its current unit) is known.
 * @throws what `getSession` throws (UNAUTHENTICATED, NETWORK, …); a journal that cannot be read is returned instead.
 */
export async function findFirstStep(client: DashboardClient, unitOf: (session: Session) => string): Promise<FirstStep> {
  const session = await client.getSession();
  if (session.role !== 'admin') return { session, view: 'forbidden', others: [] };
  let journalError: unknown;
  // A browser without usable IndexedDB can still export: report the problem, go on.
  const unfinished = await findUnfinishedImport({ unit: unitOf(session), client }).catch((error: unknown) => {
    journalError = error;
    return undefined;
  });
  const others = await findOtherUnfinishedImports({ client }).catch(() => []);
  return { session, view: unfinished ? 'unfinished' : 'warning', unfinished, others, journalError };
}
