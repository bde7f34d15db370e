/**
 * Recovery keys (docs/format.md, "Recovery keys"): 256 random bits, written for people as 13 groups of five
 * characters of Crockford's base32 — four characters of key and one check character per group. The check
 * character catches any single mistyped character of its group (and a group typed in the wrong place) before any
 * decryption is tried, so a typo is reported as "group 4 has a typo", not as a wrong key.
 */
import { FormatError } from '../errors.js';
import { RECOVERY_KEY_BYTES } from './constants.js';

/** format: Crockford's base32 alphabet (no I, L, O, U: nothing to misread). */
export const RECOVERY_KEY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** format: key characters per group (the fifth character of a group is its check character). */
export const RECOVERY_KEY_GROUP_CHARS = 4;
/** format: number of groups (13 × 4 characters × 5 bits = 260 bits: the key's 256 and four zero bits). */
export const RECOVERY_KEY_GROUPS = 13;
/** Characters of a recovery key once spaces and dashes are removed. */
export const RECOVERY_KEY_CHARS = RECOVERY_KEY_GROUPS * (RECOVERY_KEY_GROUP_CHARS + 1);

/** format: odd weights, so every single substituted character changes the check (odd numbers are invertible mod 32). */
const WEIGHTS = [1, 3, 5, 7] as const;

/** A recovery key: its 32 bytes. Keep it only in memory; never store or send it. */
export type RecoveryKey = Uint8Array<ArrayBuffer>;

/** Result of {@link checkRecoveryKey}. */
export type RecoveryKeyCheck =
  | { kind: 'valid'; key: RecoveryKey }
  /** Shaped like a recovery key, but a group's check character does not match (1-based `group`). */
  | { kind: 'typo'; group: number }
  /** Not shaped like a recovery key (a password, or a key not yet fully typed). */
  | { kind: 'other' };

/** The check character's value of group `group` (0-based) whose four key characters have values `values`. */
function checkValue(values: readonly number[], group: number): number {
  let sum = 11 * (group + 1); // the group's position is in the check: a group typed in the wrong place is caught
  for (let i = 0; i < RECOVERY_KEY_GROUP_CHARS; i++) sum += WEIGHTS[i]! * values[i]!;
  return sum % 32;
}

/** Generates a new random recovery key (256 bits from the CSPRNG). */
export function generateRecoveryKey(): RecoveryKey {
  return crypto.getRandomValues(new Uint8Array(RECOVERY_KEY_BYTES));
}

/** The human form of a recovery key: `XXXXX-XXXXX-…`, 13 groups of four key characters and one check character. */
export function formatRecoveryKey(key: Uint8Array): string {
  if (key.length !== RECOVERY_KEY_BYTES) throw new RangeError('a recovery key is 32 bytes');
  const values: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const byte of key) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      values.push((buffer >>> (bits - 5)) & 31);
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  values.push((buffer << (5 - bits)) & 31); // the last 1 bit of key and four zero bits
  const groups: string[] = [];
  for (let g = 0; g < RECOVERY_KEY_GROUPS; g++) {
    const group = values.slice(g * RECOVERY_KEY_GROUP_CHARS, (g + 1) * RECOVERY_KEY_GROUP_CHARS);
    groups.push([...group, checkValue(group, g)].map((v) => RECOVERY_KEY_ALPHABET[v]).join(''));
  }
  return groups.join('-');
}

/** Upper-cases, drops spaces and dashes, reads O as 0 and I, L as 1 (Crockford's rules). */
function normalise(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-‐-―−]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/**
 * Checks text typed or pasted as a recovery key: tolerant of case, spaces and dashes. Does no cryptography.
 * Text is "shaped like a recovery key" when, without spaces and dashes, it is exactly 65 base32 characters.
 */
export function checkRecoveryKey(text: string): RecoveryKeyCheck {
  const clean = normalise(text);
  if (clean.length !== RECOVERY_KEY_CHARS) return { kind: 'other' };
  const values = [...clean].map((c) => RECOVERY_KEY_ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return { kind: 'other' };
  const data: number[] = [];
  for (let g = 0; g < RECOVERY_KEY_GROUPS; g++) {
    const at = g * (RECOVERY_KEY_GROUP_CHARS + 1);
    const group = values.slice(at, at + RECOVERY_KEY_GROUP_CHARS);
    if (checkValue(group, g) !== values[at + RECOVERY_KEY_GROUP_CHARS]) return { kind: 'typo', group: g + 1 };
    data.push(...group);
  }
  if ((data.at(-1)! & 15) !== 0) return { kind: 'typo', group: RECOVERY_KEY_GROUPS };
  const key = new Uint8Array(RECOVERY_KEY_BYTES);
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const value of data) {
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8 && at < RECOVERY_KEY_BYTES) {
      key[at++] = (buffer >>> (bits - 8)) & 255;
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return { kind: 'valid', key };
}

/**
 * Parses a recovery key from its human form.
 * @throws FormatError INVALID_RECOVERY_KEY when it is not a recovery key or a group has a typo (the message names
 *   the group).
 */
export function parseRecoveryKey(text: string): RecoveryKey {
  const result = checkRecoveryKey(text);
  if (result.kind === 'valid') return result.key;
  throw createInvalidRecoveryKeyError(result.kind === 'typo' ? result.group : undefined);
}

/** The error for a recovery key that is mistyped (in `group`, 1-based) or not a recovery key at all. */
export function createInvalidRecoveryKeyError(group?: number): FormatError {
  return new FormatError(
    'INVALID_RECOVERY_KEY',
    group === undefined
      ? `This is not a recovery key: a recovery key is ${RECOVERY_KEY_GROUPS} groups of 5 letters and digits.`
      : `Group ${group} of the recovery key has a typo: check it against the emergency kit.`,
  );
}

/**
 * A recovery key given as its human form or its 32 bytes, as bytes.
 * @throws FormatError INVALID_RECOVERY_KEY (a typo in a group, or not a recovery key).
 */
export function toRecoveryKeyBytes(value: string | Uint8Array): Uint8Array {
  if (typeof value === 'string') return parseRecoveryKey(value);
  if (value instanceof Uint8Array && value.length === RECOVERY_KEY_BYTES) return value;
  throw createInvalidRecoveryKeyError();
}
