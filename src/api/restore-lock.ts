/**
 * The restore lock of a unit (docs/dashboard-api.md, "Restore lock"): an advisory lease a Dashboard may offer so
 * that two admins in two browsers cannot restore one unit at once. Held by an owner (a random id per run), with a
 * label naming who holds it, since when, and until when it holds without a renewal.
 */
import * as z from 'zod/mini';

/** A held restore lock, as `PUT` and `GET …/restore-lock` answer it. */
export const RestoreLock = z.object({
  owner: z.string().check(z.minLength(8), z.maxLength(200)),
  /** Who holds it, for people: the user's name (and where). Never a secret. */
  label: z.string().check(z.maxLength(200)),
  since: z.string(),
  expiresAt: z.string(),
});
export type RestoreLock = z.infer<typeof RestoreLock>;

/** `PUT …/restore-lock` body: take or renew the lock for `ttlSeconds`. */
export const RestoreLockRequest = z.object({
  owner: RestoreLock.shape.owner,
  label: RestoreLock.shape.label,
  ttlSeconds: z.number().check(z.int(), z.minimum(5), z.maximum(3600)),
});
export type RestoreLockRequest = z.infer<typeof RestoreLockRequest>;

/** `GET …/restore-lock` answer: the lock, or null when nobody holds it. */
export const RestoreLockState = z.object({ lock: z.nullable(RestoreLock) });

/** What asking for the lock came to: held by us, held by someone else, or not offered by this Dashboard. */
export type RestoreLockResult =
  | { status: 'held'; lock: RestoreLock }
  | { status: 'busy'; lock: RestoreLock }
  | { status: 'unsupported' };
