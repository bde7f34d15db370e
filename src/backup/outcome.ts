/**
 * An import, resume or rollback whose read-back differed from its target (someone changed the unit meanwhile, or
 * the Dashboard stores something differently) ends `unverified`: its journal and safety snapshot stay. The admin
 * then re-checks (reads the unit again, changes nothing), keeps the unit as it is (discardUnfinishedImport, after
 * downloading the snapshot), or rolls back (rollbackImport).
 */
import type { DashboardClient } from '../api/index.js';
import { BackupError } from '../errors.js';
import { normalizeAbort } from './abort.js';
import { collectUnit } from './collect.js';
import { findDifferenceFacts } from './compare.js';
import { describeDifference } from './describe.js';
import { countUnit } from './consistency.js';
import { deleteJournal } from './journal.js';
import { withUnitLock } from './lock.js';
import { callReload } from './restore.js';
import { nothingToResume, readPayload, reloadJournal, selectJournal } from './resume.js';
import { checkPassword, requireAdmin } from './session.js';
import type { ImportResult, RestoreOptions } from './types.js';

/**
 * Reads the unit of the unverified import (or rollback) of `o.unit` on `client`'s Dashboard again and compares it
 * with what was restored. Sends no mutating request. Matching now: the journal and the snapshot are deleted, the
 * reload hook runs, `verified: true`. Still different: the differences are returned and the journal stays.
 * @throws BackupError JOURNAL_UNAVAILABLE (none), IMPORT_INCOMPLETE (the import is not finished: resume it),
 *   IMPORT_RUNNING, NOT_ADMIN, ABORTED; FormatError WRONG_PASSWORD; HttpError.
 */
export async function recheckImport(client: DashboardClient, password: string, o: RestoreOptions = {}): Promise<ImportResult> {
  checkPassword(password);
  const { signal } = o;
  try {
    const found = await selectJournal({ ...o, client });
    if (!found) throw nothingToResume();
    return await withUnitLock(o.database, found.key, async () => {
      const record = await reloadJournal(o.database, found.key);
      if (record.status !== 'unverified') {
        throw new BackupError('IMPORT_INCOMPLETE', 'This import has not finished yet, so there is nothing to re-check: resume it or roll it back.');
      }
      await requireAdmin(client, record.unit, signal);
      o.onProgress?.({ phase: 'verify', done: 0, total: 1 });
      const target = await readPayload(o, record, record.sourceBlob, password);
      const now = await collectUnit(client, record.unit, { ...(signal ? { signal } : {}) });
      const differenceFacts = await findDifferenceFacts(now, target.unit);
      o.onProgress?.({ phase: 'verify', done: 1, total: 1 });
      if (differenceFacts.length > 0) {
        return { counts: countUnit(now), differences: differenceFacts.map(describeDifference), differenceFacts, verified: false };
      }
      await deleteJournal(o.database, record.key);
      o.onProgress?.({ phase: 'done', done: 1, total: 1 });
      callReload(o.reload);
      return { counts: countUnit(now), differences: [], differenceFacts: [], verified: true };
    });
  } catch (error) {
    throw normalizeAbort(error, signal);
  }
}
