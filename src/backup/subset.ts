/**
 * A smaller backup made offline from an opened one: the chosen entities (a {@link Selection}) and everything they
 * refer to inside the backup (a workspace's plugins, a plugin's provider plugins, a profile's workspaces), so the
 * subset has no dangling reference and a full or selective import can use it. Same format, same manifest (its
 * counts updated), encrypted with the password (and optional recovery key) the admin gives. No request is sent.
 */
import { encryptBackupToBlob } from '../worker/index.js';
import type { BackupPayload, UnitState } from '../schemas.js';
import { BackupError } from '../errors.js';
import { countUnit } from './consistency.js';
import { isEmptyChoice, resolveSelection, type Selection } from './selection.js';

/** Shortest password of a subset: the export's minimum (MIN_PASSWORD_LENGTH). */
const SUBSET_MIN_PASSWORD_LENGTH = 4;

/** Options of {@link createSubsetBackup}. */
export interface SubsetOptions {
  /** A recovery key that opens the subset too (format v2's recovery-key slot). */
  recoveryKey?: string | Uint8Array;
  /** PBKDF2 iterations (default: the format's default). */
  iterations?: number;
  signal?: AbortSignal;
}

/** The chosen entities and their dependencies inside `unit`, each collection in the backup's order. Pure. */
export function subsetUnit(unit: UnitState, selection: Selection): UnitState {
  const chosen = resolveSelection(selection, unit);
  if (isEmptyChoice(chosen)) throw new BackupError('INVALID_OPTIONS', 'Nothing is chosen: choose at least one section or item to save.');
  const ws = new Set(chosen.workspaces);
  const plugins = new Set(chosen.plugins);
  const wsIndex = new Map(unit.workspaces.map((w, i) => [w.id, i]));
  const pluginIndex = new Map(unit.plugins.map((p, i) => [p.bundle, i]));
  for (const i of chosen.profiles) for (const id of unit.profiles[i]!.workspaces) if (wsIndex.has(id)) ws.add(wsIndex.get(id)!);
  for (const i of ws) for (const a of unit.workspaces[i]!.applications) if (pluginIndex.has(a.plugin)) plugins.add(pluginIndex.get(a.plugin)!);
  for (let grew = true; grew; ) {
    grew = false;
    for (const i of [...plugins]) {
      const m = unit.plugins[i]!.requirementMappings;
      for (const b of [...Object.values(m.actions), ...Object.values(m.portals)]) {
        const p = pluginIndex.get(b);
        if (p !== undefined && !plugins.has(p)) {
          plugins.add(p);
          grew = true;
        }
      }
    }
  }
  const pick = <T>(list: T[], set: Set<number>): T[] => list.filter((_, i) => set.has(i));
  return {
    plugins: pick(unit.plugins, plugins),
    workspaces: pick(unit.workspaces, ws),
    profiles: pick(unit.profiles, chosen.profiles),
    keys: pick(unit.keys, chosen.keys),
  };
}

/**
 * Encrypts the subset of `payload` that `selection` names (with its dependencies) as a new backup file.
 * @throws BackupError PASSWORD_TOO_SHORT, INVALID_OPTIONS (bad or empty selection, a name the backup lacks),
 *   ABORTED; FormatError from the format (INSECURE_CONTEXT, INVALID_RECOVERY_KEY).
 */
export async function createSubsetBackup(payload: BackupPayload, selection: Selection, password: string, o: SubsetOptions = {}): Promise<Blob> {
  // The export's minimum (session.ts), checked here so the offline inspector does not pull in the client code.
  if (typeof password !== 'string' || [...password].length < SUBSET_MIN_PASSWORD_LENGTH) {
    throw new BackupError('PASSWORD_TOO_SHORT', `The password must be at least ${SUBSET_MIN_PASSWORD_LENGTH} characters long.`);
  }
  const unit = subsetUnit(payload.unit, selection);
  const subset: BackupPayload = { manifest: { ...payload.manifest, counts: countUnit(unit) }, unit };
  return encryptBackupToBlob(subset, password, {
    ...(o.recoveryKey !== undefined ? { recoveryKey: o.recoveryKey } : {}),
    ...(o.iterations !== undefined ? { iterations: o.iterations } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
}
