/**
 * The events `<backup-inspector>` fires, typed in `GlobalEventHandlersEventMap`. Details carry the manifest
 * (unit, dates, versions — no secrets), counts and error codes; never a password, a key value or entity content.
 */
import type { BackupErrorCode } from '../../src/errors.js';
import type { Counts, Manifest } from '../../src/schemas.js';

/** `inspector-open`: a backup was decrypted, validated and is now shown. */
export interface InspectorOpenDetail {
  manifest: Manifest;
  /** Counted from the payload. */
  counts: Counts;
  /** Number of schema problems (0 for a valid backup; otherwise the content is shown leniently). */
  issues: number;
}

/** `inspector-compare`: a second backup was opened and compared with the first. */
export interface InspectorCompareDetail {
  /** Manifest of the other backup. */
  other: Manifest;
  identical: boolean;
  /** Added + removed + changed entities, per section. */
  differences: Counts;
  /** The sections whose entities both backups hold are listed in another order (never `keys`: a map). */
  reordered: (keyof Counts)[];
}

/** `inspector-save` (cancelable): the user confirmed saving the decrypted content as an unencrypted JSON file. */
export interface InspectorSaveDetail {
  filename: string;
  bytes: number;
}

/** `inspector-error`: opening or comparing failed; `message` is the sentence shown to the user. */
export interface InspectorErrorDetail {
  step: 'open' | 'compare';
  code: BackupErrorCode | 'UNKNOWN';
  message: string;
}

/** Every event of `<backup-inspector>`, by name. */
export interface BackupInspectorEventMap {
  'inspector-open': CustomEvent<InspectorOpenDetail>;
  'inspector-compare': CustomEvent<InspectorCompareDetail>;
  'inspector-save': CustomEvent<InspectorSaveDetail>;
  'inspector-error': CustomEvent<InspectorErrorDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends BackupInspectorEventMap {}
}

/**
 * Dispatches one of the inspector's events (bubbling, composed, cancelable). Returns false when a listener called
 * `preventDefault()`.
 */
export function dispatchInspectorEvent<K extends keyof BackupInspectorEventMap>(
  target: EventTarget,
  type: K,
  detail: BackupInspectorEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }));
}
