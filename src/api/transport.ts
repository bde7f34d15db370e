/**
 * One Dashboard request, done properly: headers and token, a slot from the client's limiter per attempt, retries
 * with backoff for failures in transit, status → {@link HttpError} mapping, and the response checked against its
 * zod schema. The REST client is a thin table of calls on top of this.
 */
import * as z from 'zod/mini';
import { PARSE } from '../zod.js';
import type { Limiter } from './limit.js';
import { RETRYABLE_STATUSES, backoffDelay, isRetryableRequest, retryDelay, sleep, type RetryPolicy } from './retry.js';
import { abortedError, badResponseError, errorFromStatus, networkError, type FailedRequest } from './errors.js';
import { createTaskBudget } from '../format/schedule.js';
import { Page, parseLossless } from '../schemas.js';

/** Supplies a bearer token; called before every attempt, so a refreshed token is picked up by retries. */
export type TokenProvider = () => string | undefined | Promise<string | undefined>;

/** How a transport reaches the Dashboard. */
export interface TransportConfig {
  baseUrl: string;
  credentials: 'omit' | 'same-origin' | 'include';
  headers: Record<string, string>;
  token?: TokenProvider;
  limiter: Limiter;
  retry: RetryPolicy;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One call: where, what, and how to read the answer. */
export interface ApiCall {
  method: HttpMethod;
  /** Path relative to the base URL (from the route table). */
  path: string;
  query?: Record<string, string | number>;
  /** JSON body. */
  body?: unknown;
  idempotencyKey?: string;
  /** A 404 answer means the goal is reached (DELETE of something already gone). */
  notFoundIsDone?: boolean;
  signal?: AbortSignal | undefined;
}

/** Sends calls to one Dashboard. */
export interface Transport {
  /**
   * Sends the call and resolves to its JSON response body, validated by `schema`.
   * @throws HttpError with the code matching the failure (see src/api/errors.ts).
   */
  json<S extends z.ZodMiniType>(call: ApiCall, schema: S): Promise<z.output<S>>;
  /**
   * {@link Transport.json} for one page of a list, validated as `Page(item)` — the same value and the same errors —
   * but item by item under the task budget (format/schedule.ts), yielding to the page between items: a page of 100
   * large workspaces checked in one go was a long main-thread task.
   */
  page<S extends z.ZodMiniType>(call: ApiCall, item: S): Promise<Page<z.output<S>>>;
  /** Sends the call and ignores the response body. @throws HttpError as {@link Transport.json}. */
  send(call: ApiCall): Promise<void>;
}

interface RawResponse {
  status: number;
  retryAfter: string | null;
  text: string;
}

/** A page with its items not checked yet: {@link Transport.page} checks them one by one. */
const PageShell = Page(z.unknown());

/** Carries what making an attempt's headers threw past the attempt's network-failure handling, unchanged. */
class HeaderFailure {
  constructor(readonly cause: unknown) {}
}

/** Joins base, path and query; the path's own query, if a custom route has one, is kept. */
function buildUrl(baseUrl: string, path: string, query?: ApiCall['query']): string {
  const url = baseUrl.replace(/\/+$/, '') + path;
  if (!query) return url;
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return `${url}${url.includes('?') ? '&' : '?'}${search}`;
}

/** The call as errors name it: the path without any query, whose values could be sensitive. */
function describeCall(call: ApiCall, baseUrl: string): FailedRequest {
  return { method: call.method, path: call.path.split('?')[0] ?? '', baseUrl };
}

/** Creates a {@link Transport} for one client configuration. */
export function createTransport(config: TransportConfig): Transport {
  // The configured headers, checked and normalised on first use (a bad header name still fails the call, not the
  // client's creation); each attempt copies them.
  let fixed: Headers | undefined;
  const configured = (): Headers => {
    if (fixed) return fixed;
    const headers = new Headers(config.headers);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    return (fixed = headers);
  };
  const buildHeaders = async (call: ApiCall): Promise<Headers> => {
    const headers = new Headers(configured());
    if (call.body !== undefined) headers.set('content-type', 'application/json');
    if (call.idempotencyKey !== undefined) headers.set('idempotency-key', call.idempotencyKey);
    const token = await config.token?.();
    if (token) headers.set('authorization', `Bearer ${token}`);
    return headers;
  };

  // One attempt. The slot is held until the body is read: the connection is busy until then. The headers (and the
  // token) are made once the slot is ours, not when the call is queued: a backup queues thousands of reads at once,
  // and building every one's headers up front was one long main-thread task (~25 µs each, 2,000 workspaces).
  const attemptOnce = (call: ApiCall, url: string, body?: string): Promise<RawResponse> =>
    config.limiter.run(async () => {
      let headers: Headers;
      try {
        headers = await buildHeaders(call);
      } catch (error) {
        throw new HeaderFailure(error);
      }
      const response = await fetch(url, {
        method: call.method,
        headers,
        body,
        credentials: config.credentials,
        // A backup must see the unit as it is now, never a cached list.
        cache: 'no-store',
        signal: call.signal ?? null,
      });
      const text = await response.text();
      return { status: response.status, retryAfter: response.headers.get('retry-after'), text };
    }, call.signal);

  const exchange = async (call: ApiCall): Promise<RawResponse> => {
    const request = describeCall(call, config.baseUrl);
    const url = buildUrl(config.baseUrl, call.path, call.query);
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const mayRetry = isRetryableRequest(call.method, call.idempotencyKey !== undefined);
    const wait = async (ms: number): Promise<void> => {
      try {
        await sleep(ms, call.signal);
      } catch (reason) {
        throw abortedError(request, reason);
      }
    };

    if (call.signal?.aborted) throw abortedError(request, call.signal.reason);
    for (let attempt = 0; ; attempt++) {
      let raw: RawResponse;
      try {
        raw = await attemptOnce(call, url, body);
      } catch (error) {
        // What the token provider (or a bad configured header) throws is the embedder's own error, not a network one.
        if (error instanceof HeaderFailure) throw error.cause;
        if (call.signal?.aborted) throw abortedError(request, error);
        // fetch reports every failure in transit (refused, dropped, DNS, CORS) as a TypeError.
        if (!(error instanceof TypeError)) throw error;
        if (!mayRetry || attempt >= config.retry.retries) throw networkError(request, error, attempt + 1);
        await wait(backoffDelay(attempt, config.retry));
        continue;
      }
      if ((raw.status >= 200 && raw.status < 300) || (raw.status === 404 && call.notFoundIsDone)) return raw;
      if (RETRYABLE_STATUSES.has(raw.status) && mayRetry && attempt < config.retry.retries) {
        await wait(retryDelay(attempt, config.retry, raw.retryAfter));
        continue;
      }
      throw errorFromStatus(request, raw.status, raw.text, attempt + 1);
    }
  };

  /** Exchanges `call` and parses its body as JSON. */
  const exchangeJson = async (call: ApiCall): Promise<{ value: unknown; status: number }> => {
    const raw = await exchange(call);
    try {
      return { value: JSON.parse(raw.text), status: raw.status };
    } catch (error) {
      throw badResponseError(describeCall(call, config.baseUrl), raw.status, error as SyntaxError);
    }
  };

  return {
    async json(call, schema) {
      const { value, status } = await exchangeJson(call);
      // The value as the Dashboard sent it, unknown fields and all (parseLossless): a backup drops nothing.
      const parsed = parseLossless(schema, value);
      if (!parsed.success) throw badResponseError(describeCall(call, config.baseUrl), status, parsed.error);
      return parsed.data;
    },
    async page(call, item) {
      const { value, status } = await exchangeJson(call);
      const fail = (): never => {
        // The error exactly as one check of the whole page reports it (paths, messages): only failures pay for it.
        const whole = Page(item).safeParse(value, PARSE);
        throw badResponseError(describeCall(call, config.baseUrl), status, whole.error!);
      };
      const shell = parseLossless(PageShell, value);
      if (!shell.success) return fail();
      const budget = createTaskBudget(undefined);
      for (const entry of shell.data.items) {
        if (!item.safeParse(entry, PARSE).success) return fail();
        await budget.pause();
        if (call.signal?.aborted) throw abortedError(describeCall(call, config.baseUrl), call.signal.reason);
      }
      return value as Page<z.output<typeof item>>;
    },
    async send(call) {
      await exchange(call);
    },
  };
}
