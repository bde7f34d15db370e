/**
 * Every sentence the element shows for a failure or a phase, from the message catalog (`l10n/`). Each error code
 * maps to something a person can act on; the catalog's record types make the compiler refuse a code without a
 * sentence, in every language.
 */
import { isBackupError, type BackupErrorCode } from '../../src/errors.js';
import type { Phase } from './engine.js';
import type { Catalog } from './l10n/catalog.js';
import { en } from './l10n/en.js';
import type { Localizer } from './l10n/localizer.js';

/** What to tell the user for each error code, in English (the element uses its language's catalog). */
export const ERROR_MESSAGES: Readonly<Record<BackupErrorCode, string>> = en.errors;

/** Shown for a failure that is not a {@link BackupErrorCode} (a bug, or something the engines did not foresee). */
export const UNKNOWN_ERROR_MESSAGE = en.unknownError;

/** A failure as the element reports it: a code and the sentence for it. */
export interface DescribedError {
  code: BackupErrorCode | 'UNKNOWN';
  message: string;
}

/**
 * Maps any thrown value to a code and a sentence for the user, in the catalog `t` (English by default). Never
 * echoes the error's own message. An import that stopped (IMPORT_INCOMPLETE) also says why, when its cause is a
 * failure with a code: that sentence comes first.
 */
export function describeError(error: unknown, t: Catalog = en, lang = 'en'): DescribedError {
  if (!isBackupError(error)) return { code: 'UNKNOWN', message: t.unknownError };
  const message = t.errors[error.code] ?? t.unknownError;
  const cause = error.cause;
  if (error.code === 'IMPORT_INCOMPLETE' && isBackupError(cause) && cause.code !== error.code) {
    const why = cause.code === 'UNIT_LOCKED' ? lockedSentence(cause, t, lang) : t.errors[cause.code];
    if (why) return { code: error.code, message: `${why} ${message}` };
  }
  if (error.code === 'UNIT_LOCKED') return { code: error.code, message: lockedSentence(error, t, lang) };
  return { code: error.code, message };
}

/** UNIT_LOCKED says who holds the Dashboard's restore lock and since when, where the error carries it (lease.ts). */
function lockedSentence(error: Error, t: Catalog, lang: string): string {
  const holder = (error as { holder?: { label?: unknown; since?: unknown } }).holder;
  if (typeof holder?.label !== 'string' || typeof holder.since !== 'string' || holder.label === '') return t.errors.UNIT_LOCKED;
  const since = new Date(holder.since);
  const when = Number.isNaN(since.getTime()) ? holder.since : since.toLocaleString(lang);
  return t.lockedBy(holder.label, when);
}

/** True when `error` is the engines' answer to a cancel (an aborted signal). */
export function isAbort(error: unknown): boolean {
  return isBackupError(error, 'ABORTED') || (error instanceof DOMException && error.name === 'AbortError');
}

/** What each phase of an engine is doing, in words (English; the element uses its catalog's `phases`). */
export const PHASE_LABELS: Readonly<Record<Phase, string>> = en.phases;

/** Describes a progress report in one sentence, e.g. "Reading the unit: 12 of 40", in the localizer's language. */
export function describeProgress(
  p: { phase: Phase; done: number; total: number } | undefined,
  l?: Localizer,
): string {
  if (!p) return '';
  const t = l?.t ?? en;
  const label = t.phases[p.phase] ?? p.phase;
  const number = (n: number) => (l ? l.number(n) : n.toLocaleString('en'));
  return p.total > 0 ? t.progressOf(label, number(p.done), number(p.total)) : label;
}
