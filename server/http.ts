/**
 * HTTP helpers of the reference Dashboard: reading bodies, writing JSON answers and the error body every non-2xx
 * response carries (`{ error, message, issues? }`, see `ApiErrorBody` in src/schemas.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod/mini';
import { PARSE } from '../src/zod.js';
import { parseLossless } from '../src/schemas.js';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH, jsonDepth } from '../src/json.js';

/** Largest request body accepted (a workspace icon may be 2 MB, a key value 1 MB; JSON escaping adds some). */
export { MAX_BODY_BYTES };

/** One problem in a request body, as zod reported it (path and message only, never the value). */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/** A request the server refuses: thrown by handlers, turned into a JSON error response by the router. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  readonly status: number;
  readonly code: string;
  readonly issues: Issue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, extra: { issues?: Issue[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = extra.issues;
    this.headers = extra.headers ?? {};
  }
}

/** 400: the body or a parameter is malformed. */
export const invalid = (message: string, issues: Issue[] = []) => new ApiFailure(400, 'INVALID', message, { issues });
/** 401: no session, or one this server does not know. */
export const unauthenticated = () =>
  new ApiFailure(401, 'UNAUTHENTICATED', 'Sign in first: send the session cookie or an Authorization: Bearer token.');
/** 403: the session's role in the unit is not `admin`. */
export const notAdmin = (unit: string) =>
  new ApiFailure(403, 'NOT_ADMIN', `This needs the admin role in unit "${unit}".`);
/** 404: unknown unit, entity or route. */
export const notFound = (message: string) => new ApiFailure(404, 'NOT_FOUND', message);
/** 409: the change conflicts with the current state (duplicate, still in use, idempotency key reused). */
export const conflict = (message: string) => new ApiFailure(409, 'CONFLICT', message);
/** 422: the body names something that does not exist in the unit. */
export const unprocessable = (message: string) => new ApiFailure(422, 'INVALID_REFERENCE', message);
/** 405: the path exists, the method does not. */
export const methodNotAllowed = (allow: string[]) =>
  new ApiFailure(405, 'METHOD_NOT_ALLOWED', `Use ${allow.join(' or ')} on this path.`, { headers: { allow: allow.join(', ') } });

/** Reads the whole request body as text; 413 past {@link MAX_BODY_BYTES}. */
export async function readBodyText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) tooLarge = true; // keep draining so the connection stays usable
    else chunks.push(chunk);
  }
  if (tooLarge) throw new ApiFailure(413, 'TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses a body text as JSON; an empty body is `undefined`. 400 when it is not JSON, or when it nests deeper than
 * {@link MAX_JSON_DEPTH} (checked without recursion, so a deep body is a clear 400, never a stack overflow's 500).
 */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw invalid('The request body is not valid JSON.');
  }
  if (jsonDepth(value) > MAX_JSON_DEPTH) {
    throw invalid(`The request body nests deeper than ${MAX_JSON_DEPTH} levels of objects and arrays.`, [
      { path: [], message: `nests deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  }
  return value;
}

/** Validates `value` with a zod schema; 400 with the issues (paths and messages, never values) when it fails. */
export function parseWith<T extends z.ZodMiniType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value, PARSE);
  if (result.success) return result.data;
  throw malformed(result.error, what);
}

/**
 * Validates an entity body like {@link parseWith} but returns `value` itself (parseLossless), so fields the schema
 * does not know, `__proto__` ones included, are stored and given back as received: a round trip through this
 * server is exact. Only for schemas without defaults or transforms (the entity schemas of src/schemas.ts).
 */
export function parseEntity<T extends z.ZodMiniType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = parseLossless(schema, value);
  if (result.success) return result.data;
  throw malformed(result.error, what);
}

function malformed(error: z.core.$ZodError, what: string): ApiFailure {
  const issues = error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
  }));
  return invalid(`The ${what} is malformed (${issues.length} problem${issues.length === 1 ? '' : 's'}).`, issues);
}

/** Writes a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Writes a response without a body (204). */
export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'cache-control': 'no-store', ...headers });
  res.end();
}

/** Writes the JSON error body of an {@link ApiFailure}. */
export function sendFailure(res: ServerResponse, failure: ApiFailure): void {
  const body: Record<string, unknown> = { error: failure.code, message: failure.message };
  if (failure.issues) body.issues = failure.issues;
  sendJson(res, failure.status, body, failure.headers);
}

/** Values of every cookie named `name` in the request (a browser may send several with different paths). */
export function readCookies(req: IncomingMessage, name: string): string[] {
  const header = req.headers.cookie ?? '';
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      values.push(decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // a malformed cookie is no session
    }
  }
  return values;
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
