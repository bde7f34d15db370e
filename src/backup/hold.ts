/**
 * What a new restore (a full import or a selective one) holds while it runs, taken in one order by both engines so
 * that the two can never drift apart: the unit's Web Lock (one tab at a time, lock.ts), no unfinished journal for
 * the unit, then the Dashboard's restore lock where offered (one browser at a time, lease.ts), released at the end.
 */
import type { DashboardClient } from '../api/index.js';
import type { Session, UnitRef } from '../schemas.js';
import { dashboardOf, journalKey, loadJournal, unfinishedError } from './journal.js';
import { takeLease, type Lease } from './lease.js';
import { withUnitLock } from './lock.js';

/** What {@link withNewRestore} hands to the work it runs. */
export interface NewRestoreHold {
  /** The journal key (Dashboard + unit). */
  key: string;
  /** The Dashboard's identity. */
  dashboard: string;
  /** The Dashboard's restore lock (a no-op lease where the Dashboard offers none). */
  lease: Lease;
  /** This run's owner id of the restore lock, kept in the journal so a resume here can take it back. */
  lockOwner: string;
}

/**
 * Runs `work` holding the unit's Web Lock and the Dashboard's restore lock, after checking that the unit has no
 * unfinished import in this browser.
 * @throws BackupError IMPORT_RUNNING (another tab), IMPORT_INCOMPLETE (an unfinished import), UNIT_LOCKED (another
 *   browser holds the restore lock); and whatever `work` throws.
 */
export async function withNewRestore<T>(
  client: DashboardClient,
  database: string | undefined,
  session: Session,
  target: UnitRef,
  signal: AbortSignal | undefined,
  work: (held: NewRestoreHold) => Promise<T>,
): Promise<T> {
  const dashboard = dashboardOf(client);
  const key = journalKey(dashboard, target.id);
  return withUnitLock(database, key, async () => {
    if (await loadJournal(database, key)) throw unfinishedError();
    // Another admin restoring this unit from another browser is found here, before the unit is even read.
    const lockOwner = crypto.randomUUID();
    const lease = await takeLease(client, target.id, lockOwner, session.user.name, signal);
    try {
      return await work({ key, dashboard, lease, lockOwner });
    } finally {
      await lease.release();
    }
  });
}
