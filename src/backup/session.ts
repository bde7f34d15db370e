/** Session checks shared by every engine: the caller must be an admin, and the unit must be one they can reach. */
import { REORDER_FEATURE, type DashboardClient } from '../api/index.js';
import { BackupError } from '../errors.js';
import { assertSecureContext } from '../format/secure-context.js';
import type { Session, UnitRef } from '../schemas.js';

/** Shortest password the engines accept for a backup file. */
export const MIN_PASSWORD_LENGTH = 4;

/** @throws BackupError INSECURE_CONTEXT, PASSWORD_TOO_SHORT (before anything else happens). */
export function checkPassword(password: string): void {
  assertSecureContext();
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) {
    throw new BackupError(
      'PASSWORD_TOO_SHORT',
      `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    );
  }
}

/**
 * Reads the session and returns it with the unit to work on (`unit`, default the session's current unit).
 * @throws BackupError NOT_ADMIN for any other role; INVALID_OPTIONS when the unit is not one the user can reach.
 */
export async function requireAdmin(
  client: DashboardClient,
  unit: string | undefined,
  signal?: AbortSignal,
): Promise<{ session: Session; target: UnitRef }> {
  const session = await client.getSession({ signal });
  if (session.role !== 'admin') {
    throw new BackupError('NOT_ADMIN', 'Only an administrator of this unit can back it up or restore it.');
  }
  if (unit === undefined || unit === session.unit.id) return { session, target: session.unit };
  const target = session.units.find((u) => u.id === unit);
  if (!target) {
    throw new BackupError('INVALID_OPTIONS', 'The chosen unit is not one this user can reach; pick another unit.');
  }
  return { session, target };
}

/**
 * True when a restore may create in parallel and set each collection's order in one call at the end: the
 * Dashboard lists the `reorder` feature in its session and the client implements `setOrder` (steps.ts).
 */
export const offersReorder = (session: Session, client: DashboardClient): boolean =>
  typeof client.setOrder === 'function' && session.features?.includes(REORDER_FEATURE) === true;
