/**
 * Browsers expose WebCrypto's `crypto.subtle` only in a secure context (`https://`, or `http://localhost`); on any
 * other origin it is `undefined`, and the first encryption would fail with a bare TypeError. Checked up front by
 * every engine (with the password, before any request) and by key derivation, so the admin reads what to do.
 * Node.js has `crypto.subtle` globally (Node 20+), so scripts pass.
 * @see https://developer.mozilla.org/docs/Web/Security/Secure_Contexts
 */
import { BackupError } from '../errors.js';

/** The sentence of the INSECURE_CONTEXT error. */
export const INSECURE_CONTEXT_MESSAGE =
  'Backups need a secure connection: open this Dashboard page over https:// (or http://localhost), then try again.';

/** @throws BackupError INSECURE_CONTEXT when WebCrypto is not available (a page not served over https). */
export function assertSecureContext(): void {
  if (globalThis.crypto?.subtle === undefined) throw new BackupError('INSECURE_CONTEXT', INSECURE_CONTEXT_MESSAGE);
}
