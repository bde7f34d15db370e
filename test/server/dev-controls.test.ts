import { expect } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it, call, createWorld, dropWorld, readState, type TestWorld } from './helpers.js';

const U = '/units/south-news';
const dev = (world: TestWorld, method: string, path: string, body?: unknown) => call(world, method, `/__dev/${path}`, { token: null, body });
const putKey = (world: TestWorld, key: string) => call(world, 'PUT', `${U}/keys/${key}`, { body: { value: 'v', secret: false } });

/** Sends a request that may be dropped: the status, or 0 when the connection closed without an answer. */
async function statusOf(request: Promise<{ status: number }>): Promise<number> {
  try {
    return (await request).status;
  } catch (error) {
    expect(error).to.be.instanceOf(TypeError); // fetch's network error
    return 0;
  }
}

describe('reference server: faults', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createWorld('empty');
  });
  afterEach(async () => {
    await dropWorld(world);
  });

  for (const kind of ['500', '503', '429', 'drop'] as const) {
    for (const when of ['before', 'after'] as const) {
      it(`fails with ${kind} ${when} the change`, async () => {
        expect((await dev(world, 'POST', 'faults', { rules: [{ kind, when, nth: 1, retryAfter: 2 }] })).status).to.equal(200);
        const failed = putKey(world, 'k1');
        const status = await statusOf(failed);
        expect(status).to.equal(kind === 'drop' ? 0 : Number(kind));
        if (kind === '503' || kind === '429') expect((await failed).headers.get('retry-after')).to.equal('2');
        if (kind !== 'drop') expect((await failed).body.error).to.be.a('string');
        const keys = (await readState(world)).keys.map((k) => k.key);
        expect(keys).to.deep.equal(when === 'after' ? ['k1'] : []);
        // only the first mutating request was hit
        expect((await putKey(world, 'k2')).status).to.equal(200);
        const log = (await dev(world, 'GET', 'log')).body.entries;
        expect(log.map((e: { fault?: string }) => e.fault)).to.deep.equal([kind, undefined]);
        expect(log[0]).to.include({ method: 'PUT', path: `${U}/keys/k1`, status: Number(kind === 'drop' ? 0 : kind), mutating: true });
      });
    }
  }

  it('fails the nth mutating request and the next ones up to `times`, ignoring reads', async () => {
    await dev(world, 'POST', 'faults', { rules: [{ kind: '503', when: 'before', nth: 2, times: 2, retryAfter: 0 }] });
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) {
      await call(world, 'GET', `${U}/keys`); // reads are not counted and not faulted
      statuses.push((await putKey(world, `k${i}`)).status);
    }
    expect(statuses).to.deep.equal([200, 503, 503, 200, 200]);
    expect((await dev(world, 'GET', 'faults')).body.hits).to.deep.equal([2]);
  });

  it('fails a seeded fraction, the same way every time', async () => {
    const run = async () => {
      await call(world, 'POST', '/__dev/reset', { token: null, body: { seed: 'empty' } });
      await dev(world, 'POST', 'faults', { rules: [{ kind: '500', when: 'before', rate: 0.5, seed: 7 }] });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await putKey(world, `k${i}`)).status);
      return statuses;
    };
    const first = await run();
    expect(first).to.include(500);
    expect(first).to.include(200);
    expect(await run()).to.deep.equal(first);
  });

  it('can fault reads too with on: all', async () => {
    await dev(world, 'POST', 'faults', { rules: [{ kind: '429', when: 'before', nth: 1, on: 'all', retryAfter: 0 }] });
    const r = await call(world, 'GET', `${U}/profiles`);
    expect(r.status).to.equal(429);
    expect(r.headers.get('retry-after')).to.equal('0');
    expect((await call(world, 'GET', `${U}/profiles`)).status).to.equal(200);
  });

  it('clears rules with DELETE and refuses malformed rules (400)', async () => {
    await dev(world, 'POST', 'faults', { rules: [{ kind: '500', when: 'before', rate: 1 }] });
    expect((await putKey(world, 'a')).status).to.equal(500);
    expect((await dev(world, 'DELETE', 'faults')).status).to.equal(204);
    expect((await putKey(world, 'a')).status).to.equal(200);
    for (const rule of [{ kind: '418', when: 'before', nth: 1 }, { kind: '500', when: 'before' }, { kind: '500', when: 'later', nth: 1 }, { kind: '500', when: 'before', nth: 1, rate: 0.5 }]) {
      expect((await dev(world, 'POST', 'faults', { rules: [rule] })).status).to.equal(400);
    }
  });

  it('replays a POST that failed after the change when retried with its Idempotency-Key', async () => {
    await dev(world, 'POST', 'faults', { rules: [{ kind: 'drop', when: 'after', nth: 1 }] });
    const request = () => call(world, 'POST', `${U}/profiles`, { body: { name: 'P', roles: [], workspaces: [] }, headers: { 'idempotency-key': 'retry-me' } });
    expect(await statusOf(request())).to.equal(0);
    const retried = await request();
    expect(retried.status).to.equal(201);
    expect((await readState(world)).profiles).to.deep.equal([retried.body]);
  });
});

describe('reference server: log, stats, latency and worlds', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createWorld('small');
  });
  afterEach(async () => {
    await dropWorld(world);
  });

  it('logs API requests (not __dev ones) with seq, method, path, status and mutating', async () => {
    await call(world, 'GET', `${U}/plugins?limit=5`);
    await call(world, 'DELETE', `${U}/profiles/pr_missing`);
    await call(world, 'GET', '/session', { token: null });
    await dev(world, 'GET', 'stats');
    const entries = (await dev(world, 'GET', 'log')).body.entries;
    expect(entries).to.deep.equal([
      { seq: 1, method: 'GET', path: `${U}/plugins`, query: '?limit=5', status: 200, mutating: false },
      { seq: 2, method: 'DELETE', path: `${U}/profiles/pr_missing`, status: 404, query: '', mutating: true },
      { seq: 3, method: 'GET', path: '/session', query: '', status: 401, mutating: false },
    ]);
    expect((await dev(world, 'DELETE', 'log')).status).to.equal(204);
    await call(world, 'GET', '/session');
    expect((await dev(world, 'GET', 'log')).body.entries.map((e: { seq: number }) => e.seq)).to.deep.equal([4]);
  });

  it('counts requests and the most in flight at once, delayed by the latency', async () => {
    expect((await dev(world, 'POST', 'latency', { ms: 150 })).body).to.deep.equal({ ms: 150 });
    const started = performance.now();
    // distinct URLs: Chromium's cache lock runs identical GETs one after the other
    await Promise.all(Array.from({ length: 5 }, (_, i) => call(world, 'GET', `/session?i=${i}`)));
    expect(performance.now() - started).to.be.at.least(140);
    expect((await dev(world, 'GET', 'stats')).body).to.deep.equal({ requests: 5, inFlight: 0, maxInFlight: 5 });
    expect((await dev(world, 'DELETE', 'stats')).status).to.equal(204);
    expect((await dev(world, 'GET', 'stats')).body).to.deep.equal({ requests: 0, inFlight: 0, maxInFlight: 0 });
    await dev(world, 'POST', 'latency', { ms: 0 });
    expect((await dev(world, 'POST', 'latency', { ms: -1 })).status).to.equal(400);
  });

  it('does not delay __dev requests', async () => {
    await dev(world, 'POST', 'latency', { ms: 5000 });
    const started = performance.now();
    await dev(world, 'GET', 'stats');
    await dev(world, 'GET', 'log');
    expect(performance.now() - started).to.be.below(4000);
    await dev(world, 'POST', 'latency', { ms: 0 });
  });

  it('resets to a seed, keeping the log', async () => {
    await call(world, 'DELETE', `${U}/keys/db.password`);
    expect((await readState(world)).keys.some((k) => k.key === 'db.password')).to.equal(false);
    expect((await dev(world, 'POST', 'reset', { seed: 'small' })).status).to.equal(200);
    expect((await readState(world)).keys.some((k) => k.key === 'db.password')).to.equal(true);
    await dev(world, 'POST', 'reset', { seed: 'large' });
    const large = await readState(world);
    expect([large.plugins.length, large.workspaces.length, large.profiles.length, large.keys.length]).to.deep.equal([300, 2000, 500, 5000]);
    expect((await readState(world, 'north-news')).plugins).to.deep.equal([]);
    await dev(world, 'POST', 'reset', { seed: 'empty' });
    expect((await readState(world)).keys).to.deep.equal([]);
    expect((await dev(world, 'POST', 'reset', { seed: 'huge' })).status).to.equal(400);
    expect((await dev(world, 'GET', 'log')).body.entries.length).to.equal(1);
  });

  it('keeps worlds isolated from each other', async () => {
    const other = await createWorld('small');
    try {
      expect(other.baseUrl).to.equal(`/api/worlds/${other.id}`);
      expect(other.id).not.to.equal(world.id);
      await call(world, 'DELETE', `${U}/keys/db.password`);
      await dev(world, 'POST', 'faults', { rules: [{ kind: '500', when: 'before', rate: 1 }] });
      await dev(world, 'POST', 'latency', { ms: 50 });
      expect((await readState(other)).keys.some((k) => k.key === 'db.password')).to.equal(true);
      expect((await putKey(other, 'x')).status).to.equal(200);
      expect((await dev(other, 'GET', 'log')).body.entries.length).to.equal(1);
      expect((await dev(other, 'GET', 'latency')).body.ms).to.equal(0);
      expect((await dev(world, 'GET', 'log')).body.entries.length).to.equal(1);
    } finally {
      await dropWorld(other);
    }
  });

  it('dumps a unit state (404 for unknown units) and drops a world', async () => {
    const state = await dev(world, 'GET', 'state?unit=north-news');
    expect(state.status).to.equal(200);
    expect(Object.keys(state.body)).to.deep.equal(['plugins', 'workspaces', 'profiles', 'keys']);
    expect(state.body.plugins[0].id).to.match(/^pl_/);
    expect((await dev(world, 'GET', 'state?unit=nowhere')).status).to.equal(404);
    expect((await dev(world, 'GET', 'nothing')).status).to.equal(404);
    expect((await dev(world, 'PUT', 'log')).status).to.equal(405);
    const gone = await createWorld('empty');
    expect((await call(gone, 'DELETE', '/__dev/world', { token: null })).status).to.equal(204);
    const after = await call(gone, 'GET', '/session');
    expect(after.status).to.equal(404);
    expect(after.body.error).to.equal('NOT_FOUND');
  });

  it('creates worlds with the requested seed and refuses unknown seeds', async () => {
    const res = await fetch('/api/__dev/worlds', { method: 'POST', body: JSON.stringify({ seed: 'galaxy' }) });
    expect(res.status).to.equal(400);
    expect((await fetch('/api/__dev/worlds')).status).to.equal(405);
    const empty = await createWorld('empty');
    try {
      expect((await call(empty, 'GET', `${U}/plugins`)).body.total).to.equal(0);
    } finally {
      await dropWorld(empty);
    }
  });

  it('creates foreign worlds (20 items a page whatever the limit, keys by name, unknown fields kept) and refuses unknown personalities', async () => {
    const refused = await fetch('/api/__dev/worlds', { method: 'POST', body: JSON.stringify({ seed: 'small', personality: 'mirror' }) });
    expect(refused.status).to.equal(400);
    const res = await fetch('/api/__dev/worlds', { method: 'POST', body: JSON.stringify({ seed: 'small', personality: 'foreign' }) });
    const world = (await res.json()) as TestWorld & { personality: string };
    try {
      expect(world.personality).to.equal('foreign');
      const page = await call(world, 'GET', `${U}/keys?limit=100`);
      expect([page.body.total, page.body.limit, page.body.items.length]).to.deep.equal([25, 20, 20]);
      const names = page.body.items.map((k: { key: string }) => k.key);
      expect(names).to.deep.equal([...names].sort());
      const created = await call(world, 'POST', `${U}/profiles`, {
        body: { name: 'P', roles: [], workspaces: [], id: 'mine', audience: { regions: [null, ['x']] }, '': 0 },
      });
      expect(created.status).to.equal(201);
      expect(created.body.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(created.body).to.deep.include({ audience: { regions: [null, ['x']] }, '': 0 });
      const ws = await call(world, 'POST', `${U}/workspaces`, {
        body: { name: 'W', owner: 'admin', shared: false, layout: 'grid', icon: { text: 'W', color: '#000' }, theme: null,
          applications: [{ plugin: 'com.acme.desk', column: 0, position: 0, config: { __proto__x: 1 }, meta: { a: [] } }] },
      });
      expect(ws.body.id).to.match(/^ws_01HF[0-9A-Z]{22}$/);
      expect(ws.body.theme).to.equal(null);
      expect(ws.body.applications[0].meta).to.deep.equal({ a: [] });
      expect(ws.body.applications[0].id).to.match(/^app_01HF[0-9A-Z]{22}$/);
    } finally {
      await dropWorld(world);
    }
  });

  it('churns a list after the nth page read (add, remove, edit, replace), and clears its rules', async () => {
    const world = await createWorld('small');
    try {
      const post = await call(world, 'POST', '/__dev/churn', { body: { rules: [{ collection: 'profiles', action: 'replace', afterPage: 2 }] } });
      expect(post.status).to.equal(200);
      const names = async () => (await call(world, 'GET', `${U}/profiles?limit=100`)).body.items.map((p: { name: string }) => p.name);
      const first = await names();
      expect(await names(), 'the change comes after the second read').to.deep.equal(first);
      const third = await names();
      expect(third).to.have.length(first.length);
      expect(third[0]).to.equal(first[1]);
      expect(third.at(-1)).to.equal('Churn 1');
      expect(await names(), 'once only').to.deep.equal(third);
      expect((await call(world, 'POST', '/__dev/churn', { body: { rules: [{ collection: 'nope', action: 'add' }] } })).status).to.equal(400);
      expect((await call(world, 'DELETE', '/__dev/churn')).status).to.equal(204);
    } finally {
      await dropWorld(world);
    }
  });
  it('holds API requests while the hold is on (in flight, unanswered) and answers them all once released', async () => {
    const world = await createWorld('small');
    try {
      expect((await call(world, 'POST', '/__dev/hold', { token: null })).body).to.deep.equal({ holding: true, held: 0 });
      let answered = 0;
      const reads = [`${U}/profiles`, `${U}/keys`].map((path) => call(world, 'GET', path).then((r) => (answered++, r)));
      // Answers once both are held: no timing, the server says when.
      expect((await call(world, 'GET', '/__dev/hold?held=2', { token: null })).body).to.deep.equal({ holding: true, held: 2 });
      expect((await call(world, 'GET', '/__dev/stats', { token: null })).body.inFlight).to.equal(2);
      expect((await call(world, 'GET', '/__dev/log', { token: null })).body.entries).to.deep.equal([]);
      expect(answered, 'nothing answered while held').to.equal(0);
      expect((await call(world, 'GET', '/__dev/hold?held=0', { token: null })).status).to.equal(400);
      expect((await call(world, 'DELETE', '/__dev/hold', { token: null })).status).to.equal(204);
      expect((await Promise.all(reads)).map((r) => r.status)).to.deep.equal([200, 200]);
      expect((await call(world, 'GET', `${U}/profiles`)).status, 'no longer held').to.equal(200);
      // `after`: the first requests pass, the next are held.
      await call(world, 'POST', '/__dev/hold', { token: null, body: { after: 1 } });
      expect((await call(world, 'GET', `${U}/profiles`)).status, 'the first passes').to.equal(200);
      const second = call(world, 'GET', `${U}/profiles`);
      await call(world, 'GET', '/__dev/hold?held=1', { token: null });
      await call(world, 'DELETE', '/__dev/hold', { token: null });
      expect((await second).status).to.equal(200);
      expect((await call(world, 'POST', '/__dev/hold', { token: null, body: { after: -1 } })).status).to.equal(400);
      // Dropping a world releases what it holds.
      await call(world, 'POST', '/__dev/hold', { token: null });
      const orphan = call(world, 'GET', `${U}/keys`);
      await call(world, 'GET', '/__dev/hold?held=1', { token: null });
      await dropWorld(world);
      expect((await orphan).status).to.be.oneOf([200, 404]);
    } finally {
      await dropWorld(world).catch(() => undefined);
    }
  });
});
