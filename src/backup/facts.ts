/**
 * What the engines find, as facts (a code and its parameters: section, name, field path, numbers), never as a
 * sentence: the elements say them in the reader's language from their catalog (components/shared/l10n). The
 * English sentences programmatic users read (`differences`, `reason`, `drift`) are made from these facts by
 * describe.ts, in one place, so the two can never say different things.
 */
import type { SectionName } from './types.js';

/**
 * One way the unit read back differs from what a run wanted (findDifferenceFacts): an entity whose fields differ
 * (`changed`, the differing field paths, never a value), one missing, one that should not be there (`extra`), or a
 * collection in another order (`order`: the first position where they part, 1-based, and who stands there).
 */
export type UnitDifference =
  | { code: 'changed'; section: SectionName; label: string; fields: string[] }
  | { code: 'missing'; section: SectionName; label: string }
  | { code: 'extra'; section: SectionName; label: string }
  | { code: 'order'; section: SectionName; position: number; found: string; expected: string };

/** Someone else's work a resume or rollback would delete or overwrite: its kind and natural key, never a value. */
export interface DriftItem {
  section: SectionName;
  /** The bundle, the profile or key name; for a workspace its name (the owner apart). */
  name: string;
  /** A workspace's owner. */
  owner?: string;
}

/**
 * Why an entity cannot be sent to the Dashboard (created from the backup, or deleted from the unit by the wipe).
 * `too-deep`: nesting `depth` past `max`; `too-large`: a request of `bytes` past `max`; `lone-surrogate`: a text
 * with no UTF-8 form; `name-unaddressable` / `name-lone-surrogate`: a key name that cannot be a URL path segment;
 * `undeletable-unaddressable` / `undeletable-lone-surrogate`: the unit's entity whose id (`what: 'id'`) or key
 * name (`what: 'name'`) cannot be a URL path segment, so the wipe could not delete it.
 */
export type WriteReason =
  | { code: 'too-deep'; depth: number; max: number }
  | { code: 'too-large'; bytes: number; max: number }
  | { code: 'lone-surrogate' }
  | { code: 'name-unaddressable' }
  | { code: 'name-lone-surrogate' }
  | { code: 'undeletable-unaddressable'; what: 'id' | 'name' }
  | { code: 'undeletable-lone-surrogate'; what: 'id' | 'name' };

/**
 * Why a selective restore brings along an entity that was not chosen. Created from the backup because
 * `profile-lists` (a chosen profile lists the workspace), `workspace-uses` (a workspace uses the plugin) or
 * `plugin-maps` (a plugin maps a requirement to it) and this unit lacks it — `by` names that entity. Recreated as
 * it is because it `maps-replaced` (maps a requirement to a replaced plugin), `uses-replaced` (uses a replaced
 * plugin) or `lists-replaced` (lists a replaced or recreated workspace) — `by` names what is replaced.
 */
export type DependencyReason = {
  code: 'profile-lists' | 'workspace-uses' | 'plugin-maps' | 'maps-replaced' | 'uses-replaced' | 'lists-replaced';
  by: string;
};
