/**
 * What in the unit as it is now the journal cannot account for: someone else's work since the run started. The
 * journal accounts for an entity that is still as the run found it (same id, same content in the run's base) and
 * for any entity equal to one of the run's target (it created it, or deleting and recreating it loses nothing).
 * Everything else — a colleague's new workspace, an edited profile, a changed key — would be deleted or overwritten
 * by a resume or rollback, so it is shown first (resume.ts).
 */
import { BackupError } from '../errors.js';
import type { Plugin, UnitState } from '../schemas.js';
import { canonicalJson, pluginContent, profileContent, workspaceContent, workspaceKey } from './compare.js';
import { describeDrift } from './describe.js';
import type { DriftItem } from './facts.js';
import type { ImportPlan, SectionName } from './types.js';

/**
 * A resume or rollback refused before it sent anything, because it would delete or overwrite work the journal does
 * not account for. `plan` is what it would do to the unit as it is now; `drift` names what is someone else's.
 * Call again with `expectedPlan: plan` once the admin has seen it.
 */
export class ReviewNeededError extends BackupError {
  override name = 'ReviewNeededError';
  /** Someone else's work, in English (`workspace "Desk" (admin)`), one per item of {@link driftItems}. */
  readonly drift: string[];
  constructor(
    readonly plan: ImportPlan,
    /** Someone else's work as facts (kind and natural key), which the elements say in the reader's language. */
    readonly driftItems: DriftItem[],
  ) {
    super(
      'RESUME_NEEDS_REVIEW',
      `The unit changed since the import started (${driftItems.length} change(s) the import did not make). Review what continuing would change, then confirm it.`,
    );
    this.drift = driftItems.map(describeDrift);
  }
}

/** Kind and natural key (never a value) of what `current` holds that neither `base` nor `target` explain. */
export function findDriftItems(current: UnitState, base: UnitState, target: UnitState): DriftItem[] {
  const out: DriftItem[] = [];
  const check = <T extends { id: string }>(
    kind: SectionName,
    live: T[],
    sides: T[][],
    content: (x: T, side: T[]) => string,
    label: (x: T) => Omit<DriftItem, 'section'>,
    alsoExplained: (x: T) => boolean = () => false,
  ) => {
    const baseById = new Map((sides[0] ?? []).map((x) => [x.id, x]));
    const targetContents = new Set((sides[1] ?? []).map((x) => content(x, sides[1]!)));
    for (const x of live) {
      const own = baseById.get(x.id);
      if (own && content(own, sides[0]!) === content(x, live)) continue;
      if (targetContents.has(content(x, live)) || alsoExplained(x)) continue;
      out.push({ section: kind, ...label(x) });
    }
  };
  // A plugin on a mapping cycle is unmapped before the wipe deletes it, and created unmapped before it is mapped:
  // without mappings, it is the run's own work when it equals a base (same id) or target plugin without them.
  const unmapped = (p: Plugin): string => pluginContent({ ...p, requirementMappings: { actions: {}, portals: {} } });
  const targetUnmapped = new Set(target.plugins.map(unmapped));
  const baseUnmapped = new Map(base.plugins.map((p) => [p.id, unmapped(p)]));
  const isUnmapped = (p: Plugin): boolean =>
    Object.keys(p.requirementMappings.actions).length + Object.keys(p.requirementMappings.portals).length === 0;
  const runsOwn = (p: Plugin): boolean =>
    isUnmapped(p) && (targetUnmapped.has(unmapped(p)) || baseUnmapped.get(p.id) === unmapped(p));
  check('plugins', current.plugins, [base.plugins, target.plugins], (p) => pluginContent(p), (p) => ({ name: p.bundle }), runsOwn);
  check('workspaces', current.workspaces, [base.workspaces, target.workspaces], (w) => workspaceContent(w), (w) => {
    const [name, owner] = JSON.parse(workspaceKey(w)) as [string, string];
    return { name, owner };
  });
  // A profile's workspaces by natural key and content, each side resolving its own ids.
  const refs = (unit: UnitState) => new Map(unit.workspaces.map((w) => [w.id, workspaceContent(w)]));
  const units = new Map<unknown, Map<string, string>>([
    [current.profiles, refs(current)],
    [base.profiles, refs(base)],
    [target.profiles, refs(target)],
  ]);
  check('profiles', current.profiles, [base.profiles, target.profiles], (p, side) => {
    const map = units.get(side) ?? new Map<string, string>();
    // Every field but the server-owned ones, as converge adopts and verification compares: an edit to any other
    // field (one this version does not model included) is someone's work, not the run's.
    return profileContent(p, map);
  }, (p) => ({ name: p.name }));
  const keyOf = (k: UnitState['keys'][number]) => canonicalJson(k);
  const knownKeys = new Set([...base.keys, ...target.keys].map(keyOf));
  for (const k of current.keys) if (!knownKeys.has(keyOf(k))) out.push({ section: 'keys', name: k.key });
  return out;
}

/** {@link findDriftItems} in English: `workspace "Desk" (admin)`, `key "smtp.password"` (describe.ts). */
export function findDrift(current: UnitState, base: UnitState, target: UnitState): string[] {
  return findDriftItems(current, base, target).map(describeDrift);
}
