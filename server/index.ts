/**
 * The reference Dashboard: an in-memory implementation of the Dashboard HTTP API (docs/dashboard-api.md) with
 * dev controls for tests, as one plain `node:http` handler. Mounted under `/api` by the test runner and by
 * `npm start` (scripts/load-server.mjs).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants as http2, type Http2ServerRequest } from 'node:http2';
import * as z from 'zod/mini';
import type { Reply, RequestContext } from './context.js';
import { routeDev } from './dev.js';
import type { Fault } from './faults.js';
import { ApiFailure, invalid, notFound, parseJson, parseWith, readBodyText, sendEmpty, sendFailure, sendJson, sleep } from './http.js';
import { churnAfterListRead } from './churn.js';
import { PERSONALITIES } from './personality.js';
import { FEATURES } from './routes/order.js';
import { isMutating, routeApi } from './routes/index.js';
import { SEED_NAMES, type SeedName } from './seeds/index.js';
import type { World } from './world.js';
import { DEFAULT_BASE, WorldRegistry } from './worlds.js';

/** Options of {@link createReferenceDashboard}. */
export interface ReferenceDashboardOptions {
  /** Seed of the default world at `/api` (default `small`). */
  seed?: SeedName;
}

/** A mounted reference Dashboard. */
export interface ReferenceDashboard {
  /** Answers a request under `/api/` and resolves `true`; resolves `false` for any other path. Reads the body itself. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/** Body of `POST /api/__dev/worlds`. */
export const CreateWorldBody = z.object({
  seed: z._default(z.enum(SEED_NAMES), 'small'),
  personality: z._default(z.enum(PERSONALITIES), 'reference'),
  features: z._default(z.array(z.enum(FEATURES)), []),
});

/** Creates a reference Dashboard with its default world seeded. */
export function createReferenceDashboard(options: ReferenceDashboardOptions = {}): ReferenceDashboard {
  const registry = new WorldRegistry(options.seed ?? 'small');

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== DEFAULT_BASE && !url.pathname.startsWith(`${DEFAULT_BASE}/`)) return false;
    try {
      await dispatch(req, res, url);
    } catch (error) {
      if (!res.headersSent) {
        // a client that aborts mid-request is no server failure
        if (!(error instanceof ApiFailure) && !req.destroyed) console.error('reference dashboard:', error);
        sendFailure(res, error instanceof ApiFailure ? error : new ApiFailure(500, 'SERVER', 'The server failed unexpectedly.'));
      }
    }
    return true;
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let rest = url.pathname.slice(DEFAULT_BASE.length);
    let world: World | undefined = registry.main;
    if (rest === '/__dev/worlds') {
      const body = parseJson(await readBodyText(req));
      if (req.method !== 'POST') throw new ApiFailure(405, 'METHOD_NOT_ALLOWED', 'Use POST on this path.', { headers: { allow: 'POST' } });
      const { seed, personality, features } = parseWith(CreateWorldBody, body ?? {}, 'world body');
      const created = registry.create(seed, personality, features);
      return sendJson(res, 201, { id: created.id, baseUrl: created.baseUrl, seed: created.seed, personality, features });
    }
    const worldMatch = /^\/worlds\/([^/]+)(\/.*)?$/.exec(rest);
    if (worldMatch) {
      world = registry.get(worldMatch[1] as string);
      rest = worldMatch[2] ?? '';
      if (!world) {
        await readBodyText(req);
        throw notFound(`There is no world "${worldMatch[1]}" (it may have been dropped: only the newest are kept).`);
      }
    }
    if (rest === '/__dev/world') {
      await readBodyText(req);
      if (req.method !== 'DELETE') throw new ApiFailure(405, 'METHOD_NOT_ALLOWED', 'Use DELETE on this path.', { headers: { allow: 'DELETE' } });
      if (world === registry.main) throw invalid('The default world cannot be dropped; reset it instead.');
      registry.delete(world.id);
      return sendEmpty(res, 204);
    }
    if (rest === '/__dev' || rest.startsWith('/__dev/')) {
      const ctx = await readContext(world, req, url, rest.slice('/__dev'.length));
      let answer: Reply;
      try {
        answer = await routeDev(ctx); // most answer at once; `GET hold?held=N` waits for held requests
      } catch (error) {
        answer = safely(() => {
          throw error;
        });
      }
      writeReply(res, answer);
      return;
    }
    await serveApi(world, req, res, url, rest);
  }

  return { handle };
}

/** An API request: stats, latency, faults, routing and the log. */
async function serveApi(world: World, req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
  const method = req.method ?? 'GET';
  const mutating = isMutating(method, path);
  world.stats.begin();
  let status = 0;
  let fault: Fault | undefined;
  try {
    const held = world.hold.wait();
    if (held) await held;
    if (world.latencyMs > 0) await sleep(world.latencyMs);
    const ctx = await readContext(world, req, url, path);
    fault = world.faults.choose(mutating);
    let result: Reply | undefined;
    if (fault?.when !== 'before') result = safely(() => routeApi(ctx));
    if (fault) status = injectFault(req, res, fault);
    else if (result) status = writeReply(res, result);
    // After the page is written, so a change made now shows in the next read only.
    if (status === 200 && method === 'GET') afterListRead(world, ctx.segments);
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    sendFailure(res, error);
    status = error.status;
  } finally {
    world.stats.end();
    world.log.append({ method, path: path || '/', query: url.search, status, mutating, ...(fault ? { fault: fault.kind } : {}) });
  }
}

/** Applies the churn rules (server/churn.ts) after a list page `GET /units/{unit}/{collection}` was served. */
function afterListRead(world: World, segments: string[]): void {
  const [head, unitId, collection, id] = segments;
  if (head !== 'units' || id !== undefined || world.churn.length === 0) return;
  const unit = world.units.get(unitId ?? '');
  if (unit && (collection === 'plugins' || collection === 'workspaces' || collection === 'profiles' || collection === 'keys')) {
    churnAfterListRead(world, unit, collection);
  }
}

/** Parses the body and splits the path into percent-decoded segments. */
async function readContext(world: World, req: IncomingMessage, url: URL, path: string): Promise<RequestContext> {
  const body = parseJson(await readBodyText(req));
  let segments: string[];
  try {
    segments = path.split('/').slice(1).map(decodeURIComponent);
  } catch {
    throw invalid('The path is not correctly percent-encoded.');
  }
  return { world, req, method: req.method ?? 'GET', path, segments, query: url.searchParams, body };
}

/** Runs a handler, turning an {@link ApiFailure} into its error reply. */
function safely(run: () => Reply): Reply {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    const body: Record<string, unknown> = { error: error.code, message: error.message };
    if (error.issues) body.issues = error.issues;
    return { status: error.status, body, headers: error.headers };
  }
}

function writeReply(res: ServerResponse, result: Reply): number {
  if (result.status === 204 || result.body === undefined) sendEmpty(res, result.status, result.headers);
  else sendJson(res, result.status, result.body, result.headers);
  return result.status;
}

const FAULT_BODIES = {
  '500': { error: 'SERVER', message: 'Injected fault: internal server error.' },
  '503': { error: 'UNAVAILABLE', message: 'Injected fault: service unavailable, retry later.' },
  '429': { error: 'RATE_LIMITED', message: 'Injected fault: too many requests, retry later.' },
} as const;

/** Answers with the fault (or drops the connection) and returns the status sent, 0 for a drop. */
function injectFault(req: IncomingMessage, res: ServerResponse, fault: Fault): number {
  if (fault.kind === 'drop') {
    dropConnection(req);
    return 0;
  }
  const status = Number(fault.kind);
  const headers: Record<string, string> = fault.kind === '500' ? {} : { 'retry-after': String(fault.retryAfter) };
  sendJson(res, status, FAULT_BODIES[fault.kind], headers);
  return status;
}

/**
 * Ends the connection without a usable response. Closing a reused keep-alive connection with no bytes at all is
 * not enough: browsers then silently resend the request on another connection (Chromium's ShouldResendRequest), so
 * the client would never see the failure. A header block with two different Content-Lengths is rejected outright
 * (ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH) and never resent, so fetch rejects with a network error.
 * Over HTTP/2 (`HTTP2=1`, server/tls/) the connection carries other requests: only the request's stream is reset
 * (RST_STREAM INTERNAL_ERROR, which a browser does not resend, unlike REFUSED_STREAM).
 */
function dropConnection(req: IncomingMessage): void {
  if (req.httpVersionMajor === 2) {
    (req as unknown as Http2ServerRequest).stream.close(http2.NGHTTP2_INTERNAL_ERROR);
    return;
  }
  const socket = req.socket;
  socket.end('HTTP/1.1 502 Dropped\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n', () => socket.destroy());
}
