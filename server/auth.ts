/**
 * Users, roles and sessions. Auth is a bearer token (`admin-token`, `editor-token`) or the `dashboard_session`
 * cookie that `POST {base}/login` sets. Cookie sessions belong to one world.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Role, Session } from '../src/schemas.js';
import { notAdmin, notFound, readCookies, unauthenticated } from './http.js';
import type { UnitStore } from './unit-store.js';
import type { World } from './world.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'dashboard_session';

/** The unit a bearer session is in (bearer sessions cannot switch). */
export const BEARER_UNIT = 'south-news';

/** A user of the reference Dashboard and their role in every unit. */
export interface User {
  id: string;
  name: string;
  role: Role;
}

/** The two users. `admin` is admin in both units; `editor` has role user in both. */
export const USERS: Readonly<Record<string, User>> = {
  admin: { id: 'admin', name: 'Ada Admin', role: 'admin' },
  editor: { id: 'editor', name: 'Émile Éditeur', role: 'user' },
};

/** Bearer tokens and their users. */
export const BEARER_TOKENS: Readonly<Record<string, string>> = { 'admin-token': 'admin', 'editor-token': 'editor' };

/** Who is asking, and in which unit they currently are. */
export interface Caller {
  user: User;
  unit: string;
  /** The cookie token when the caller uses a cookie session. */
  cookie?: string;
}

/** Finds the caller of a request; 401 when there is no known session. */
export function identifyCaller(world: World, req: IncomingMessage): Caller {
  const caller = findCaller(world, req);
  if (!caller) throw unauthenticated();
  return caller;
}

/** Like {@link identifyCaller} but `undefined` instead of 401. */
export function findCaller(world: World, req: IncomingMessage): Caller | undefined {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    const userId = match ? BEARER_TOKENS[match[1] as string] : undefined;
    const user = userId === undefined ? undefined : USERS[userId];
    // a wrong Authorization header is a failed sign-in, even with a valid cookie next to it
    return user ? { user, unit: BEARER_UNIT } : undefined;
  }
  for (const token of readCookies(req, SESSION_COOKIE)) {
    const session = world.sessions.get(token);
    const user = session && USERS[session.user];
    if (session && user) return { user, unit: session.unit, cookie: token };
  }
  return undefined;
}

/** Starts a cookie session and returns its token. */
export function startSession(world: World, user: string, unit: string): string {
  const token = randomBytes(24).toString('base64url');
  world.sessions.set(token, { user, unit });
  return token;
}

/** The `Set-Cookie` value for a session token (or for clearing it), scoped to the world's path. */
export function sessionCookie(world: World, token: string | undefined): string {
  // The default world's cookie is for the whole origin; a test world's cookie only goes to that world, so two
  // worlds used from one page do not overwrite each other's session.
  const path = world.baseUrl === '/api' ? '/' : world.baseUrl;
  const base = `${SESSION_COOKIE}=${token ?? ''}; HttpOnly; SameSite=Lax; Path=${path}`;
  return token === undefined ? `${base}; Max-Age=0` : base;
}

/** The unit named in a path; 404 when unknown. */
export function findUnit(world: World, unitId: string): UnitStore {
  const unit = world.units.get(unitId);
  if (!unit) throw notFound(`There is no unit "${unitId}".`);
  return unit;
}

/** 403 unless the caller is admin in the unit. */
export function requireAdmin(caller: Caller, unit: UnitStore): void {
  if (caller.user.role !== 'admin') throw notAdmin(unit.ref.id);
}

/** The Session body for a caller. */
export function describeSession(world: World, caller: Caller): Session {
  const units = [...world.units.values()].map((u) => ({ ...u.ref }));
  const current = world.units.get(caller.unit)?.ref ?? units[0] ?? { id: caller.unit, name: caller.unit };
  const session: Session = { user: { id: caller.user.id, name: caller.user.name }, role: caller.user.role, unit: { ...current }, units };
  // Only a world that offers an optional feature says so: the others answer exactly as before.
  if (world.features.size > 0) session.features = [...world.features];
  return session;
}
