/** Builds backup payloads (manifest + unit state) and the file names they are saved under. */
import { countUnit } from './consistency.js';
import type { BackupPayload, Manifest, Session, UnitRef, UnitState } from '../schemas.js';
import { APP_VERSION } from '../version.js';

/** Version of this module recorded in every manifest (src/version.ts, checked against package.json by the build). */
export { APP_VERSION };

/** Extension of backup files (docs/format.md). */
export const BACKUP_EXTENSION = '.dashboard-backup';

/** The payload of a backup of `state`, taken now from `unit` by `user`. */
export function buildPayload(
  state: UnitState,
  unit: UnitRef,
  user: Session['user'],
  origin: string,
  now = new Date(),
): BackupPayload {
  const manifest: Manifest = {
    payloadVersion: 1,
    appVersion: APP_VERSION,
    origin,
    unit: { id: unit.id, name: unit.name },
    exportedBy: { id: user.id, name: user.name },
    createdAt: now.toISOString(),
    counts: countUnit(state),
  };
  return { manifest, unit: state };
}

/** Lower-case ASCII slug of a unit name ("Südnachrichten & Co" → "sudnachrichten-co"); "unit" when nothing is left. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'unit';
}

/** `YYYY-MM-DD-HHmm` in the local time zone (what the admin sees on their clock). */
export function formatStamp(date: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}`;
}

/** `<unit-slug>[-<label>]-<YYYY-MM-DD-HHmm>.dashboard-backup`. */
export function backupFilename(unitName: string, date: Date, label?: string): string {
  return `${slugify(unitName)}${label ? `-${label}` : ''}-${formatStamp(date)}${BACKUP_EXTENSION}`;
}
