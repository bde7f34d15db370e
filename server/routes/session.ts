/** Session routes: who am I, cookie login and logout, and switching the cookie session's unit. */
import * as z from 'zod/mini';
import { EntityId } from '../../src/schemas.js';
import { describeSession, findCaller, findUnit, identifyCaller, sessionCookie, startSession, USERS } from '../auth.js';
import { reply, type Reply, type RequestContext } from '../context.js';
import { ApiFailure, invalid, parseWith } from '../http.js';

/** Body of `POST {base}/login`. */
export const LoginBody = z.object({ user: z.string().check(z.minLength(1)), unit: z.optional(EntityId) });
/** Body of `POST {base}/session/unit`. */
export const SwitchUnitBody = z.object({ unit: EntityId });

/** `GET /session` */
export function getSession(ctx: RequestContext): Reply {
  return reply(200, describeSession(ctx.world, identifyCaller(ctx.world, ctx.req)));
}

/** `POST /login {user, unit?}` → Session, and sets the session cookie. */
export function login(ctx: RequestContext): Reply {
  const body = parseWith(LoginBody, ctx.body, 'login body');
  const user = USERS[body.user];
  if (!user) throw new ApiFailure(401, 'UNAUTHENTICATED', 'Unknown user: sign in as "admin" or "editor".');
  const unit = findUnit(ctx.world, body.unit ?? 'south-news').ref.id;
  const token = startSession(ctx.world, user.id, unit);
  const session = describeSession(ctx.world, { user, unit, cookie: token });
  return reply(200, session, { 'set-cookie': sessionCookie(ctx.world, token) });
}

/** `POST /logout` → 204, forgets the cookie session (if any) and clears the cookie. */
export function logout(ctx: RequestContext): Reply {
  const caller = findCaller(ctx.world, ctx.req);
  if (caller?.cookie) ctx.world.sessions.delete(caller.cookie);
  return { status: 204, headers: { 'set-cookie': sessionCookie(ctx.world, undefined) } };
}

/** `POST /session/unit {unit}` → Session in the new unit (cookie sessions only). */
export function switchUnit(ctx: RequestContext): Reply {
  const caller = identifyCaller(ctx.world, ctx.req);
  const body = parseWith(SwitchUnitBody, ctx.body, 'unit switch body');
  if (!caller.cookie) throw invalid('Only cookie sessions can switch units; a bearer session stays in its unit.');
  const unit = findUnit(ctx.world, body.unit).ref.id;
  ctx.world.sessions.set(caller.cookie, { user: caller.user.id, unit });
  return reply(200, describeSession(ctx.world, { ...caller, unit }));
}
