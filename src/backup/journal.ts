/**
 * The import journal: operations on the IndexedDB records that let a reload resume or roll back an import.
 * Exports operations only; the database stays private (journal-db.ts). Blobs stored here are encrypted backup
 * files; step records hold step ids, server ids and Idempotency-Keys — never names, values or passwords.
 */
import { PARSE } from '../zod.js';
import type { DashboardClient } from '../api/index.js';
import { BackupError } from '../errors.js';
import { createTaskBudget } from '../format/schedule.js';
import {
  BlobName,
  ImportRecord,
  STORE_BLOBS,
  STORE_IMPORTS,
  STORE_STEPS,
  StepRecord,
  journalError,
  openJournalDb,
} from './journal-db.js';

export { DEFAULT_JOURNAL_DATABASE, journalKey, type BlobName, type ImportRecord, type StepRecord } from './journal-db.js';

/**
 * The Dashboard identity the journal records for `client`: its declared identity (the REST client's API URL), or
 * one shared by every custom client that declares none.
 */
export const dashboardOf = (client: DashboardClient): string => client.identity ?? 'custom-client';

/** Journal `journal`'s step records ([journal, step] is the store's key path); those after step `after` if given. */
const stepRange = (journal: string, after?: string): IDBKeyRange =>
  after === undefined ? IDBKeyRange.bound([journal], [journal, []]) : IDBKeyRange.bound([journal, after], [journal, []], true);

/** The error for a journal that fails validation. */
export function damagedJournal(): BackupError {
  return new BackupError(
    'JOURNAL_UNAVAILABLE',
    'The import journal in this browser is damaged and cannot be used. Discard it, then restore from a backup file.',
  );
}

function parseRecord(value: unknown): ImportRecord {
  const parsed = ImportRecord.safeParse(value, PARSE);
  if (!parsed.success) throw damagedJournal();
  return parsed.data;
}

/**
 * Starts a journal: writes the import record and its encrypted blobs in one transaction (all or nothing), and
 * removes any step records left by an earlier journal of the same unit. A new journal (no `replaces`) is only
 * inserted, never written over an existing one, so a second import can never replace a running one's snapshot.
 * @throws BackupError IMPORT_INCOMPLETE when the unit already has a journal (and `replaces` is not given);
 *   JOURNAL_UNAVAILABLE.
 */
export async function beginJournal(
  database: string | undefined,
  record: ImportRecord,
  blobs: Partial<Record<BlobName, Blob>>,
  replaces?: ImportRecord,
): Promise<void> {
  const db = await openJournalDb(database);
  try {
    const tx = db.transaction([STORE_IMPORTS, STORE_BLOBS, STORE_STEPS], 'readwrite', { durability: 'strict' });
    if (replaces) void tx.objectStore(STORE_STEPS).delete(stepRange(replaces.id));
    for (const [name, blob] of Object.entries(blobs)) void tx.objectStore(STORE_BLOBS).put(blob, [record.key, name]);
    const imports = tx.objectStore(STORE_IMPORTS);
    await Promise.all([replaces ? imports.put(record) : imports.add(record), tx.done]);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'ConstraintError') throw unfinishedError();
    throw journalError(error);
  }
}

/** The error of an import refused because the unit already has a journal. */
export function unfinishedError(): BackupError {
  return new BackupError(
    'IMPORT_INCOMPLETE',
    'An earlier import into this unit has not finished. Resume it, roll it back or discard it before starting another.',
  );
}

/** Every journal in `database`, validated. */
export async function listJournals(database?: string): Promise<ImportRecord[]> {
  const db = await openJournalDb(database);
  return (await db.getAll(STORE_IMPORTS)).map(parseRecord);
}

/** The journal stored under `key` (journalKey), validated; undefined when there is none. */
export async function loadJournal(database: string | undefined, key: string): Promise<ImportRecord | undefined> {
  const db = await openJournalDb(database);
  const value: unknown = await db.get(STORE_IMPORTS, key);
  return value === undefined ? undefined : parseRecord(value);
}

/** Step records read from IndexedDB per request: one read's structured-clone work stays a few milliseconds. */
export const STEP_READ_PAGE = 500;

/**
 * The step records of journal `id`, by step id. A large import has one record per request (~16,000): they are read
 * in pages of {@link STEP_READ_PAGE} and validated record by record under a task budget (format/schedule.ts), yielding
 * to the page in between, where one getAll and one array parse held the main thread for hundreds of milliseconds under load.
 */
export async function loadStepRecords(database: string | undefined, id: string): Promise<Map<string, StepRecord>> {
  const db = await openJournalDb(database);
  const records = new Map<string, StepRecord>();
  const budget = createTaskBudget(undefined);
  let range = stepRange(id);
  for (;;) {
    const values: unknown[] = await db.getAll(STORE_STEPS, range, STEP_READ_PAGE);
    for (const value of values) {
      const parsed = StepRecord.safeParse(value, PARSE);
      if (!parsed.success) throw damagedJournal();
      records.set(parsed.data.step, parsed.data);
      await budget.pause();
    }
    if (values.length < STEP_READ_PAGE) return records;
    range = stepRange(id, (values[values.length - 1] as StepRecord).step);
  }
}

/** One of the journal's encrypted blobs. */
export async function readJournalBlob(database: string | undefined, key: string, name: BlobName): Promise<Blob> {
  const db = await openJournalDb(database);
  const value: unknown = await db.get(STORE_BLOBS, [key, name]);
  if (!(value instanceof Blob)) throw damagedJournal();
  return value;
}

/** Sets the status of the journal stored under `key`. */
export async function setJournalStatus(database: string | undefined, key: string, status: ImportRecord['status']): Promise<void> {
  const db = await openJournalDb(database);
  try {
    const tx = db.transaction(STORE_IMPORTS, 'readwrite');
    const record = parseRecord(await tx.store.get(key));
    await tx.store.put({ ...record, status });
    await tx.done;
  } catch (error) {
    throw journalError(error);
  }
}

/** Deletes the journal stored under `key`: its record, its blobs (the safety snapshot too) and its step records. */
export async function deleteJournal(database: string | undefined, key: string): Promise<void> {
  const db = await openJournalDb(database);
  try {
    const tx = db.transaction([STORE_IMPORTS, STORE_BLOBS, STORE_STEPS], 'readwrite', { durability: 'strict' });
    const value: unknown = await tx.objectStore(STORE_IMPORTS).get(key);
    const id = ImportRecord.safeParse(value, PARSE).data?.id;
    if (id) void tx.objectStore(STORE_STEPS).delete(stepRange(id));
    void tx.objectStore(STORE_BLOBS).delete(IDBKeyRange.bound([key], [key, []]));
    void tx.objectStore(STORE_IMPORTS).delete(key);
    await tx.done;
  } catch (error) {
    throw journalError(error);
  }
}

/** Writes step records, batching the writes that arrive while a transaction is committing. */
export interface StepWriter {
  /** Resolves once `record` is committed to IndexedDB. */
  write(record: StepRecord): Promise<void>;
}

/**
 * A {@link StepWriter} for `database`. Each write resolves only after its transaction has committed, so a step
 * marked "started" is on disk before its request leaves; concurrent writes share one transaction, which keeps a
 * 15,000-step import from paying 30,000 separate commits. Durability is "relaxed": a committed record survives a
 * reload or a crashed tab (not a power cut), which is what resume needs.
 */
export function createStepWriter(database?: string): StepWriter {
  let pending: { records: StepRecord[]; done: Promise<void> } | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  const commit = async (records: StepRecord[]): Promise<void> => {
    const db = await openJournalDb(database);
    try {
      const tx = db.transaction(STORE_STEPS, 'readwrite', { durability: 'relaxed' });
      for (const r of records) void tx.store.put(r);
      await tx.done;
    } catch (error) {
      throw journalError(error);
    }
  };
  return {
    write(record) {
      if (!pending) {
        const batch: StepRecord[] = [];
        const done = chain.then(() => {
          // From here on, new writes go to the next batch.
          if (pending?.records === batch) pending = undefined;
          return commit(batch);
        });
        chain = done.catch(() => undefined);
        pending = { records: batch, done };
      }
      pending.records.push(record);
      return pending.done;
    },
  };
}
