/**
 * The IndexedDB database behind the journal: connection handling and the zod schemas every record is checked
 * against when read back (IndexedDB is a trust boundary: another version of this module, or a user's devtools,
 * may have written it). Nothing here stores a password, a key or plaintext unit data.
 */
import { openDB, type IDBPDatabase } from 'idb';
import * as z from 'zod/mini';
import { BackupError } from '../errors.js';
import { Counts, UnitRef } from '../schemas.js';

/** Default IndexedDB database name. */
export const DEFAULT_JOURNAL_DATABASE = 'dashboard-backup-journal';
/** Schema version of the database (2: journals keyed by Dashboard and unit, no longer by unit alone). */
export const JOURNAL_DB_VERSION = 2;

/** Object stores: one import record per unit, its encrypted blobs, and one record per started step. */
export const STORE_IMPORTS = 'imports';
export const STORE_BLOBS = 'blobs';
export const STORE_STEPS = 'steps';

/** Names of the encrypted blobs a journal keeps. */
export const BlobName = z.enum(['snapshot', 'source', 'base']);
export type BlobName = z.infer<typeof BlobName>;

/**
 * One import (or rollback) in progress for a unit of one Dashboard. Holds ids, counts, the unit's and the backup's
 * names and dates (shown before the password is typed), never entity content (README, "Security model").
 */
export const ImportRecord = z.object({
  /** Key: {@link journalKey} of the Dashboard and the unit (the unit id alone for a journal written by version 1). */
  key: z.string(),
  /** The Dashboard's identity (DashboardClient.identity); absent on a version 1 journal (Dashboard unknown). */
  dashboard: z.optional(z.string()),
  /** The target unit's id. */
  unit: z.string(),
  target: UnitRef,
  /** Random id of this run; with a step id it makes the step's Idempotency-Key. */
  id: z.string().check(z.minLength(8)),
  mode: z.enum(['import', 'rollback']),
  /** A selective restore (selective.ts): only the chosen items. Absent for a full import or a rollback. */
  selective: z.optional(z.literal(true)),
  status: z.enum(['running', 'unverified']),
  startedAt: z.string(),
  source: z.object({ unit: UnitRef, createdAt: z.string(), counts: Counts }),
  /** Which blob holds what to create, and which holds the unit as it was when this run started. */
  sourceBlob: BlobName,
  baseBlob: BlobName,
  snapshotFilename: z.string(),
  /** File name of the fresh safety snapshot (blob `base`) a resume or rollback took of the unit as it found it. */
  freshSnapshotFilename: z.optional(z.string()),
  /** Owner id of the Dashboard's restore lock this run takes (lease.ts); a resume here takes it as the same owner. */
  lockOwner: z.optional(z.string()),
  /** The planned step ids, in order. */
  steps: z.array(z.string()),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

/** A step that was started (before its request) or done (after its response). Absent = pending. */
export const StepRecord = z.object({
  journal: z.string(),
  step: z.string(),
  status: z.enum(['started', 'done']),
  /** New server id (create steps). */
  newId: z.optional(z.string()),
  /** The Idempotency-Key sent with the step's POST. */
  idempotencyKey: z.optional(z.string()),
});
export type StepRecord = z.infer<typeof StepRecord>;

/** The key of the journal of `unit` on Dashboard `dashboard`. */
export const journalKey = (dashboard: string, unit: string): string => `${dashboard}\n${unit}`;

const connections = new Map<string, Promise<IDBPDatabase>>();

/**
 * The open database `name` (opened once per page and kept).
 * @throws BackupError JOURNAL_UNAVAILABLE when IndexedDB cannot be opened (private mode, quota, blocked).
 * @internal left out of the declarations (stripInternal): idb's types need the DOM lib, the API's must not.
 */
export async function openJournalDb(name = DEFAULT_JOURNAL_DATABASE): Promise<IDBPDatabase> {
  let db = connections.get(name);
  if (!db) {
    db = openDB(name, JOURNAL_DB_VERSION, {
      async upgrade(database, oldVersion, _newVersion, tx) {
        // Version 1 keyed imports by unit id: they move to the `key` keyPath unchanged (key = unit, no
        // `dashboard`), so their blobs ([unit, name]) still match, and they are listed as of an unknown Dashboard.
        const old: unknown[] = oldVersion === 1 ? await tx.objectStore(STORE_IMPORTS).getAll() : [];
        if (oldVersion === 1) database.deleteObjectStore(STORE_IMPORTS);
        const imports = database.createObjectStore(STORE_IMPORTS, { keyPath: 'key' });
        for (const value of old) {
          if (value && typeof value === 'object' && 'unit' in value) await imports.put({ ...value, key: value.unit });
        }
        if (!database.objectStoreNames.contains(STORE_BLOBS)) database.createObjectStore(STORE_BLOBS);
        if (!database.objectStoreNames.contains(STORE_STEPS)) database.createObjectStore(STORE_STEPS, { keyPath: ['journal', 'step'] });
      },
      // Another tab wants to upgrade or delete the database: let it, and reopen on next use.
      blocking(_current, _next, event) {
        (event.target as IDBDatabase).close();
        connections.delete(name);
      },
      terminated() {
        connections.delete(name);
      },
    });
    connections.set(name, db);
    db.catch(() => connections.delete(name));
  }
  try {
    return await db;
  } catch (error) {
    throw new BackupError(
      'JOURNAL_UNAVAILABLE',
      'The browser storage (IndexedDB) needed for a safe import is not available. Leave private browsing or free some space, then try again.',
      { cause: error },
    );
  }
}

/** Wraps an IndexedDB failure as JOURNAL_UNAVAILABLE. */
export function journalError(error: unknown): BackupError {
  if (error instanceof BackupError) return error;
  return new BackupError('JOURNAL_UNAVAILABLE', 'Writing the import journal to browser storage failed.', { cause: error });
}
