/** What a route handler gets, and what it returns. */
import type { IncomingMessage } from 'node:http';
import type { World } from './world.js';

/** One API request, routed to a world. */
export interface RequestContext {
  world: World;
  req: IncomingMessage;
  method: string;
  /** Path relative to the world's base, without the query, e.g. `/units/south-news/plugins`. */
  path: string;
  /** Path segments, percent-decoded one by one (a key name may contain `/`). */
  segments: string[];
  query: URLSearchParams;
  /** The request body, parsed as JSON (`undefined` when empty). */
  body: unknown;
}

/** A handler's answer; the router writes it (or replaces it with an injected fault). */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string | string[]>;
}

/** A JSON reply. */
export const reply = (status: number, body?: unknown, headers?: Record<string, string | string[]>): Reply =>
  headers ? { status, body, headers } : { status, body };
