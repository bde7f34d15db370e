/**
 * One import, resume, rollback or discard per unit and journal database at a time, across every tab and window of
 * the origin. The journal is shared by all of them (IndexedDB), so without this a second tab could start another
 * import over a running one, replace its safety snapshot, or discard the journal of an import that is still wiping.
 * Web Locks are released by the browser when the holding page closes, reloads or crashes, so a stopped import never
 * leaves the unit locked.
 */
import { BackupError } from '../errors.js';
import { DEFAULT_JOURNAL_DATABASE } from './journal.js';

/** The error of an operation refused because another one on the same unit is running. */
export function busyError(): BackupError {
  return new BackupError(
    'IMPORT_RUNNING',
    'An import, resume or rollback of this unit is running in another tab or window of this browser. Let it finish there, then try again.',
  );
}

// `key` is the journal key (journalKey: Dashboard and unit), so units of two Dashboards never block each other.
const lockName = (database: string | undefined, key: string): string =>
  `dashboard-backup:${database ?? DEFAULT_JOURNAL_DATABASE}:${key}`;

/** True while some page of this origin (this one included) holds the lock of journal `key` in `database`. */
export async function isUnitLocked(database: string | undefined, key: string): Promise<boolean> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return false;
  const name = lockName(database, key);
  return ((await locks.query()).held ?? []).some((lock) => lock.name === name);
}

/**
 * Runs `work` holding the lock of journal `key` (Dashboard and unit) in `database`; refuses at once (does not wait) when another page or call
 * holds it, so nothing is read, written or sent twice.
 * @throws BackupError IMPORT_RUNNING when the lock is held; whatever `work` throws.
 */
export async function withUnitLock<T>(database: string | undefined, key: string, work: () => Promise<T>): Promise<T> {
  // Every browser with WebCrypto in a secure context has Web Locks; without them, beginJournal's insert-only
  // write still keeps a second import from replacing a running one's journal and snapshot.
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return work();
  return await locks.request(lockName(database, key), { ifAvailable: true }, (lock) =>
    lock ? work() : Promise.reject(busyError()),
  );
}
