/**
 * A hint about how hard a password is to guess. Only a hint: the backup is as safe as its password, and PBKDF2
 * slows guessing but cannot save "1234".
 */

import { MIN_PASSWORD_LENGTH } from '../../src/backup/session.js';
import { en } from '../shared/l10n/en.js';

/** Passwords shorter than this are refused, by the engines and by the form before them. */
export { MIN_PASSWORD_LENGTH };

export type PasswordStrength = 'too-short' | 'weak' | 'fair' | 'strong';

/** Rough entropy thresholds in bits: below WEAK_BITS a guesser wins quickly; past STRONG_BITS it is out of reach. */
export const FAIR_BITS = 40;
export const STRONG_BITS = 64;

/** Rates a password by length and character variety, with a sentence saying what to do about it. */
export function ratePassword(password: string): { strength: PasswordStrength; hint: string } {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { strength: 'too-short', hint: en.strengthHints['too-short'] };
  }
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(password)) pool += 33;
  // Repeated characters add little: count distinct ones for length.
  const bits = Math.log2(Math.max(pool, 2)) * Math.min(password.length, new Set(password).size * 2);
  if (bits < FAIR_BITS) return { strength: 'weak', hint: en.strengthHints.weak };
  if (bits < STRONG_BITS) return { strength: 'fair', hint: en.strengthHints.fair };
  return { strength: 'strong', hint: en.strengthHints.strong };
}
