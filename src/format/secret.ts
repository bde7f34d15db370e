/**
 * What opens a backup: a password or a recovery key. Callers mostly pass a plain string (what a person typed);
 * a string shaped like a recovery key (65 base32 characters once spaces and dashes are dropped) is taken as one,
 * so the engines, the journal and the UI pass what the person typed without knowing which it was.
 */
import { FormatError } from '../errors.js';
import { RECOVERY_KEY_BYTES } from './constants.js';
import { checkRecoveryKey, createInvalidRecoveryKeyError, type RecoveryKey } from './recovery-key.js';

/**
 * A password or a recovery key. A string is auto-detected (see {@link resolveSecret}); `{ password }` forces a
 * password; `{ recoveryKey }` is a recovery key, as its human form or its 32 bytes.
 */
export type BackupSecret = string | { password: string } | { recoveryKey: string | Uint8Array };

/** A secret once resolved. `detected`: the kind came from the shape of a plain string. */
export type ResolvedSecret =
  | { kind: 'password'; password: string }
  | { kind: 'recovery-key'; key: RecoveryKey; detected: boolean; text?: string };

/**
 * Resolves a secret. A plain string that is shaped like a recovery key is one (a typo in a group throws, before any
 * decryption); any other string is a password.
 * @throws FormatError INVALID_RECOVERY_KEY (a mistyped or malformed recovery key), PASSWORD_TOO_SHORT (empty).
 */
export function resolveSecret(secret: BackupSecret): ResolvedSecret {
  if (typeof secret === 'string') {
    const check = checkRecoveryKey(secret);
    if (check.kind === 'valid') return { kind: 'recovery-key', key: check.key, detected: true, text: secret };
    if (check.kind === 'typo') throw createInvalidRecoveryKeyError(check.group);
    return checkPassword(secret);
  }
  if (secret && typeof secret === 'object' && 'password' in secret) return checkPassword(secret.password);
  if (secret && typeof secret === 'object' && 'recoveryKey' in secret) {
    const value = secret.recoveryKey;
    if (typeof value === 'string') {
      const check = checkRecoveryKey(value);
      if (check.kind !== 'valid') throw createInvalidRecoveryKeyError(check.kind === 'typo' ? check.group : undefined);
      return { kind: 'recovery-key', key: check.key, detected: false };
    }
    if (value instanceof Uint8Array && value.length === RECOVERY_KEY_BYTES) {
      return { kind: 'recovery-key', key: new Uint8Array(value), detected: false };
    }
    throw createInvalidRecoveryKeyError();
  }
  throw new FormatError('PASSWORD_TOO_SHORT', 'Choose a password to protect the backup.');
}

function checkPassword(password: unknown): ResolvedSecret {
  if (typeof password !== 'string' || password.length === 0) {
    throw new FormatError('PASSWORD_TOO_SHORT', 'Choose a password to protect the backup.');
  }
  return { kind: 'password', password };
}
