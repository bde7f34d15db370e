// A backup unlike the unit it was made of. Its own module, with nothing but a type import, so that the e2e tests'
// pages can import it too (`await import('/test/backup/unlike.ts')` in page.evaluate).
import type { UnitState } from '../../src/schemas.js';

/**
 * `backup` with one field more in every plugin, workspace and profile and another value in every key: importing it
 * over the unit it was made of keeps nothing (an import keeps what already stands as the backup wants it,
 * src/backup/converge.ts), so the whole unit is wiped and created — what the fault matrices and crash tests count on.
 */
export function unlikeItsUnit<B extends { payload: { unit: UnitState } }>(backup: B): B {
  const u = backup.payload.unit;
  const unit: UnitState = {
    plugins: u.plugins.map((p) => ({ ...p, restoredCopy: true })),
    workspaces: u.workspaces.map((w) => ({ ...w, restoredCopy: true })),
    profiles: u.profiles.map((p) => ({ ...p, restoredCopy: true })),
    keys: u.keys.map((k) => ({ ...k, value: `${k.value} (restored copy)` })),
  };
  return { ...backup, payload: { ...backup.payload, unit } };
}
