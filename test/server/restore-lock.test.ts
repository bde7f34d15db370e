// The reference server's restore lock (docs/dashboard-api.md, "Restore lock"): one owner at a time, renewal keeps
// `since`, release only by its owner, admins only, and never a mutating request. (Expiry is not tested here: it
// needs the server's clock to pass the 5 s minimum TTL, and tests do not sleep.)
import { expect } from '@open-wc/testing';
import { afterEach, beforeEach, describe, it, call, createWorld, dropWorld, EDITOR, type TestWorld } from './helpers.js';

const LOCK = '/units/south-news/restore-lock';
const take = (owner: string, ttlSeconds = 60, label = `admin ${owner}`) => ({ body: { owner, label, ttlSeconds } });

describe('reference server: restore lock', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createWorld('empty');
  });
  afterEach(async () => {
    await dropWorld(world);
  });

  it('one owner at a time: take, renew (same since), refuse another (409), tell who, release', async () => {
    expect((await call(world, 'GET', LOCK)).body).to.deep.equal({ lock: null });
    const first = await call(world, 'PUT', LOCK, take('owner-aaaa'));
    expect(first.status).to.equal(200);
    expect(first.body).to.include({ owner: 'owner-aaaa', label: 'admin owner-aaaa' });
    const renewed = await call(world, 'PUT', LOCK, take('owner-aaaa'));
    expect(renewed.body.since).to.equal(first.body.since);
    expect(Date.parse(renewed.body.expiresAt)).to.be.at.least(Date.parse(first.body.expiresAt));
    expect((await call(world, 'PUT', LOCK, take('owner-bbbb'))).status).to.equal(409);
    expect((await call(world, 'GET', LOCK)).body.lock).to.deep.equal(renewed.body);
    expect((await call(world, 'DELETE', `${LOCK}?owner=owner-bbbb`)).status, 'only its owner releases it').to.equal(409);
    expect((await call(world, 'DELETE', `${LOCK}?owner=owner-aaaa`)).status).to.equal(204);
    expect((await call(world, 'DELETE', `${LOCK}?owner=owner-aaaa`)).status, 'releasing a free lock is done').to.equal(204);
    expect((await call(world, 'PUT', LOCK, take('owner-bbbb'))).status).to.equal(200);
  });

  it('admins only, checked bodies, and not a change of the unit (no log mark, no fault count)', async () => {
    expect((await call(world, 'PUT', LOCK, { ...take('owner-aaaa'), token: EDITOR })).status).to.equal(403);
    expect((await call(world, 'GET', LOCK, { token: EDITOR })).status).to.equal(403);
    expect((await call(world, 'PUT', LOCK, take('short'))).status).to.equal(400);
    expect((await call(world, 'PUT', LOCK, take('owner-aaaa', 1))).status, 'ttl below 5 s').to.equal(400);
    expect((await call(world, 'DELETE', LOCK)).status, 'owner required').to.equal(400);
    await call(world, 'POST', '/__dev/faults', { body: { rules: [{ kind: '500', when: 'before', nth: 1 }] } });
    expect((await call(world, 'PUT', LOCK, take('owner-aaaa'))).status, 'faults do not count it').to.equal(200);
    const log = (await call(world, 'GET', '/__dev/log')).body.entries as { path: string; mutating: boolean }[];
    expect(log.filter((e) => e.path === LOCK).every((e) => !e.mutating)).to.equal(true);
  });
});
