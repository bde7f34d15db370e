/**
 * Dev controls of one world (`{base}/__dev/...`): reset to a seed, latency, faults, a request hold, request log,
 * stats and a state dump. No auth; never logged, delayed or faulted. Reference server only — a real Dashboard has none of this.
 */
import * as z from 'zod/mini';
import type { Reply, RequestContext } from './context.js';
import { reply } from './context.js';
import { ChurnRules } from './churn.js';
import { FaultRules } from './faults.js';
import { methodNotAllowed, notFound, parseWith } from './http.js';
import { SEED_NAMES } from './seeds/index.js';
import { dumpUnitState } from './unit-store.js';
import { seedWorld } from './world.js';

/** Body of `POST {base}/__dev/reset`. */
export const ResetBody = z.object({ seed: z._default(z.enum(SEED_NAMES), 'small') });
/** Body of `POST {base}/__dev/latency`. */
export const LatencyBody = z.object({ ms: z.int().check(z.minimum(0), z.maximum(60_000)) });

/** Body of `POST {base}/__dev/hold`: let the first `after` requests through, then hold. */
export const HoldBody = z.object({ after: z._default(z.int().check(z.minimum(0), z.maximum(100_000)), 0) });
/** Query of `GET {base}/__dev/hold`: `held=N` answers once at least N requests are held. */
export const HoldQuery = z.object({ held: z.optional(z.string().check(z.regex(/^[1-9]\d{0,5}$/))) });

type DevHandler = (ctx: RequestContext) => Reply | Promise<Reply>;

const DEV_ROUTES: Record<string, Record<string, DevHandler>> = {
  reset: {
    POST: (ctx) => {
      seedWorld(ctx.world, parseWith(ResetBody, ctx.body ?? {}, 'reset body').seed);
      return reply(200, { seed: ctx.world.seed });
    },
  },
  latency: {
    GET: (ctx) => reply(200, { ms: ctx.world.latencyMs }),
    POST: (ctx) => {
      ctx.world.latencyMs = parseWith(LatencyBody, ctx.body, 'latency body').ms;
      return reply(200, { ms: ctx.world.latencyMs });
    },
  },
  faults: {
    GET: (ctx) => reply(200, ctx.world.faults.describe()),
    POST: (ctx) => {
      ctx.world.faults.set(parseWith(FaultRules, ctx.body, 'fault rules').rules);
      return reply(200, ctx.world.faults.describe());
    },
    DELETE: (ctx) => {
      ctx.world.faults.clear();
      return { status: 204 };
    },
  },
  churn: {
    GET: (ctx) => reply(200, { rules: ctx.world.churn }),
    POST: (ctx) => {
      ctx.world.churn = parseWith(ChurnRules, ctx.body, 'churn rules').rules.map((rule) => ({ rule, seen: 0, applied: 0 }));
      return reply(200, { rules: ctx.world.churn });
    },
    DELETE: (ctx) => {
      ctx.world.churn = [];
      return { status: 204 };
    },
  },
  hold: {
    GET: async (ctx) => {
      const held = parseWith(HoldQuery, Object.fromEntries(ctx.query), 'hold query').held;
      if (held !== undefined) await ctx.world.hold.whenHeld(Number(held));
      return reply(200, ctx.world.hold.toJSON());
    },
    POST: (ctx) => {
      ctx.world.hold.hold(parseWith(HoldBody, ctx.body ?? {}, 'hold body').after);
      return reply(200, ctx.world.hold.toJSON());
    },
    DELETE: (ctx) => {
      ctx.world.hold.release();
      return { status: 204 };
    },
  },
  log: {
    GET: (ctx) => reply(200, { entries: ctx.world.log.list() }),
    DELETE: (ctx) => {
      ctx.world.log.clear();
      return { status: 204 };
    },
  },
  stats: {
    GET: (ctx) => reply(200, ctx.world.stats.toJSON()),
    DELETE: (ctx) => {
      ctx.world.stats.reset();
      return { status: 204 };
    },
  },
  state: {
    GET: (ctx) => {
      const unitId = ctx.query.get('unit') ?? 'south-news';
      const unit = ctx.world.units.get(unitId);
      if (!unit) throw notFound(`There is no unit "${unitId}".`);
      return reply(200, dumpUnitState(unit));
    },
  },
};

/** Answers `{base}/__dev/{name}`; `ctx.path` is the part after `/__dev`. */
export function routeDev(ctx: RequestContext): Reply | Promise<Reply> {
  const methods = DEV_ROUTES[ctx.path.replace(/^\//, '')];
  if (!methods) throw notFound(`No dev control ${ctx.method} /__dev${ctx.path}.`);
  const run = methods[ctx.method];
  if (!run) throw methodNotAllowed(Object.keys(methods));
  return run(ctx);
}
