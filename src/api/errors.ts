/**
 * Turning failed Dashboard requests into {@link HttpError}s with stable codes and messages a person can act on.
 * Messages name the method and the path (relative to the base URL, query left out); never a body, header or token.
 */
import { HttpError, toValidationIssues, type BackupErrorCode, type ValidationIssue } from '../errors.js';
import { ApiErrorBody } from '../schemas.js';
import type { z } from 'zod/mini';

/** The request a failure belongs to, as errors may describe it. */
export interface FailedRequest {
  method: string;
  /** Path relative to the base URL, without query. */
  path: string;
  /** The client's base URL (named in NETWORK messages). */
  baseUrl: string;
}

/**
 * An {@link HttpError} that also says what was wrong, path by path: the Dashboard's validation issues for INVALID,
 * or the schema issues of an unexpected response for BAD_RESPONSE. Issue messages never contain the values.
 */
export class HttpValidationError extends HttpError {
  override name = 'HttpValidationError';
  readonly issues: ValidationIssue[];

  constructor(
    code: BackupErrorCode,
    message: string,
    request: { method: string; path: string; status: number },
    issues: ValidationIssue[],
    options?: { cause?: unknown },
  ) {
    super(code, message, request, options);
    this.issues = issues;
  }
}

const MAX_ISSUES_IN_MESSAGE = 3;

/** "a.b.0: message; c: message (+2 more)" — paths and messages only. */
export function formatIssues(issues: ValidationIssue[]): string {
  const shown = issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  const more = issues.length > MAX_ISSUES_IN_MESSAGE ? ` (+${issues.length - MAX_ISSUES_IN_MESSAGE} more)` : '';
  return shown.join('; ') + more;
}

/** The base URL as a person should see it: no credentials, query or fragment. */
export function describeBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl, globalThis.location?.href);
    return url.origin + url.pathname.replace(/\/$/, '');
  } catch {
    return baseUrl;
  }
}

/** Reads `issues` from an error body, if the body is the Dashboard's error shape. */
function readServerIssues(bodyText: string): ValidationIssue[] {
  try {
    const parsed = ApiErrorBody.safeParse(JSON.parse(bodyText));
    return parsed.success ? (parsed.data.issues ?? []) : [];
  } catch {
    return [];
  }
}

/**
 * The error for a non-2xx response that will not be retried (any more).
 * @param attempts how many times the request was sent (named in RATE_LIMITED and 503 messages).
 */
export function errorFromStatus(request: FailedRequest, status: number, bodyText: string, attempts: number): HttpError {
  const { method, path } = request;
  const at = `${method} ${path}`;
  const info = { method, path, status };
  const tries = attempts > 1 ? ` (tried ${attempts} times)` : '';
  if (status === 401) {
    return new HttpError('UNAUTHENTICATED', `The Dashboard did not accept the session for ${at} (401); sign in to the Dashboard again, then retry.`, info);
  }
  if (status === 403) {
    return new HttpError('NOT_ADMIN', `The Dashboard refused ${at} (403): only admins can change a unit or read its plugin details and key store. Sign in as an admin of this unit, or ask one to do it.`, info);
  }
  if (status === 404) {
    return new HttpError('NOT_FOUND', `The Dashboard has nothing at ${at} (404): it may have been deleted meanwhile, or the client's base URL or routes do not match this Dashboard.`, info);
  }
  if (status === 409) {
    return new HttpError('CONFLICT', `The Dashboard refused ${at} (409): it conflicts with the unit's current state (for example a plugin already installed, or something still in use). Reload the unit and try again.`, info);
  }
  if (status === 429) {
    return new HttpError('RATE_LIMITED', `The Dashboard is limiting how fast it accepts requests and refused ${at} (429)${tries}. Wait a minute, then try again.`, info);
  }
  if (status >= 500) {
    return new HttpError('SERVER', `The Dashboard failed to handle ${at} (HTTP ${status})${tries}. Try again later; if it keeps failing, ask the Dashboard's administrator.`, info);
  }
  if (status === 422) {
    // the Dashboard's own message names the missing bundle or workspace, but it may quote the body: leave it out
    return new HttpValidationError('INVALID', `The Dashboard refused ${at} (422): the data names a plugin bundle or workspace that is not in the unit. Install or create it first.`, info, []);
  }
  if (status === 413) {
    return new HttpValidationError('INVALID', `The Dashboard refused ${at} (413): the data sent is larger than it accepts.`, info, []);
  }
  if (status >= 400) {
    const issues = readServerIssues(bodyText);
    const detail = issues.length ? `: ${formatIssues(issues)}` : '.';
    return new HttpValidationError('INVALID', `The Dashboard rejected the data sent with ${at} as invalid (HTTP ${status})${detail}`, info, issues);
  }
  return new HttpError('BAD_RESPONSE', `The Dashboard answered ${at} with an unexpected HTTP ${status}; check the client's base URL and routes.`, info);
}

/** The error for a response whose body is not JSON or does not match its schema. */
export function badResponseError(request: FailedRequest, status: number, error: z.core.$ZodError | SyntaxError): HttpError {
  const { method, path } = request;
  const issues = error instanceof SyntaxError ? [] : toValidationIssues(error);
  const what = issues.length ? `does not have the expected shape (${formatIssues(issues)})` : 'is not JSON';
  return new HttpValidationError(
    'BAD_RESPONSE',
    `The Dashboard's answer to ${method} ${path} ${what}. The client's base URL or routes may point at something else, or this Dashboard version is not supported.`,
    { method, path, status },
    issues,
  );
}

/** The error for a request that got no response (connection refused, dropped, DNS, CORS). */
export function networkError(request: FailedRequest, cause: unknown, attempts: number): HttpError {
  const { method, path, baseUrl } = request;
  const tries = attempts > 1 ? ` (tried ${attempts} times)` : '';
  return new HttpError(
    'NETWORK',
    `Could not reach the Dashboard at ${describeBaseUrl(baseUrl)} for ${method} ${path}${tries}; check your connection and try again.`,
    { method, path, status: 0 },
    { cause },
  );
}

/** The error for a request cancelled through its AbortSignal. */
export function abortedError(request: FailedRequest, cause: unknown): HttpError {
  const { method, path } = request;
  return new HttpError('ABORTED', `${method} ${path} was cancelled.`, { method, path, status: 0 }, { cause });
}
