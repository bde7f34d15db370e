/**
 * Finding the imports that did not finish, from the journal in IndexedDB only: what `<dashboard-backup>` needs
 * before its first step, kept apart from resume.ts so a page does not download the resume and rollback engines
 * (and what they import) to show that step.
 */
import type { DashboardClient } from '../api/index.js';
import { dashboardOf, listJournals, loadStepRecords, type ImportRecord } from './journal.js';
import { isUnitLocked } from './lock.js';
import type { JournalOptions, UnfinishedImport } from './types.js';

/** Which journals a call addresses: of `client`'s Dashboard only (every Dashboard's without a client), and `unit`. */
export interface JournalSelection extends JournalOptions {
  unit?: string;
  /**
   * The Dashboard whose journal is meant ({@link DashboardClient.identity}). A journal recorded for another
   * Dashboard is never selected. Without it, the journals of every Dashboard of this origin are candidates.
   */
  client?: DashboardClient;
}

const belongsTo = (r: ImportRecord, client: DashboardClient | undefined): boolean =>
  client === undefined || r.dashboard === dashboardOf(client);

/**
 * The journal for `unit` of `client`'s Dashboard; without a unit, the only such journal (or, if several,
 * `fallbackUnit`'s, else the oldest).
 */
export async function selectJournal(o: JournalSelection, fallbackUnit?: string): Promise<ImportRecord | undefined> {
  const all = (await listJournals(o.database)).filter(
    (r) => belongsTo(r, o.client) && (o.unit === undefined || r.unit === o.unit),
  );
  if (all.length <= 1) return all[0];
  return all.find((r) => r.unit === fallbackUnit) ?? all.sort((a, b) => a.startedAt.localeCompare(b.startedAt))[0];
}

/**
 * The unfinished import (or rollback) recorded in this browser for `unit` (default: the only one, or the
 * oldest), or undefined. Reads IndexedDB only.
 * @throws BackupError JOURNAL_UNAVAILABLE when IndexedDB cannot be read or the journal is damaged.
 */
export async function findUnfinishedImport(o: JournalSelection = {}): Promise<UnfinishedImport | undefined> {
  const record = await selectJournal(o);
  return record && describeJournal(o.database, record);
}

/**
 * The unfinished imports this browser holds for Dashboards other than `o.client`'s (or recorded by version 1 of
 * this module, whose Dashboard is unknown: `dashboard` undefined), so they can be listed — never resumed, rolled
 * back or discarded through `o.client`. Reads IndexedDB only.
 * @throws BackupError JOURNAL_UNAVAILABLE.
 */
export async function findOtherUnfinishedImports(o: JournalOptions & { client: DashboardClient }): Promise<UnfinishedImport[]> {
  const others = (await listJournals(o.database)).filter((r) => !belongsTo(r, o.client));
  return Promise.all(others.map((r) => describeJournal(o.database, r)));
}

/** What {@link findUnfinishedImport} reports about `record`. */
async function describeJournal(database: string | undefined, record: ImportRecord): Promise<UnfinishedImport> {
  const records = [...(await loadStepRecords(database, record.id)).values()];
  return {
    ...(record.dashboard !== undefined ? { dashboard: record.dashboard } : {}),
    unit: record.target,
    mode: record.mode,
    ...(record.selective ? { selective: true } : {}),
    status: record.status,
    startedAt: record.startedAt,
    source: record.source,
    steps: {
      total: record.steps.filter((id) => !id.startsWith('gate-')).length,
      done: records.filter((r) => r.status === 'done').length,
      started: records.filter((r) => r.status === 'started').length,
    },
    snapshotFilename: record.snapshotFilename,
    busy: await isUnitLocked(database, record.key),
  };
}
