/**
 * Typed errors. Every failure the module reports is a {@link BackupError} with a stable `code` that embedders can
 * switch on, and a message a person can act on. Messages never contain a password, a key or payload data.
 */
import type { z } from 'zod/mini';
import { problemOf, type IssueProblem } from './zod-problem.js';

/** Every code this module can report. Stable: embedders switch on these. */
export type BackupErrorCode =
  // input
  | 'PASSWORD_TOO_SHORT'
  | 'INVALID_OPTIONS'
  | 'INSECURE_CONTEXT'
  // file format
  | 'NOT_A_BACKUP'
  | 'UNSUPPORTED_VERSION'
  | 'KDF_OUT_OF_RANGE'
  | 'WRONG_PASSWORD'
  | 'WRONG_RECOVERY_KEY'
  | 'INVALID_RECOVERY_KEY'
  | 'NO_USABLE_KEY_SLOT'
  | 'CORRUPT_FILE'
  | 'FILE_UNREADABLE'
  | 'TOO_LARGE'
  | 'INVALID_BACKUP'
  | 'NEWER_BACKUP'
  // HTTP / Dashboard API
  | 'UNAUTHENTICATED'
  | 'NOT_ADMIN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID'
  | 'RATE_LIMITED'
  | 'NETWORK'
  | 'SERVER'
  | 'BAD_RESPONSE'
  | 'UNIT_CHANGED_DURING_READ'
  | 'ABORTED'
  // import engine
  | 'UNIT_MISMATCH'
  | 'DANGLING_REFERENCE'
  | 'UNWRITABLE_BACKUP'
  | 'PLAN_CHANGED'
  | 'IMPORT_INCOMPLETE'
  | 'IMPORT_RUNNING'
  | 'UNIT_LOCKED'
  | 'RESUME_NEEDS_REVIEW'
  | 'VERIFY_FAILED'
  | 'JOURNAL_UNAVAILABLE'
  // the format Worker (compression off the main thread) stopped or broke its protocol mid-stream
  | 'WORKER_FAILED'
  // the elements: a part of the element that arrives in a chunk of its own could not be fetched
  | 'CHUNK_LOAD_FAILED';

/** Base class of every error this module throws on purpose. */
export class BackupError extends Error {
  override name = 'BackupError';
  readonly code: BackupErrorCode;

  constructor(code: BackupErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The backup file cannot be read: wrong password, damaged, truncated, unknown version, too large, unreadable. */
export class FormatError extends BackupError {
  override name = 'FormatError';
}

/** A request to the Dashboard failed. Carries the method and path, never the body. */
export class HttpError extends BackupError {
  override name = 'HttpError';
  readonly method: string;
  readonly path: string;
  /** HTTP status, or 0 when no response arrived (network failure, abort). */
  readonly status: number;

  constructor(
    code: BackupErrorCode,
    message: string,
    request: { method: string; path: string; status: number },
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.method = request.method;
    this.path = request.path;
    this.status = request.status;
  }
}

/** One problem found by schema validation, with the path to the offending value. */
export interface ValidationIssue {
  path: (string | number)[];
  /** zod's English sentence (logs, the reference server's 400 bodies). */
  message: string;
  /** What the problem is, as data, for a sentence in the reader's language; absent for problems not from zod. */
  problem?: IssueProblem;
}

/** Data failed schema validation (a decrypted backup, an API response, a request body). */
export class ValidationError extends BackupError {
  override name = 'ValidationError';
  readonly issues: ValidationIssue[];

  constructor(code: BackupErrorCode, message: string, issues: ValidationIssue[], options?: { cause?: unknown }) {
    super(code, message, options);
    this.issues = issues;
  }
}

/** Converts zod issues to {@link ValidationIssue}s (paths only; never the offending values). */
export function toValidationIssues(error: z.core.$ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
    problem: problemOf(issue),
  }));
}

/** True when `error` is a {@link BackupError}, optionally with the given code. */
export function isBackupError(error: unknown, code?: BackupErrorCode): error is BackupError {
  return error instanceof BackupError && (code === undefined || error.code === code);
}
