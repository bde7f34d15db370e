/** Saving a decrypted backup as plain JSON (the inspector asks for confirmation first: the result is not encrypted). */
import type { BackupPayload, Manifest } from '../schemas.js';

/** Media type of the saved file. */
export const JSON_MEDIA_TYPE = 'application/json';

/** The decrypted content as indented JSON, exactly what the backup holds (secrets included, in clear). */
export function serializeBackupJson(payload: BackupPayload | unknown): string {
  return `${JSON.stringify(payload, null, 2)}\n`;
}

/** A Blob of {@link serializeBackupJson}. */
export function createBackupJsonBlob(payload: BackupPayload | unknown): Blob {
  return new Blob([serializeBackupJson(payload)], { type: JSON_MEDIA_TYPE });
}

/** `south-news-2026-11-28T10-30-00Z.UNENCRYPTED.json`: says what it is, safe on every file system. */
export function suggestJsonFilename(manifest: Manifest): string {
  const unit = manifest.unit.id.replace(/[^a-z0-9._-]+/gi, '-').replace(/^\.+/, '').slice(0, 80) || 'unit';
  const date = manifest.createdAt.replace(/\.\d+/, '').replace(/[^0-9TZ-]+/gi, '-').slice(0, 40);
  return `${unit}-${date}.UNENCRYPTED.json`;
}
