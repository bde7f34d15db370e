/**
 * What a restore cannot write, found before it changes anything. A backup can hold data the Dashboard stores but
 * will not take back in a request — a key named "." (URL parsing resolves it away), a lone UTF-16 surrogate (no
 * UTF-8 form: a URL cannot carry it, and a Dashboard decoding the body replaces it), a create body over the
 * contract's size limit, nesting deeper than the contract allows. Each would otherwise fail after the wipe.
 * Checked on the exact bodies the restore sends (inputs.ts), without recursion (src/json.ts).
 */
import { MAX_BODY_BYTES, MAX_JSON_DEPTH, findLoneSurrogate, hasLoneSurrogate, jsonDepth, utf8Length } from '../json.js';
import { createEntityPacer } from '../payload.js';
import type { UnitState } from '../schemas.js';
import { toKeyInput, toPluginInput, toProfileInput, toWorkspaceInput } from './inputs.js';
import { describeWriteReason } from './describe.js';
import type { WriteReason } from './facts.js';
import type { SectionName, WriteProblem } from './types.js';

/** Key names that cannot be one URL path segment: URL parsing drops or resolves them, even percent-encoded. */
const UNADDRESSABLE_NAMES = ['', '.', '..'];

/** Why `body` cannot be sent, or undefined when it can. */
function bodyProblem(body: unknown): WriteReason | undefined {
  const depth = jsonDepth(body);
  if (depth > MAX_JSON_DEPTH) return { code: 'too-deep', depth, max: MAX_JSON_DEPTH };
  if (findLoneSurrogate(body)) return { code: 'lone-surrogate' };
  // What the client sends (src/api/transport.ts): native JSON.stringify is safe at any depth the check above let by.
  const bytes = utf8Length(JSON.stringify(body));
  if (bytes > MAX_BODY_BYTES) return { code: 'too-large', bytes, max: MAX_BODY_BYTES };
  return undefined;
}

/**
 * Every entity of `unit` a restore could not send, with the reason, in section order. Yields to the page between
 * slices of entities. Labels are what the preview shows (bundle, "name (owner)", profile or key name).
 */
export async function findUnwritable(unit: UnitState): Promise<WriteProblem[]> {
  const problems: WriteProblem[] = [];
  const pacer = createEntityPacer(unit.plugins.length + unit.workspaces.length + unit.profiles.length + unit.keys.length);
  const check = async (section: SectionName, index: number, label: string, why: WriteReason | undefined) => {
    if (why) problems.push({ section, index, label, why, reason: describeWriteReason(why), in: 'backup' });
    await pacer.step();
  };
  for (const [i, p] of unit.plugins.entries()) await check('plugins', i, p.bundle, bodyProblem(toPluginInput(p)));
  for (const [i, w] of unit.workspaces.entries()) {
    await check('workspaces', i, `${w.name} (${w.owner})`, bodyProblem(toWorkspaceInput(w)));
  }
  // Profiles are sent with new workspace ids, which the Dashboard makes: the old ones stand in for their size.
  for (const [i, p] of unit.profiles.entries()) await check('profiles', i, p.name, bodyProblem(toProfileInput(p, p.workspaces)));
  for (const [i, k] of unit.keys.entries()) {
    let reason: WriteReason | undefined;
    if (UNADDRESSABLE_NAMES.includes(k.key)) reason = { code: 'name-unaddressable' };
    else if (hasLoneSurrogate(k.key)) reason = { code: 'name-lone-surrogate' };
    else reason = bodyProblem(toKeyInput(k));
    await check('keys', i, k.key, reason);
  }
  pacer.finish();
  return problems;
}

/** Why `segment` (an id or a key name) cannot be one URL path segment, or undefined when it can. */
function segmentProblem(segment: string, what: 'id' | 'name'): WriteReason | undefined {
  if (UNADDRESSABLE_NAMES.includes(segment)) return { code: 'undeletable-unaddressable', what };
  if (hasLoneSurrogate(segment)) return { code: 'undeletable-lone-surrogate', what };
  return undefined;
}

/**
 * Every entity of the target unit the wipe could not delete: one whose id (or, for a key the backup does not
 * write anyway, whose name) cannot form a URL path segment. Labels as in {@link findUnwritable}; `in: 'unit'`.
 */
export function findUndeletable(current: UnitState, source: UnitState): WriteProblem[] {
  const problems: WriteProblem[] = [];
  const check = (section: SectionName, index: number, label: string, why: WriteReason | undefined) => {
    if (why) problems.push({ section, index, label, why, reason: describeWriteReason(why), in: 'unit' });
  };
  current.plugins.forEach((p, i) => check('plugins', i, p.bundle, segmentProblem(p.id, 'id')));
  current.workspaces.forEach((w, i) => check('workspaces', i, `${w.name} (${w.owner})`, segmentProblem(w.id, 'id')));
  current.profiles.forEach((p, i) => check('profiles', i, p.name, segmentProblem(p.id, 'id')));
  // A key the backup writes is replaced by its PUT, not deleted (steps.ts); the backup's side checks that name.
  const written = new Set(source.keys.map((k) => k.key));
  current.keys.forEach((k, i) => check('keys', i, k.key, written.has(k.key) ? undefined : segmentProblem(k.key, 'name')));
  return problems;
}
