/**
 * Versioning hooks. A file's first 10 bytes are the same in every version (magic, u16 version); a *reader* turns a
 * file of one version into that version's payload, and a chain of *payload migrations* (v → v+1) brings the payload
 * up to the current {@link FORMAT_VERSION}. Versions 1 and 2 have built-in readers; the built-in migration 1 → 2 is
 * the identity (the payload did not change, only the container). See docs/format.md, "Versioning".
 */
import { FormatError } from '../errors.js';
import { FORMAT_VERSION, SUPPORTED_VERSIONS } from './constants.js';
import type { DecryptOptions } from './options.js';
import type { ByteSource } from './source.js';
import type { BackupSecret } from './secret.js';

/** Reads a whole file of one format version and returns its payload, in that version's shape. */
export type FormatReader = (source: ByteSource, secret: BackupSecret, options: DecryptOptions) => Promise<unknown>;

/** Turns a payload of format version `from` into one of version `from + 1`. */
export type PayloadMigration = (payload: unknown) => unknown;

const readers = new Map<number, FormatReader>();
const migrations = new Map<number, PayloadMigration>();
/** Built in: v1 and v2 differ in the container only (key slots), not in the payload, so 1 → 2 is the identity. */
const builtInMigrations = new Map<number, PayloadMigration>([[1, (payload) => payload]]);

function getMigration(fromVersion: number): PayloadMigration | undefined {
  return migrations.get(fromVersion) ?? builtInMigrations.get(fromVersion);
}

/** Registers a reader for an older format version. Returns a function that removes it again. */
export function registerFormatReader(version: number, reader: FormatReader): () => void {
  readers.set(version, reader);
  return () => {
    if (readers.get(version) === reader) readers.delete(version);
  };
}

/** Registers the migration of payloads from `fromVersion` to `fromVersion + 1`. Returns a function that removes it. */
export function registerPayloadMigration(fromVersion: number, migrate: PayloadMigration): () => void {
  migrations.set(fromVersion, migrate);
  return () => {
    if (migrations.get(fromVersion) === migrate) migrations.delete(fromVersion);
  };
}

/** The registered (non-built-in) reader of `version`, if any. */
export function getFormatReader(version: number): FormatReader | undefined {
  return readers.get(version);
}

function canMigrate(fromVersion: number): boolean {
  for (let v = fromVersion; v < FORMAT_VERSION; v++) if (!getMigration(v)) return false;
  return fromVersion <= FORMAT_VERSION;
}

/** Every version this build can open: built-in ones plus registered readers with a full migration chain. */
export function listReadableVersions(): number[] {
  const versions = new Set(SUPPORTED_VERSIONS);
  for (const v of readers.keys()) if (canMigrate(v)) versions.add(v);
  return [...versions].sort((a, b) => a - b);
}

/** The error for a file in a version this build cannot open; names the versions it can. */
export function createUnsupportedVersionError(version: number): FormatError {
  const readable = listReadableVersions().join(', ');
  const hint = version > FORMAT_VERSION ? ' It was probably made by a newer version of this application.' : '';
  return new FormatError(
    'UNSUPPORTED_VERSION',
    `This backup uses format version ${version}; this build reads format version(s) ${readable}.${hint}`,
  );
}

/** Applies the migrations from `fromVersion` up to FORMAT_VERSION. @throws FormatError UNSUPPORTED_VERSION */
export async function migratePayload(payload: unknown, fromVersion: number): Promise<unknown> {
  if (!canMigrate(fromVersion)) throw createUnsupportedVersionError(fromVersion);
  let current = payload;
  for (let v = fromVersion; v < FORMAT_VERSION; v++) current = await getMigration(v)!(current);
  return current;
}
