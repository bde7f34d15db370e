/**
 * The Dashboard's restore lock as an import, resume or rollback uses it (docs/dashboard-api.md, "Restore lock"):
 * taken before the unit is read, renewed every {@link RESTORE_LOCK_RENEW_MS} while the run goes on, checked again
 * before the first write and before the create phase, released at the end. A second admin in another browser is
 * refused with UNIT_LOCKED (who, since when) before anything is read or sent. A Dashboard without the lock route
 * (or a custom client without the methods) runs without it: then two restores can interleave, and what keeps that
 * safe is convergence (converge.ts): verification reports the mix, never "verified", and a resume adopts by
 * natural key and order, so the unit ends as one backup with nothing twice.
 */
import type { DashboardClient } from '../api/index.js';
import type { RestoreLock } from '../api/restore-lock.js';
import { BackupError } from '../errors.js';

/** How long the lock holds without a renewal: a crashed browser blocks the unit at most this long. */
export const RESTORE_LOCK_TTL_SECONDS = 60;
/** How often a running restore renews it. */
export const RESTORE_LOCK_RENEW_MS = 20_000;

/** A restore refused (or stopped) because another owner holds the unit's restore lock. */
export class UnitLockedError extends BackupError {
  override name = 'UnitLockedError';
  constructor(readonly holder: { label: string; since: string }) {
    super(
      'UNIT_LOCKED',
      `${holder.label || 'Another administrator'} has been restoring this unit from another browser since ${holder.since}. Wait until they have finished, then try again.`,
    );
  }
}

/** A held (or, without lock support, pretended) restore lock. */
export interface Lease {
  /** False when the Dashboard offers no restore lock. */
  readonly supported: boolean;
  /** Renews now; throws UnitLockedError when the lock was lost to another owner. */
  check(signal?: AbortSignal): Promise<void>;
  /** Throws UnitLockedError when a renewal found the lock lost (no request: cheap, called before every step). */
  assertHeld(): void;
  /** Stops renewing and releases the lock (failures ignored: it expires anyway). */
  release(): Promise<void>;
}

const NO_LEASE: Lease = { supported: false, check: async () => {}, assertHeld: () => {}, release: async () => {} };

const holderOf = (lock: RestoreLock) => ({ label: lock.label, since: lock.since });

/**
 * Takes the restore lock of `unit` for `owner`.
 * @throws UnitLockedError UNIT_LOCKED when another owner holds it; HttpError.
 */
export async function takeLease(client: DashboardClient, unit: string, owner: string, label: string, signal?: AbortSignal): Promise<Lease> {
  const acquire = client.acquireRestoreLock?.bind(client);
  if (!acquire) return NO_LEASE;
  const request = { owner, label, ttlSeconds: RESTORE_LOCK_TTL_SECONDS };
  const first = await acquire(unit, request, { ...(signal ? { signal } : {}) });
  if (first.status === 'unsupported') return NO_LEASE;
  if (first.status === 'busy') throw new UnitLockedError(holderOf(first.lock));
  let lost: RestoreLock | undefined;
  const renew = async (s?: AbortSignal): Promise<void> => {
    const r = await acquire(unit, request, { ...(s ? { signal: s } : {}) });
    if (r.status === 'busy') lost = r.lock;
  };
  // A renewal that fails in transit is retried at the next beat; the lock only lapses after the whole TTL.
  const timer = setInterval(() => void renew().catch(() => undefined), RESTORE_LOCK_RENEW_MS);
  const assertHeld = (): void => {
    if (lost) throw new UnitLockedError(holderOf(lost));
  };
  return {
    supported: true,
    async check(s) {
      await renew(s);
      assertHeld();
    },
    assertHeld,
    async release() {
      clearInterval(timer);
      if (!lost) await client.releaseRestoreLock?.(unit, owner).catch(() => undefined);
    },
  };
}
